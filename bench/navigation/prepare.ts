/**
 * Everything the "from navigation" bench serves, built before the first measured load: the
 * synthetic edition, our snapshot of it (the real builder reading the mock API, as `npm start`
 * does), the peers' API answers for the same edition, the script-tag bundle, the peers' bundles,
 * the pages and the probe. All under .cache/bench/navigation, rebuilt on every run: the snapshot
 * format and the bundle are what issue #14 changes, a stale copy would measure the past.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { rollup, type RollupOptions } from 'rollup';
import type { SnapshotIndex } from '../../src/feed/snapshot-format.js';
import { regionOf } from '../../src/geo/admin.js';
import { createMockApi, startMockServer } from '../../tools/mock-api/mock-api.js';
import { generateEdition, resolveOptions } from '../../tools/sample/generate.js';
import { AGENDA_UID, feedPagePath, LIST_FIELDS, MAP_FIELDS, type Cursor, type FeedScope } from './feed-query.js';
import type { StaticServer } from './static-server.js';

const root = resolve(new URL('../..', import.meta.url).pathname);
export const WORK = join(root, '.cache/bench/navigation');

/** The partner snippet's region (README): Hauts-de-France. */
export const REGION = '32';

/**
 * The next edition whose first day is at least a week away, on the sample's calendar (third
 * Monday of November): every event is upcoming, so both contenders list from the first one, as
 * before an edition, when partners' pages are visited most.
 */
function nextEdition(now = Date.now()): { year: number; start: string; end: string } {
  for (let year = new Date(now).getUTCFullYear(); ; year++) {
    const { start, end } = resolveOptions({ year });
    if (Date.parse(`${start}T00:00:00Z`) > now + 7 * 86_400_000) return { year, start, end };
  }
}

/**
 * Where our widgets and their snapshot builder come from: the working tree, or a commit (`--at`)
 * extracted with `git archive` beside the bench, its node_modules the repository's. A commit
 * gives a "before" to compare with, and a clean build while the working tree is mid-change.
 */
