/** The published indexes kept under snapshot/indexes/, newest first. */
import { HISTORY_DIR, parseHistoryName } from './layout.js';
import type { StoredObject } from './store.js';

export interface HistoryEntry {
  key: string;
  stamp: string;
  hash: string;
}

export function historyOf(listing: Iterable<StoredObject | string>, root: string): HistoryEntry[] {
  const dir = root + HISTORY_DIR;
  const entries: HistoryEntry[] = [];
  for (const item of listing) {
    const key = typeof item === 'string' ? item : item.key;
    if (!key.startsWith(dir)) continue;
    const parsed = parseHistoryName(key.slice(dir.length));
    if (parsed) entries.push({ key, ...parsed });
  }
  return entries.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/**
 * The mirrored images an index lists (`files.images`, docs/SNAPSHOT.md), or undefined when it
 * has no list: an index of a builder older than the list, whose images only event files name.
 */
export function imagesListOf(indexBytes: Buffer): string[] | undefined {
  const files = (JSON.parse(indexBytes.toString('utf8')) as { files?: { images?: unknown } } | null)?.files;
  const list = files?.images;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? (list as string[]) : undefined;
}

/**
 * Snapshot-relative names an index points to: every string anywhere in it that names a file of
 * the snapshot. Reading all strings, not only `files.*.path`, keeps files that later format
 * additions (mirrored images listed in the index) name.
 */
export function namesIn(indexBytes: Buffer): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length < 256 && !value.includes('://')) names.add(value.replace(/^\.\//, ''));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(JSON.parse(indexBytes.toString('utf8')));
  return names;
}
