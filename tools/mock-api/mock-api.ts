/**
 * A local stand-in for the OpenAgenda v2 read API (no network exists in tests or the offline
 * demo), faithful to the recorded responses: cursor pagination, filters, content options,
 * error bodies, plus injectable faults. Mount it on any Node HTTP server (startMockServer), or
 * in @web/test-runner through ./koa.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultList, hasOutcome, sleep, writeFault } from './faults.js';
import { answerPreflight, errorResponse, isGone, setCorsHeaders, writeResponse, type ApiResponse } from './respond.js';
import { sampleImageRoute } from './images.js';
import { route, type RouteContext } from './routes.js';
import type { MockAgenda, MockApi, MockApiOptions, RequestLogEntry } from './types.js';

export type { Fault, JsonObject, MockAgenda, MockApi, MockApiOptions, RequestLogEntry } from './types.js';
export { startMockServer, type MockServer } from './server.js';

/** '/v2/' and 'v2' mean '/v2'; '/' serves from the root (''). */
function normaliseBase(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  return !trimmed || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function createMockApi(options: MockApiOptions): MockApi {
  const basePath = normaliseBase(options.basePath ?? '/v2');
  const keys = new Set(options.keys ?? ['test-key']);
  const clock = options.now ?? Date.now;
  const agendas = options.agendas;
  const lookup = (uid: string): MockAgenda | undefined => {
    if (agendas instanceof Map) return agendas.get(uid);
    return Object.hasOwn(agendas, uid) ? agendas[uid] : undefined;
  };
  const faults = new FaultList();
  const requests: RequestLogEntry[] = [];

  function answer(url: URL, req: IncomingMessage): ApiResponse {
    const context: RouteContext = {
      agenda: lookup,
      keys,
      now: clock(),
      trailingCursor: options.trailingCursor ?? false,
    };
    const headerKey = req.headers.key;
    try {
      return route(
        {
          path: url.pathname.slice(basePath.length),
          search: url.searchParams,
          headerKey: typeof headerKey === 'string' ? headerKey : undefined,
        },
        context,
      );
    } catch (error) {
      // A bug here must fail loudly in the test that hit it, not hang the client.
      return errorResponse(500, 'internal error', { error: String(error) });
    }
  }

  const images = options.images ? sampleImageRoute(options.images) : undefined;

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    setCorsHeaders(res);
    // Preflights are the browser's, not the client's: never faulted, never keyed.
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD, OPTIONS');
      writeResponse(res, errorResponse(405, 'method not allowed', { method: req.method }));
      return;
    }
    const fault = faults.take(req.url ?? '');
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (isGone(res)) return;
    if (fault && hasOutcome(fault)) {
      writeFault(res, fault, () => answer(url, req));
      return;
    }
    if (fault?.retryAfter !== undefined) res.setHeader('retry-after', String(fault.retryAfter));
    writeResponse(res, answer(url, req));
  }

  return {
    basePath,
    requests,
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://mock.invalid');
      const path = url.pathname;
      if (images?.handle(req, res, path)) return true;
      if (basePath && path !== basePath && !path.startsWith(`${basePath}/`)) return false;
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '', at: Date.now() });
      serve(req, res, url).catch((error: unknown) => {
        if (!isGone(res)) {
          writeResponse(res, errorResponse(500, 'internal error', { error: String(error) }));
        }
      });
      return true;
    },
    addFault(fault) {
      faults.add(fault);
    },
    clearFaults() {
      faults.clear();
    },
    reset() {
      // In place: tests may hold a reference to the log.
      requests.length = 0;
      faults.clear();
    },
  };
}
