/**
 * What each published file is, for the host: its Content-Type, and whether its body may be
 * stored gzip-compressed. Browsers read the widgets' JSON with fetch() and their modules with
 * <script type="module">: a wrong type (octet-stream) makes module scripts refuse to run.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.map': 'application/json',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Types worth compressing: text. Images are already compressed; gzip would only cost CPU. */
const TEXT = /^(text\/|application\/json|image\/svg\+xml)/;

function extension(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function contentTypeOf(key: string): string {
  return TYPES[extension(key)] ?? 'application/octet-stream';
}

export function isHtml(key: string): boolean {
  const ext = extension(key);
  return ext === '.html' || ext === '.htm';
}

/**
 * The stored body: gzip when asked and the type is text. The gzip header carries no name and
 * mtime 0, so the same file always gives the same bytes, hence the same ETag: an unchanged file
 * is recognised on the next run.
 */
export function storedBody(key: string, bytes: Buffer, precompress: boolean): { body: Buffer; encoding?: 'gzip' } {
  if (!precompress || !TEXT.test(contentTypeOf(key))) return { body: bytes };
  return { body: gzipSync(bytes, { level: 9 }), encoding: 'gzip' };
}

/** Bytes read back from the bucket, uncompressed when they were stored with --precompress. */
export function plainBytes(stored: Buffer): Buffer {
  return stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored) : stored;
}
