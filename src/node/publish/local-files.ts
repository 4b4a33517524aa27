/** Reads the folders to publish. A folder that cannot be read is the operator's to fix (exit 2). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { IMAGE_CACHE_SUFFIX } from '../images/mirror.js';

export class LocalFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalFolderError';
  }
}

export interface LocalFile {
  /** Relative to the folder, with '/' separators. */
  name: string;
  path: string;
}

/**
 * Every file under `dir`, sorted; hidden files and folders (.git, .history) and image caches are
 * left out.
 */
export async function listFiles(dir: string): Promise<LocalFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new LocalFolderError(`cannot read ${dir}: ${(error as Error).message}`);
  }
  const files: LocalFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path).split(sep).join('/');
    const parts = name.split('/');
    if (parts.some((part) => part.startsWith('.'))) continue;
    // sdi-snapshot's image cache (`<out>.image-cache/`) sits beside the snapshot, often inside
    // the site folder: its files are the builder's, not the readers'.
    if (parts.slice(0, -1).some((part) => part.endsWith(IMAGE_CACHE_SUFFIX))) continue;
    files.push({ name, path });
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function readLocal(file: LocalFile): Promise<Buffer> {
  try {
    return await readFile(file.path);
  } catch (error) {
    throw new LocalFolderError(`cannot read ${file.path}: ${(error as Error).message}`);
  }
}
