/**
 * #16's acceptance page for `--images mirror`, under /__mirror/: a snapshot of a small sample
 * edition built by the real CLI with its images mirrored (the mock API draws the sample's
 * pictures on a local server for the build only), served with the page under `img-src 'self'`.
 *
 * - /__mirror/page.html?script=src|dist: the demo page's widgets (map, banner, countdown, list)
 *   reading /__mirror/snapshot/, loaded by the sources (default: they hold the reader being tested) or the built bundle, with the policy
 *   as a response header;
 * - /__mirror/probe.js: the strict-CSP pages' probe (test/hostile-pages/csp/probe.js);
 * - /__mirror/snapshot/…: the snapshot's files, JSON and WebP.
 *
 * The snapshot is built on the first request (about ten seconds), not when the test server
 * starts: the other browser tests never wait for it.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSampleSnapshot } from './mirrored-snapshot.js';

/** No image source but the page's own host; everything else as strict as the partner's. */
export const MIRROR_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";
export const MIRROR_EVENTS = 200;

const PROBE = fileURLToPath(new URL('../hostile-pages/csp/probe.js', import.meta.url));
const TYPES: Record<string, string> = { json: 'application/json; charset=utf-8', webp: 'image/webp' };

export interface MirrorRoutes {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

function page(params: URLSearchParams): string {
  const script = params.get('script') === 'dist' ? '/dist/sdi-widgets.js' : '/src/sdi-widgets.ts';
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Images du snapshot</title>
<meta name="sdi:src" content="/__mirror/snapshot/">
<script src="/__mirror/probe.js"></script>
<script type="module" src="${script}"></script>
</head><body>
<sdi-region-map height="420" group="mirror"></sdi-region-map>
<sdi-edition-banner></sdi-edition-banner>
<sdi-countdown></sdi-countdown>
<sdi-event-list group="mirror" page-size="40"></sdi-event-list>
</body></html>`;
}

export function createMirrorRoutes(options: { dir: string }): MirrorRoutes {
  const snapshotDir = resolve(options.dir);
  let built: Promise<unknown> | undefined;
  const build = () => {
    // Two weeks ahead, as buildRealSnapshot: upcoming cards whatever day the test runs.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    if (!built) {
      built = buildSampleSnapshot(snapshotDir, {
        count: MIRROR_EVENTS,
        seed: 16,
        images: 'mirror',
        start: day(14),
        end: day(20),
      });
      process.once('exit', () => {
        rmSync(snapshotDir, { recursive: true, force: true });
        rmSync(`${snapshotDir}.image-cache`, { recursive: true, force: true });
      });
    }
    return built;
  };
  return {
    async handle(req, res, path) {
      if (path === '/__mirror/page.html') {
        await build();
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': MIRROR_POLICY,
        });
        res.end(page(new URL(req.url ?? '/', 'http://localhost').searchParams));
        return true;
      }
      if (path === '/__mirror/probe.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(readFileSync(PROBE));
        return true;
      }
      if (!path.startsWith('/__mirror/snapshot/')) return false;
      await build();
      const relative = normalize(decodeURIComponent(path.slice('/__mirror/snapshot/'.length)));
      const file = resolve(snapshotDir, relative);
      if (!file.startsWith(`${snapshotDir}/`) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return true;
      }
      res.writeHead(200, {
        'content-type': TYPES[file.slice(file.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
        'cache-control': relative === 'index.json' ? 'no-cache' : 'public, max-age=31536000, immutable',
      });
      res.end(readFileSync(file));
      return true;
    },
  };
}
