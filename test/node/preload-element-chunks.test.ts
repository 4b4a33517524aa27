/**
 * The loader's table of element chunks (scripts/build/preload-element-chunks.mjs, issue #14): a
 * page's element chunks are asked for with the element's entry, not one round trip after it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollup, type Plugin } from 'rollup';
// @ts-expect-error: a plain .mjs build script, without types
import { preloadElementChunks as untyped } from '../../scripts/build/preload-element-chunks.mjs';

const preloadElementChunks = untyped as (options: { loader: string }) => Plugin;

/** A loader like src/sdi-widgets.ts: one shared module of its own, one entry per tag. */
const SOURCES: Record<string, string> = {
  'loader.js': `import { shared } from './config.js';
const LOADERS = { 'sdi-a': () => import('./a.js'), 'sdi-b': () => import('./b.js') };
for (const tag of Object.keys(LOADERS)) if (document.querySelector(tag)) LOADERS[tag]();
export { shared };`,
  'config.js': 'export const shared = 1;',
  'a.js': `import { lib } from './lib.js'; import { shared } from './config.js'; customElements.define('sdi-a', class extends HTMLElement { x = lib + shared; });`,
  'b.js': `import { lib } from './lib.js'; customElements.define('sdi-b', class extends HTMLElement { x = lib; });`,
  'lib.js': 'export const lib = 2;',
};

const virtual: Plugin = {
  name: 'virtual',
  resolveId: (id) => id.replace(/^\.\//, ''),
  load: (id) => SOURCES[id],
};

async function build() {
  const bundle = await rollup({
    input: { loader: 'loader.js', a: 'a.js', b: 'b.js' },
    plugins: [virtual, preloadElementChunks({ loader: 'loader.js' })],
  });
  const { output } = await bundle.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await bundle.close();
  return output;
}

describe('preloadElementChunks', () => {
  it("appends to the loader each tag's chunks that the loader has not loaded, with their final names", async () => {
    const output = await build();
    const loader = output.find((file) => file.fileName === 'loader.js');
    assert.ok(loader && loader.type === 'chunk');
    const table = /const d=(\{.*?\});/.exec(loader.code)?.[1];
    assert.ok(table, loader.code);
    const parsed = JSON.parse(table) as Record<string, string[]>;
    const lib = output.find((file) => file.fileName.startsWith('lib-'))?.fileName;
    assert.ok(lib, 'lib is a chunk of its own');
    assert.deepEqual(parsed, { 'sdi-a': [`./${lib}`], 'sdi-b': [`./${lib}`] }, 'config is already loaded by the loader');
    assert.match(loader.code, /for\(const t in d\)if\(!customElements\.get\(t\)&&document\.querySelector\(t\)\)/);
  });
});
