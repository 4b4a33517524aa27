/**
 * Exit codes of `publish` and `rollback`, one per thing an operator does about it. 3 and 4 mean
 * what they mean for the builder (refused: fix the configuration; unreachable: retry).
 */
import { UsageError } from './args.js';
import { LocalFolderError } from './local-files.js';
import { NothingToRollBackError } from './rollback.js';
import { MissingSdkError } from './s3.js';
import { UploadInterruptedError } from './upload.js';

export const PUBLISH_EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  refused: 3,
  unreachable: 4,
  noBucket: 7,
  interrupted: 8,
  cleanupFailed: 9,
  nothingToRollBack: 10,
  noSdk: 12,
} as const;

/** Published, but the deletions failed: the new snapshot is online, old files remain. */
export class CleanupError extends Error {
  constructor(override readonly cause: unknown) {
    super(`published, but the clean-up failed (${describe(cause)}); old files remain until the next run`);
    this.name = 'CleanupError';
  }
}

const REFUSED = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
  'AllAccessDisabled',
  'AccountProblem',
  'CredentialsProviderError',
  'Forbidden',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as SdkLikeError;
  const status = e.$metadata?.httpStatusCode;
  return `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message || e.code || 'no message'}${status ? ` (HTTP ${status})` : ''}`;
}

function storageCode(error: unknown): number | undefined {
  const e = error as SdkLikeError;
  const status = e?.$metadata?.httpStatusCode;
  if (e?.name && REFUSED.has(e.name)) return PUBLISH_EXIT.refused;
  if (status === 401 || status === 403) return PUBLISH_EXIT.refused;
  if (e?.name === 'NoSuchBucket') return PUBLISH_EXIT.noBucket;
  const code = e?.code ?? (e?.cause as SdkLikeError | undefined)?.code;
  if (code && NETWORK_CODES.has(code)) return PUBLISH_EXIT.unreachable;
  if (e?.name === 'TimeoutError' || e?.name === 'RequestTimeout') return PUBLISH_EXIT.unreachable;
  if (status !== undefined && status >= 500) return PUBLISH_EXIT.unreachable;
  return undefined;
}

export function explainPublishError(error: unknown, bucket: string): { code: number; message: string } {
  if (error instanceof UsageError || error instanceof LocalFolderError)
    return { code: PUBLISH_EXIT.usage, message: error.message };
  if (error instanceof MissingSdkError) return { code: PUBLISH_EXIT.noSdk, message: error.message };
  if (error instanceof NothingToRollBackError)
    return { code: PUBLISH_EXIT.nothingToRollBack, message: `nothing to roll back to: ${error.message}` };
  if (error instanceof CleanupError) return { code: PUBLISH_EXIT.cleanupFailed, message: error.message };
  if (error instanceof UploadInterruptedError) {
    // Nothing stored yet: the cause says more than "interrupted" (wrong key, no bucket, down).
    const byCause = error.uploaded === 0 ? storageCode(error.cause) : undefined;
    if (byCause !== undefined) return explainPublishError(error.cause, bucket);
    return { code: PUBLISH_EXIT.interrupted, message: error.message };
  }
  const code = storageCode(error);
  const detail = describe(error);
  switch (code) {
    case PUBLISH_EXIT.refused:
      return {
        code,
        message: `the storage refused the credentials or the permission (${detail}); check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and the bucket policy`,
      };
    case PUBLISH_EXIT.noBucket:
      return { code, message: `bucket ${bucket} does not exist (${detail}); create it, or fix --to and --endpoint` };
    case PUBLISH_EXIT.unreachable:
      return { code, message: `the storage could not be reached or kept failing (${detail}); check --endpoint, then retry` };
    case undefined:
    default:
      return { code: PUBLISH_EXIT.failed, message: detail };
  }
}
