#!/usr/bin/env node
// `npm run site`: builds dist/site/, the static folder an operator publishes (e.g. with
// `sdi-snapshot publish --site dist/site`). Layout, relied on by the publisher:
//   dist/site/*.js, *.js.map, *.css   the script-tag bundle, flat, as `npm run build` wrote it
//   dist/site/snapshot/               the data (dist/snapshot/, or --snapshot DIR)
//   dist/site/demo/configurator.js    the configurator's code (its imports are ../<chunk>.js)
//   dist/site/*.html, site.css, demo.css, configurator.css, docs.js   the pages, relative links only
// It copies build output and builds nothing: run `npm run build` first.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCS_JS, configurator, indexEn, indexFr } from './site/pages.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);

const USAGE = `npm run site [-- --snapshot DIR] [--out DIR] [--dist DIR]

Builds the partner site (bundle, snapshot, configurator, documentation) into dist/site/.
  --snapshot DIR   the snapshot to publish (default: dist/snapshot/)
  --out DIR        where to write the site (default: dist/site/)
  --dist DIR       the build output to copy (default: dist/, from npm run build)
`;

class SiteError extends Error {}

/** Builds the site; returns the list of files written, relative to `out`. */
export function buildSite({ dist = join(root, 'dist'), snapshot = join(dist, 'snapshot'), out = join(dist, 'site') } = {}) {
  if (!existsSync(join(dist, 'sdi-widgets.js')) || !existsSync(join(dist, 'demo', 'configurator.js'))) {
    throw new SiteError(`no build in ${dist}: run \`npm run build\` first.`);
  }
  if (!existsSync(join(snapshot, 'index.json'))) {
    throw new SiteError(
      `no snapshot in ${snapshot} (index.json missing). Build one with\n` +
        '  npx sdi-snapshot --agenda AGENDA_UID --key "$OPENAGENDA_KEY" --out dist/snapshot\n' +
        '(docs/SNAPSHOT.md), or `npm start` for the sample edition, or pass --snapshot DIR.',
    );
  }
  // A configurator built before its sources changed would write outdated snippets.
  const built = statSync(join(dist, 'demo', 'configurator.js')).mtimeMs;
  const stale = readdirSync(join(root, 'demo')).filter(
    (f) => f.endsWith('.ts') && statSync(join(root, 'demo', f)).mtimeMs > built,
  );
  if (stale.length && dist === join(root, 'dist')) {
    throw new SiteError(`dist/demo/configurator.js is older than demo/${stale[0]}: run \`npm run build\` first.`);
  }

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'demo'), { recursive: true });
  const written = [];
  const copy = (from, to) => {
    cpSync(from, join(out, to), { recursive: true });
    written.push(to);
  };
  for (const name of readdirSync(dist)) {
    if (/\.(js|js\.map|css)$/.test(name) && statSync(join(dist, name)).isFile()) copy(join(dist, name), name);
  }
  for (const name of readdirSync(join(dist, 'demo'))) copy(join(dist, 'demo', name), `demo/${name}`);
  copy(snapshot, 'snapshot');
  for (const name of ['demo.css', 'configurator.css']) copy(join(root, 'demo', name), name);
  const write = (name, text) => {
    writeFileSync(join(out, name), text);
    written.push(name);
  };
  write('site.css', readFileSync(join(root, 'scripts', 'site', 'site.css'), 'utf8'));
  write('docs.js', DOCS_JS);
  write('index.html', indexFr());
  write('en.html', indexEn());
  write('configurateur.html', configurator(readFileSync(join(root, 'demo', 'configurator.html'), 'utf8')));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let args;
  try {
    args = parseArgs({
      options: { snapshot: { type: 'string' }, out: { type: 'string' }, dist: { type: 'string' }, help: { type: 'boolean' } },
    }).values;
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  try {
    const dist = args.dist ? resolve(args.dist) : undefined;
    const options = {
      ...(dist ? { dist } : {}),
      ...(args.snapshot ? { snapshot: resolve(args.snapshot) } : {}),
      ...(args.out ? { out: resolve(args.out) } : {}),
    };
    const files = buildSite(options);
    const out = options.out ?? join(dist ?? join(root, 'dist'), 'site');
    console.log(`partner site: ${files.length} entries in ${out} (open index.html; configurator: configurateur.html)`);
  } catch (error) {
    if (!(error instanceof SiteError)) throw error;
    process.stderr.write(`sdi site: ${error.message}\n`);
    process.exit(1);
  }
}
