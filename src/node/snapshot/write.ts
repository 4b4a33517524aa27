/**
 * Puts a snapshot on disk so that readers never see half of one: everything is written into a
 * temporary sibling folder (same filesystem, so renames are atomic), index.json last, then the
 * folders are swapped by two renames. On failure the temporary folder goes and the previous
 * snapshot stays.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { isReadableFormat, type SnapshotIndex } from '../../feed/snapshot-format.js';
import { INDEX_FILE, serialiseIndex } from './build.js';

export interface WriteResult {
  dir: string;
  files: number;
  bytes: number;
}

/** A file's bytes, or a file on disk to copy (mirrored images stay out of memory). */
export type SnapshotFileContent = string | Uint8Array | { copyFrom: string };

export interface WriteOptions {
  /** Replace `dir` even when it holds something that is not a snapshot (#11.5). */
  force?: boolean;
}

/** `--out` names a folder holding other things than a snapshot: replacing it would delete them. */
export class NotSnapshotError extends Error {
  constructor(readonly dir: string) {
    super(
      `${dir} is not a snapshot folder (it holds other files and no index.json written by ` +
        'sdi-snapshot) and replacing it would delete them; give a dedicated folder such as ' +
        `${join(dir, 'snapshot')}, or pass --force to replace it anyway`,
    );
    this.name = 'NotSnapshotError';
  }
}

const STALE = /^(.*)\.(tmp|old)-(\d+)-[0-9a-f]+$/;

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A builder killed mid-run leaves its temporary folder (megabytes each time a cron job dies), or,
 * if it died between the two renames, the previous snapshot under its backup name: that one is
 * put back rather than deleted. Folders of live processes (a concurrent run) are left alone.
 */
async function recoverStale(target: string): Promise<void> {
  const base = basename(target);
  for (const name of await readdir(dirname(target))) {
    const match = STALE.exec(name);
    if (!match || match[1] !== base) continue;
    const pid = Number(match[3]);
    if (pid === process.pid || isAlive(pid)) continue;
    const path = join(dirname(target), name);
    if (match[2] === 'old' && !(await exists(target))) await rename(path, target);
    else await rm(path, { recursive: true, force: true });
  }
}

/** An index.json of a format this tool reads (its own, or the one before): `format` and the national events file. */
function isSnapshotIndex(text: string): boolean {
  try {
    const index = JSON.parse(text) as { format?: unknown; files?: { all?: { path?: unknown } } };
    return isReadableFormat(index.format) && typeof index.files?.all?.path === 'string';
  } catch {
    return false;
  }
}

/** Top-level names of a snapshot folder: a damaged snapshot (unreadable index) still has only these. */
const SNAPSHOT_ENTRY = /^(index\.json|events|details|images|points\.[0-9a-f]{16}\.json)$/;

/**
 * Whether the folder at `dir` may be replaced: it does not exist, is empty, holds an index.json
 * of this tool's format, or holds nothing but names this tool writes. Anything else
 * (`--out ./public`, `--out .`) is someone's files.
 */
export async function assertReplaceable(dir: string, options: WriteOptions = {}): Promise<void> {
  if (options.force) return;
  const target = resolve(dir);
  let names: string[];
  try {
    names = await readdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new Error(`${target} exists and is not a folder`);
    throw error;
  }
  if (names.every((name) => SNAPSHOT_ENTRY.test(name))) return;
  let index: string;
  try {
    index = await readFile(join(target, INDEX_FILE), 'utf8');
  } catch {
    throw new NotSnapshotError(target);
  }
  if (!isSnapshotIndex(index)) throw new NotSnapshotError(target);
}

/** File names come from the builder, but a path escaping the folder must never be written. */
function inside(root: string, relative: string): string {
  const clean = normalize(relative);
  if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`) || clean.includes('\0')) {
    throw new Error(`refusing to write outside the snapshot: ${relative}`);
  }
  return join(root, clean);
}

/** Flushed before the rename, or a power cut could leave a renamed folder of empty files. */
async function writeDurable(path: string, content: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeSnapshotAtomic(
  dir: string,
  snapshot: { index: SnapshotIndex; files: ReadonlyMap<string, SnapshotFileContent> },
  options: WriteOptions = {},
): Promise<WriteResult> {
  const target = resolve(dir);
  await mkdir(dirname(target), { recursive: true });
  await recoverStale(target);
  if ((await exists(target)) && !(await lstat(target)).isDirectory()) {
    throw new Error(`${target} exists and is not a folder`);
  }
  // Checked again here, not only by the CLI: the rename below deletes whatever the folder held.
  await assertReplaceable(target, options);

  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = `${target}.tmp-${suffix}`;
  await mkdir(temp);
  let bytes = 0;
  try {
    const written = new Set<string>();
    for (const [relative, content] of snapshot.files) {
      const path = inside(temp, relative);
      if (relative === INDEX_FILE) throw new Error('index.json is written from the index, not from files');
      const folder = dirname(path);
      if (!written.has(folder)) {
        await mkdir(folder, { recursive: true });
        written.add(folder);
      }
      const data = typeof content === 'object' && 'copyFrom' in content ? await readFile(content.copyFrom) : content;
      await writeDurable(path, data);
      bytes += typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
    }
    // Last: a folder with an index.json is a complete one.
    const index = serialiseIndex(snapshot.index);
    await writeDurable(join(temp, INDEX_FILE), index);
    bytes += Buffer.byteLength(index, 'utf8');

    if (await exists(target)) {
      const backup = `${target}.old-${suffix}`;
      await rename(target, backup);
      try {
        await rename(temp, target);
      } catch (error) {
        await rename(backup, target);
        throw error;
      }
      // The new snapshot is in place; a backup that will not go away is only litter.
      await rm(backup, { recursive: true, force: true }).catch(() => undefined);
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return { dir: target, files: snapshot.files.size + 1, bytes };
}
