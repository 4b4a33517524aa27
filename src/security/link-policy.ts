/**
 * The one rule for every link a partner gives a widget in an attribute (`href` of the countdown,
 * the banner and the list; `regions-geojson` of the map): it becomes a clickable `href` or a
 * fetch on the partner's page, so it is decided here, once, by the browser's own URL parser.
 *
 * Allowed: http and https, absolute or relative to the page (`/programme`, `agenda.html`, `?p=2`
 * are the partner's own pages and must keep working). Refused: every other scheme (javascript:,
 * data:, vbscript:, blob:, and mailto:, which no widget link is meant to be), credentials in the
 * address (`https://trusted.fr@evil.example/` disguises the host) and any whitespace or invisible
 * character inside the value, because the parser silently drops tabs and newlines
 * (`java&#9;script:` parses as `javascript:`), which is how a textual scheme check is fooled.
 */
import { hasHiddenCharacters } from '../model/url.js';

const MAX_LENGTH = 2048;

/**
 * The absolute http(s) address a partner's link points to, resolved against `baseUri` (the
 * page's `document.baseURI`), or undefined when the policy refuses it. Surrounding spaces, which
 * HTML attributes often carry, are trimmed first; spaces inside are refused.
 */
export function partnerLink(value: string | null | undefined, baseUri: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const candidate = value.trim();
  if (!candidate || candidate.length > MAX_LENGTH || hasHiddenCharacters(candidate)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate, baseUri);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.href;
}
