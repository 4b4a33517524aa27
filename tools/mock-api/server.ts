/**
 * A standalone HTTP server around a MockApi, for Node tests and the offline demo. Anything
 * outside the API's base path gets a JSON 404 with CORS, so a misrouted browser call fails
 * readably instead of as an opaque CORS error.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse, setCorsHeaders, writeResponse } from './respond.js';
import type { MockApi } from './types.js';

export interface MockServer {
  /** The server's origin, e.g. http://127.0.0.1:8787 (no trailing slash). */
  url: string;
  /** `url` + the API's base path: what a client uses in place of https://api.openagenda.com/v2. */
  apiBase: string;
  close(): Promise<void>;
}

export function startMockServer(api: MockApi, port = 0, host = '127.0.0.1'): Promise<MockServer> {
  const server = createServer((req, res) => {
    if (api.handle(req, res)) return;
    setCorsHeaders(res);
    writeResponse(res, errorResponse(404, 'route not found', { path: req.url ?? '' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${hostPart}:${address.port}`;
      resolve({
        url,
        apiBase: `${url}${api.basePath}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive sockets and delayed answers would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}
