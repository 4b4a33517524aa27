/**
 * Reads a static snapshot (docs/SNAPSHOT.md) in the browser: the index, then only the shard the
 * widget needs (one region's events, or all of them), validated before anything is shown.
 */
import type { FetchJsonOptions } from './http.js';
import { fetchJson } from './http.js';
import {
  SNAPSHOT_FORMAT,
  type SnapshotFileRef,
  type SnapshotIndex,
} from './snapshot-format.js';
import type { SdiEvent } from '../model/types.js';

export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFileRef(value: unknown): value is SnapshotFileRef {
  return isRecord(value) && typeof value.path === 'string' && typeof value.count === 'number';
}

export function validateIndex(body: unknown): SnapshotIndex {
  if (!isRecord(body)) throw new SnapshotError('index.json is not an object');
  if (body.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(`unsupported snapshot format ${JSON.stringify(body.format)}`);
  }
  const files = body.files;
  if (!isRecord(files) || !isFileRef(files.all) || !isRecord(files.regions)) {
    throw new SnapshotError('index.json has no file list');
  }
  if (!isRecord(body.counts) || typeof body.total !== 'number' || !isRecord(body.schema)) {
    throw new SnapshotError('index.json has no counts');
  }
  return body as unknown as SnapshotIndex;
}

/** Events are ours (the builder wrote them), but a CDN or a hand edit can still damage one. */
function isUsableEvent(value: unknown): value is SdiEvent {
  return (
    isRecord(value) &&
    typeof value.uid === 'number' &&
    Array.isArray(value.timings) &&
    value.timings.length > 0 &&
    isRecord(value.title)
  );
}

export function fileUrl(base: string, ref: SnapshotFileRef): string {
  // Relative paths only: an index must not send the widget to another origin.
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref.path)) throw new SnapshotError(`bad file path ${ref.path}`);
  return new URL(ref.path, base).href;
}

export async function readIndex(base: string, options: FetchJsonOptions): Promise<SnapshotIndex> {
  // The index is the one file that changes under the same name: ask caches to revalidate it.
  return validateIndex(await fetchJson(new URL('index.json', base).href, options));
}

/** The shard for a scope: a region's own file, or the whole edition. */
export function shardFor(index: SnapshotIndex, region: string | undefined): SnapshotFileRef | null {
  if (!region) return index.files.all;
  // A region absent from the index has no events: nothing to download.
  return index.files.regions[region] ?? null;
}

export async function readEvents(
  base: string,
  ref: SnapshotFileRef,
  options: FetchJsonOptions,
): Promise<{ events: SdiEvent[]; dropped: number }> {
  const body = await fetchJson(fileUrl(base, ref), options);
  if (!isRecord(body) || body.format !== SNAPSHOT_FORMAT || !Array.isArray(body.events)) {
    throw new SnapshotError(`${ref.path} is not an events file`);
  }
  const events: SdiEvent[] = [];
  let dropped = 0;
  for (const event of body.events) {
    if (isUsableEvent(event)) events.push(event);
    else dropped += 1;
  }
  return { events, dropped };
}
