// Emits dist/sdi-widgets.css beside the loader: the space each widget keeps before its code
// arrives, for partners who link it so that the page does not move even when the loader runs after
// the first paint. The CSS text comes from src/reserve-space.ts itself (the function the loader
// runs), compiled on its own and evaluated here, so the file and the loader read one table.
import { readFileSync } from 'node:fs';
import { transform } from 'esbuild';

export function reserveCss({ input = 'src/reserve-space.ts', fileName = 'sdi-widgets.css' } = {}) {
  return {
    name: 'reserve-css',
    buildStart() {
      this.addWatchFile(input);
    },
    async generateBundle() {
      const source = readFileSync(input, 'utf8');
      const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: input });
      // A data: URL, not a temporary file: the module has no imports to resolve.
      const module = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      if (typeof module.reserveCss !== 'function') this.error(`${input} no longer exports reserveCss()`);
      const css = module.reserveCss();
      if (!/^@layer sdi-widgets-reserve\{.*sdi-event-list:not\(:defined\)\{min-height:[\d.]+rem\}.*\}$/s.test(css)) {
        this.error(`${input}: reserveCss() did not return the expected rules: ${css.slice(0, 200)}`);
      }
      this.emitFile({ type: 'asset', fileName, source: `${css}\n` });
    },
  };
}
