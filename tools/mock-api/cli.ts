/**
 * Serves a data file through the mock API, for the offline demo:
 *   node --import tsx tools/mock-api/cli.ts --data FILE.json [--port 8787] [--host 127.0.0.1]
 *     [--key KEY]... [--base /v2] [--now ISO-DATE] [--trailing-cursor] [--images /sample-images/]
 * FILE.json is { "agendas": { "<uid>": { "config": {...}, "events": [...] } } }.
 * --now freezes the clock, so a past or future edition can be shown as if it were live.
 * --images serves the sample edition's pictures as JPEGs at that path (a sample written with
 * tools/sample/cli.ts --image-base http://HOST:PORT/sample-images/), for --images mirror offline.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isRecord } from './json.js';
import { createMockApi, startMockServer } from './mock-api.js';
import type { MockAgenda } from './types.js';

function fail(message: string): never {
  process.stderr.write(`mock-api: ${message}\n`);
  process.exit(1);
}

function agendasOf(data: unknown): Record<string, MockAgenda> {
  if (!isRecord(data) || !isRecord(data.agendas)) fail('the data file needs an "agendas" object');
  const agendas: Record<string, MockAgenda> = {};
  for (const [uid, agenda] of Object.entries(data.agendas)) {
    if (!isRecord(agenda) || !isRecord(agenda.config) || !Array.isArray(agenda.events)) {
      fail(`agenda ${uid} needs "config" (object) and "events" (array)`);
    }
    agendas[uid] = { config: agenda.config, events: agenda.events.filter(isRecord) };
  }
  return agendas;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      key: { type: 'string', multiple: true },
      base: { type: 'string', default: '/v2' },
      now: { type: 'string' },
      'trailing-cursor': { type: 'boolean', default: false },
      images: { type: 'string' },
    },
  });
  if (!values.data) fail('--data FILE.json is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad --port ${values.port}`);
  let now: (() => number) | undefined;
  if (values.now) {
    const frozen = Date.parse(values.now);
    if (Number.isNaN(frozen)) fail(`bad --now ${values.now}`);
    now = () => frozen;
  }
  const data: unknown = JSON.parse(await readFile(values.data, 'utf8'));
  const api = createMockApi({
    agendas: agendasOf(data),
    keys: values.key?.length ? values.key : undefined,
    basePath: values.base,
    now,
    trailingCursor: values['trailing-cursor'],
    ...(values.images ? { images: values.images } : {}),
  });
  const server = await startMockServer(api, port, values.host);
  process.stdout.write(`${server.apiBase}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
