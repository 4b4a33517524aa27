/** #11.13: a hostile API must not make the builder hold an unbounded body in memory. */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchJson, HttpError } from '../../src/feed/http.js';

const CHUNK = Buffer.alloc(64 * 1024, 0x20);
let server: Server;
let base: string;
let endlessBytesSent = 0;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless') {
      // No Content-Length, never ends: only the reader's cap stops it.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"total":1,"events":["');
      const pump = (): void => {
        while (!res.destroyed && res.write(CHUNK)) endlessBytesSent += CHUNK.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      res.on('close', () => undefined);
      pump();
    } else if (req.url === '/declared') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
      res.write('{');
    } else if (req.url === '/endless-error') {
      res.writeHead(500, { 'content-type': 'application/json' });
      const pump = (): void => {
        while (!res.destroyed && res.write(CHUNK)) undefined;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: 'é'.repeat(1000) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const tooLarge = (error: unknown): boolean => {
  assert.ok(error instanceof HttpError, String(error));
  assert.equal(error.kind, 'too-large');
  assert.equal(error.retryable, false);
  assert.match(error.message, /larger than 1048576 bytes/);
  return true;
};

describe('fetchJson with maxBytes', () => {
  it('stops reading an endless body past the cap, without retrying', async () => {
    const started = performance.now();
    await assert.rejects(
      fetchJson(`${base}/endless`, { maxBytes: 1024 * 1024, retries: 2, backoffMs: 1, timeoutMs: 20_000 }),
      tooLarge,
    );
    assert.ok(performance.now() - started < 5000, 'aborted at the cap, not at the timeout');
    assert.ok(endlessBytesSent < 64 * 1024 * 1024, `server pushed ${endlessBytesSent} bytes`);
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    await assert.rejects(fetchJson(`${base}/declared`, { maxBytes: 1024 * 1024, retries: 0, timeoutMs: 5000 }), tooLarge);
  });

  it('caps an endless error body too', async () => {
    const started = performance.now();
    await assert.rejects(
      fetchJson(`${base}/endless-error`, { maxBytes: 1024 * 1024, retries: 0, timeoutMs: 20_000 }),
      (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.status, 500);
        return true;
      },
    );
    assert.ok(performance.now() - started < 5000, 'aborted at the cap, not at the timeout');
  });

  it('reads a body under the cap, multi-byte text intact', async () => {
    assert.deepEqual(await fetchJson(`${base}/ok`, { maxBytes: 1024 * 1024 }), { ok: 'é'.repeat(1000) });
  });
});
