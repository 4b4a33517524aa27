/** A real S3-compatible server (s3rver) on a free port, and small snapshots to publish. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectionOptions } from '../../src/node/publish/args.js';
import { createS3Store } from '../../src/node/publish/s3.js';
import type { ObjectStore } from '../../src/node/publish/store.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import { buildSnapshot } from '../../src/node/snapshot/build.js';
import { writeSnapshotAtomic } from '../../src/node/snapshot/write.js';
import { createMockApi, startMockServer } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export const BUCKET = 'sdi-test';
export const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export interface Server {
  port: number;
  endpoint: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3(buckets: string[] = [BUCKET]): Promise<Server> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverClass;
  const directory = await mkdtemp(join(tmpdir(), 'sdi-s3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [CORS] })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    port,
    endpoint,
    env: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'eu-west-3', AWS_ENDPOINT_URL_S3: endpoint },
    close: () => server.close(),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain GET, body as stored (no decompression), as a CDN would fetch it. */
export function httpGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const edition = generateEdition({ count: 80, seed: 11 });
const agenda = edition.agenda as Record<string, unknown>;
const schema = schemaFromAgenda(agenda);

/**
 * Writes a snapshot of the sample edition into `dir`; `variant` changes the title of one event,
 * which renames the files that hold it (its region's events file and the national one).
 */
export async function writeSampleSnapshot(dir: string, variant = 0, at = new Date('2026-11-20T06:00:00Z')): Promise<void> {
  const raw = (edition.events as Record<string, unknown>[]).map((event, i) =>
    i === 0 && variant > 0 ? { ...event, title: { fr: `Visite modifiée ${variant}` } } : event,
  );
  const events = normaliseEvents(raw, { schema, agendaSlug: String(agenda.slug) }).events;
  const built = buildSnapshot({ agenda, agendaUid: Number(agenda.uid), events, schema, skipped: 0, generatedAt: at });
  await writeSnapshotAtomic(dir, built);
}

/** A bundle folder as rollup writes it: entries, hashed chunks, maps, the stylesheet, subfolders. */
export async function writeFakeBundle(dir: string, revision = 'a'): Promise<void> {
  await mkdir(join(dir, 'node'), { recursive: true });
  const chunk = `core-Ab3_${revision.padEnd(4, 'x')}.js`;
  await writeFile(join(dir, 'sdi-widgets.js'), `import './${chunk}';\nexport const revision = '${revision}';\n`);
  await writeFile(join(dir, 'sdi-widgets.classic.js'), `import('./sdi-widgets.js');\n`);
  await writeFile(join(dir, 'sdi-widgets.css'), `sdi-event-list{display:block;min-height:20rem}\n`);
  await writeFile(join(dir, chunk), `export const core = '${revision}';\n`.repeat(40));
  await writeFile(join(dir, `${chunk}.map`), `{"version":3,"sources":[],"mappings":""}\n`);
  await writeFile(join(dir, 'node', 'snapshot-cli.js'), '// not part of the bundle\n');
  await writeFile(join(dir, 'custom-elements.json'), '{}\n');
}

export async function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `sdi-publish-${name}-`));
}

/** The real S3 store, with a hook run before each upload (to fail after N of them). */
export function wrappedStore(
  beforePut: (key: string) => void,
): (options: ConnectionOptions, env: Record<string, string | undefined>) => Promise<ObjectStore> {
  return async (options, env) => {
    const store = await createS3Store(options, env);
    return {
      ...store,
      put: async (request) => {
        beforePut(request.key);
        await store.put(request);
      },
    };
  };
}

// ---------------------------------------------------------------------------------------------
// End to end, as an operator runs it: the built CLI (bin/sdi-snapshot.js → dist/node/), a
// snapshot built by the real builder from the sample edition served by the mock API, and a
// partner page on another origin. Used by publish-browser.test.ts.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const REPO_ROOT = repoRoot;

