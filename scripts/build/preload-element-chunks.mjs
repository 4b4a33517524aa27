// The element chunks' own imports, asked for with the element (issue #14). The loader imports an
// element's entry (`sdi-event-list.js`), whose static imports (lit's core, the store, the filters,
// the element's class) the browser discovers only once that entry has arrived: one more round
// trip, 150 ms on a phone's 4G, before the first card. This appends to the loader a table of each
// tag's chunks and a scan that imports those of the tags on the page, in the same task as the
// loader's own imports, so they download in parallel. Appended, after the code: the loader's
// source map stays exact. A page whose tags arrive later (a CMS, a single-page app) loads them
// as before.

/** The loader's map of tag → entry, as the minified loader writes it (scripts/size/check.mjs reads it too). */
const TAG_LOADER = /["']?(sdi-[a-z-]+)["']?\s*:\s*\(\)\s*=>\s*import\(\s*["'](\.\/[^"']+)["']\s*\)/g;

/** Every chunk `file` imports statically, directly or not. */
function closure(file, chunks, seen = new Set()) {
  for (const imported of chunks[file]?.imports ?? []) {
    if (seen.has(imported)) continue;
    seen.add(imported);
    closure(imported, chunks, seen);
  }
  return seen;
}

export function preloadElementChunks({ loader = 'sdi-widgets.js' } = {}) {
  return {
    name: 'preload-element-chunks',
    renderChunk(code, chunk, _options, meta) {
      if (chunk.fileName !== loader) return null;
      // The loader's own imports are in memory when it runs.
      const loaded = closure(loader, meta.chunks);
      const table = {};
      for (const [, tag, entry] of code.matchAll(TAG_LOADER)) {
        const files = [...closure(entry.slice(2), meta.chunks)].filter((file) => !loaded.has(file));
        if (files.length > 0) table[tag] = files.map((file) => `./${file}`);
      }
      if (Object.keys(table).length === 0) this.error('no tag loader found in the loader: the preload table would be empty');
      const scan =
        `\n;if(typeof document<"u"){const d=${JSON.stringify(table)};` +
        'for(const t in d)if(!customElements.get(t)&&document.querySelector(t))for(const f of d[t])import(f).catch(()=>{})}';
      return { code: code + scan, map: null };
    },
  };
}
