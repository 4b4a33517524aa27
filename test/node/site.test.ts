/**
 * `npm run site`: the folder an operator publishes. Checked: the layout the publisher relies on,
 * a clear failure without a snapshot, and that every page works under any base path: served under
 * /some/base/, each page's links, scripts and stylesheets (and the configurator's module imports)
 * answer 200.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;
const built = existsSync(join(root, 'dist/sdi-widgets.js')) && existsSync(join(root, 'dist/demo/configurator.js'));
const work = mkdtempSync(join(tmpdir(), 'sdi-site-'));
const snapshot = join(work, 'snapshot');
const out = join(work, 'site');

function site(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/site.mjs', ...args], { cwd: root, encoding: 'utf8' });
}

before(() => {
  mkdirSync(join(snapshot, 'events'), { recursive: true });
  writeFileSync(join(snapshot, 'index.json'), JSON.stringify({ format: 1, total: 0, counts: { day: {} } }));
  writeFileSync(join(snapshot, 'events', 'all.0123456789abcdef.json'), '[]');
});
after(() => rmSync(work, { recursive: true, force: true }));

test('without a snapshot it fails, saying how to build one', { skip: !built && 'needs npm run build' }, () => {
  const run = site('--snapshot', join(work, 'nothing'), '--out', out);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /no snapshot in .*nothing/);
  assert.match(run.stderr, /sdi-snapshot --agenda/);
  assert.match(run.stderr, /--snapshot DIR/);
});

test(
  'the layout: bundle flat at the root, snapshot/ beside it, pages at the root',
  { skip: !built && 'needs npm run build' },
  () => {
    const run = site('--snapshot', snapshot, '--out', out);
    assert.equal(run.status, 0, run.stderr);
    for (const file of [
      'sdi-widgets.js',
      'sdi-widgets.classic.js',
      'sdi-widgets.css',
      'sdi-event-list.js',
      'index.html',
      'en.html',
      'configurateur.html',
      'demo/configurator.js',
      'snapshot/index.json',
      'snapshot/events/all.0123456789abcdef.json',
    ]) {
      assert.ok(existsSync(join(out, file)), file);
    }
    for (const dir of ['npm', 'types', 'node', 'site'])
      assert.equal(existsSync(join(out, dir)), false, `${dir}/ is not published`);
    const docs = readFileSync(join(out, 'index.html'), 'utf8');
    assert.match(docs, /<html lang="fr">/);
    for (const topic of ['Le code à coller', 'configurateur', 'WordPress', 'Vie privée', 'sdi-event-list'])
      assert.ok(docs.includes(topic), topic);
  },
);

/** Every relative reference of an HTML page or a module, resolved against its URL. */
function references(url: URL, text: string, type: string): URL[] {
  const found =
    type === '.html'
      ? [...text.matchAll(/\s(?:href|src)="([^"]+)"/g), ...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string)
      : [...text.matchAll(/(?:from|import)\s*"(\.[^"]+)"/g)].map((m) => m[1] as string);
  // Code samples in the pages show attributes too (src="<span …>…"): not references.
  return found.filter((ref) => !/^(https?:|data:|#|mailto:|<)/.test(ref)).map((ref) => new URL(ref, url));
}

test('under any base path, every page loads with no 404', { skip: !built && 'needs npm run build' }, async () => {
  if (!existsSync(join(out, 'index.html'))) assert.equal(site('--snapshot', snapshot, '--out', out).status, 0);
  const base = '/some/base/';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(out, normalize(decodeURIComponent(path.slice(base.length))));
    if (!path.startsWith(base) || !file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
  try {
    const seen = new Set<string>();
    const queue = ['index.html', 'en.html', 'configurateur.html'].map((page) => new URL(base + page, origin));
    const missing: string[] = [];
    while (queue.length) {
      const url = queue.shift() as URL;
      if (seen.has(url.href)) continue;
      seen.add(url.href);
      const response = await fetch(url);
      if (response.status !== 200) {
        missing.push(`${url.pathname} (${response.status})`);
        continue;
      }
      const type = extname(url.pathname);
      if (type === '.html' || type === '.js') queue.push(...references(url, await response.text(), type));
    }
    assert.deepEqual(missing, []);
    assert.ok(seen.has(`${origin}${base}demo/configurator.js`), 'the configurator code was followed');
    assert.ok(
      [...seen].some((u) => /\/some\/base\/event-list-[\w-]+\.js$/.test(u)),
      'its chunk imports were followed',
    );
  } finally {
    server.close();
  }
});
