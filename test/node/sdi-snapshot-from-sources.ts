/**
 * bin/sdi-snapshot.js's dispatch, from the TypeScript sources (run with `node --import tsx`):
 * the end-to-end tests fall back on it when dist/node/ is not built.
 */
import { runPublishCli } from '../../src/node/publish/cli.js';
import { runCli } from '../../src/node/snapshot/cli.js';

const argv = process.argv.slice(2);
const publishing = argv[0] === 'publish' || argv[0] === 'rollback';
process.exit(await (publishing ? runPublishCli(argv) : runCli(argv)));
