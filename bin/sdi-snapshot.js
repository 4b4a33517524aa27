#!/usr/bin/env node
// The builder itself is TypeScript, built by rollup to dist/node/snapshot-cli.js; `publish` and
// `rollback` (object storage) to dist/node/publish-cli.js. The builder stays the default command.
const argv = process.argv.slice(2);
const publishing = argv[0] === 'publish' || argv[0] === 'rollback';
const file = publishing ? 'publish-cli.js' : 'snapshot-cli.js';
let cli;
try {
  cli = await import(`../dist/node/${file}`);
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(file)) {
    process.stderr.write(`sdi-snapshot: dist/node/${file} is missing; run \`npm run build\` first\n`);
    process.exit(1);
  }
  throw error;
}
process.exit(await (publishing ? cli.runPublishCli(argv) : cli.runCli(argv)));
