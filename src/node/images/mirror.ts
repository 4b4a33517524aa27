/**
 * `--images mirror`: each event's image is fetched once, resized to the card and detail sizes and
 * served from the snapshot, so partner pages make no request to a third party and work under
 * `img-src 'self'` (#16). Images live in a cache folder beside `--out` (`<out>.image-cache/`),
 * keyed by source URL: OpenAgenda names image files by their content, so a URL already mirrored
 * is reused without any request, and a 15-minute schedule does not refetch 8,000 images.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SdiEvent } from '../../model/types.js';
import { fetchImage, type ImageFetch } from './fetch-image.js';
import { resizeImage } from './resize.js';

export const IMAGES_FOLDER = 'images';
/** The cache sits beside `--out` under this suffix: never part of what is published. */
export const IMAGE_CACHE_SUFFIX = '.image-cache';
export const DEFAULT_CONCURRENCY = 6;
export const DEFAULT_IMAGE_TIMEOUT_MS = 15_000;
/** OpenAgenda keeps originals up to a few MB; anything past this is not a photo for a card. */
export const DEFAULT_IMAGE_MAX_BYTES = 15 * 1024 * 1024;
const SOURCES_FILE = 'sources.json';
const CACHE_VERSION = 1;

interface CacheEntry {
  card: string;
  detail: string;
  width: number;
  height: number;
  etag?: string;
}

export interface MirrorOptions {
  /** The cache folder; `<out>.image-cache` from the CLI. */
  cacheDir: string;
  fetch?: ImageFetch;
  concurrency?: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface MirrorStats {
  /** Distinct source images. */
  sources: number;
  fetched: number;
  reused: number;
  failed: number;
  /** A few failures, for the log: source URL and reason. */
  failures: { url: string; reason: string }[];
  cardBytes: number;
  detailBytes: number;
}

export interface MirrorResult {
  events: SdiEvent[];
  /** Snapshot path → file to copy from the cache. */
  files: Map<string, { copyFrom: string }>;
  stats: MirrorStats;
}

function hashName(kind: 'card' | 'detail', bytes: Buffer): string {
  return `${kind}.${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.webp`;
}

const CACHE_NAME = /^(card|detail)\.[0-9a-f]{16}\.webp$/;

async function loadSources(cacheDir: string): Promise<Map<string, CacheEntry>> {
  try {
    const parsed = JSON.parse(await readFile(join(cacheDir, SOURCES_FILE), 'utf8')) as {
      version?: unknown;
      entries?: Record<string, CacheEntry>;
    };
    if (parsed.version !== CACHE_VERSION || typeof parsed.entries !== 'object' || parsed.entries === null) return new Map();
    const entries = new Map<string, CacheEntry>();
    for (const [url, entry] of Object.entries(parsed.entries)) {
      if (CACHE_NAME.test(entry.card) && CACHE_NAME.test(entry.detail)) entries.set(url, entry);
    }
    return entries;
  } catch {
    // No cache yet, or a damaged one: everything is fetched again.
    return new Map();
  }
}

const present = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

export async function mirrorImages(events: readonly SdiEvent[], options: MirrorOptions): Promise<MirrorResult> {
  const { cacheDir } = options;
  await mkdir(cacheDir, { recursive: true });
  const cached = await loadSources(cacheDir);
  const used = new Map<string, CacheEntry>();
  const stats: MirrorStats = { sources: 0, fetched: 0, reused: 0, failed: 0, failures: [], cardBytes: 0, detailBytes: 0 };
  const urls = [
    ...new Set(events.map((e) => e.image?.url).filter((u): u is string => typeof u === 'string' && /^https?:/i.test(u))),
  ];
  stats.sources = urls.length;

  await runPool(urls, options.concurrency ?? DEFAULT_CONCURRENCY, async (url) => {
    const entry = cached.get(url);
    if (entry && (await present(join(cacheDir, entry.card))) && (await present(join(cacheDir, entry.detail)))) {
      used.set(url, entry);
      stats.reused++;
      return;
    }
    const fetched = await fetchImage(url, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs: options.timeoutMs ?? DEFAULT_IMAGE_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_IMAGE_MAX_BYTES,
    });
    if (!fetched.ok) {
      stats.failed++;
      stats.failures.push({ url, reason: fetched.reason });
      return;
    }
    try {
      const resized = await resizeImage(fetched.bytes);
      const card = hashName('card', resized.card);
      const detail = hashName('detail', resized.detail);
      await writeFile(join(cacheDir, card), resized.card);
      await writeFile(join(cacheDir, detail), resized.detail);
      used.set(url, {
        card,
        detail,
        width: resized.width,
        height: resized.height,
        ...(fetched.etag ? { etag: fetched.etag } : {}),
      });
      stats.fetched++;
    } catch (error) {
      stats.failed++;
      stats.failures.push({ url, reason: `not a readable image (${(error as Error).message})` });
    }
  });

  const files = new Map<string, { copyFrom: string }>();
  const out = events.map((event) => {
    const entry = event.image ? used.get(event.image.url) : undefined;
    if (!event.image || !entry) return event;
    const card = `${IMAGES_FOLDER}/${entry.card}`;
    const detail = `${IMAGES_FOLDER}/${entry.detail}`;
    if (!files.has(card)) files.set(card, { copyFrom: join(cacheDir, entry.card) });
    if (!files.has(detail)) files.set(detail, { copyFrom: join(cacheDir, entry.detail) });
    const image: NonNullable<SdiEvent['image']> = { url: detail, thumbnail: card, width: entry.width, height: entry.height };
    if (event.image.credits) image.credits = event.image.credits;
    return { ...event, image };
  });
  for (const { copyFrom } of files.values()) {
    const size = (await stat(copyFrom)).size;
    if (/\/card\.[0-9a-f]{16}\.webp$/.test(copyFrom)) stats.cardBytes += size;
    else stats.detailBytes += size;
  }
  await saveSources(cacheDir, used);
  return { events: out, files, stats };
}

/** The cache keeps what this run used: images of deleted events go with their entries. */
async function saveSources(cacheDir: string, used: Map<string, CacheEntry>): Promise<void> {
  const temp = join(cacheDir, `${SOURCES_FILE}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, JSON.stringify({ version: CACHE_VERSION, entries: Object.fromEntries(used) }));
  await rename(temp, join(cacheDir, SOURCES_FILE));
  const keep = new Set<string>();
  for (const entry of used.values()) keep.add(entry.card).add(entry.detail);
  for (const name of await readdir(cacheDir)) {
    if (CACHE_NAME.test(name) && !keep.has(name)) await rm(join(cacheDir, name), { force: true });
  }
}
