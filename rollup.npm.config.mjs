// The npm build, for apps that bundle: dist/npm/, one ES module per source module (as src/ is laid
// out), dependencies left as bare imports (`lit`, `@lit/task`, `dompurify`, `leaflet`,
// `supercluster`, and `react`/`@lit/react` for the React wrappers) so the host's bundler
// deduplicates them with its own copies and tree-shakes per module. Not minified: the host
// minifies. The script-tag build (rollup.config.mjs → dist/*.js) stays self-contained, since a
// browser cannot resolve bare imports.
import { readFileSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { stampVersion } from './scripts/build/stamp-version.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const bare = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

export default {
  input: [
    'src/index.ts',
    'src/define.ts',
    'src/sdi-widgets.ts',
    'src/elements/edition-banner/define.ts',
    'src/elements/countdown/define.ts',
    'src/elements/event-list/define.ts',
    'src/elements/region-map/define.ts',
    'src/react/index.ts',
  ],
  external: (id) => bare.some((name) => id === name || id.startsWith(`${name}/`)),
  output: {
    dir: 'dist/npm',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
  },
  plugins: [stampVersion(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false })],
};
