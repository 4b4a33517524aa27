/** Command lines of `sdi-snapshot publish` and `sdi-snapshot rollback`, checked before any request. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { VERSION } from '../../version.js';
import { UsageError } from '../usage-error.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=60, stale-while-revalidate=300';
export const DEFAULT_KEEP = 5;

export const PUBLISH_USAGE = `Usage: sdi-snapshot publish --to s3://BUCKET/PREFIX (--snapshot DIR | --bundle DIR | --site DIR) [options]
       sdi-snapshot rollback --to s3://BUCKET/PREFIX [--dry-run]

Uploads to S3-compatible object storage (AWS S3, OVHcloud, Scaleway, Outscale…):
  PREFIX/snapshot/                 the snapshot: hashed files first, index.json last
  PREFIX/snapshot/indexes/         the last published indexes (for garbage collection and rollback)
  PREFIX/widgets/<version>/        the bundle, immutable
  PREFIX/widgets/v<major>/         the bundle, moving path of the major version (short cache)
  PREFIX/                          with --site: the whole folder as built, HTML pages last

  --to s3://BUCKET/PREFIX  destination
  --snapshot DIR           a built snapshot (index.json and its content-hashed files)
  --bundle DIR             the built scripts (the *.js, *.js.map and *.css at the top of DIR)
  --site DIR               the partner site folder (bundle, snapshot/, pages); alone
  --endpoint URL           S3 endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS)
  --region NAME            region (default: AWS_REGION, AWS_DEFAULT_REGION, or us-east-1)
  --path-style             bucket in the path, not the host name (default with --endpoint)
  --virtual-host           bucket in the host name (default on AWS)
  --bundle-version X.Y.Z   version of the bundle (default ${VERSION}, this package's)
  --keep K                 indexes kept; files that none of them names are deleted (default ${DEFAULT_KEEP})
  --no-gc                  delete nothing
  --precompress            store text files gzip-compressed (Content-Encoding: gzip); the
                           host must serve Content-Encoding as stored (S3 and CloudFront do)
  --cache-immutable VALUE  Cache-Control of hashed and versioned files
                           (default "${IMMUTABLE}")
  --cache-short VALUE      Cache-Control of index.json, moving paths and pages
                           (default "${SHORT}")
  --concurrency N          parallel uploads, 1-32 (default 4)
  --dry-run                print the plan (uploads, skips, deletions) and change nothing
  --quiet                  print nothing but errors
  -h, --help               this text

Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (AWS_SESSION_TOKEN), or the SDK's
other sources (AWS_PROFILE, instance role).

Exit codes: 0 ok, 1 unexpected error, 2 bad usage or unreadable folder, 3 credentials or
permission refused, 4 storage unreachable, 7 bucket missing, 8 interrupted before index.json
(the previous index stays online), 9 published but the clean-up failed, 10 nothing to roll
back to, 12 @aws-sdk/client-s3 not installed.
`;

export { UsageError };

export interface Destination {
  bucket: string;
  /** '' or a prefix ending in '/'. */
  prefix: string;
}

export interface ConnectionOptions {
  to: Destination;
  endpoint?: string;
  region: string;
  pathStyle: boolean;
}

export interface PublishOptions extends ConnectionOptions {
  command: 'publish';
  snapshot?: string;
  bundle?: string;
  site?: string;
  bundleVersion: string;
  keep: number;
  gc: boolean;
  precompress: boolean;
  cacheImmutable: string;
  cacheShort: string;
  concurrency: number;
  dryRun: boolean;
  quiet: boolean;
}

export interface RollbackOptions extends ConnectionOptions {
  command: 'rollback';
  cacheShort: string;
  dryRun: boolean;
  quiet: boolean;
}

export function parseDestination(raw: string): Destination {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(raw);
  if (!match) throw new UsageError(`--to must be s3://BUCKET/PREFIX (got ${JSON.stringify(raw)})`);
  const parts = (match[2] ?? '').split('/').filter(Boolean);
  if (parts.some((part) => part === '.' || part === '..')) throw new UsageError('--to: the prefix may not hold . or ..');
  return { bucket: match[1]!, prefix: parts.length ? `${parts.join('/')}/` : '' };
}

