/**
 * `sdi-snapshot`: reads a whole agenda once through the OpenAgenda API and writes a static
 * snapshot for the widgets. Exit codes let a cron job or CI tell a configuration problem (fix
 * it) from an outage (try later): 0 ok, 1 unexpected, 2 usage, 3 the API refused, 4 the API
 * could not be reached or kept failing after retries, 5 the agenda gave no usable event and the
 * snapshot that has some was kept.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HttpError, type FetchLike } from '../../feed/http.js';
import { fetchAgenda, readAllEvents, type ApiSource } from '../../feed/openagenda-api.js';
import { normaliseEvents } from '../../model/normalise.js';
import { schemaFromAgenda } from '../../model/schema.js';
import { buildSnapshot, INDEX_FILE, MAX_TIMINGS_PER_EVENT } from './build.js';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args.js';
import { IMAGE_CACHE_SUFFIX, mirrorImages, type MirrorStats } from '../images/mirror.js';
import { ImageLibraryMissingError, loadImageLibrary } from '../images/resize.js';
import { assertReplaceable, NotSnapshotError, writeSnapshotAtomic, type SnapshotFileContent } from './write.js';

export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout?: TextSink;
  stderr?: TextSink;
  fetch?: FetchLike;
  env?: Record<string, string | undefined>;
  /** Retry tuning; tests shrink the waits. */
  http?: Pick<ApiSource, 'retries' | 'backoffMs' | 'timeoutMs' | 'maxWaitMs' | 'maxBodyBytes'>;
  /** Image downloads of `--images mirror` (tests point it at a local server's fetch). */
  imageFetch?: FetchLike;
  now?: () => Date;
}

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  refused: 3,
  unreachable: 4,
  empty: 5,
  // 6, 10 and 11 are the publishing script's (docs/examples/publish-snapshot.sh).
  notSnapshot: 7,
  short: 8,
  tooLarge: 9,
  // `--images mirror` without the optional image library installed.
  noImageLibrary: 12,
} as const;

/** The read gave no usable event and `--out` holds a snapshot with events: it is kept. */
class EmptyAgendaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmptyAgendaError';
  }
}

/**
 * Largest API answer read (#11.13). A detailed page of 300 events is 1 to 3 MB; an endless or
 * absurd body stops here instead of exhausting memory.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Records the API announced but the cursor did not deliver, tolerated before a read is called
 * short: events added or removed during the read shift a cursor by a few.
 */
const TOTAL_SLACK = (total: number): number => Math.max(10, Math.ceil(total * 0.01));

/** The read ended below the API's own total or far below the previous snapshot: it is kept. */
class ShortReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShortReadError';
  }
}

/**
 * Events in the snapshot already at `dir`: undefined when there is none, Infinity when its index
 * cannot be read (a snapshot we cannot judge is treated as one worth keeping).
 */
