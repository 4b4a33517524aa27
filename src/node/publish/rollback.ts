/**
 * Puts the index published before the one online back in place. Its files are still there as
 * long as it is among the last K indexes (garbage collection keeps what they name).
 */
import { plainBytes } from './content.js';
import { historyOf, namesIn } from './history.js';
import { INDEX_NAME, SNAPSHOT_DIR } from './layout.js';
import { shortHash } from './plan.js';
import type { ObjectStore } from './store.js';

export class NothingToRollBackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToRollBackError';
  }
}

export interface RollbackPlan {
  indexKey: string;
  /** The history entry that becomes index.json. */
  from: string;
  bytes: Buffer;
  /** generatedAt of the current and of the restored index, for the operator's message. */
  current?: string;
  restored?: string;
}

function generatedAt(bytes: Buffer | undefined): string | undefined {
  if (!bytes) return undefined;
  try {
    const value = (JSON.parse(bytes.toString('utf8')) as { generatedAt?: unknown }).generatedAt;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function planRollback(store: ObjectStore, root: string): Promise<RollbackPlan> {
  const listing = await store.list(root + SNAPSHOT_DIR);
  const indexKey = `${root}${SNAPSHOT_DIR}${INDEX_NAME}`;
  const stored = await store.get(indexKey);
  const current = stored && plainBytes(stored);
  const history = historyOf(listing, root);
  const currentHash = current ? shortHash(current) : undefined;
  const position = history.findIndex((entry) => entry.hash === currentHash);
  // An online index missing from the history is newer than all of it: go back to the newest.
  const target = position === -1 ? history[0] : history[position + 1];
  if (!target) {
    throw new NothingToRollBackError(
      history.length === 0
        ? `no published index under ${root}${SNAPSHOT_DIR}indexes/`
        : 'the online index is the oldest one kept',
    );
  }
  const storedTarget = await store.get(target.key);
  const bytes = storedTarget && plainBytes(storedTarget);
  if (!bytes) throw new NothingToRollBackError(`${target.key} disappeared`);
  const present = new Set(listing.map((object) => object.key));
  const missing = [...namesIn(bytes)].filter(
    (name) => /\.[0-9a-f]{16}\.[a-z0-9]+$/.test(name) && !present.has(root + SNAPSHOT_DIR + name),
  );
  if (missing.length > 0) {
    throw new NothingToRollBackError(
      `${target.key} names ${missing.length} files no longer stored (e.g. ${missing[0]}): not restored`,
    );
  }
  const currentAt = generatedAt(current);
  const restoredAt = generatedAt(bytes);
  return {
    indexKey,
    from: target.key,
    bytes,
    ...(currentAt ? { current: currentAt } : {}),
    ...(restoredAt ? { restored: restoredAt } : {}),
  };
}
