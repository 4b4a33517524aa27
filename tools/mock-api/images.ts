/**
 * The image files the sample edition names (tools/sample/images.ts draws them), served beside
 * the API as OpenAgenda's CDN serves the real ones: JPEG, an ETag, a day of caching. A small
 * cache keeps the pictures of a page of cards, not the edition's thousands.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { drawSampleImage, isSampleImageName } from '../sample/images.js';

const CACHE_SIZE = 256;

export interface SampleImageRoute {
  /** Whether the request was for an image path (answered, or refused with 404). */
  handle(req: IncomingMessage, res: ServerResponse, path: string): boolean;
}

/** `prefix` is the path the sample's `imageBase` points to, e.g. `/sample-images/`. */
export function sampleImageRoute(prefix: string): SampleImageRoute {
  const cache = new Map<string, Promise<Buffer | undefined>>();
  const picture = (name: string): Promise<Buffer | undefined> => {
    let bytes = cache.get(name);
    if (!bytes) {
      bytes = drawSampleImage(name);
      cache.set(name, bytes);
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return bytes;
  };
  return {
    handle(req, res, path) {
      if (!path.startsWith(prefix)) return false;
      const name = path.slice(prefix.length);
      res.setHeader('access-control-allow-origin', '*');
      if (!isSampleImageName(name) || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such image');
        return true;
      }
      picture(name).then(
        (bytes) => {
          if (!bytes) return void res.writeHead(404).end();
          res.writeHead(200, {
            'content-type': 'image/jpeg',
            'content-length': String(bytes.length),
            'cache-control': 'public, max-age=86400',
            etag: `"${name.slice(0, 32)}"`,
          });
          res.end(req.method === 'HEAD' ? undefined : bytes);
        },
        (error: unknown) => {
          // sharp missing or failing: a 500 the mirror counts as a failure, not a hung request.
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`cannot draw ${name}: ${String(error)}`);
        },
      );
      return true;
    },
  };
}
