/**
 * The script-tag entry. Partners paste `<script type="module" src="…/sdi-widgets.js">` and place
 * elements by attributes; this file only watches the page for `sdi-` tags and loads the code of
 * those present (a page with a banner never downloads the list, nor the map and Leaflet). Tags
 * added later, by a CMS or a single-page app, are picked up too. Elements inside other
 * components' shadow roots are not seen: import the per-element entries for those.
 */
import { configureWidgets } from './feed/source.js';
import { prefetchData } from './loader-prefetch.js';
import { reserveSpace } from './reserve-space.js';

const LOADERS: Record<string, () => Promise<unknown>> = {
  'sdi-edition-banner': () => import('./elements/edition-banner/define.js'),
  'sdi-countdown': () => import('./elements/countdown/define.js'),
  'sdi-event-list': () => import('./elements/event-list/define.js'),
  'sdi-region-map': () => import('./elements/region-map/define.js'),
};

const requested = new Set<string>();

function load(tag: string): void {
  const loader = LOADERS[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag);
    console.warn(`[semaine-industrie-widgets] could not load <${tag}>:`, error);
  });
}

function scan(root: ParentNode): void {
  for (const tag of Object.keys(LOADERS)) {
    if (!requested.has(tag) && root.querySelector(tag)) load(tag);
  }
}

function start(): void {
  // The data first: its chain (index, then the files it names) is as long as the chunks' own.
  try {
    prefetchData(document);
  } catch (error) {
    // A head start only: the widgets read their data themselves all the same.
    console.warn('[semaine-industrie-widgets] could not prefetch data:', error);
  }
  scan(document);
  if (requested.size === Object.keys(LOADERS).length) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const tag = node.localName;
        if (tag in LOADERS) load(tag);
        if (node.firstElementChild) scan(node);
      }
    }
    if (requested.size === Object.keys(LOADERS).length) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

// Module scripts run after parsing, so the page's elements are there; guard for odd loaders.
if (typeof document !== 'undefined') {
  // First, before any chunk is asked for: the tags get their boxes in the next frame.
  reserveSpace(document);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

export { configureWidgets };
