/**
 * The plan of a publish run: every object to store, in the order that never shows a reader a
 * name before what it points to (hashed files, then moving bundle paths, then the index, then
 * pages), and which of them the bucket already holds.
 */
import { createHash } from 'node:crypto';
import type { PublishOptions } from './args.js';
import { majorOf } from './args.js';
import { contentTypeOf, isHtml, storedBody } from './content.js';
import {
  historyName,
  HISTORY_DIR,
  INDEX_NAME,
  isBundleFile,
  isContentHashed,
  parseHistoryName,
  SNAPSHOT_DIR,
  WIDGETS_DIR,
} from './layout.js';
import { LocalFolderError, listFiles, readLocal, type LocalFile } from './local-files.js';
import type { StoredObject } from './store.js';

export const PHASES = ['immutable', 'moving', 'history', 'index', 'page'] as const;
export type Phase = (typeof PHASES)[number];

export interface PlannedObject {
  key: string;
  body: Buffer;
  md5: string;
  contentType: string;
  cacheControl: string;
  contentEncoding?: string;
  phase: Phase;
  /** An immutable name already in the bucket is never uploaded again, whatever it holds. */
  immutable: boolean;
}

export interface IndexState {
  key: string;
  /** First 16 hex digits of the SHA-256 of the index bytes, as in history names. */
  hash: string;
  bytes: Buffer;
}

export interface Plan {
  uploads: PlannedObject[];
  skipped: PlannedObject[];
  /** The index this run publishes (undefined without --snapshot / a site snapshot). */
  newIndex?: IndexState;
  /** Whether the new index differs from the online one (else index and history are left). */
  indexChanged: boolean;
  /** Plain bytes of the history entries this run adds, by key: read before they are stored. */
  newHistory: Map<string, Buffer>;
}

export function shortHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

interface Candidate {
  key: string;
  name: string;
  bytes: Buffer;
  phase: Phase;
  immutable: boolean;
}

function planned(candidate: Candidate, options: PublishOptions): PlannedObject {
  // The history is read by this tool only (garbage collection, rollback): kept plain.
  const { body, encoding } = storedBody(candidate.name, candidate.bytes, options.precompress && candidate.phase !== 'history');
  return {
    key: candidate.key,
    body,
    md5: createHash('md5').update(body).digest('hex'),
    contentType: contentTypeOf(candidate.name),
    cacheControl: candidate.immutable ? options.cacheImmutable : options.cacheShort,
    ...(encoding ? { contentEncoding: encoding } : {}),
    phase: candidate.phase,
    immutable: candidate.immutable,
  };
}

function checkIndex(bytes: Buffer, where: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new LocalFolderError(`${where} is not JSON: is this a snapshot built by sdi-snapshot?`);
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (typeof files !== 'object' || files === null) throw new LocalFolderError(`${where} names no files: not a snapshot index`);
}

async function snapshotCandidates(dir: string, root: string): Promise<{ files: Candidate[]; index: Buffer }> {
  const files = await listFiles(dir);
  const indexFile = files.find((file) => file.name === INDEX_NAME);
  if (!indexFile)
    throw new LocalFolderError(`${dir} holds no ${INDEX_NAME}: build the snapshot first (sdi-snapshot --out ${dir})`);
  const index = await readLocal(indexFile);
  checkIndex(index, indexFile.path);
  const out: Candidate[] = [];
  for (const file of files) {
    if (file.name === INDEX_NAME || file.name.startsWith('indexes/')) continue;
    // Every snapshot file but index.json is named after its content (docs/SNAPSHOT.md).
    out.push({
      key: `${root}${SNAPSHOT_DIR}${file.name}`,
      name: file.name,
      bytes: await readLocal(file),
      phase: 'immutable',
      immutable: true,
    });
  }
  return { files: out, index };
}

function bundleCandidates(files: { file: LocalFile; bytes: Buffer }[], root: string, version: string): Candidate[] {
  const out: Candidate[] = [];
  const moving = `${root}${WIDGETS_DIR}v${majorOf(version)}/`;
  const versioned = `${root}${WIDGETS_DIR}${version}/`;
  for (const { file, bytes } of files) {
    out.push({ key: versioned + file.name, name: file.name, bytes, phase: 'immutable', immutable: true });
    const hashed = isContentHashed(file.name);
    out.push({ key: moving + file.name, name: file.name, bytes, phase: hashed ? 'immutable' : 'moving', immutable: hashed });
  }
  return out;
}

