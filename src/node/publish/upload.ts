/**
 * Runs the uploads of a plan phase by phase: a phase starts only when every upload of the
 * previous one has succeeded, so index.json is never stored before a file it names.
 */
import { PHASES, type PlannedObject } from './plan.js';
import type { ObjectStore } from './store.js';

/** An upload failed: what was stored, and whether index.json had been replaced by then. */
export class UploadInterruptedError extends Error {
  constructor(
    readonly uploaded: number,
    readonly total: number,
    readonly indexReplaced: boolean,
    override readonly cause: unknown,
  ) {
    super(
      `upload interrupted after ${uploaded} of ${total} files (${cause instanceof Error ? cause.message : String(cause)}); ` +
        (indexReplaced
          ? 'index.json was replaced: the new snapshot is online, some pages may be missing: run again'
          : 'index.json was not replaced: readers keep the previous snapshot; run again'),
    );
    this.name = 'UploadInterruptedError';
  }
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    // After a failure no new upload starts; those in flight finish.
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await run(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failure) throw failure.error;
}

export async function upload(
  store: ObjectStore,
  uploads: PlannedObject[],
  concurrency: number,
  onStored: (object: PlannedObject) => void = () => undefined,
): Promise<number> {
  let stored = 0;
  let indexReplaced = false;
  for (const phase of PHASES) {
    const batch = uploads.filter((object) => object.phase === phase);
    // index.json alone, after the files it names and its copy in the history.
    const width = phase === 'index' ? 1 : concurrency;
    try {
      await pool(batch, width, async (object) => {
        await store.put({
          key: object.key,
          body: object.body,
          contentType: object.contentType,
          cacheControl: object.cacheControl,
          ...(object.contentEncoding ? { contentEncoding: object.contentEncoding } : {}),
        });
        stored += 1;
        if (object.phase === 'index') indexReplaced = true;
        onStored(object);
      });
    } catch (error) {
      throw new UploadInterruptedError(stored, uploads.length, indexReplaced, error);
    }
  }
  return stored;
}
