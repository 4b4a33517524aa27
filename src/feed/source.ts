/**
 * Where a widget reads its events: a static snapshot (the default, built for national traffic)
 * or the live OpenAgenda API (or a partner's proxy of it). A page configures it once, with
 * `<meta name="sdi:src" content="…">` (or sdi:agenda / sdi:api-key / sdi:api) or
 * `configureWidgets()`, and any widget may override it with its own attributes.
 */

export type SourceConfig = { kind: 'snapshot'; src: string } | { kind: 'live'; agenda: string; apiKey?: string; api?: string };

export interface SourceAttributes {
  src?: string | null;
  agenda?: string | null;
  apiKey?: string | null;
  api?: string | null;
}

let pageDefaults: SourceAttributes = {};

/** Page-wide defaults for every widget that does not say otherwise. */
export function configureWidgets(defaults: SourceAttributes): void {
  pageDefaults = { ...pageDefaults, ...defaults };
}

/** For tests: forget page-wide defaults set through `configureWidgets`. */
export function resetWidgetConfiguration(): void {
  pageDefaults = {};
}

/**
 * A page-wide setting, from `<meta name="sdi:…">` in the document's head only: a meta injected
 * in the body (a comment, a CMS block) must not move the widgets, or the partner's API key, to
 * another server. Only the head's own children count, so a meta inside a template or another
 * element of the head does not.
 */
function meta(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  // Through Document's own getter: `<form name="head">` in the body shadows `document.head`.
  const head: unknown = Object.getOwnPropertyDescriptor(Document.prototype, 'head')?.get?.call(document);
  if (!(head instanceof HTMLHeadElement)) return undefined;
  const element = head.querySelector(`:scope > meta[name="sdi:${name}"]`);
  if (!element || element.parentNode !== head) return undefined;
  return element.getAttribute('content')?.trim() || undefined;
}

/**
 * The snapshot published beside the script (`…/sdi-widgets.js` → `…/snapshot/`), so a partner
 * who pastes only the script tag gets the national edition. Computed from this module's URL.
 */
export function defaultSnapshotUrl(): string {
  return snapshotUrlBeside(import.meta.url);
}

/**
 * `sdi-snapshot publish` puts the bundle in `widgets/<version>/` and `widgets/v<major>/`, and one
 * snapshot in `snapshot/` above `widgets/` (docs/PUBLISHING.md): both paths read that one, not a
 * copy per path. Anywhere else the snapshot is beside the script.
 */
export function snapshotUrlBeside(scriptUrl: string): string {
  const versioned = /\/widgets\/(v\d+|\d+\.\d+\.\d+(-[\w.-]+)?)\/[^/]*$/.test(new URL(scriptUrl).pathname);
  return new URL(versioned ? '../../snapshot/' : './snapshot/', scriptUrl).href;
}

export type SourceProblem = { attribute: 'src' | 'agenda' | 'api'; value: string };

export function resolveSource(own: SourceAttributes): { source: SourceConfig; problem?: SourceProblem } {
  const pick = (key: keyof SourceAttributes, metaName: string) => own[key]?.trim() || pageDefaults[key]?.trim() || meta(metaName);
  const agenda = pick('agenda', 'agenda');
  // A widget's own src wins over a page-wide live agenda, and the reverse, so that a partner can
  // put one live widget on a page whose others read the snapshot.
  const ownSrc = own.src?.trim();
  const ownAgenda = own.agenda?.trim();
  const useLive = ownAgenda ? true : ownSrc ? false : Boolean(agenda) && !(pageDefaults.src || meta('src'));
  if (useLive && agenda) {
    if (!/^\d+$/.test(agenda)) {
      return {
        source: { kind: 'snapshot', src: defaultSnapshotUrl() },
        problem: { attribute: 'agenda', value: agenda },
      };
    }
    const api = pick('api', 'api');
    const apiKey = pick('apiKey', 'api-key');
    if (api && !isHttpUrl(api)) {
      return {
        source: { kind: 'live', agenda, ...(apiKey ? { apiKey } : {}) },
        problem: { attribute: 'api', value: api },
      };
    }
    // A partner's proxy may be given as a path on their own site ("/api/openagenda/v2").
    const absoluteApi = api ? absolute(api).replace(/\/+$/, '') : undefined;
    return { source: { kind: 'live', agenda, ...(apiKey ? { apiKey } : {}), ...(absoluteApi ? { api: absoluteApi } : {}) } };
  }
  const src = pick('src', 'src');
  if (src) {
    const absolute = toAbsoluteDirectory(src);
    if (!absolute) {
      return { source: { kind: 'snapshot', src: defaultSnapshotUrl() }, problem: { attribute: 'src', value: src } };
    }
    return { source: { kind: 'snapshot', src: absolute } };
  }
  return { source: { kind: 'snapshot', src: defaultSnapshotUrl() } };
}

function absolute(value: string): string {
  return new URL(value, typeof document === 'undefined' ? undefined : document.baseURI).href;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(absolute(value));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Snapshot URLs are folders: "…/snapshot" and "…/snapshot/" and "…/snapshot/index.json" agree. */
function toAbsoluteDirectory(value: string): string | undefined {
  if (!isHttpUrl(value)) return undefined;
  const url = new URL(absolute(value));
  url.hash = '';
  url.search = '';
  if (url.pathname.endsWith('/index.json')) url.pathname = url.pathname.slice(0, -'index.json'.length);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** A stable key: two widgets with equal sources share one cache entry and one request. */
export function sourceKey(source: SourceConfig): string {
  return source.kind === 'snapshot'
    ? `snapshot|${source.src}`
    : `live|${source.api ?? ''}|${source.agenda}|${source.apiKey ?? ''}`;
}
