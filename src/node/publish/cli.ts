/**
 * `sdi-snapshot publish` and `sdi-snapshot rollback`: put a built snapshot, the bundle or the
 * whole partner site on S3-compatible object storage, in an order that never shows a reader a
 * name whose file is not there yet, and go back to the previous index. Exit codes in errors.ts.
 */
import {
  parsePublishArgs,
  parseRollbackArgs,
  PUBLISH_USAGE,
  UsageError,
  type ConnectionOptions,
  type PublishOptions,
  type RollbackOptions,
} from './args.js';
import { plainBytes } from './content.js';
import { CleanupError, explainPublishError, PUBLISH_EXIT } from './errors.js';
import { planGc, runGc } from './gc.js';
import { INDEX_NAME, SNAPSHOT_DIR } from './layout.js';
import { makePlan, type PlannedObject } from './plan.js';
import { planRollback } from './rollback.js';
import { createS3Store } from './s3.js';
import type { ObjectStore } from './store.js';
import { upload } from './upload.js';

export interface TextSink {
  write(text: string): unknown;
}

export interface PublishIo {
  stdout?: TextSink;
  stderr?: TextSink;
  env?: Record<string, string | undefined>;
  now?: () => Date;
  /** Tests wrap the real store (to inject failures); by default, the S3 adapter. */
  openStore?: (options: ConnectionOptions, env: Record<string, string | undefined>) => Promise<ObjectStore>;
}

function describeObject(object: PlannedObject): string {
  const encoding = object.contentEncoding ? `, ${object.contentEncoding}` : '';
  return `${object.key}  (${object.contentType}; ${object.cacheControl}${encoding}; ${object.body.length} B)`;
}

async function publish(options: PublishOptions, store: ObjectStore, now: Date, out: (text: string) => void): Promise<string> {
  const started = performance.now();
  const root = options.to.prefix;
  const where = `s3://${options.to.bucket}/${root}`;
  // One listing of the whole prefix: what is there decides every skip.
  const online = await store.list(root);
  const indexKey = `${root}${SNAPSHOT_DIR}${INDEX_NAME}`;
  const storedIndex = options.snapshot || options.site ? await store.get(indexKey) : undefined;
  const onlineIndex = storedIndex && plainBytes(storedIndex);
  const plan = await makePlan(options, online, onlineIndex, now);

  const keysAfter = new Set(online.map((object) => object.key));
  for (const object of plan.uploads) keysAfter.add(object.key);
  const gcIndexes = [plan.newIndex?.bytes, onlineIndex].filter((bytes): bytes is Buffer => bytes !== undefined);
  const gcWanted = options.gc && plan.newIndex !== undefined;

  if (options.dryRun) {
    const gc = gcWanted ? await planGc(store, [...keysAfter], root, options.keep, gcIndexes, plan.newHistory) : undefined;
    const lines = [
      `dry run, nothing changed: ${where}`,
      ...plan.uploads.map((object) => `  upload ${describeObject(object)}`),
      ...plan.skipped.map((object) => `  skip   ${object.key}`),
      ...(gc ? gc.deletions.map((key) => `  delete ${key}`) : []),
      `would upload ${plan.uploads.length}, skip ${plan.skipped.length}, delete ${gc ? gc.deletions.length : 0}` +
        (plan.newIndex ? (plan.indexChanged ? ', replace index.json' : ', index.json unchanged') : ''),
    ];
    return `${lines.join('\n')}\n`;
  }

  const bytes = plan.uploads.reduce((sum, object) => sum + object.body.length, 0);
  await upload(store, plan.uploads, options.concurrency, (object) => {
    if (object.phase === 'index') out(`index.json replaced (${object.key})\n`);
  });

  let deleted = 0;
  if (gcWanted) {
    try {
      const gc = await planGc(store, [...keysAfter], root, options.keep, gcIndexes, plan.newHistory);
      await runGc(store, gc.deletions);
      deleted = gc.deletions.length;
    } catch (error) {
      throw new CleanupError(error);
    }
  }
  const ms = Math.round(performance.now() - started);
  return (
    `published to ${where}\n` +
    `  uploaded ${plan.uploads.length} (${bytes} bytes), skipped ${plan.skipped.length} already there, deleted ${deleted}` +
    (plan.newIndex ? (plan.indexChanged ? `; index ${plan.newIndex.hash}` : '; index.json unchanged') : '') +
    `, ${ms} ms\n`
  );
}

async function rollback(options: RollbackOptions, store: ObjectStore): Promise<string> {
  const plan = await planRollback(store, options.to.prefix);
  const what = `${plan.from} (generated ${plan.restored ?? 'at an unknown time'}) in place of the index generated ${plan.current ?? 'at an unknown time'}`;
  if (options.dryRun) return `dry run, nothing changed: would restore ${what}\n`;
  await store.put({ key: plan.indexKey, body: plan.bytes, contentType: 'application/json', cacheControl: options.cacheShort });
  return `rolled back: restored ${what}\n`;
}

/** `argv` starts with the sub-command: `publish …` or `rollback …`. */
export async function runPublishCli(argv: string[], io: PublishIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const [command, ...rest] = argv;
  let options: PublishOptions | RollbackOptions;
  try {
    if (command === 'publish') options = parsePublishArgs(rest, env);
    else if (command === 'rollback') options = parseRollbackArgs(rest, env);
    else throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    if (error instanceof UsageError && error.help) {
      stdout.write(PUBLISH_USAGE);
      return PUBLISH_EXIT.ok;
    }
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`sdi-snapshot ${command ?? ''}: ${message}\n\n${PUBLISH_USAGE}`);
    return error instanceof UsageError ? PUBLISH_EXIT.usage : PUBLISH_EXIT.failed;
  }
  const out = options.quiet ? () => undefined : (text: string) => void stdout.write(text);
  try {
    const store = await (io.openStore ?? createS3Store)(options, env);
    const summary =
      options.command === 'publish'
        ? await publish(options, store, (io.now ?? (() => new Date()))(), out)
        : await rollback(options, store);
    out(summary);
    return PUBLISH_EXIT.ok;
  } catch (error) {
    const { code, message } = explainPublishError(error, options.to.bucket);
    stderr.write(`sdi-snapshot ${options.command}: ${message}\n`);
    return code;
  }
}
