/**
 * The one rule for "a file inside the snapshot's folder", and the error a snapshot's reading
 * throws: apart from the reader so that the record expander, which the reader imports, can use
 * them without an import cycle.
 */
import type { SnapshotFileRef } from './snapshot-format.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

// Tabs, newlines and other controls the URL parser strips, and backslashes it reads as slashes
// in http(s) URLs: checked on the raw string because after parsing they are gone.
const PATH_TRAPS = /[\u0000-\u0020\u007f-\u009f\\]/;

/**
 * The address of a file an index names. The path comes from a file anyone with write access to
 * the bucket (or a CDN's error) can change, so it must resolve inside the snapshot's folder:
 * same origin, under the base path. Anything else (another host, `..` out of the folder,
 * `\\evil.example/x`, a tab in `//evil`) is refused.
 */
export function fileUrl(base: string, ref: SnapshotFileRef): string {
  const path = ref.path;
  if (typeof path !== 'string' || path === '' || path.length > 1024 || PATH_TRAPS.test(path)) {
    throw new SnapshotError(`bad file path ${JSON.stringify(path)}`);
  }
  const folder = new URL('./', base);
  let url: URL;
  try {
    url = new URL(path, folder);
  } catch {
    throw new SnapshotError(`bad file path ${JSON.stringify(path)}`);
  }
  if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname) || url.username || url.password) {
    throw new SnapshotError(`bad file path ${JSON.stringify(path)}`);
  }
  return url.href;
}
