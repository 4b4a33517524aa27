// Mounts the test fixtures (mock OpenAgenda API, a real snapshot, the /__test/ control API) on
// the test runner's own server, so browser tests never leave the page's origin.
import { register } from 'tsx/esm/api';

register();
const { createFixtureServer } = await import('./fixture-server.ts');
const fixtures = await createFixtureServer({ count: Number(process.env.SDI_TEST_EVENTS ?? 2000) });

export function testMiddleware() {
  return async (ctx, next) => {
    const handled = await fixtures.handle(ctx.req, ctx.res);
    if (handled) {
      ctx.respond = false;
      return undefined;
    }
    return next();
  };
}
