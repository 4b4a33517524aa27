/**
 * A snapshot of the sample edition built by the real CLI with `--images mirror` (#16 item 2),
 * offline: the mock OpenAgenda API serves the edition and draws its pictures
 * (tools/sample/images.ts) on one local server, as `npm start` does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from '../../src/node/snapshot/cli.js';
import { createMockApi, type MockApi } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';

const AGENDA = '9464342';
const KEY = 'mirror-key';

export interface MirroredBuild {
  stdout: string;
  stderr: string;
  /** The sample's image requests the mock answered. */
  imageRequests: number;
}

export async function buildSampleSnapshot(
  out: string,
  options: { count: number; seed: number; images: 'mirror' | 'link'; start?: string; end?: string },
): Promise<MirroredBuild> {
  // Bound before the edition exists: its image URLs name the server's port.
  const mock: { api?: MockApi } = {};
  let imageRequests = 0;
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/sample-images/')) imageRequests++;
    if (!mock.api?.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const start = options.start ?? '2026-11-16';
  const end = options.end ?? '2026-11-22';
  const year = start.slice(0, 4);
  const edition = generateEdition({
    count: options.count,
    seed: options.seed,
    start,
    end,
    year: Number(year),
    imageBase: `${origin}/sample-images/`,
  });
  mock.api = createMockApi({
    agendas: { [AGENDA]: { config: edition.agenda, events: edition.events } },
    keys: [KEY],
    images: '/sample-images/',
  });
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(
      [
        '--agenda',
        AGENDA,
        '--key',
        KEY,
        '--api',
        `${origin}/v2`,
        '--out',
        out,
        '--year',
        year,
        '--start',
        start,
        '--end',
        end,
        '--images',
        options.images,
      ],
      { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: {} },
    );
    if (code !== 0) throw new Error(`sdi-snapshot exited ${code}: ${stderr}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
  return { stdout, stderr, imageRequests };
}
