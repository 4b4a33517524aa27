/**
 * The mock as a Koa-style middleware, for @web/test-runner's `middleware` option: browser tests
 * then reach the API on the test server's own origin. Typed structurally since no Koa types
 * are installed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockApi } from './types.js';

export interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

export type KoaLikeMiddleware = (ctx: KoaLikeContext, next: () => Promise<unknown>) => Promise<unknown>;

export function mockApiMiddleware(api: MockApi): KoaLikeMiddleware {
  return async (ctx, next) => {
    if (!api.handle(ctx.req, ctx.res)) return next();
    // The mock writes the raw response itself (possibly after a delay): Koa must not touch it.
    ctx.respond = false;
    return undefined;
  };
}
