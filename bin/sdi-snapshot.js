#!/usr/bin/env node
// The builder itself is TypeScript, built by rollup to dist/node/snapshot-cli.js.
let runCli;
try {
  ({ runCli } = await import('../dist/node/snapshot-cli.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('snapshot-cli')) {
    process.stderr.write('sdi-snapshot: dist/node/snapshot-cli.js is missing; run `npm run build` first\n');
    process.exit(1);
  }
  throw error;
}
process.exit(await runCli(process.argv.slice(2)));
