#!/usr/bin/env node
// Keeps a publishable mirror of the snapshot for static hosts and CDNs (docs/PUBLISHING.md).
//
//   node mirror-snapshot.mjs publish BUILT_DIR MIRROR_DIR [--keep N]
//   node mirror-snapshot.mjs rollback MIRROR_DIR
//
// `sdi-snapshot --out` replaces its folder at every run; a host must not: a visitor whose browser
// or CDN still holds the previous index.json (for its max-age and stale-while-revalidate) asks for
// the files that index names. So the mirror adds each run's content-hashed files beside the old
// ones, puts index.json in place last, keeps the previous indexes in .history/ (not to upload),
// and deletes only the files that none of the last N indexes names (default 3: with a run every
// 15 minutes, a replaced index stays servable for at least 30 minutes). `rollback` puts the
// previous index back; its files are still there. Upload the mirror with index.json last.
// Plain Node (20+), no dependency. Exit codes: 0 done, 1 failed (mirror untouched), 2 bad usage.
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

const INDEX = 'index.json';
const HISTORY = '.history';

function usage(message) {
  if (message) process.stderr.write(`mirror-snapshot: ${message}\n`);
  process.stderr.write(
    'usage: mirror-snapshot.mjs publish BUILT_DIR MIRROR_DIR [--keep N]\n' + '       mirror-snapshot.mjs rollback MIRROR_DIR\n',
  );
  process.exit(2);
}

async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Every file an index names: all the `path` strings under `files`, whatever the format adds. */
function referencedBy(index) {
  const paths = new Set();
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'path' && typeof inner === 'string') paths.add(inner);
        else walk(inner);
      }
    }
  };
  walk(index.files);
  // Mirrored images (sdi-snapshot --images mirror) are named by event files; the index lists them.
  if (Array.isArray(index.files.images)) for (const path of index.files.images) if (typeof path === 'string') paths.add(path);
  for (const path of paths) {
    if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`index names a path outside the folder: ${path}`);
  }
  return paths;
}

async function readIndex(path) {
  const index = JSON.parse(await readFile(path, 'utf8'));
  if (index?.format !== 1 || !index.files || typeof index.generatedAt !== 'string') {
    throw new Error(`${path} is not a snapshot index (format 1)`);
  }
  return index;
}

async function listFiles(root, dir = root) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(relative(root, path).split(sep).join('/'));
  }
  return out;
}

/** Oldest first; names are the indexes' generatedAt, which sort as time. */
async function history(mirror) {
  const dir = join(mirror, HISTORY);
  if (!(await exists(dir))) return [];
  return (await readdir(dir))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

function sameButDate(text) {
  const { generatedAt: _, ...rest } = JSON.parse(text);
  return JSON.stringify(rest);
}

async function writeAtomic(path, content) {
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, content);
  await rename(temp, path);
}

async function publish(built, mirror, keep) {
  const index = await readIndex(join(built, INDEX));
  const wanted = referencedBy(index);
  for (const path of wanted) {
    if (!(await exists(join(built, path)))) throw new Error(`${built} lacks ${path}, which its index names`);
  }
  await mkdir(join(mirror, HISTORY), { recursive: true });
  let added = 0;
  for (const path of wanted) {
    const target = join(mirror, path);
    // A content-hashed name already present holds these very bytes: never rewrite it.
    if (await exists(target)) continue;
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(built, path), `${target}.tmp-${process.pid}`);
    await rename(`${target}.tmp-${process.pid}`, target);
    added += 1;
  }
  const current = join(mirror, INDEX);
  const fresh = await readFile(join(built, INDEX), 'utf8');
  let changed = true;
  if (await exists(current)) {
    const previous = await readFile(current, 'utf8');
    // Every run stamps a new generatedAt: an index that differs by nothing else replaces the
    // current one without taking a place in the history, so a rollback goes to other content.
    changed = sameButDate(previous) !== sameButDate(fresh);
    if (changed) {
      const stamp = (await readIndex(current)).generatedAt.replace(/[^0-9TZ]/g, '');
      await writeAtomic(join(mirror, HISTORY, `${stamp}.json`), previous);
    }
  }
  await writeAtomic(current, fresh);
  const all = await history(mirror);
  const kept = all.slice(-(keep - 1));
  for (const old of all.slice(0, all.length - kept.length)) await rm(old);
  const live = new Set([...wanted]);
  for (const old of kept) for (const path of referencedBy(await readIndex(old))) live.add(path);
  let removed = 0;
  for (const path of await listFiles(mirror)) {
    if (path === INDEX || path.startsWith(`${HISTORY}/`) || live.has(path)) continue;
    await rm(join(mirror, path));
    removed += 1;
  }
  console.log(
    `mirror-snapshot: published ${index.generatedAt} (${index.total} events, ${changed ? 'new content' : 'same content'}), ` +
      `${added} new files, ${removed} removed, ${kept.length} previous index(es) kept`,
  );
}

async function rollback(mirror) {
  const previous = (await history(mirror)).at(-1);
  if (!previous) throw new Error(`no previous index in ${join(mirror, HISTORY)}`);
  const index = await readIndex(previous);
  for (const path of referencedBy(index)) {
    if (!(await exists(join(mirror, path)))) throw new Error(`${path} of the previous index is gone; cannot roll back`);
  }
  await writeAtomic(join(mirror, INDEX), await readFile(previous, 'utf8'));
  await rm(previous);
  console.log(`mirror-snapshot: rolled back to ${index.generatedAt} (${index.total} events)`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === 'publish') {
    const keepAt = rest.indexOf('--keep');
    const keep = keepAt === -1 ? 3 : Number(rest[keepAt + 1]);
    const dirs = keepAt === -1 ? rest : rest.filter((_, i) => i !== keepAt && i !== keepAt + 1);
    if (dirs.length !== 2) usage('publish needs BUILT_DIR and MIRROR_DIR');
    if (!Number.isInteger(keep) || keep < 2) usage('--keep must be an integer of 2 or more');
    await publish(dirs[0], dirs[1], keep);
  } else if (command === 'rollback') {
    if (rest.length !== 1) usage('rollback needs MIRROR_DIR');
    await rollback(rest[0]);
  } else {
    usage(command ? `unknown command ${command}` : undefined);
  }
} catch (error) {
  process.stderr.write(`mirror-snapshot: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
