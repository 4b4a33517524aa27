/**
 * The one static server of the "from navigation" bench: every contender's files (our built
 * bundle and snapshots, the peers' bundles, the pages) and the peers' API answers, computed ahead,
 * gzipped once at level 6 (zlib's default, a common CDN setting; the page bench's level) before
 * any measured load, so no run pays for compression and every run gets the same bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { requestKey } from './feed-query.js';
import { COMPRESSED, GZIP_LEVEL, TYPES } from '../static-types.js';

interface Entry {
  type: string;
  body: Buffer;
  gzip?: Buffer;
}

function entryOf(ext: string, body: Buffer): Entry {
  return {
    type: TYPES[ext] ?? 'application/octet-stream',
    body,
    gzip: COMPRESSED.has(ext) ? gzipSync(body, { level: GZIP_LEVEL }) : undefined,
  };
}

/** The sample's pictures do not exist: one small drawing per name, as `npm start` serves them. */
function picture(path: string): Buffer {
  let hash = 0;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const [w, h] = path.includes('.thumb.') ? [200, 200] : [800, 533];
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="hsl(${hash % 360},55%,70%)"/></svg>`,
  );
}

export interface StaticServer {
  url: string;
  /** Serves every file under `dir` at `prefix` (e.g. '/dist/'), read and gzipped now. */
  mount(prefix: string, dir: string): void;
  /** Serves one computed answer at a path and query (an API page). */
  answer(pathAndQuery: string, body: string): void;
  close(): Promise<void>;
}

export function startStaticServer(): Promise<StaticServer> {
  const files = new Map<string, Entry>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const key = url.search ? requestKey(url.pathname, url.search) : url.pathname;
    let entry = files.get(key);
    if (!entry && url.pathname.startsWith('/img/')) entry = entryOf('.svg', picture(url.pathname));
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gzip! : entry.body;
    res.writeHead(200, {
      'content-type': entry.type,
      'cache-control': 'no-cache',
      'content-length': body.length,
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(body);
  });
  const mount = (prefix: string, dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) mount(`${prefix}${name}/`, path);
      else files.set(`${prefix}${name}`, entryOf(extname(name), readFileSync(path)));
    }
  };
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        mount,
        answer(pathAndQuery, body) {
          const url = new URL(pathAndQuery, 'http://x');
          files.set(requestKey(url.pathname, url.search), entryOf('.json', Buffer.from(body)));
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}
