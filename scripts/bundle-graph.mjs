// What a page downloads for an entry of dist/: the entry and every chunk it imports statically
// (dynamic imports, such as the map chunk, are fetched only when used and counted apart).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { measure } from './size/report.mjs';

// `import … from`, bare `import "…"`, and the re-exports `export {…} from` / `export * from`.
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import\s*(?:[\w*{}\s,$]+from\s*)?|export\s*(?:\*|\{[\w\s,$]*\})\s*from\s*)["'](\.[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.[^"']+)["']\s*\)/g;

export function staticClosure(entry) {
  const seen = new Set();
  const dynamic = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) visit(normalize(join(dirname(file), match[1])));
    for (const match of code.matchAll(DYNAMIC_IMPORT)) dynamic.add(normalize(join(dirname(file), match[1])));
  };
  visit(entry);
  for (const file of seen) dynamic.delete(file);
  return { files: [...seen], dynamic: [...dynamic] };
}

/** Sum of min+gzip sizes of the files (gzip per file, as a CDN serves them). */
export function closureSize(files) {
  return files.reduce(
    (sum, file) => {
      const size = measure(readFileSync(file));
      return { raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}
