/**
 * Garbage collection: deletes the snapshot files that none of the last K published indexes
 * names (nor the index online before this run), and history entries older than those K. The
 * bundle (widgets/, site files) is never collected: old releases stay for pages that pinned them.
 */
import { plainBytes } from './content.js';
import { HISTORY_DIR, INDEX_NAME, SNAPSHOT_DIR } from './layout.js';
import { historyOf, imagesListOf, namesIn } from './history.js';
import type { ObjectStore, StoredObject } from './store.js';

/** Mirrored images, under the snapshot folder (src/node/images/mirror.ts, IMAGES_FOLDER). */
const IMAGES_DIR = 'images/';

export interface GcPlan {
  deletions: string[];
  keptIndexes: number;
}

/**
 * `keys` is everything under the prefix once this run's uploads are done; `extraIndexes` the
 * indexes known locally (the one just published, the one it replaced) and `known` the history
 * entries this run adds (a dry run has not stored them), read without a request.
 */
export async function planGc(
  store: Pick<ObjectStore, 'get'>,
  keys: StoredObject[] | string[],
  root: string,
  keep: number,
  extraIndexes: Buffer[],
  known: Map<string, Buffer> = new Map(),
): Promise<GcPlan> {
  const allKeys = (keys as (StoredObject | string)[]).map((item) => (typeof item === 'string' ? item : item.key));
  const history = historyOf(allKeys, root);
  const kept = history.slice(0, keep);
  const named = new Set<string>();
  // An index without an images list (an older builder) may still have readers whose event files
  // name mirrored images the GC cannot see: while one is kept, no image is deleted.
  let unlistedImages = false;
  const name = (bytes: Buffer): void => {
    for (const path of namesIn(bytes)) named.add(path);
    const images = imagesListOf(bytes);
    if (images) for (const path of images) named.add(path);
    else unlistedImages = true;
  };
  for (const bytes of extraIndexes) name(bytes);
  for (const entry of kept) {
    const stored = known.get(entry.key) ?? (await store.get(entry.key));
    const bytes = stored && plainBytes(stored);
    // A kept index that cannot be read means we cannot know what readers need: delete nothing.
    if (!bytes) throw new Error(`cannot read ${entry.key}: nothing deleted`);
    try {
      name(bytes);
    } catch {
      throw new Error(`${entry.key} is not JSON: nothing deleted`);
    }
  }
  const snapshotDir = root + SNAPSHOT_DIR;
  const deletions: string[] = [];
  for (const key of allKeys) {
    if (!key.startsWith(snapshotDir)) continue;
    const path = key.slice(snapshotDir.length);
    if (path === INDEX_NAME || key.startsWith(root + HISTORY_DIR)) continue;
    if (unlistedImages && path.startsWith(IMAGES_DIR)) continue;
    if (!named.has(path)) deletions.push(key);
  }
  deletions.push(...history.slice(keep).map((entry) => entry.key));
  return { deletions: deletions.sort(), keptIndexes: kept.length };
}

export async function runGc(store: ObjectStore, deletions: string[]): Promise<void> {
  for (const key of deletions) await store.delete(key);
}
