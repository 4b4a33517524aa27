// Emits dist/sdi-widgets.classic.js beside the module bundle: src/sdi-widgets-classic.ts compiled
// on its own (not through rollup's graph, which would bundle the `import()` it exists to make)
// and minified as a classic script. The build fails rather than ship a loader that would throw
// where it is meant to help: one that does not parse as a classic script, or that points at an
// entry this build no longer writes.
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { transform } from 'esbuild';
import { minify } from 'terser';

export function classicLoader({
  input = 'src/sdi-widgets-classic.ts',
  fileName = 'sdi-widgets.classic.js',
  entry = 'sdi-widgets.js',
} = {}) {
  return {
    name: 'classic-loader',
    buildStart() {
      this.addWatchFile(input);
    },
    async generateBundle(_options, bundle) {
      if (!bundle[entry]) this.error(`${fileName} imports ./${entry}, which this build does not write`);
      const source = readFileSync(input, 'utf8');
      // es2020: the oldest syntax that has import(); the loader itself needs nothing newer.
      const compiled = await transform(source, { loader: 'ts', target: 'es2020', sourcefile: input });
      const minified = await minify(compiled.code, {
        ecma: 2020,
        module: false,
        toplevel: false,
        format: { comments: false },
      });
      const code = minified.code ?? '';
      try {
        new Script(code, { filename: fileName });
      } catch (error) {
        this.error(`${fileName} is not a classic script: ${error instanceof Error ? error.message : error}`);
      }
      if (!code.includes(`"./${entry}"`) && !code.includes(`'./${entry}'`)) {
        this.error(`${fileName} does not import ./${entry}`);
      }
      this.emitFile({ type: 'asset', fileName, source: `${code}\n` });
    },
  };
}
