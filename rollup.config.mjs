// Builds dist/: the browser bundle (one script-tag entry registering every element, per-element
// entries, and element classes without registration for npm users) and the snapshot builder CLI.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { stampVersion } from './scripts/rollup-stamp-version.mjs';
import { sizeReport } from './scripts/size-report.mjs';

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
    sourcemap: true,
  },
  plugins: [
    stampVersion(),
    nodeResolve({ browser: true, exportConditions: ['production', 'browser', 'default'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    sizeReport(),
  ],
};

const cli = {
  input: { 'snapshot-cli': 'src/node/snapshot/cli.ts' },
  output: { dir: 'dist/node', format: 'es', sourcemap: true },
  external: (id) => id.startsWith('node:'),
  plugins: [
    stampVersion(),
    nodeResolve({ preferBuiltins: true }),
    esbuild({ target: 'node20', tsconfig: 'tsconfig.json', platform: 'node' }),
  ],
};

export default [browser, cli];
