/**
 * A partner's page on another origin, for the configurator's copy-paste test, under /__paste/:
 *
 * - /__paste/site/…: a deployment as an operator publishes it (the built script-tag files of
 *   dist/, flat, and the fixture snapshot under snapshot/), sent with `access-control-allow-origin`
 *   as a CDN must: a module script from another origin is a CORS request.
 * - POST /__paste/pages (body: the copied HTML) → `{ "url": "/__paste/pages/N.html" }`: the HTML
 *   put, as pasted, in the body of an otherwise empty page whose only other script is the probe.
 * - /__paste/probe.js: reports to the parent window what the widgets of the page rendered. The test
 *   opens the page from the test server's other name (localhost ↔ 127.0.0.1), a different origin,
 *   so it cannot look into the frame itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = resolve(fileURLToPath(new URL('../../dist/', import.meta.url)));
const PROBE = fileURLToPath(new URL('./paste-probe.js', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface PasteRoutes {
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => done(body));
    req.on('error', reject);
  });
}

/** A file under `root`, or undefined when the path leaves it or names nothing. */
function fileUnder(root: string, relative: string): string | undefined {
  const file = resolve(root, normalize(decodeURIComponent(relative)));
  if (!file.startsWith(root + '/') || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

export function createPasteRoutes(options: { snapshotDir: string }): PasteRoutes {
  const pages: string[] = [];

  return {
    async handle(req, res, path) {
      if (path === '/__paste/probe.js') {
        send(res, 200, TYPES['.js'] as string, readFileSync(PROBE, 'utf8'));
      } else if (path === '/__paste/pages' && req.method === 'POST') {
        pages.push(await readBody(req));
        send(res, 200, TYPES['.json'] as string, JSON.stringify({ url: `/__paste/pages/${pages.length - 1}.html` }));
      } else if (path.startsWith('/__paste/pages/')) {
        const body = pages[Number(/(\d+)\.html$/.exec(path)?.[1] ?? NaN)];
        if (body === undefined) send(res, 404, 'text/plain', 'no such page');
        else
          send(
            res,
            200,
            'text/html; charset=utf-8',
            `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>Page d'un partenaire</title>` +
              `<link rel="icon" href="data:,"><script src="/__paste/probe.js"></script></head>\n<body>\n${body}</body></html>`,
          );
      } else if (path.startsWith('/__paste/site/snapshot/')) {
        const file = fileUnder(options.snapshotDir, path.slice('/__paste/site/snapshot/'.length));
        if (file) send(res, 200, TYPES['.json'] as string, readFileSync(file));
        else send(res, 404, 'text/plain', 'not found');
      } else if (path.startsWith('/__paste/site/')) {
        // Only the flat script-tag files: what an operator publishes at the deployment's root.
        const name = path.slice('/__paste/site/'.length);
        const file = name.includes('/') ? undefined : fileUnder(DIST, name);
        if (file) send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
        else send(res, 404, 'text/plain', 'not found');
      } else {
        return false;
      }
      return true;
    },
  };
}
