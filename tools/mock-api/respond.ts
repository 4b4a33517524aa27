/**
 * Writing answers: JSON with the API's content type, OpenAgenda's error shape, and the CORS
 * headers a widget page served from another local port needs to read them.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** A computed answer, serialised only when written, so faults can cut or spoil the text. */
export interface ApiResponse {
  status: number;
  body: unknown;
}

export function errorResponse(status: number, message: string, info: Record<string, unknown> = {}): ApiResponse {
  return { status, body: { message, info } };
}

export function statusMessage(status: number): string {
  return STATUS_CODES[status] ?? `HTTP ${status}`;
}

/**
 * Retry-After is exposed because it is not a CORS-safelisted response header: without this a
 * browser client could see a 429 but never how long to wait.
 */
export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', 'Retry-After');
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const asked = req.headers['access-control-request-headers'];
  const allowed = typeof asked === 'string' && asked ? asked : 'key, content-type';
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, HEAD, OPTIONS',
    'access-control-allow-headers': allowed,
    'access-control-max-age': '600',
    'content-length': '0',
  });
  res.end();
}

/** A client may hang up during a delay; writing to its closed response would throw. */
export function isGone(res: ServerResponse): boolean {
  return res.writableEnded || res.destroyed;
}

export function writeText(res: ServerResponse, status: number, text: string, contentType = JSON_TYPE): void {
  if (isGone(res)) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function writeResponse(res: ServerResponse, response: ApiResponse): void {
  writeText(res, response.status, JSON.stringify(response.body));
}
