/**
 * The few operations publishing needs from object storage. The S3 adapter implements them with
 * the AWS SDK; tests wrap it to inject failures.
 */
export interface StoredObject {
  key: string;
  /** Without quotes; the MD5 of the body for single-part uploads, on AWS and the usual clones. */
  etag?: string;
  size: number;
}

export interface PutRequest {
  key: string;
  body: Buffer;
  contentType: string;
  cacheControl: string;
  contentEncoding?: string;
}

export interface ObjectStore {
  /** Every object under the prefix, all pages of the listing. */
  list(prefix: string): Promise<StoredObject[]>;
  /** The object's stored bytes, or undefined when there is none. */
  get(key: string): Promise<Buffer | undefined>;
  put(request: PutRequest): Promise<void>;
  delete(key: string): Promise<void>;
}
