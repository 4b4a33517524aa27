// The size budgets of issue #5, checked on the built dist/: exits 1, naming the budget and by how
// much, when one is exceeded. Run by `npm run size` (the end of `npm run build`) and by .ci/run.
// No dependencies: it reads the built files, follows their imports and gzips them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticClosure } from '../bundle-graph.mjs';
import { budgets as defaultBudgets, TARGET } from './budgets.mjs';
import { measure } from './report.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LOADER = 'sdi-widgets.js';
/** `"sdi-event-list":()=>import("./sdi-event-list.js")` in the minified loader. */
const TAG_LOADER = /["']?(sdi-[a-z-]+)["']?\s*:\s*\(\)\s*=>\s*import\(\s*["'](\.[^"']+)["']\s*\)/g;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function gzipOf(files) {
  return files.reduce((sum, file) => sum + measure(readFileSync(file)).gzip, 0);
}

/** The entry each tag loads, as the loader says (not guessed from file names). */
export function tagEntries(dist) {
  const loader = join(dist, LOADER);
  const code = readFileSync(loader, 'utf8');
  const entries = new Map();
  for (const match of code.matchAll(TAG_LOADER)) entries.set(match[1], normalize(join(dist, match[2])));
  if (entries.size === 0) throw new Error(`${loader}: no tag → import() table found; has the loader changed shape?`);
  return entries;
}

/** Every file a page with these tags downloads before any visitor action (loader included). */
export function pageFiles(dist, tags) {
  const entries = tagEntries(dist);
  const files = new Set(staticClosure(join(dist, LOADER)).files);
  for (const tag of tags) {
    const entry = entries.get(tag);
    if (!entry) throw new Error(`the loader does not load <${tag}>`);
    for (const file of staticClosure(entry).files) files.add(file);
  }
  return [...files];
}

/** The files a shown map adds to the map page: the Leaflet chunk and what it alone imports. */
export function mapFiles(dist) {
  const page = new Set(pageFiles(dist, ['sdi-region-map']));
  const lazy = new Set();
  for (const file of page) for (const dynamic of staticClosure(file).dynamic) lazy.add(dynamic);
  const chunks = [...lazy].filter((file) => /map-view/.test(file));
  if (chunks.length !== 1) throw new Error(`expected one lazy map-view chunk, found ${chunks.length}`);
  return staticClosure(chunks[0]).files.filter((file) => !page.has(file));
}

/**
 * Measures dist/ against the budgets. Returns the rows to print, the failures (budgets exceeded)
 * and the warnings (pages allowed over the target, and by how much).
 */
export function checkSizes({ dist = join(ROOT, 'dist'), root = ROOT, budgets = defaultBudgets } = {}) {
  const rows = [];
  const failures = [];
  const warnings = [];
  const check = (name, files, limit, target) => {
    const gzip = gzipOf(files);
    rows.push({ name, files: files.length, gzip, limit });
    if (gzip > limit) failures.push(`${name}: ${kb(gzip)} is over its budget of ${kb(limit)} by ${kb(gzip - limit)}`);
    else if (target !== undefined && gzip > target) {
      warnings.push(`${name}: ${kb(gzip)}, over the ${kb(target)} target by ${kb(gzip - target)}`);
    }
  };

  check('loader', staticClosure(join(dist, LOADER)).files, budgets.loader.limit, budgets.loader.target);
  for (const [name, page] of Object.entries(budgets.pages)) {
    check(name, pageFiles(dist, page.tags), page.limit, page.target ?? TARGET);
  }
  const map = budgets.map;
  const leaflet = measure(readFileSync(join(root, map.leaflet))).gzip;
  const coastline = measure(readFileSync(join(root, map.coastline))).gzip;
  const extra = map.extra ?? 0;
  const mapLimit = Math.floor(map.leafletFactor * leaflet + coastline + extra);
  const extraLabel = extra ? ` + ${kb(extra)}` : '';
  check(
    `map chunk (${map.leafletFactor} x Leaflet ${kb(leaflet)} + coastline ${kb(coastline)}${extraLabel})`,
    mapFiles(dist),
    mapLimit,
  );
  return { rows, failures, warnings };
}

export function formatReport({ rows, failures, warnings }) {
  const lines = [`\n${'size budget (min+gzip)'.padEnd(64)}${'files'.padStart(6)}${'gzip'.padStart(11)}${'budget'.padStart(11)}`];
  for (const row of rows) {
    lines.push(`${row.name.padEnd(64)}${String(row.files).padStart(6)}${kb(row.gzip).padStart(11)}${kb(row.limit).padStart(11)}`);
  }
  for (const warning of warnings) lines.push(`warning: ${warning}`);
  for (const failure of failures) lines.push(`SIZE BUDGET EXCEEDED: ${failure}`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'dist');
  if (!existsSync(join(dist, LOADER))) {
    console.error(`${relative(process.cwd(), join(dist, LOADER))} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
  const report = checkSizes({ dist });
  console.log(formatReport(report));
  if (report.failures.length > 0) process.exit(1);
}
