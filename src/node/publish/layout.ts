/**
 * Where each file goes under the destination prefix, and how long caches may keep it.
 *
 *   snapshot/index.json            short: the only snapshot name whose content changes
 *   snapshot/<hashed files>        immutable, never uploaded twice
 *   snapshot/indexes/<stamp>-<hash>.json  published indexes (garbage collection, rollback)
 *   widgets/<version>/…            the bundle, immutable: a release never changes
 *   widgets/v<major>/…             the bundle's moving path: entries short, chunks immutable
 *   (--site) everything else as built; HTML pages short and last
 *
 * The widgets find the snapshot from their own URL (src/feed/source.ts, snapshotUrlBeside):
 * `./snapshot/` beside the script, or `../../snapshot/` when the script sits in
 * `widgets/<version>/` or `widgets/v<major>/`: all three paths read the one snapshot.
 */
export const SNAPSHOT_DIR = 'snapshot/';
export const INDEX_NAME = 'index.json';
export const HISTORY_DIR = 'snapshot/indexes/';
export const WIDGETS_DIR = 'widgets/';

/** Rollup chunk names: `name-<8 base64url characters>.js`, with a capital or digit in the hash. */
const CHUNK = /-(?=[A-Za-z0-9_-]{8}\.)(?=[^.]*[A-Z0-9_])[A-Za-z0-9_-]{8}\.(?:js|mjs|css)(?:\.map)?$/;
/** Snapshot files: `name.<16 hex digits>.ext` (first 16 hex digits of the SHA-256). */
const HEX_HASHED = /\.[0-9a-f]{16}\.[a-z0-9]+$/;

export function isContentHashed(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return CHUNK.test(base) || HEX_HASHED.test(base);
}

/** Files of a bundle folder that are the bundle: scripts, their maps and the stylesheet. */
export function isBundleFile(name: string): boolean {
  return /\.(?:js|mjs|css)(?:\.map)?$/.test(name);
}

/** A sortable name for an index published at `at`: ISO time without ':' or '.', then its hash. */
export function historyName(at: Date, hash: string): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}-${hash}.json`;
}

const HISTORY_ENTRY = /^(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-([0-9a-f]{16})\.json$/;

export function parseHistoryName(name: string): { stamp: string; hash: string } | undefined {
  const match = HISTORY_ENTRY.exec(name);
  return match ? { stamp: match[1]!, hash: match[2]! } : undefined;
}