async function previousTotal(dir: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, INDEX_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  try {
    const total: unknown = (JSON.parse(text) as { total?: unknown }).total;
    return typeof total === 'number' && total >= 0 ? total : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * The key may sit in a server's error message or an exception; it never reaches the output.
 * Real keys are long; masking a short one would mangle ordinary words ("the key is wrong").
 */
function redacting(sink: TextSink, secret: string | undefined): (text: string) => void {
  return (text) => {
    sink.write(secret && secret.length >= 8 ? text.split(secret).join('***') : text);
  };
}

function explain(error: unknown, agenda: string | undefined): { code: number; message: string } {
  if (error instanceof ImageLibraryMissingError) return { code: EXIT.noImageLibrary, message: error.message };
  if (error instanceof EmptyAgendaError) return { code: EXIT.empty, message: error.message };
  if (error instanceof NotSnapshotError) return { code: EXIT.notSnapshot, message: error.message };
  if (error instanceof ShortReadError) return { code: EXIT.short, message: error.message };
  if (error instanceof HttpError) {
    if (error.kind === 'too-large') {
      return { code: EXIT.tooLarge, message: `an API answer was refused: ${error.message}` };
    }
    if (error.kind === 'http' && error.status !== undefined && error.status < 500 && error.status !== 429) {
      if (error.status === 401 || error.status === 403) {
        return { code: EXIT.refused, message: `the key is wrong or the agenda is private (${error.message})` };
      }
      if (error.status === 404) return { code: EXIT.refused, message: `no agenda with uid ${agenda} (${error.message})` };
      return { code: EXIT.refused, message: `the API refused the request (${error.message})` };
    }
    if (error.kind === 'aborted') return { code: EXIT.failed, message: 'aborted' };
    return { code: EXIT.unreachable, message: `the API failed after retries (${error.message})` };
  }
  return { code: EXIT.failed, message: error instanceof Error ? error.message : String(error) };
}

/**
 * A lying or failing API can end the cursor early (#11.6): a read that delivers clearly less than
 * the API announced, or far less than the snapshot it would replace, must not replace it.
 */
async function checkNotShort(options: CliOptions, records: number, total: number, usable: number): Promise<void> {
  const override = 'Pass --allow-shrink to write it anyway.';
  if (records < total - TOTAL_SLACK(total)) {
    throw new ShortReadError(
      `the read ended early: read ${records} records but the API announced ${total}; ` +
        `nothing was written to ${options.out}. ${override}`,
    );
  }
  if (options.minRatio <= 0) return;
  const previous = await previousTotal(options.out);
  if (previous === undefined || !Number.isFinite(previous) || previous === 0) return;
  if (usable < previous * options.minRatio) {
    throw new ShortReadError(
      `the read gave ${usable} usable events, under ${options.minRatio * 100} % of the ${previous} of the ` +
        `previous snapshot in ${options.out}, which is kept. If the agenda really shrank, pass a lower ` +
        `--min-ratio or --allow-shrink.`,
    );
  }
}

function imagesLine(stats: MirrorStats): string {
  const mirrored = stats.fetched + stats.reused;
  const perCard = mirrored > 0 ? Math.round(stats.cardBytes / mirrored) : 0;
  return (
    `  images ${stats.sources}: fetched ${stats.fetched}, reused ${stats.reused}, failed ${stats.failed} ` +
    `(kept at their source); card ${perCard} B average, cards ${stats.cardBytes} B, details ${stats.detailBytes} B\n`
  );
}

async function snapshot(options: CliOptions, io: CliIo, log: (text: string) => void): Promise<string> {
  const started = performance.now();
  const source: ApiSource = {
    api: options.api,
    agenda: options.agenda,
    key: options.key,
    maxBodyBytes: MAX_BODY_BYTES,
    ...io.http,
    ...(io.fetch ? { fetch: io.fetch } : {}),
    onRetry: (attempt, reason, waitMs) => log(`retry ${attempt} in ${Math.round(waitMs)} ms: ${reason}\n`),
  };

  // Before any request: a wrong --out is found in a second, not after reading the agenda.
  await assertReplaceable(options.out, { force: options.force });
  if (options.images === 'mirror') await loadImageLibrary();
  const agenda = await fetchAgenda(source);
  const schema = schemaFromAgenda(agenda, { typeField: options.typeField, audienceField: options.audienceField });
  const agendaSlug = typeof agenda.slug === 'string' ? agenda.slug : undefined;

  const read = await readAllEvents(source, { size: options.size, detailed: true }, ({ pageIndex, total }) => {
    const pages = Math.max(1, Math.ceil(total / options.size));
    log(`page ${pageIndex + 1}/${pages} (${total} events)\n`);
  });
  const normalised = normaliseEvents(read.events, { schema, agendaSlug });
  const reasons = Object.entries(normalised.skippedReasons)
    .map(([reason, n]) => `${reason}: ${n}`)
    .join(', ');
  if (normalised.events.length === 0) {
    // A wrong agenda, a key that sees nothing, an API hiccup returning an empty list: none of
    // them should blank the widgets of every partner site until the next run.
    const skipped = normalised.skipped > 0 ? `, ${normalised.skipped} skipped (${reasons})` : '';
    const what = `agenda ${options.agenda} gave no usable event: ${read.events.length} records${skipped}`;
    const previous = options.allowEmpty ? undefined : await previousTotal(options.out);
    if (previous !== undefined && previous !== 0) {
      const held = Number.isFinite(previous) ? `${previous} events` : 'an index that could not be read';
      throw new EmptyAgendaError(
        `${what}; the snapshot in ${options.out} (${held}) is kept. ` +
          'Pass --allow-empty to replace it with an empty snapshot.',
      );
    }
    log(`warning: ${what}; writing an empty snapshot\n`);
  } else if (!options.allowShrink) {
    await checkNotShort(options, read.events.length, read.total, normalised.events.length);
  }
  let events = normalised.events;
  let images: Awaited<ReturnType<typeof mirrorImages>> | undefined;
  if (options.images === 'mirror') {
    images = await mirrorImages(events, {
      cacheDir: `${resolve(options.out)}${IMAGE_CACHE_SUFFIX}`,
      ...(io.imageFetch ? { fetch: io.imageFetch } : {}),
    });
    events = images.events;
    for (const { url, reason } of images.stats.failures.slice(0, 5)) log(`image kept at its source: ${url}: ${reason}\n`);
  }
  const built = buildSnapshot({
    agenda,
    agendaUid: Number(options.agenda),
    events,
    schema,
    skipped: normalised.skipped,
    generatedAt: (io.now ?? (() => new Date()))(),
    ...(options.edition ? { edition: options.edition } : {}),
  });
  const files = new Map<string, SnapshotFileContent>(built.files);
  for (const [path, file] of images?.files ?? []) files.set(path, file);
  // Only event files name the images; publish's garbage collection reads indexes, so the index
  // lists them (docs/SNAPSHOT.md). Empty without mirroring: an absent list means an older builder.
  built.index.files.images = [...(images?.files.keys() ?? [])].sort();
  const written = await writeSnapshotAtomic(options.out, { index: built.index, files }, { force: options.force });
  const { droppedTimings } = built;
  const dropped =
    droppedTimings.timings > 0
      ? `  timings dropped ${droppedTimings.timings} (${droppedTimings.events} event${droppedTimings.events > 1 ? 's' : ''} over ${MAX_TIMINGS_PER_EVENT})\n`
      : '';

  const ms = Math.round(performance.now() - started);
  return (
    `snapshot of agenda ${built.index.agenda.uid} written to ${written.dir}\n` +
    `  events ${built.index.total}, skipped ${normalised.skipped}${reasons ? ` (${reasons})` : ''}\n` +
    `  pages ${read.pages}, files ${written.files}, bytes ${written.bytes}, ${ms} ms\n` +
    dropped +
    (images ? imagesLine(images.stats) : '')
  );
}

export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, env);
  } catch (error) {
    const err = redacting(io.stderr ?? process.stderr, env.SDI_OA_KEY);
    if (error instanceof UsageError) {
      if (error.help) {
        (io.stdout ?? process.stdout).write(USAGE);
        return EXIT.ok;
      }
      err(`sdi-snapshot: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    err(`sdi-snapshot: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failed;
  }

  const out = redacting(io.stdout ?? process.stdout, options.key);
  const err = redacting(io.stderr ?? process.stderr, options.key);
  try {
    const summary = await snapshot(options, io, options.quiet ? () => undefined : err);
    if (!options.quiet) out(summary);
    return EXIT.ok;
  } catch (error) {
    const { code, message } = explain(error, options.agenda);
    err(`sdi-snapshot: ${message}\n`);
    return code;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
