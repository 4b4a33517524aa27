/**
 * Pages served with a strict Content-Security-Policy as a real response header (a <meta> policy
 * cannot carry every directive, and partners set theirs in the server), under /__csp/:
 *
 * - /__csp/page.html?script=dist|src&source=snapshot|live&tt=enforce|names: the four widgets,
 *   loaded by the built script-tag bundle (/dist/sdi-widgets.js, as partners paste it) or by the
 *   sources (through the test server's TypeScript transform), reading a snapshot or the live API;
 *   `tt=names` also restricts the Trusted Types policy names to the ones the README documents.
 *   `seo=1` sets the list's `seo`: its JSON-LD block is script text, a Trusted Types sink.
 * - /__csp/probe.js: the page's first script, which reports violations to the parent window.
 * - /__csp/snapshot/… and /__csp/mock-api/v2/…: the fixture data with its event images moved to
 *   the page's own origin, /__csp/images/… (tiny SVGs).
 *
 * Why the images move: the shared fixture points them at a closed port of another origin
 * (127.0.0.1:9), which `img-src 'self'` rightly refuses and reports. Event images are the one
 * origin a partner must allow for OpenAgenda's data (https://cdn.openagenda.com); here they are
 * made same-origin so that the test can demand ZERO violations, and any report names a widget bug.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { normalize, resolve } from 'node:path';
import { createMockApi, type MockApi, type JsonObject } from '../../../tools/mock-api/mock-api.js';

/** The tested policy, as the issue states it; `tt=names` appends the allowed policy names. */
export const STRICT_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "require-trusted-types-for 'script'";
/** The Trusted Types policies the widgets create (README, "Content-Security-Policy"). */
export const POLICY_NAMES = 'sdi-widgets lit-html';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));
const IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#c9d7e8"/></svg>';

export interface CspRouteOptions {
  snapshotDir: string;
  /** The fixture's image base, replaced by the page's origin in everything served here. */
  imageBase: string;
  agenda: { uid: string; config: Record<string, unknown>; events: Record<string, unknown>[] };
  apiKey: string;
}

export interface CspRoutes {
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean;
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function page(params: URLSearchParams): string {
  const script = params.get('script') === 'src' ? '/src/sdi-widgets.ts' : '/dist/sdi-widgets.js';
  const live = params.get('source') === 'live';
  const source = live
    ? `<meta name="sdi:agenda" content="9464342">
<meta name="sdi:api-key" content="test-key">
<meta name="sdi:api" content="/__csp/mock-api/v2">`
    : '<meta name="sdi:src" content="/__csp/snapshot/">';
  const seo = params.get('seo') === '1' ? ' seo' : '';
  // The map first and every widget in one group: choosing a region on the map filters the list.
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8">
<title>Page stricte</title>
${source}
<script src="/__csp/probe.js"></script>
<script type="module" src="${script}"></script>
</head><body>
<sdi-region-map tiles="none" height="420" group="csp"></sdi-region-map>
<sdi-edition-banner number="15"></sdi-edition-banner>
<sdi-countdown edition="15"></sdi-countdown>
<sdi-event-list group="csp" past page-size="12"${seo}></sdi-event-list>
</body></html>`;
}

export function createCspRoutes(options: CspRouteOptions): CspRoutes {
  // One copy of the data per origin the pages are served from (one, in practice).
  const apis = new Map<string, MockApi>();
  const sameOrigin = (req: IncomingMessage) => `http://${req.headers.host ?? 'localhost'}/__csp/images/`;
  const rebase = (text: string, req: IncomingMessage) => text.replaceAll(options.imageBase, sameOrigin(req));

  function api(req: IncomingMessage): MockApi {
    const base = sameOrigin(req);
    let found = apis.get(base);
    if (!found) {
      const events = JSON.parse(rebase(JSON.stringify(options.agenda.events), req)) as JsonObject[];
      found = createMockApi({
        agendas: { [options.agenda.uid]: { config: options.agenda.config, events } },
        keys: [options.apiKey],
        basePath: '/__csp/mock-api/v2',
      });
      apis.set(base, found);
    }
    return found;
  }

  function snapshot(req: IncomingMessage, res: ServerResponse, path: string): void {
    const relative = normalize(decodeURIComponent(path.slice('/__csp/snapshot/'.length)));
    const file = resolve(options.snapshotDir, relative);
    if (!file.startsWith(options.snapshotDir) || !existsSync(file) || !statSync(file).isFile()) {
      send(res, 404, 'application/json', '{"message":"not found"}');
      return;
    }
    send(res, 200, 'application/json; charset=utf-8', rebase(readFileSync(file, 'utf8'), req));
  }

  return {
    handle(req, res, path) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (path === '/__csp/page.html') {
        const names = url.searchParams.get('tt') === 'names' ? `; trusted-types ${POLICY_NAMES}` : '';
        send(res, 200, 'text/html; charset=utf-8', page(url.searchParams), {
          'content-security-policy': STRICT_POLICY + names,
        });
      } else if (path === '/__csp/probe.js') {
        send(res, 200, 'text/javascript; charset=utf-8', readFileSync(PROBE, 'utf8'));
      } else if (path.startsWith('/__csp/images/')) {
        send(res, 200, 'image/svg+xml', IMAGE);
      } else if (path.startsWith('/__csp/snapshot/')) {
        snapshot(req, res, path);
      } else if (!api(req).handle(req, res)) {
        send(res, 404, 'application/json', '{"message":"unknown /__csp/ path"}');
      }
      return true;
    },
  };
}
