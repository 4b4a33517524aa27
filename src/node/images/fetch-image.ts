/**
 * One image download for the mirror: a timeout, a byte cap enforced while streaming, and only
 * bodies that say they are images. Every failure is a reason string, never a throw: a failed image
 * keeps its original URL and is counted, it does not stop the snapshot.
 */
export type ImageFetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ImageFetchOptions {
  fetch?: ImageFetch;
  timeoutMs: number;
  maxBytes: number;
}

export type Fetched = { ok: true; bytes: Buffer; etag?: string } | { ok: false; reason: string };

export async function fetchImage(url: string, options: ImageFetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
    const response = await doFetch(url, { signal: controller.signal, redirect: 'follow', headers: { accept: 'image/*' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${response.status}` };
    }
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!type.startsWith('image/')) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `not an image (${type || 'no content-type'})` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `larger than ${options.maxBytes} bytes` };
    }
    if (!response.body) return { ok: false, reason: 'empty body' };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: `larger than ${options.maxBytes} bytes` };
      }
      chunks.push(value);
    }
    const etag = response.headers.get('etag') ?? undefined;
    return { ok: true, bytes: Buffer.concat(chunks), ...(etag ? { etag } : {}) };
  } catch (error) {
    return {
      ok: false,
      reason: controller.signal.aborted ? `timeout after ${options.timeoutMs} ms` : `network error: ${(error as Error).message}`,
    };
  } finally {
    clearTimeout(timer);
  }
}
