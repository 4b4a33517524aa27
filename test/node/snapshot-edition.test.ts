import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockApi, startMockServer } from '../../tools/mock-api/mock-api.js';
import { generateEdition } from '../../tools/sample/generate.js';
import { runCli } from '../../src/node/snapshot/cli.js';

const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

test('--edition, --year, --theme, --start and --end are recorded in index.json', async () => {
  const edition = generateEdition({ count: 40 });
  const api = createMockApi({ agendas: { '9464342': { config: edition.agenda, events: edition.events } } });
  const server = await startMockServer(api, 0);
  const dir = mkdtempSync(join(tmpdir(), 'sdi-edition-'));
  try {
    const out = join(dir, 'snap');
    const code = await runCli(
      [
        '--agenda',
        '9464342',
        '--key',
        'test-key',
        '--api',
        `${server.url}/v2`,
        '--out',
        out,
        '--edition',
        '15',
        '--year',
        '2026',
        '--theme',
        'Fabriquer demain',
        '--start',
        '2026-11-16',
        '--end',
        '2026-11-22',
      ],
      quiet,
    );
    assert.equal(code, 0);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { edition: unknown };
    assert.deepEqual(index.edition, {
      number: 15,
      year: 2026,
      start: '2026-11-16',
      end: '2026-11-22',
      theme: 'Fabriquer demain',
    });

    for (const bad of [
      ['--edition', 'quinze'],
      ['--start', '2026-13-01'],
      ['--start', '2026-11-22', '--end', '2026-11-16'],
    ]) {
      const other = join(dir, 'bad');
      const exit = await runCli(
        ['--agenda', '9464342', '--key', 'test-key', '--api', `${server.url}/v2`, '--out', other, ...bad],
        quiet,
      );
      assert.equal(exit, 2, bad.join(' '));
      assert.equal(existsSync(other), false);
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
