// Builds dist/: the browser bundle (one script-tag entry registering every element, per-element
// entries, and element classes without registration for npm users) and the snapshot builder CLI.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { browserTransforms } from './scripts/build/browser-plugins.mjs';
import { classicLoader } from './scripts/build/classic-loader.mjs';
import { preloadElementChunks } from './scripts/build/preload-element-chunks.mjs';
import { reserveCss } from './scripts/build/reserve-css.mjs';
import { stampVersion } from './scripts/build/stamp-version.mjs';
import { sizeReport } from './scripts/size/report.mjs';

/**
 * Shared code in a few chunks by who needs it, instead of one chunk per set of importers (a dozen
 * files of a few hundred bytes each, a request apiece). Each group is needed as a whole by every
 * page that loads it: `core` by every element, `data` by the elements that read events (not the
 * countdown), `filters` by the list and the map. Modules not named stay where rollup puts them:
 * the map view with Leaflet, DOMPurify, the live-mode reader and the list's lazy parts keep their
 * own chunks, fetched only by pages (and visitors) that use them.
 */
const CHUNKS = {
  // The page-wide configuration, shared by the loader and the elements: the loader alone is
  // pasted on every page of a partner's site, widgets or not, so it must not pull lit in.
  // The loader's data prefetch (feed/prefetch.ts) is handed to the store through the same chunk.
  source: [/\/src\/feed\/(source|prefetch)\.ts$/],
  core: [
    // lit's base, not its directives: each element chunk takes the ones it uses.
    /\/node_modules\/lit\/(index|decorators|directive)\.js$/,
    /\/node_modules\/lit-html\/(lit-html|is-server|directive)\.js$/,
    /\/node_modules\/lit-element\/lit-element\.js$/,
    /\/node_modules\/@lit\/reactive-element\/(reactive-element|css-tag|decorators\/(property|state|base))\.js$/,
    /\/src\/elements\/shared\/(styles|define|attribute-problems|lang-element)\.ts$/,
    /\/src\/time\/when-idle\.ts$/,
    // The zone-day maths only the list and the map use sit with the filters.
    /\/src\/time\/(?!local-day)/,
    // The page's one edition phase (#13): the countdown reads it too, so it cannot sit with the data.
    /\/src\/editions\/(editions|ordinal|phase|page-programme)\.ts$/,
    /\/src\/controllers\/phase-wake\.ts$/,
    // The countdown's date sentences, which the list's edition states also use (#13).
    /\/src\/elements\/countdown\/format-dates\.ts$/,
    /\/src\/i18n\/locale\.ts$/,
    /\/src\/version\.ts$/,
    // Every element checks the partner's links (the countdown included, which reads no data).
    /\/src\/security\/link-policy\.ts$/,
    /\/src\/model\/url\.ts$/,
  ],
  data: [
    /\/node_modules\/@lit\/task\//,
    /\/src\/store\/(?!live-reader)/,
    /\/src\/feed\/(http|snapshot-)/,
    /\/src\/elements\/shared\/(source-attributes|source-element|filter-preset-element|disconnect-signal)\.ts$/,
    /\/src\/controllers\/feed-controller\.ts$/,
    /\/src\/geo\//,
    /\/src\/model\/(text|guards)\.ts$/,
    /\/src\/i18n\/format\.ts$/,
    /\/src\/editions\/programme-facts\.ts$/,
  ],
  filters: [
    /\/src\/filters\/(?!url-state)/,
    /\/src\/list\/format-event\.ts$/,
    /\/src\/time\/local-day\.ts$/,
    /\/src\/model\/plain-text\.ts$/,
    /\/src\/map\/height\.ts$/,
    /\/src\/controllers\/group-link\.ts$/,
    /\/src\/elements\/shared\/filter-changes\.ts$/,
    /\/src\/controllers\/events\.ts$/,
    // Both the list's filters and the map's region picker use it: left unassigned, rollup puts it
    // in the list's chunk and the map page then loads the whole list.
    /\/node_modules\/lit\/directives\/live\.js$/,
  ],
  // The element and its options (which the demo's configurator shares): one file for the list.
  'event-list': [/\/src\/elements\/event-list\/(sdi-event-list|options)\.ts$/],
};

function manualChunks(id) {
  const path = id.replaceAll('\\', '/');
  for (const [name, patterns] of Object.entries(CHUNKS)) if (patterns.some((p) => p.test(path))) return name;
  return undefined;
}

const browser = {
  input: {
    'sdi-widgets': 'src/sdi-widgets.ts',
    index: 'src/index.ts',
    define: 'src/define.ts',
    'sdi-edition-banner': 'src/elements/edition-banner/define.ts',
    'sdi-countdown': 'src/elements/countdown/define.ts',
    'sdi-event-list': 'src/elements/event-list/define.ts',
    'sdi-region-map': 'src/elements/region-map/define.ts',
    // The snippet configurator of the demo (form logic only; the widgets come from the loader).
    'demo/configurator': 'demo/configurator.ts',
  },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    // Chunks sit beside the entries: the default snapshot URL is computed from import.meta.url
    // ("./snapshot/" next to the script), which must mean the same folder in every chunk.
    chunkFileNames: '[name]-[hash].js',
    manualChunks,
    sourcemap: true,
  },
  plugins: [stampVersion(), ...browserTransforms(), preloadElementChunks(), sizeReport(), classicLoader(), reserveCss()],
};

const cli = {
  input: { 'snapshot-cli': 'src/node/snapshot/cli.ts', 'publish-cli': 'src/node/publish/cli.ts' },
  output: { dir: 'dist/node', format: 'es', sourcemap: true },
  // The AWS SDK is loaded at run time by `publish` only (an optional install), never bundled.
  // Optional peers, loaded on demand: publishing (AWS SDK) and `--images mirror` (sharp).
  external: (id) => id.startsWith('node:') || id.startsWith('@aws-sdk/') || id === 'sharp',
  plugins: [
    stampVersion(),
    nodeResolve({ preferBuiltins: true }),
    esbuild({ target: 'node20', tsconfig: 'tsconfig.json', platform: 'node' }),
  ],
};

export default [browser, cli];
