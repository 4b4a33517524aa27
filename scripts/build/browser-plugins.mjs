// How the browser build turns sources into shipped code: resolution, TypeScript, minification.
// The build (rollup.config.mjs) and the size floors (scripts/size/floor.mjs) both use this list,
// so a floor is measured with exactly the settings the shipped bundle gets.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** Resolve (browser conditions), compile TypeScript to ES2022, minify. */
export function browserTransforms({ tsconfig = 'tsconfig.json' } = {}) {
  return [
    nodeResolve({ browser: true, exportConditions: ['production', 'browser', 'default'] }),
    esbuild({ target: 'es2022', tsconfig, minify: false }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ];
}
