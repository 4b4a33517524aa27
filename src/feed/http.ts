/**
 * JSON over HTTP with the failure handling both the browser feed and the snapshot builder need:
 * a timeout per attempt, bounded retries with exponential backoff on 429, 5xx and network errors
 * (honouring Retry-After), and immediate failure on other 4xx, which retrying cannot fix.
 * Browser-safe: no Node imports.
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchJsonOptions {
  headers?: Record<string, string>;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  /** First backoff; doubled each retry, with jitter. */
  backoffMs?: number;
  /** Upper bound of any single wait, Retry-After included, so a hostile header cannot stall us. */
  maxWaitMs?: number;
  signal?: AbortSignal;
  /** Replaces `response.text()` (a large file decoded in slices). */
  readText?: (response: Response) => Promise<string>;
  /**
   * Largest body read, error bodies included: past it the transfer is aborted (`too-large`, not
   * retried). Unset in the browser, whose fetches the page controls; the snapshot builder sets it,
   * so a hostile API cannot make it hold an endless body in memory.
   */
  maxBytes?: number;
  /** Replaces JSON.parse (a large file parsed in slices); throws on a body that is not JSON. */
  parse?: (text: string) => unknown;
  fetch?: FetchLike;
  /** Called before each retry (tests and logs count them). */
  onRetry?: (attempt: number, reason: string, waitMs: number) => void;
}

export type HttpErrorKind = 'http' | 'network' | 'timeout' | 'parse' | 'aborted' | 'too-large';

export class HttpError extends Error {
  constructor(
    message: string,
    readonly kind: HttpErrorKind,
    readonly status?: number,
    /** The error body's `message` when the server sent OpenAgenda's JSON error shape. */
    readonly serverMessage?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  get retryable(): boolean {
    if (this.kind === 'aborted' || this.kind === 'parse' || this.kind === 'too-large') return false;
    if (this.kind === 'http') return this.status === 429 || (this.status ?? 0) >= 500;
    return true;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new HttpError('aborted', 'aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new HttpError('aborted', 'aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(`the response is larger than ${maxBytes} bytes`, 'too-large');
}

/**
 * The body as text, streamed and counted: a declared length over the cap is refused unread, and
 * the transfer is cancelled as soon as the bytes read pass it.
 */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

async function readErrorMessage(response: Response, maxBytes: number | undefined): Promise<string | undefined> {
  try {
    const body: unknown = maxBytes === undefined ? await response.json() : JSON.parse(await readCapped(response, maxBytes));
    if (body && typeof body === 'object' && 'message' in body) {
      const message = (body as { message: unknown }).message;
      return typeof message === 'string' ? message : undefined;
    }
  } catch {
    // An error page that is not JSON says nothing more than its status.
  }
  return undefined;
}

async function attempt(url: string, options: FetchJsonOptions): Promise<unknown> {
  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? 15000);
  try {
    const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
    let response: Response;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json', ...options.headers },
        signal: controller.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (outer?.aborted) throw new HttpError('aborted', 'aborted');
      if (timedOut) throw new HttpError(`timeout after ${options.timeoutMs ?? 15000} ms`, 'timeout');
      throw new HttpError(`network error: ${(error as Error).message}`, 'network');
    }
    if (!response.ok) {
      const serverMessage = await readErrorMessage(response, options.maxBytes);
      const error = new HttpError(
        `HTTP ${response.status}${serverMessage ? `: ${serverMessage}` : ''}`,
        'http',
        response.status,
        serverMessage,
      );
      (error as HttpError & { retryAfterMs?: number }).retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      throw error;
    }
    let text: string;
    try {
      if (options.maxBytes !== undefined) text = await readCapped(response, options.maxBytes);
      else text = options.readText ? await options.readText(response) : await response.text();
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (outer?.aborted) throw new HttpError('aborted', 'aborted');
      if (timedOut) throw new HttpError('timeout while reading the body', 'timeout');
      throw new HttpError(`network error: ${(error as Error).message}`, 'network');
    }
    try {
      return options.parse ? await options.parse(text) : JSON.parse(text);
    } catch {
      if (outer?.aborted) throw new HttpError('aborted', 'aborted');
      // A truncated body is usually a dropped connection, so it is worth another try; the
      // caller's validation catches a server that always answers garbage.
      throw new HttpError('response is not valid JSON', 'network');
    }
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 500;
  const maxWait = options.maxWaitMs ?? 30000;
  for (let tryIndex = 0; ; tryIndex++) {
    try {
      return await attempt(url, options);
    } catch (error) {
      const httpError = error instanceof HttpError ? error : new HttpError(String(error), 'network');
      if (!httpError.retryable || tryIndex >= retries) throw httpError;
      const retryAfter = (httpError as HttpError & { retryAfterMs?: number }).retryAfterMs;
      const exponential = backoff * 2 ** tryIndex * (0.75 + Math.random() * 0.5);
      const wait = Math.min(maxWait, retryAfter ?? exponential);
      options.onRetry?.(tryIndex + 1, httpError.message, wait);
      await sleep(wait, options.signal);
    }
  }
}
