/**
 * Builds a small snapshot of the sample edition into the folder given as argument, the way
 * `npm start` builds dist/snapshot (sample edition → mock OpenAgenda API → the real snapshot
 * builder), so the WordPress test reads real snapshot files without touching dist/.
 * Usage: node --import tsx test/wordpress/build-snapshot.ts <out> [events] [imageBase]
 */
import { createMockApi, startMockServer } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';
import { runCli } from '../../src/node/snapshot/cli.js';

const [out, countText = '600', imageBase = 'http://127.0.0.1:9/sample-images/'] = process.argv.slice(2);
if (!out) {
  console.error('usage: build-snapshot.ts <out> [events] [imageBase]');
  process.exit(2);
}
const AGENDA = '9464342';
const KEY = 'wp-test-key';
// The edition is placed two weeks ahead, so the widgets (which hide past events) show cards
// whatever day the test runs.
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const start = day(14);
const end = day(20);
const year = Number(start.slice(0, 4));
const edition = generateEdition({ count: Number(countText), imageBase, start, end, year });
const api = createMockApi({ agendas: { [AGENDA]: { config: edition.agenda, events: edition.events } }, keys: [KEY] });
const mock = await startMockServer(api, 0);
try {
  const code = await runCli([
    '--agenda', AGENDA, '--key', KEY, '--api', `${mock.url}/v2`, '--out', out,
    '--edition', '15', '--year', String(year), '--start', start, '--end', end, '--quiet',
  ]);
  process.exitCode = code;
} finally {
  await mock.close();
}
