// The smallest bundles our own modules allow for each page of the size budget (issue #5): lit,
// and only the modules a widget needs to draw its loaded state once (no element class, no
// filters UI, no English, no error or retry paths), each floor in one file, minified and gzipped
// as the real build is. A page over its 20 KB target whose floor is over it too cannot meet
// the target by moving code into lazy chunks: the gap is in what the widget needs to show
// anything, and closing it means dropping a feature or re-setting the budget.
// Run: node scripts/size/floor.mjs
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { browserTransforms } from '../build/browser-plugins.mjs';
import { measure } from './report.mjs';
import { TARGET } from './budgets.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = (path) => JSON.stringify(join(ROOT, 'src', path));

/** Each floor: what it imports, kept whole by re-exporting it (tree-shaking keeps what is used). */
export const FLOORS = {
  'lit (LitElement, html, css, decorators)': `
    export { LitElement, html, css, nothing } from 'lit';
    export { property, state } from 'lit/decorators.js';`,
  // The countdown needs no feed: edition facts and the clock.
  'countdown: lit + editions + phase + dates': `
    export { LitElement, html, css, nothing } from 'lit';
    export { property, state } from 'lit/decorators.js';
    export { resolveEdition } from ${src('editions/editions.ts')};
    export * from ${src('editions/countdown-phase.ts')};
    export { formatDateRange, formatCount } from ${src('i18n/format.ts')};`,
  // The banner's live count: the page's store reading the snapshot index, region names for «where».
  'banner: lit + store (count) + editions + region names': `
    export { LitElement, html, css, nothing } from 'lit';
    export { property, state } from 'lit/decorators.js';
    export { Task } from '@lit/task';
    export { feedStore } from ${src('store/feed-store.ts')};
    export { resolveEdition } from ${src('editions/editions.ts')};
    export { editionOrdinal } from ${src('editions/ordinal.ts')};
    export { findRegion, findDepartment } from ${src('geo/admin.ts')};
    export { formatDateRange, formatCount } from ${src('i18n/format.ts')};
    export { sourceOf } from ${src('elements/shared/source-attributes.ts')};`,
  // A list of a region's events as the partner snippet shows it: presets read from attributes,
  // the events read and filtered, one page of cards grouped by day, with their styles and French text.
  'list: lit + store + presets + filtering + cards by day + styles (fr)': `
    export { LitElement, html, css, nothing } from 'lit';
    export { property, state } from 'lit/decorators.js';
    export { repeat } from 'lit/directives/repeat.js';
    export { Task } from '@lit/task';
    export { feedStore } from ${src('store/feed-store.ts')};
    export { sourceOf } from ${src('elements/shared/source-attributes.ts')};
    export { filtersFromAttributes } from ${src('filters/attributes.ts')};
    export { indexEvents } from ${src('filters/apply.ts')};
    export { ResultsMemo } from ${src('elements/event-list/results.ts')};
    export { groupByDay } from ${src('list/group-by-day.ts')};
    export { renderCard, ChoiceLabels } from ${src('elements/event-list/card.ts')};
    export { baseStyles } from ${src('elements/shared/styles.ts')};
    export { listStyles } from ${src('elements/event-list/styles/index.ts')};
    import { LIST_MESSAGES } from ${src('elements/event-list/messages.ts')};
    export const fr = LIST_MESSAGES.fr;`,
};

async function floorSize(code) {
  const id = '\0size-floor';
  const bundle = await rollup({
    input: id,
    onwarn: () => {},
    plugins: [
      { name: 'floor-entry', resolveId: (source) => (source === id ? id : null), load: (key) => (key === id ? code : null) },
      ...browserTransforms({ tsconfig: join(ROOT, 'tsconfig.json') }),
    ],
  });
  // Dynamic imports (the live reader) stay out, as they do in the real build; what the entry and
  // a lazy chunk share is split into a chunk the entry imports: the floor is the entry and those.
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((file) => file.type === 'chunk').map((file) => [file.fileName, file]));
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const imported of chunks.get(name).imports) visit(imported);
  };
  visit(output.find((file) => file.type === 'chunk' && file.isEntry).fileName);
  // One file, as if the floor were a single script: concatenated before gzip.
  return measure([...needed].map((name) => chunks.get(name).code).join('\n'));
}

export async function measureFloors(floors = FLOORS) {
  const rows = [];
  for (const [name, code] of Object.entries(floors)) rows.push({ name, ...(await floorSize(code)) });
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${'floor (one file, min+gzip)'.padEnd(72)}${'gzip'.padStart(10)}  vs ${kb(TARGET)}`);
  for (const row of await measureFloors()) {
    const gap = row.gzip - TARGET;
    console.log(`${row.name.padEnd(72)}${kb(row.gzip).padStart(10)}  ${gap > 0 ? `over by ${kb(gap)}` : 'fits'}`);
  }
}
