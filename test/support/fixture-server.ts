/**
 * What browser tests talk to instead of the internet: the mock OpenAgenda API under
 * /mock-api/v2 (agenda 9464342, key "test-key") and a real snapshot under /snapshot/, built by the
 * real snapshot builder from a generated edition through that mock, plus a control API under
 * /__test/ to read the request log and inject faults.
 */
import { mkdirSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import { createMockApi, startMockServer, type Fault, type MockApi } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';
import { runCli } from '../../src/node/snapshot/cli.js';
import { createCspRoutes } from '../hostile-pages/csp/routes.js';
import { createPasteRoutes } from './paste-routes.js';
import { createMirrorRoutes } from './mirror-routes.js';

export const AGENDA_UID = 9464342;
export const API_KEY = 'test-key';
/**
 * Images point at a closed local port: cards still get image URLs to lay out, and no test
 * request ever leaves the machine. (The strict-CSP pages under /__csp/ serve a copy of the data
 * whose images are on the page's own origin.)
 */
export const IMAGE_BASE = 'http://127.0.0.1:9/sample-images/';

interface StaticFault {
  match: string;
  /** Without a status the file is served normally, after the delay. */
  status?: number;
  delayMs?: number;
  times: number;
}

export interface FixtureServer {
  api: MockApi;
  snapshotDir: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolveBody(body));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function createFixtureServer(options: { count?: number; dir?: string } = {}): Promise<FixtureServer> {
  const count = options.count ?? 2000;
  const edition = generateEdition({ count, imageBase: IMAGE_BASE });
  const api = createMockApi({
    agendas: { [String(AGENDA_UID)]: { config: edition.agenda, events: edition.events } },
    keys: [API_KEY],
    basePath: '/mock-api/v2',
  });
  // One folder per process: several test runs (three browsers, parallel developers) may overlap.
  const snapshotDir = resolve(options.dir ?? `.cache/test-fixture/snapshot-${count}-${process.pid}`);
  rmSync(snapshotDir, { recursive: true, force: true });
  mkdirSync(join(snapshotDir, '..'), { recursive: true });
  process.once('exit', () => rmSync(snapshotDir, { recursive: true, force: true }));
  const server = await startMockServer(api, 0);
  const errors: string[] = [];
  try {
    const code = await runCli(
      [
        '--agenda',
        String(AGENDA_UID),
        '--key',
        API_KEY,
        '--api',
        `${server.url}/mock-api/v2`,
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
      ],
      { stdout: { write: () => true }, stderr: { write: (text: string) => (errors.push(text), true) } },
    );
    if (code !== 0) throw new Error(`snapshot builder exited with ${code}: ${errors.join('')}`);
  } finally {
    await server.close();
  }
  api.reset();

  const csp = createCspRoutes({
    snapshotDir,
    imageBase: IMAGE_BASE,
    agenda: { uid: String(AGENDA_UID), config: edition.agenda, events: edition.events },
    apiKey: API_KEY,
  });
  const paste = createPasteRoutes({ snapshotDir });
  const mirror = createMirrorRoutes({ dir: `${snapshotDir}-mirror` });
  const staticLog: { method: string; url: string; at: number }[] = [];
  let staticFaults: StaticFault[] = [];

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === '/__test/requests') {
      json(res, 200, [
        ...api.requests.map((r) => ({ ...r, kind: 'api' })),
        ...staticLog.map((r) => ({ ...r, kind: 'snapshot' })),
      ]);
    } else if (path === '/__test/reset' && req.method === 'POST') {
      api.reset();
      staticLog.length = 0;
      staticFaults = [];
      json(res, 200, { ok: true });
    } else if (path === '/__test/fault' && req.method === 'POST') {
      api.addFault(JSON.parse(await readBody(req)) as Fault);
      json(res, 200, { ok: true });
    } else if (path === '/__test/snapshot-fault' && req.method === 'POST') {
      const fault = JSON.parse(await readBody(req)) as Partial<StaticFault>;
      staticFaults.push({
        match: fault.match ?? '',
        ...(fault.status ? { status: fault.status } : {}),
        ...(fault.delayMs ? { delayMs: fault.delayMs } : {}),
        times: fault.times ?? Infinity,
      });
      json(res, 200, { ok: true });
    } else if (path === '/__test/index') {
      json(res, 200, JSON.parse(readFileSync(join(snapshotDir, 'index.json'), 'utf8')));
    } else {
      json(res, 404, { message: 'unknown control path' });
    }
  }

  async function serveSnapshot(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    staticLog.push({ method: req.method ?? 'GET', url: req.url ?? path, at: Date.now() });
    const fault = staticFaults.find((f) => f.times > 0 && path.includes(f.match));
    if (fault) {
      fault.times -= 1;
      if (fault.delayMs) await new Promise((done) => setTimeout(done, fault.delayMs));
      if (fault.status) {
        json(res, fault.status, { message: 'injected fault' });
        return;
      }
    }
    const relative = normalize(decodeURIComponent(path.slice('/snapshot/'.length)));
    const file = resolve(snapshotDir, relative);
    if (!file.startsWith(snapshotDir) || !existsSync(file) || !statSync(file).isFile()) {
      json(res, 404, { message: 'not found' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': relative === 'index.json' ? 'no-cache' : 'public, max-age=31536000, immutable',
      'access-control-allow-origin': '*',
    });
    res.end(readFileSync(file));
  }

  return {
    api,
    snapshotDir,
    async handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/__test/')) {
        await control(req, res, path);
        return true;
      }
      if (path.startsWith('/snapshot/')) {
        await serveSnapshot(req, res, path);
        return true;
      }
      if (path.startsWith('/__csp/')) return csp.handle(req, res, path);
      if (path.startsWith('/__paste/')) return paste.handle(req, res, path);
      if (path.startsWith('/__mirror/')) return mirror.handle(req, res, path);
      return api.handle(req, res);
    },
  };
}
