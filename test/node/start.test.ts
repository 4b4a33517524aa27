/**
 * `npm start` with its port taken: it must pick another, print the URL it serves, and serve it.
 * Runs the real script on a small sample (`--no-build` reuses dist/; the snapshot goes to a
 * temporary folder so dist/snapshot/ is left as it is).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address && typeof address === 'object') resolve({ server, port: address.port });
    });
  });
}

test(
  'npm start on a taken port serves on a free one and prints it',
  { skip: !existsSync(join(root, 'dist/sdi-widgets.js')) && 'needs npm run build' },
  async () => {
    const { server, port } = await occupy();
    const snapshot = mkdtempSync(join(tmpdir(), 'sdi-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build', '--snapshot-dir', snapshot], {
      cwd: root,
      env: { ...process.env, PORT: String(port), SDI_SAMPLE_EVENTS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (output += text));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed in 60 s:\n${output}`)), 60000);
        child.stdout.on('data', (text: string) => {
          output += text;
          const match = /Demo on the sample edition: (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const used = Number(new URL(url).port);
      assert.notEqual(used, port, 'the taken port was not used');
      assert.match(output, new RegExp(`port ${port} is taken`));
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<sdi-/);
      const index = await fetch(new URL('/dist/snapshot/index.json', url));
      assert.equal(index.status, 200, 'the snapshot is served from the folder given');
      assert.ok(existsSync(join(snapshot, 'index.json')));
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      server.close();
      rmSync(snapshot, { recursive: true, force: true });
    }
  },
);

test('npm start --help documents PORT', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--help'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => (output += text));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 0);
  assert.match(output, /PORT/);
  assert.match(output, /--no-build/);
});
