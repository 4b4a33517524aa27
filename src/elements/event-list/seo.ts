/**
 * `seo`: the events on screen as schema.org JSON-LD, in the host page's light DOM (a child of the
 * element), where crawlers that run scripts read structured data; shadow DOM content is not
 * guaranteed to be. It is data, not script, so it passes strict Content-Security-Policies; under
 * Trusted Types its text goes through the library's policy, `sdi-widgets`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedSchema, Lang, SdiEvent } from '../../model/types.js';
import { whenIdle } from '../../time/when-idle.js';

/** The schema.org mapping is a chunk of its own, fetched in idle time by lists with `seo` only. */
export type JsonLdModule = typeof import('../../formats/jsonld.js');
export const loadJsonLd = (): Promise<JsonLdModule> => import('../../formats/jsonld.js');

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

/** What the list shows, when `seo` is on. */
export interface SeoContent {
  events: readonly SdiEvent[];
  lang: Lang;
  schema?: FeedSchema;
}

/**
 * Keeps the host's JSON-LD in step with the events shown: written when the page is idle (crawlers
 * wait; visitors should not), rewritten only when the events shown change, removed when `seo` goes
 * off or the element leaves the page.
 */
export class SeoPublisher implements ReactiveController {
  private key?: string;
  /** The page refused the script (Trusted Types): not tried again. */
  private blocked = false;
  private cancel?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Fetches the JSON-LD mapping's chunk. */
    private readonly load: () => Promise<JsonLdModule>,
  ) {
    host.addController(this);
  }

  /** After each update: `content` is called only when publishing (undefined: `seo` is off). */
  publish(content: (() => SeoContent | undefined) | undefined): void {
    const shown = content && !this.blocked ? content() : undefined;
    if (!shown) {
      this.withdraw();
      return;
    }
    const events = shown.events.slice(0, SEO_MAX_EVENTS);
    const key = `${shown.lang}|${events.map((e) => e.uid).join(',')}`;
    if (key === this.key) return;
    this.key = key;
    this.cancel?.();
    this.cancel = whenIdle(() => {
      this.cancel = undefined;
      this.load().then(
        (jsonld) => {
          // Left the page, or other events shown, while the chunk came.
          if (this.key !== key || !this.host.isConnected) return;
          if (!publishJsonLd(jsonld, this.host, events, shown.lang, shown.schema)) this.blocked = true;
        },
        (error: unknown) => {
          console.warn('[semaine-industrie-widgets] <sdi-event-list> could not load the seo code:', error);
          // Asked again on the next change of the events shown.
          if (this.key === key) this.key = undefined;
        },
      );
    });
  }

  private withdraw(): void {
    if (this.key !== undefined) removeJsonLd(this.host);
    this.key = undefined;
    this.cancel?.();
    this.cancel = undefined;
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
    removeJsonLd(this.host);
    this.key = undefined;
  }
}
