/**
 * The project's mock OpenAgenda API serving the sample edition under the demo key, for the
 * plugin's live mode: prints one JSON line {"url", "agenda", "events"} once listening, then runs
 * until killed. Usage: node --import tsx test/wordpress/serve-mock-api.ts [events]
 */
import { createMockApi, startMockServer } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';

const events = Number(process.argv[2] ?? '600');
const AGENDA = '9464342';
// The key `npm start` and the docs use for the mock: what a partner copies from the demo.
const KEY = 'demo-key';
const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const edition = generateEdition({ count: events, imageBase: 'http://127.0.0.1:9/sample-images/', start: day(14), end: day(20), year: Number(day(14).slice(0, 4)) });
const api = createMockApi({ agendas: { [AGENDA]: { config: edition.agenda, events: edition.events } }, keys: [KEY] });
const server = await startMockServer(api, 0);
process.stdout.write(`${JSON.stringify({ url: `${server.url}/v2`, agenda: AGENDA, key: KEY, events: edition.events.length })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
