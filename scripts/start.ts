/**
 * `npm start`: the demo on the embedded sample edition, fully offline. It runs the real data
 * path end to end: a generated edition served by the mock OpenAgenda API → the real snapshot
 * builder → static snapshot files beside the built bundle (dist/snapshot/, where the script tag
 * looks by default) → the widgets in demo/index.html.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createMockApi, startMockServer, type MockApi } from '../tools/mock-api/mock-api.js';
import { generateEdition } from '../tools/sample/generate.js';
import { runCli } from '../src/node/snapshot/cli.js';

const HELP = `npm start [-- options]: the demo on a generated sample edition, offline.

Options:
  --no-build            reuse dist/ as built (skip rollup)
  --snapshot-dir DIR    write the demo snapshot to DIR instead of dist/snapshot/ (served at /dist/snapshot/)
  --images mirror       build the snapshot with sdi-snapshot --images mirror: every sample picture
                        is drawn, fetched and resized into the snapshot, so the page loads images
                        from its own host only. Slow the first time (~3,200 pictures for 8,000
                        events: about 12 minutes on 2 busy cores); later starts on the same port
                        reuse the cache beside the snapshot (under a minute). Default: link (the
                        pictures served by the mock API, as OpenAgenda's CDN would)
  --help                this text

Environment:
  PORT                  port to serve on (default 8000); when it is taken, the next free one is used
                        and printed
  SDI_SAMPLE_EVENTS     events in the sample edition (default 8000)
  SDI_IMAGES            mirror: as --images mirror
`;

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'snapshot-dir': { type: 'string' },
    images: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

// Mirroring draws and resizes the sample's ~3,200 pictures: opt-in, so a plain start stays quick.
const images = flags.images ?? process.env.SDI_IMAGES ?? 'link';
if (images !== 'link' && images !== 'mirror') {
  process.stderr.write(`--images must be link or mirror, not ${images}\n`);
  process.exit(2);
}

const root = resolve(new URL('..', import.meta.url).pathname);
const preferredPort = Number(process.env.PORT ?? 8000);
const AGENDA = '9464342';
const KEY = 'demo-key';
const count = Number(process.env.SDI_SAMPLE_EVENTS ?? 8000);
const snapshotDir = resolve(flags['snapshot-dir'] ?? join(root, 'dist/snapshot'));

/** Listens on `port`, or the next free one of the ten after it, or any free one. */
async function listenOnFreePort(server: Server, port: number): Promise<number> {
  const candidates = [...Array.from({ length: 11 }, (_, i) => port + i).filter((p) => p > 0 && p < 65536), 0];
  for (const candidate of candidates) {
    const bound = await new Promise<number | undefined>((resolveListen, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolveListen(undefined);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        const address = server.address();
        resolveListen(address && typeof address === 'object' ? address.port : candidate);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(candidate, '127.0.0.1');
    });
    if (bound !== undefined) return bound;
  }
  throw new Error('no free port');
}

// The server is bound first: the sample's image URLs name the port actually used.
let api: MockApi | undefined;
const server = createServer((req, res) => serve(req, res));
const port = await listenOnFreePort(server, preferredPort);
if (port !== preferredPort) console.log(`port ${preferredPort} is taken: using ${port} (set PORT to choose)`);

function step(label: string): () => void {
  const started = performance.now();
  process.stdout.write(`${label}… `);
  return () => console.log(`${Math.round(performance.now() - started)} ms`);
}

let done: () => void;
if (!flags['no-build']) {
  done = step('building the widgets (rollup)');
  const build = spawnSync('npx', ['rollup', '-c', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  done();
}

done = step(`generating the sample edition (${count} events)`);
const edition = generateEdition({ count, imageBase: `http://localhost:${port}/sample-images/` });
done();

// Assigned once, but after the server that reads it is created (see above).
// eslint-disable-next-line prefer-const
api = createMockApi({
  agendas: { [AGENDA]: { config: edition.agenda, events: edition.events } },
  keys: [KEY],
  // The sample's pictures, drawn as JPEGs (tools/sample/images.ts) on this server's own port.
  images: '/sample-images/',
});
const mock = await startMockServer(api, 0);

done = step(`building the snapshot through the mock OpenAgenda API${images === 'mirror' ? ', images mirrored' : ''}`);
// The sample is the 15th edition (2026): recorded in the snapshot so the banner names it.
const code = await runCli([
  '--agenda',
  AGENDA,
  '--key',
  KEY,
  '--api',
  `${mock.url}/v2`,
  '--out',
  snapshotDir,
  '--edition',
  '15',
  '--year',
  '2026',
  '--start',
  '2026-11-16',
  '--end',
  '2026-11-22',
  '--quiet',
  '--images',
  images,
]);
if (code !== 0) {
  console.error(`the snapshot builder failed (exit ${code})`);
  process.exit(code);
}
done();

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.map': 'application/json; charset=utf-8',
};

function serve(req: IncomingMessage, res: ServerResponse): void {
  if (!api) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
    res.end('starting, retry in a few seconds');
    return;
  }
  // The live-mode demo reads the mock API on the same origin, as a partner's proxy would serve it.
  if (api.handle(req, res)) return;
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(302, { location: '/demo/' });
    res.end();
    return;
  }
  let path = normalize(decodeURIComponent(url.pathname));
  if (path.endsWith('/')) path += 'index.html';
  // The snapshot may live elsewhere (--snapshot-dir); the pages find it at /dist/snapshot/.
  const base = path.startsWith('/dist/snapshot/') ? snapshotDir : root;
  const file = path.startsWith('/dist/snapshot/')
    ? resolve(snapshotDir, `.${path.slice('/dist/snapshot'.length)}`)
    : resolve(root, `.${path}`);
  if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile() || file.includes('node_modules')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

console.log(`\nDemo on the sample edition: http://localhost:${port}/demo/`);
console.log(`Snippet configurator: http://localhost:${port}/demo/configurator.html`);
console.log(`Mock OpenAgenda API: http://localhost:${port}/v2/agendas/${AGENDA}/events (key header: ${KEY})`);
console.log(`PORT=${port} chooses this port next time; npm start -- --help for the options. Ctrl+C to stop.`);

const stop = () => {
  server.close();
  void mock.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