export function sourceTree(at: string | undefined): string {
  if (!at) return root;
  const tree = join(WORK, 'tree');
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const paths = ['src', 'demo', 'scripts', 'rollup.config.mjs', 'tsconfig.json', 'package.json'];
  const archive = spawnSync('git', ['archive', '--format=tar', at, ...paths], { cwd: root, maxBuffer: 1 << 30 });
  if (archive.status !== 0) throw new Error(`git archive ${at}: ${archive.stderr.toString()}`);
  const tar = spawnSync('tar', ['-x', '-C', tree], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar: ${tar.stderr.toString()}`);
  symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
  return tree;
}

/**
 * The script-tag build (rollup.config.mjs's browser part, as `npm run build` makes it), written
 * straight to the bench's folder: dist/ is shared with `npm run build` and others' tests, and the
 * config's Node part has nothing to do with a page.
 */
export async function buildOurBundle(tree: string): Promise<string> {
  const configs = ((await import(join(tree, 'rollup.config.mjs'))) as { default: RollupOptions[] }).default;
  const browser = configs.find((config) => !Array.isArray(config.output) && config.output?.dir === 'dist');
  if (!browser || Array.isArray(browser.output) || !browser.output)
    throw new Error('rollup.config.mjs: no browser build writing to dist/');
  const out = join(WORK, 'dist');
  rmSync(out, { recursive: true, force: true });
  const cwd = process.cwd();
  // The config's paths (inputs, tsconfig) are relative to its folder.
  process.chdir(tree);
  try {
    // Without the size table `npm run build` prints: the bench's output is its own figures.
    const plugins = [browser.plugins]
      .flat()
      .filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === 'size-report'));
    const bundle = await rollup({ ...browser, plugins, onLog: () => {} });
    await bundle.write({ ...browser.output, dir: out, sourcemap: false });
    await bundle.close();
  } finally {
    process.chdir(cwd);
  }
  return out;
}

export async function buildPeerBundles(): Promise<string> {
  const out = join(WORK, 'peer');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: {
      'peer-list': join(root, 'bench/navigation/peer-list.ts'),
      'peer-map': join(root, 'bench/navigation/peer-map.ts'),
    },
    bundle: true,
    format: 'esm',
    splitting: false,
    minify: true,
    target: 'es2022',
    conditions: ['production'],
    // Leaflet's CSS names its control sprites; emitted as files, fetched only if a control uses them.
    loader: { '.png': 'file' },
    outdir: out,
    logLevel: 'error',
  });
  return out;
}

export async function buildProbe(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'bench/navigation/probe.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'sdiProbe',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

export interface Edition {
  count: number;
  /** Our snapshot's folder, served at `/snapshot-<count>/`. */
  snapshot: string;
  index: SnapshotIndex;
  /** The peers' API base on the server. */
  api: string;
  /** Number of API answers served (pages of all scopes). */
  pages: number;
}

export type Scope = 'list' | 'list-region' | 'map';

export const SCOPES: Record<Scope, FeedScope> = {
  list: { fields: LIST_FIELDS },
  'list-region': { fields: LIST_FIELDS, region: regionOf(REGION)!.name },
  map: { fields: MAP_FIELDS },
};

/**
 * One edition of `count` events: our snapshot built from the mock API, and every page the peers
 * will ask for in `scopes`, read from the same mock API (the same events, the same clock) and
 * handed to the static server.
 */
export async function prepareEdition(
  server: StaticServer,
  tree: string,
  count: number,
  scopes: readonly Scope[],
): Promise<Edition> {
  const { runCli } = (await import(join(tree, 'src/node/snapshot/cli.ts'))) as typeof import('../../src/node/snapshot/cli.js');
  const { year, start, end } = nextEdition();
  const edition = generateEdition({ count, year, start, end, imageBase: `${server.url}/img/` });
  const api = createMockApi({ agendas: { [String(AGENDA_UID)]: { config: edition.agenda, events: edition.events } } });
  const mock = await startMockServer(api, 0);
  const snapshot = join(WORK, `snapshot-${count}`);
  rmSync(snapshot, { recursive: true, force: true });
  const base = `/api-${count}/v2/`;
  let pages = 0;
  try {
    const code = await runCli([
      '--agenda',
      String(AGENDA_UID),
      '--key',
      'test-key',
      '--api',
      `${mock.url}/v2`,
      '--out',
      snapshot,
      '--edition',
      String(15 + year - 2026),
      '--year',
      String(year),
      '--start',
      start,
      '--end',
      end,
      '--quiet',
    ]);
    if (code !== 0) throw new Error(`snapshot builder exit ${code}`);
    for (const scope of scopes) {
      let after: Cursor | null = null;
      do {
        const path = feedPagePath(SCOPES[scope], after);
        const response = await fetch(`${mock.url}/v2/${path}`);
        const body = await response.text();
        if (!response.ok) throw new Error(`mock API ${path}: ${response.status} ${body.slice(0, 200)}`);
        server.answer(`${base}${path}`, body);
        pages += 1;
        after = (JSON.parse(body) as { after: Cursor | null }).after;
      } while (after);
    }
  } finally {
    await mock.close();
  }
  server.mount(`/snapshot-${count}/`, snapshot);
  const index = JSON.parse(readFileSync(join(snapshot, 'index.json'), 'utf8')) as SnapshotIndex;
  return { count, snapshot, index, api: base, pages };
}

const html = (title: string, head: string, body: string) =>
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  `<link rel="icon" href="data:,"><title>${title}</title>${head}</head><body style="margin:0">${body}</body></html>`;

/** Ours as a partner pastes it (the README's snippet, the snapshot named by a meta). */
export function ourPage(name: string, count: number, element: string): string {
  writeFileSync(
    join(WORK, 'pages', `${name}.html`),
    html(
      name,
      `<meta name="sdi:src" content="/snapshot-${count}/"><script type="module" src="/dist/sdi-widgets.js"></script>`,
      element,
    ),
  );
  return `/pages/${name}.html`;
}

export function peerListPage(name: string, api: string, region?: string): string {
  writeFileSync(
    join(WORK, 'pages', `${name}.html`),
    html(
      name,
      '<script type="module" src="/peer/peer-list.js"></script>',
      `<div id="list" data-feed="${api}" data-region="${region ?? ''}"></div>`,
    ),
  );
  return `/pages/${name}.html`;
}

export function peerMapPage(name: string, api: string): string {
  writeFileSync(
    join(WORK, 'pages', `${name}.html`),
    html(
      name,
      '<link rel="stylesheet" href="/peer/peer-map.css"><script type="module" src="/peer/peer-map.js"></script>' +
        '<style>.peer-marker{background:#1e5aa0;border:2px solid #fff;border-radius:50%}</style>',
      `<div id="map" style="height:520px" data-feed="${api}"></div>`,
    ),
  );
  return `/pages/${name}.html`;
}

export function resetPages(): void {
  rmSync(join(WORK, 'pages'), { recursive: true, force: true });
  mkdirSync(join(WORK, 'pages'), { recursive: true });
}
