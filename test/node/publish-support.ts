/** A real S3-compatible server (s3rver) on a free port, and small snapshots to publish. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from '../../src/node/publish/args.js';
import { createS3Store } from '../../src/node/publish/s3.js';
import type { ObjectStore } from '../../src/node/publish/store.js';
import { normaliseEvents } from '../../src/model/normalise.js';
import { schemaFromAgenda } from '../../src/model/schema.js';
import { buildSnapshot } from '../../src/node/snapshot/build.js';
import { writeSnapshotAtomic } from '../../src/node/snapshot/write.js';
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
export function wrappedStore(beforePut: (key: string) => void): (options: ConnectionOptions, env: Record<string, string | undefined>) => Promise<ObjectStore> {
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