/** `npm run build`'s output, used as is; built once when missing (a fresh clone). */
export function ensureBuilt(): void {
  if (existsSync(join(repoRoot, 'dist', 'sdi-widgets.js')) && existsSync(join(repoRoot, 'dist', 'demo', 'configurator.js')))
    return;
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status})`);
}

/**
 * A copy of the browser build (the bundle at the top of dist/ and dist/demo/), taken once: other
 * work on the same tree may rebuild dist/ while a long test reads it.
 */
export function copyBuild(to: string): string {
  const dist = join(repoRoot, 'dist');
  cpSync(dist, to, {
    recursive: true,
    filter: (from) => {
      const name = relative(dist, from);
      return (
        name === '' ||
        name === 'demo' ||
        name.startsWith(`demo${sep}`) ||
        (!name.includes(sep) && /\.(js|js\.map|css)$/.test(name))
      );
    },
  });
  if (!existsSync(join(to, 'sdi-widgets.js'))) throw new Error('dist/ was being rebuilt: no sdi-widgets.js to copy');
  return to;
}

/**
 * The command an operator runs: `node bin/sdi-snapshot.js`, which needs the built dist/node/;
 * without it (dist/ built before the CLI was bundled, or being rebuilt), the same dispatch from
 * the sources through tsx. `built` says which one ran, for the test's report.
 */
export function sdiSnapshotCommand(): { argv: string[]; built: boolean } {
  // SDI_E2E_CLI=sources tests a change to src/node/ before dist/ is rebuilt.
  const built =
    process.env.SDI_E2E_CLI !== 'sources' &&
    ['publish-cli.js', 'snapshot-cli.js'].every((file) => existsSync(join(repoRoot, 'dist', 'node', file)));
  return built
    ? { argv: [process.execPath, join(repoRoot, 'bin', 'sdi-snapshot.js')], built }
    : { argv: [process.execPath, '--import', 'tsx', join(repoRoot, 'test', 'node', 'sdi-snapshot-from-sources.ts')], built };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs `sdi-snapshot ARGS` as a child process; `onStart` gets the process (to kill it). */
export function runSdiSnapshot(
  args: string[],
  env: Record<string, string>,
  onStart?: (child: ChildProcess) => void,
): Promise<CliRun> {
  const { argv } = sdiSnapshotCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, [...argv.slice(1), ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    onStart?.(child);
  });
}

const AGENDA_UID = '9464342';
const API_KEY = 'e2e-key';

/**
 * Builds a snapshot with the real builder (the CLI, against the mock OpenAgenda API serving the
 * sample edition). The edition is placed two weeks ahead so that lists show upcoming cards
 * whatever day the test runs; `seed` changes every event, hence every file name.
 */
export async function buildRealSnapshot(out: string, seed: number, count = 240): Promise<void> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const start = day(14);
  const end = day(20);
  const year = start.slice(0, 4);
  // Images on a closed local port (not one browsers block as unsafe): no third-party request.
  const sample = generateEdition({
    count,
    seed,
    start,
    end,
    year: Number(year),
    imageBase: 'http://127.0.0.1:1023/sample-images/',
  });
  const api = createMockApi({ agendas: { [AGENDA_UID]: { config: sample.agenda, events: sample.events } }, keys: [API_KEY] });
  const mock = await startMockServer(api, 0);
  try {
    const run = await runSdiSnapshot(
      [
        '--agenda',
        AGENDA_UID,
        '--api',
        mock.apiBase,
        '--out',
        out,
        '--edition',
        '15',
        '--year',
        year,
        '--start',
        start,
        '--end',
        end,
        '--quiet',
      ],
      { SDI_OA_KEY: API_KEY },
    );
    if (run.code !== 0) throw new Error(`sdi-snapshot exited ${run.code}: ${run.err}`);
  } finally {
    await mock.close();
  }
}

/**
 * A pass-through proxy in front of the S3 server that sees every PUT: `onPut(n)` is called when
 * the n-th arrives and decides what happens to it (forwarded, or the connection dropped), so a
 * test can cut a real publish run after N uploads without touching the CLI.
 */
export async function startS3Proxy(
  target: number,
  onPut: (n: number) => 'forward' | 'drop',
): Promise<{ endpoint: string; puts: () => number; close(): Promise<void> }> {
  let puts = 0;
  const server = createServer((req, res) => {
    if (req.method === 'PUT' && onPut(++puts) === 'drop') {
      req.socket.destroy();
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    puts: () => puts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A partner's web server: other origin than the bucket, serving the pages it is given. */
export async function startPageServer(): Promise<{
  origin: string;
  put(path: string, html: string): string;
  close(): Promise<void>;
}> {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    // No favicon: a 204, not a 404 the test would read as a missing published file.
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const html = pages.get(req.url ?? '');
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    put: (path, html) => {
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