/** The version names a folder that is never overwritten: only plain semantic versions. */
const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

export function majorOf(version: string): number {
  const match = SEMVER.exec(version);
  if (!match) throw new UsageError(`--bundle-version must be a version like 1.2.3 (got ${JSON.stringify(version)})`);
  return Number(match[1]);
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

function connection(
  values: { to?: string; endpoint?: string; region?: string; 'path-style'?: boolean; 'virtual-host'?: boolean },
  env: Record<string, string | undefined>,
): ConnectionOptions {
  if (!values.to) throw new UsageError('--to s3://BUCKET/PREFIX is required');
  const endpoint = values.endpoint ?? (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined);
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new UsageError(`--endpoint must be an http(s) URL (got ${JSON.stringify(endpoint)})`);
  }
  if (values['path-style'] && values['virtual-host']) throw new UsageError('--path-style and --virtual-host exclude each other');
  return {
    to: parseDestination(values.to),
    ...(endpoint ? { endpoint } : {}),
    region: values.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1'),
    // Most S3-compatible services (and s3rver) want the bucket in the path; AWS prefers the host.
    pathStyle: values['path-style'] ?? (values['virtual-host'] ? false : endpoint !== undefined),
  };
}

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const COMMON = {
  to: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  'path-style': { type: 'boolean' },
  'virtual-host': { type: 'boolean' },
  'cache-short': { type: 'string' },
  'dry-run': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parsePublishArgs(argv: string[], env: Record<string, string | undefined>): PublishOptions {
  const { values } = parse(argv, {
    ...COMMON,
    snapshot: { type: 'string' },
    bundle: { type: 'string' },
    site: { type: 'string' },
    'bundle-version': { type: 'string' },
    keep: { type: 'string' },
    'no-gc': { type: 'boolean' },
    precompress: { type: 'boolean' },
    'cache-immutable': { type: 'string' },
    concurrency: { type: 'string' },
  });
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) throw new UsageError('', true);
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const flag = (name: string) => v[name] === true;
  const snapshot = str('snapshot');
  const bundle = str('bundle');
  const site = str('site');
  if (!snapshot && !bundle && !site) throw new UsageError('give what to publish: --snapshot DIR, --bundle DIR or --site DIR');
  if (site && (snapshot || bundle)) throw new UsageError('--site publishes the whole folder: give it alone');
  const bundleVersion = str('bundle-version') ?? VERSION;
  majorOf(bundleVersion);
  const cacheImmutable = str('cache-immutable') ?? IMMUTABLE;
  const cacheShort = str('cache-short') ?? SHORT;
  if (!cacheImmutable.trim() || !cacheShort.trim()) throw new UsageError('--cache-immutable and --cache-short may not be empty');
  return {
    command: 'publish',
    ...connection(v, env),
    ...(snapshot ? { snapshot } : {}),
    ...(bundle ? { bundle } : {}),
    ...(site ? { site } : {}),
    bundleVersion,
    keep: integer('keep', str('keep'), DEFAULT_KEEP, 1, 1000),
    gc: !flag('no-gc'),
    precompress: flag('precompress'),
    cacheImmutable,
    cacheShort,
    concurrency: integer('concurrency', str('concurrency'), 4, 1, 32),
    dryRun: flag('dry-run'),
    quiet: flag('quiet'),
  };
}

export function parseRollbackArgs(argv: string[], env: Record<string, string | undefined>): RollbackOptions {
  const { values } = parse(argv, COMMON);
  const v = values as Record<string, string | boolean | undefined>;
  if (v.help) throw new UsageError('', true);
  const cacheShort = typeof v['cache-short'] === 'string' ? v['cache-short'] : SHORT;
  return {
    command: 'rollback',
    ...connection(v, env),
    cacheShort,
    dryRun: v['dry-run'] === true,
    quiet: v.quiet === true,
  };
}
