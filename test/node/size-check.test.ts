/**
 * scripts/size/check.mjs on a fake dist/ whose files weigh what each test wants (random, so
 * gzip cannot shrink them): it follows the loader to each tag's files, sums what a page
 * downloads, and fails — naming the budget and the excess — only when a budget is exceeded.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// @ts-expect-error: a plain .mjs build script, without types
import { checkSizes, formatReport, mapFiles, pageFiles } from '../../scripts/size/check.mjs';

interface Report {
  rows: { name: string; files: number; gzip: number; limit: number }[];
  failures: string[];
  warnings: string[];
}
type Check = (options: { dist: string; root: string; budgets: unknown }) => Report;
const check = checkSizes as Check;

const KB = 1024;

/** About `bytes` of gzip: random base64 in a comment. */
function weight(bytes: number): string {
  return `/*${randomBytes(bytes).toString('base64')}*/`;
}

const gzipOf = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

let root: string;
let dist: string;

function write(name: string, code: string, where = dist): void {
  writeFileSync(join(where, name), code);
}

function budgets(overrides: { list?: number; listTarget?: number; factor?: number } = {}): unknown {
  return {
    loader: { limit: 20 * KB },
    pages: {
      'countdown only': { tags: ['sdi-countdown'], limit: 20 * KB },
      'list only': {
        tags: ['sdi-event-list'],
        limit: overrides.list ?? 20 * KB,
        ...(overrides.listTarget ? { target: overrides.listTarget } : {}),
      },
      'map page': { tags: ['sdi-region-map'], limit: 20 * KB },
    },
    map: { leafletFactor: overrides.factor ?? 1.25, leaflet: 'leaflet.js', coastline: 'coastline-data.ts' },
  };
}

before(() => {
  root = mkdtempSync(join(tmpdir(), 'sdi-size-'));
  dist = join(root, 'dist');
  mkdirSync(dist);
  // The loader's shape, as rollup and terser write it.
  write(
    'sdi-widgets.js',
    'export{c as configureWidgets}from"./source-x.js";const e={"sdi-edition-banner":()=>import("./sdi-edition-banner.js"),' +
      '"sdi-countdown":()=>import("./sdi-countdown.js"),"sdi-event-list":()=>import("./sdi-event-list.js"),' +
      '"sdi-region-map":()=>import("./sdi-region-map.js")};',
  );
  write('sdi-edition-banner.js', `import"./core-x.js";${weight(3 * KB)}`);
  write('source-x.js', weight(500));
  write('core-x.js', weight(6 * KB));
  write('sdi-countdown.js', 'import"./core-x.js";import{C as o}from"./sdi-countdown-x.js";');
  write('sdi-countdown-x.js', `import"./core-x.js";${weight(4 * KB)}`);
  write('sdi-event-list.js', 'import"./core-x.js";import"./event-list-x.js";');
  // 16 KB on top of core: over 20 KB with the loader and core.
  write('event-list-x.js', `import"./core-x.js";const d=()=>import("./detail-x.js");${weight(16 * KB)}`);
  write('detail-x.js', weight(30 * KB));
  write('sdi-region-map.js', 'import"./core-x.js";import"./sdi-region-map-x.js";');
  write('sdi-region-map-x.js', `import"./core-x.js";const v=()=>import("./map-view-x.js");${weight(3 * KB)}`);
  write('map-view-x.js', `import"./core-x.js";import"./clusters-x.js";${weight(33 * KB)}`);
  write('clusters-x.js', weight(5 * KB));
  // Leaflet at 30 KB and a 4 KB coastline: the map chunk may weigh 1.25 × 30 + 4 = 41.5 KB.
  writeFileSync(join(root, 'leaflet.js'), weight(30 * KB));
  writeFileSync(join(root, 'coastline-data.ts'), weight(4 * KB));
});

after(() => rmSync(root, { recursive: true, force: true }));

describe('size-check', () => {
  test('a page is the loader, its static imports and the static closure of each tag the loader loads; lazy chunks are not counted', () => {
    const names = (files: string[]) => files.map((f) => f.slice(dist.length + 1)).sort();
    assert.deepEqual(names(pageFiles(dist, ['sdi-event-list'])), [
      'core-x.js',
      'event-list-x.js',
      'sdi-event-list.js',
      'sdi-widgets.js',
      'source-x.js',
    ]);
    assert.deepEqual(names(mapFiles(dist)), ['clusters-x.js', 'map-view-x.js']);
  });

  test('fails a page over its budget, naming it and the excess', () => {
    const report = check({ dist, root, budgets: budgets() });
    const row = report.rows.find((r) => r.name === 'list only');
    assert.ok(row && row.gzip > 20 * KB, `list page measured at ${row?.gzip}`);
    assert.equal(report.failures.length, 1, report.failures.join('\n'));
    const excess = ((row.gzip - 20 * KB) / KB).toFixed(1);
    assert.match(
      report.failures[0] ?? '',
      new RegExp(`^list only: .* over its budget of 20\\.0 KB by ${excess.replace('.', '\\.')} KB$`),
    );
  });

  test('passes a page under a raised ceiling, warning by how much it is over the target', () => {
    const report = check({ dist, root, budgets: budgets({ list: 40 * KB, listTarget: 20 * KB }) });
    assert.deepEqual(report.failures, []);
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0] ?? '', /^list only: .*over the 20\.0 KB target by \d+\.\d KB$/);
    // Build output is read by partners and packagers: no project-internal wording in it.
    assert.doesNotMatch(formatReport(report), /issue/i);
  });

  test('measures the map chunk against 1.25 × Leaflet + the coastline, computed from the files', () => {
    const ok = check({ dist, root, budgets: budgets({ list: 40 * KB }) });
    const map = ok.rows.find((r) => r.name.startsWith('map chunk'));
    const limit = Math.floor(1.25 * gzipOf(join(root, 'leaflet.js')) + gzipOf(join(root, 'coastline-data.ts')));
    assert.equal(map?.limit, limit);
    assert.ok(map && map.gzip < limit);
    assert.deepEqual(ok.failures, []);
    // The same 38 KB chunk against Leaflet alone (factor 1): over 30 + 4.
    const over = check({ dist, root, budgets: budgets({ list: 40 * KB, factor: 1 }) });
    assert.equal(over.failures.length, 1);
    assert.match(over.failures[0] ?? '', /^map chunk .* over its budget of .* by \d+\.\d KB$/);
  });

  test('the command exits 1 and says which budget, on a dist over the real budgets', () => {
    // The loader's 20 KB is the issue's own figure, never raised: a 25 KB loader is over it.
    const heavy = join(root, 'heavy');
    cpSync(dist, heavy, { recursive: true });
    write('source-x.js', weight(25 * KB), heavy);
    const run = spawnSync(process.execPath, ['scripts/size/check.mjs', heavy], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /SIZE BUDGET EXCEEDED: loader: .* over its budget of 20\.0 KB by \d+\.\d KB/);
  });
});