async function topLevelBundle(dir: string): Promise<{ file: LocalFile; bytes: Buffer }[]> {
  const files = (await listFiles(dir)).filter((file) => !file.name.includes('/') && isBundleFile(file.name));
  if (!files.some((file) => file.name === 'sdi-widgets.js')) {
    throw new LocalFolderError(`${dir} holds no sdi-widgets.js: not a built bundle (npm run build writes dist/)`);
  }
  return Promise.all(files.map(async (file) => ({ file, bytes: await readLocal(file) })));
}

async function candidatesOf(options: PublishOptions, root: string): Promise<{ files: Candidate[]; index?: Buffer }> {
  const files: Candidate[] = [];
  let index: Buffer | undefined;
  if (options.snapshot) {
    const snapshot = await snapshotCandidates(options.snapshot, root);
    files.push(...snapshot.files);
    index = snapshot.index;
  }
  if (options.bundle) files.push(...bundleCandidates(await topLevelBundle(options.bundle), root, options.bundleVersion));
  if (options.site) {
    const site = options.site;
    const bundle = await topLevelBundle(site);
    files.push(...bundleCandidates(bundle, root, options.bundleVersion));
    const all = await listFiles(site);
    if (all.some((file) => file.name === `${SNAPSHOT_DIR}${INDEX_NAME}`)) {
      const snapshot = await snapshotCandidates(`${site}/${SNAPSHOT_DIR}`, root);
      files.push(...snapshot.files);
      index = snapshot.index;
    }
    for (const file of all) {
      if (file.name.startsWith(SNAPSHOT_DIR) || file.name.startsWith(WIDGETS_DIR)) continue;
      const hashed = isContentHashed(file.name);
      const phase: Phase = isHtml(file.name) ? 'page' : hashed ? 'immutable' : 'moving';
      files.push({ key: root + file.name, name: file.name, bytes: await readLocal(file), phase, immutable: hashed });
    }
  }
  return { files, ...(index ? { index } : {}) };
}

/**
 * `online` is the listing of the prefix taken once at the start; `onlineIndex` the plain bytes
 * of the index.json now served (undefined on a first run).
 */
export async function makePlan(
  options: PublishOptions,
  online: StoredObject[],
  onlineIndex: Buffer | undefined,
  now: Date,
): Promise<Plan> {
  const root = options.to.prefix;
  const { files, index } = await candidatesOf(options, root);
  const objects = files.map((candidate) => planned(candidate, options));
  let newIndex: IndexState | undefined;
  let indexChanged = false;
  const newHistory = new Map<string, Buffer>();
  if (index) {
    const indexKey = `${root}${SNAPSHOT_DIR}${INDEX_NAME}`;
    newIndex = { key: indexKey, hash: shortHash(index), bytes: index };
    indexChanged = !onlineIndex || shortHash(onlineIndex) !== newIndex.hash;
    const historyHashes = new Set(
      online.flatMap((object) => {
        const parsed = object.key.startsWith(root + HISTORY_DIR)
          ? parseHistoryName(object.key.slice((root + HISTORY_DIR).length))
          : undefined;
        return parsed ? [parsed.hash] : [];
      }),
    );
    const history = (bytes: Buffer, at: Date): Candidate => {
      const candidate: Candidate = {
        key: `${root}${HISTORY_DIR}${historyName(at, shortHash(bytes))}`,
        name: INDEX_NAME,
        bytes,
        phase: 'history',
        immutable: false,
      };
      newHistory.set(candidate.key, bytes);
      return candidate;
    };
    // An index online but not in the history (published by hand, or by an older tool) is kept
    // there first: readers may hold it, so its files must survive this run's clean-up.
    if (onlineIndex && !historyHashes.has(shortHash(onlineIndex))) {
      objects.push(planned(history(onlineIndex, new Date(now.getTime() - 1)), options));
    }
    if (indexChanged) {
      // Always a new entry, even for an index published before (A, B, then A again): rollback
      // finds the online index at its latest place in the history, and restores B.
      objects.push(planned(history(index, now), options));
      objects.push(planned({ key: indexKey, name: INDEX_NAME, bytes: index, phase: 'index', immutable: false }, options));
    }
  }
  const byKey = new Map(online.map((object) => [object.key, object]));
  const uploads: PlannedObject[] = [];
  const skipped: PlannedObject[] = [];
  const seen = new Set<string>();
  for (const object of objects) {
    if (seen.has(object.key)) continue;
    seen.add(object.key);
    const there = byKey.get(object.key);
    const same = there !== undefined && (object.immutable || there.etag === object.md5);
    (same ? skipped : uploads).push(object);
  }
  uploads.sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
  return { uploads, skipped, ...(newIndex ? { newIndex } : {}), indexChanged, newHistory };
}
