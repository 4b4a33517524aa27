/**
 * Public types of the mock OpenAgenda v2 API. Kept apart from the implementation so the
 * modules that only need the shapes (server, Koa adapter, CLI) import no request logic.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type JsonObject = Record<string, unknown>;

export interface MockAgenda {
  /** The `GET /v2/agendas/{uid}?detailed=1` body: uid, slug, title, schema.fields... */
  config: JsonObject;
  /** Raw detailed OpenAgenda v2 event records, as the real API returns them with detailed=1. */
  events: JsonObject[];
}

export interface Fault {
  status?: number;
  /** Sent as the Retry-After header: delta-seconds, or an HTTP date. */
  retryAfter?: string | number;
  /** Waited before answering (the fault's outcome, or the normal answer when it has none). */
  delayMs?: number;
  body?: 'malformed' | 'truncated' | 'html';
  /** How many requests it applies to; default Infinity. */
  times?: number;
  /** Substring of the request path+query it applies to; default all. */
  match?: string;
}

export interface RequestLogEntry {
  method: string;
  url: string;
  /** Wall-clock ms (Date.now), not the injected `now`: tests measure real backoff with it. */
  at: number;
}

export interface MockApi {
  /** True when the request's path is under the base path (it was answered), false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Every request under the base path, CORS preflights included: filter on `method`. */
  readonly requests: RequestLogEntry[];
  /** The path prefix served, e.g. '/v2'. */
  readonly basePath: string;
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** Clears the request log (in place) and the faults. */
  reset(): void;
}

export interface MockApiOptions {
  agendas: Record<string, MockAgenda> | Map<string, MockAgenda>;
  /** Valid keys; default ['test-key']. */
  keys?: string[];
  /** Default '/v2'. */
  basePath?: string;
  /** The clock the relative filters, nextTiming and the timing sorts use; default Date.now. */
  now?: () => number;
  /**
   * The 2022 recordings end a read with a full page that still carries a cursor, then an empty
   * page with `after: null`; the 2025 recording (and the docs) put `after: null` on the last full
   * page. Default false (the newer behaviour); true reproduces the older one so clients can be
   * tested against both.
   */
  trailingCursor?: boolean;
  /**
   * A path (e.g. '/sample-images/') where the sample edition's image files are served as real
   * JPEGs (tools/sample/images.ts), for generateEdition's `imageBase`; off by default.
   */
  images?: string;
}
