/**
 * Links from the feed end up in `href` attributes on partner sites, so anything that is not a
 * plain absolute web address is dropped here rather than escaped later.
 */

// Whitespace and invisible characters inside a link are how filters get fooled: the URL parser
// silently removes tabs and newlines ("java\tscript:"), and bidi or zero-width characters make a
// link read differently from where it goes.
const HIDDEN_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

// Checked before parsing because `new URL('https:example.com')` happily turns a scheme-relative
// oddity into an absolute URL.
const ABSOLUTE_HTTP = /^https?:\/\//i;

/**
 * True when a value meant for an address (a link, an e-mail) holds whitespace or characters that
 * hide or reorder what a visitor reads: "contact@\u202erf.elpmaxe" displays as another address.
 */
export function hasHiddenCharacters(value: string): boolean {
  return HIDDEN_OR_SPACE.test(value);
}

/**
 * The normalised href of an absolute http(s) URL, or undefined. Credentials in the URL are refused
 * too: `https://trusted.fr@evil.example/` is a classic way to disguise the real host.
 */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const candidate = value.trim();
  if (!candidate || candidate.length > 2048) return undefined;
  if (hasHiddenCharacters(candidate) || !ABSOLUTE_HTTP.test(candidate)) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.href;
}
