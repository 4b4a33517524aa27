// Size budgets of the script-tag bundle (issue #5), checked by scripts/size/check.mjs after the
// build. Sizes are bytes of min+gzip summed over the files a page downloads, gzip per file, as a
// CDN serves them.

/** The target: the script-tag entry without the map, lit included. */
export const TARGET = 20 * 1024;

export const budgets = {
  // The loader and its static imports: what every partner page downloads first, whatever it holds.
  loader: { limit: TARGET },
  // What a page downloads before any visitor action, for the tags it holds (the loader included).
  // Every page that fits the target gets it. A page that cannot gets a ceiling at its
  // measured size rounded up to the next KB (so it cannot grow unnoticed) and keeps `target`, so
  // the check prints by how much it is over.
  // Measured on 27 November 2026 (issue #5): lit's core alone is 6.5 KB, the snapshot reader and
  // store 6 KB, the filters 6.6 KB, so only the countdown, which needs neither, fits.
  // `npm run size:floor` (scripts/size/floor.mjs) bundles the least each widget needs to draw its
  // loaded state, in one file: list 28.2 KB, so no lazy-loading brings the list page to 20 KB.
  // Raised the same day, each page by what two changes cost: the loader's space reservation
  // (+0.5 KB: no layout shift when widgets load, src/reserve-space.ts) and the sliced reading of
  // event files (+0.7 KB on pages with the store: a phone's longest task 425 -> 98 ms).
  // Raised on 7 December 2026 by the adversarial review's fixes (issue #11): snapshot shard records
  // held to the normaliser's rules, bounded index tables, a missing snapshot told apart from a
  // network failure (+1.5 to 1.8 KB on pages with the store, in the `data` chunk), and one link
  // policy for every partner `href` (in `core`, +0.2 KB on every element page).
  // Raised again the same day by issue #12's first step (shared controllers, a generic cache apart
  // from the domain store, one slot cap in the snapshot reader): +0.1 to +1.1 KB, in `data` and
  // `filters`. Issue #12 asks for no growth: trimming these back is open work on that issue.
  // Raised on 7 December 2026 (evening) by three features, measured chunk by chunk against the
  // build before them (gzip): the edition phase every widget renders from (issue #13: phase,
  // page-wide programme, date sentences, +1.5 KB in `core`, so on every element page; the banner's
  // and list's texts per phase, +1.1 KB banner, +0.7 KB list); the first paint from the snapshot's
  // first-page files (issue #14: the loader's prefetch and chunk table +0.8 KB and +0.3 KB in
  // `source`, on every page; format 2 reading and the first-page rule +1.3 KB in `data`; a national
  // list's data before its first card 1,383 -> 14.6 KB); the map's caption, phone region control
  // and base-map options (issues #13, #15: +3.1 KB in the map's element chunk). Issue #12's own
  // steps (styles and detail files split, layers) changed sizes by -0.1 to +0.1 KB.
  pages: {
    // 23.8 KB: lit, the store and the snapshot reader (for the live count) and the banner itself.
    // (25.6 KB after issue #11: the banner loads the whole `data` chunk, shard validation included,
    // although it reads only index.json; splitting that chunk is the way back under 24 KB.)
    // (31.2 KB after issues #13 and #14: the phase's texts, the prefetching loader.)
    'banner only': { tags: ['sdi-edition-banner'], limit: 32 * 1024, target: TARGET },
    'countdown only': { tags: ['sdi-countdown'], limit: TARGET },
    // 46.2 KB: the list, its filters and styles; the detail, the address sync and the JSON-LD are lazy.
    // (+0.3 KB the same day: two lists with sync-url no longer write over each other's address.)
    // (48.5 KB after issue #11: shard validation, the missing-snapshot error, the search cap.)
    // (54.9 KB after issues #13 and #14: the edition's states, presets as the reset's floor, the first
    // page; 55.1 KB with the note above late events after the week and the wake at the phase's end.)
    'list only': { tags: ['sdi-event-list'], limit: 56 * 1024, target: TARGET },
    // 54.5 KB; 56.8 KB after issue #11; 64.1 KB after issues #13 and #14.
    'banner+countdown+list': {
      tags: ['sdi-edition-banner', 'sdi-countdown', 'sdi-event-list'],
      limit: 65 * 1024,
      target: TARGET,
    },
    // 35.1 KB: the element only, before the map scrolls into view; Leaflet is the map chunk's budget.
    // (+0.3 KB the same day: the loading render keeps the room of the region list, ~790 px on a phone.)
    // (37.3 KB after issue #11: shard validation and the missing-snapshot error, in `data`.)
    // (46.0 KB after issues #13 to #15: the edition caption, the phone control, the base-map options.)
    'map page': { tags: ['sdi-region-map'], limit: 47 * 1024, target: TARGET },
  },
  // The chunk fetched when a map is shown: Leaflet as shipped (dist/leaflet.js) with a quarter on
  // top for our view code, plus the coastline data it draws. Both are measured at check time, so
  // a Leaflet upgrade or a finer coastline moves the budget with them.
  map: {
    leafletFactor: 1.25,
    leaflet: 'node_modules/leaflet/dist/leaflet.js',
    coastline: 'src/map/coastline-data.ts',
    // Issue #11: `regions-geojson` keeps only outlines, walks collections without recursion and
    // caps vertices and bytes (src/map/outline-geojson.ts): 0.5 KB measured, 0.6 KB allowed.
    // Issue #15 (the base map): the outlines of the 101 departments and 18 regions on shared arcs
    // (src/map/outline-data.ts, 12.0 KB gzip as source), the overseas insets, the names placed off
    // the symbols and the choropleth with its legend; France's coastline land is no longer shipped
    // (the regions draw it). Measured on 7 December 2026: map chunk 61.6 -> 75.6 KB (+14.0 KB, within
    // the issue's +15 KB for the outlines); +14.5 KB allowed.
    extra: (0.6 + 14.5) * 1024,
  },
};
