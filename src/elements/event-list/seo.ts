/**
 * `seo`: the events on screen as schema.org JSON-LD, in the host page's light DOM (a child of the
 * element), where crawlers that run scripts read structured data; shadow DOM content is not
 * guaranteed to be. It is data, not script, so it passes strict Content-Security-Policies; under
 * Trusted Types its text goes through the library's policy, `sdi-widgets`.
 */
import type { FeedSchema, Lang, SdiEvent } from '../../model/types.js';

/** The schema.org mapping is a chunk of its own, fetched in idle time by lists with `seo` only. */
export type JsonLdModule = typeof import('../../list/jsonld.js');
export const loadJsonLd = (): Promise<JsonLdModule> => import('../../list/jsonld.js');

/** Search engines only need a representative set; a huge script would weigh on the host page. */
export const SEO_MAX_EVENTS = 50;
const MARKER = 'data-sdi-seo';

function own(host: HTMLElement): HTMLScriptElement | undefined {
  for (const child of host.children) {
    if (child instanceof HTMLScriptElement && child.hasAttribute(MARKER)) return child;
  }
  return undefined;
}

/**
 * False when the page refuses it (Trusted Types enforced without our policy name allowed); the list
 * works on.
 */
export function publishJsonLd(
  jsonld: JsonLdModule,
  host: HTMLElement,
  events: readonly SdiEvent[],
  lang: Lang,
  schema?: FeedSchema,
): boolean {
  try {
    write(jsonld, host, events, lang, schema);
    return true;
  } catch (error) {
    console.warn('[semaine-industrie-widgets] <sdi-event-list> could not publish the seo data:', error);
    removeJsonLd(host);
    return false;
  }
}

function write(jsonld: JsonLdModule, host: HTMLElement, events: readonly SdiEvent[], lang: Lang, schema?: FeedSchema): void {
  const data = events.slice(0, SEO_MAX_EVENTS).map((event) => jsonld.eventToJsonLd(event, lang, schema));
  const text = jsonld.serializeJsonLd(data);
  let script = own(host);
  if (script?.textContent === text) return;
  if (!script) {
    script = document.createElement('script');
    script.type = 'application/ld+json';
    script.setAttribute(MARKER, '');
    host.append(script);
  }
  // A script's text is a Trusted Types sink even for a data block: the library's policy vouches
  // for JSON only (src/security/trusted-types.ts).
  jsonld.setJsonScriptText(script, text);
}

export function removeJsonLd(host: HTMLElement): void {
  own(host)?.remove();
}
