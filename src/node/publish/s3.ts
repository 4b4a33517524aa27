/**
 * ObjectStore over the AWS SDK v3 (signing, retries and credentials are the SDK's). The SDK is
 * loaded on first use: the builder, the widgets and npm users of the package never need it.
 */
import type { S3Client as S3ClientType } from '@aws-sdk/client-s3';
import type { ConnectionOptions } from './args.js';
import type { ObjectStore, PutRequest, StoredObject } from './store.js';

/** @aws-sdk/client-s3 is not installed where the CLI runs. */
export class MissingSdkError extends Error {
  constructor() {
    super('publishing needs the AWS SDK: npm install @aws-sdk/client-s3');
    this.name = 'MissingSdkError';
  }
}

type Sdk = typeof import('@aws-sdk/client-s3');

async function loadSdk(): Promise<Sdk> {
  try {
    return await import('@aws-sdk/client-s3');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingSdkError();
    throw error;
  }
}

function credentialsFrom(env: Record<string, string | undefined>) {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

export async function createS3Store(options: ConnectionOptions, env: Record<string, string | undefined>): Promise<ObjectStore> {
  const sdk = await loadSdk();
  const credentials = credentialsFrom(env);
  const client: S3ClientType = new sdk.S3Client({
    region: options.region,
    forcePathStyle: options.pathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // Without keys in the environment the SDK's own chain (profile, instance role) answers.
    ...(credentials ? { credentials } : {}),
    // Since early 2025 the SDK adds CRC checksums to every upload by default, which several
    // S3-compatible services reject; send them only where the API requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
  const { bucket } = options.to;

  return {
    async list(prefix) {
      const found: StoredObject[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
        );
        for (const item of page.Contents ?? []) {
          if (!item.Key) continue;
          found.push({ key: item.Key, size: item.Size ?? 0, ...(item.ETag ? { etag: item.ETag.replaceAll('"', '') } : {}) });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return found;
    },
    async get(key) {
      try {
        const answer = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!answer.Body) return Buffer.alloc(0);
        return Buffer.from(await answer.Body.transformToByteArray());
      } catch (error) {
        if ((error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async put(request: PutRequest) {
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: bucket,
          Key: request.key,
          Body: request.body,
          ContentType: request.contentType,
          CacheControl: request.cacheControl,
          ...(request.contentEncoding ? { ContentEncoding: request.contentEncoding } : {}),
        }),
      );
    },
    async delete(key) {
      // One object at a time: DeleteObjects needs a checksum header that some clones refuse,
      // and a run deletes a handful of files.
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
