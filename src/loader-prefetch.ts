/**
 * The loader's head start on data (issue #14): it knows where the widgets of the page read their
 * data before any element's code has arrived, so it asks for index.json at once, in parallel with
 * the element chunks, and then for the files the index names for the widgets present: a list's
 * first-page file, a map's points. The store takes these answers instead of asking again
 * (feed/prefetch.ts), so a first card waits for two data round trips after the loader, not for
 * the chain loader → chunk → index → file.
 */
import { prefetch, prefetchJson } from './feed/prefetch.js';
import { resolveSource } from './feed/source.js';

/**
 * A list's attributes that change which events come first (filters other than the region, order,
 * past events, the address's filters): such a list waits for its full file, so its first-page
 * file is not asked for.
 */
const NOT_FIRST_PAGE = ['department', 'city', 'type', 'audience', 'from', 'to', 'attendance', 'accessibility', 'q', 'past'];

interface Wanted {
  /** Region codes of the first-page files wanted; '' for the national one. */
  firsts: Set<string>;
  points: boolean;
}

/** The first-page scope a list reads (as its scopeRegion does), or undefined when it reads none. */
function firstPageScope(list: Element): string | undefined {
  if (NOT_FIRST_PAGE.some((name) => list.hasAttribute(name))) return undefined;
  const sort = list.getAttribute('sort')?.trim();
  if (sort && sort !== 'date') return undefined;
  const syncUrl = list.getAttribute('sync-url')?.trim().toLowerCase();
  if (syncUrl !== undefined && syncUrl !== 'false' && syncUrl !== 'off') return undefined;
  const region = list.getAttribute('region')?.trim() ?? '';
  // A grouped list reads the national file, where a region preset is a filter.
  if (list.hasAttribute('group')) return region ? undefined : '';
  return region;
}

/** A path the index names, inside the snapshot's folder (the store refuses anything else). */
function inside(folder: string, path: unknown): string | undefined {
  if (typeof path !== 'string' || /[\u0000-\u0020\u007f-\u009f\\]/.test(path)) return undefined;
  try {
    const url = new URL(path, folder);
    const base = new URL(folder);
    return url.origin === base.origin && url.pathname.startsWith(base.pathname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const pathOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { path?: unknown }).path : undefined;

function prefetchFiles(folder: string, index: unknown, wanted: Wanted): void {
  if (typeof index !== 'object' || index === null) return;
  const files = (index as { files?: Record<string, unknown> }).files ?? {};
  const first = (files.first ?? {}) as { all?: unknown; regions?: Record<string, unknown> };
  const paths: unknown[] = [...wanted.firsts].map((region) =>
    pathOf(region ? Object.hasOwn(first.regions ?? {}, region) && first.regions?.[region] : first.all),
  );
  if (wanted.points) paths.push(pathOf(files.points));
  for (const path of paths) {
    const url = inside(folder, path);
    if (url) prefetch(url);
  }
}

export function prefetchData(doc: Document): void {
  const bySource = new Map<string, Wanted>();
  for (const element of doc.querySelectorAll('sdi-event-list, sdi-region-map, sdi-edition-banner')) {
    const { source } = resolveSource({
      src: element.getAttribute('src'),
      agenda: element.getAttribute('agenda'),
      apiKey: element.getAttribute('api-key'),
      api: element.getAttribute('api'),
    });
    if (source.kind !== 'snapshot') continue;
    let wanted = bySource.get(source.src);
    if (!wanted) {
      wanted = { firsts: new Set(), points: false };
      bySource.set(source.src, wanted);
    }
    if (element.localName === 'sdi-region-map') wanted.points = true;
    const scope = element.localName === 'sdi-event-list' ? firstPageScope(element) : undefined;
    if (scope !== undefined) wanted.firsts.add(scope);
  }
  for (const [folder, wanted] of bySource) {
    void prefetchJson(new URL('index.json', folder).href).then((index) => prefetchFiles(folder, index, wanted));
  }
}
