/**
 * Writes a sample edition for the mock API and the offline demo:
 *
 *   node --import tsx tools/sample/cli.ts [--count N] [--seed S] [--out FILE]
 *        [--year Y] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--agenda-uid UID] [--agenda-slug SLUG]
 *        [--image-base URL] [--force]
 *
 * Output: { "generator": {...}, "agendas": { "<uid>": { "config": agenda, "events": [...] } } },
 * default .cache/sample/edition-<count>-<seed>.json; prints the path. Generating 8,000 events
 * takes about a second, but the mock API and the demo start often: a file written by the same
 * generator version with the same options is reused. The "generator" header is written first so
 * that this check reads a few hundred bytes, not the whole file. `--image-base` points the
 * events' images at the mock API's pictures (tools/mock-api/cli.ts --images /sample-images/), so
 * `sdi-snapshot --images mirror` runs offline on the sample.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateEdition, resolveOptions, type ResolvedOptions, type SampleOptions } from './generate.js';

interface CliArgs {
  options: SampleOptions;
  out?: string;
  force: boolean;
}

const USAGE =
  'usage: node --import tsx tools/sample/cli.ts [--count N] [--seed S] [--out FILE] [--year Y] [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--agenda-uid UID] [--agenda-slug SLUG] [--image-base URL] [--force]';

export function parseArgs(argv: readonly string[]): CliArgs {
  const options: SampleOptions = {};
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const int = (): number => {
      const v = value();
      if (!/^\d+$/.test(v)) throw new Error(`${flag} expects a non-negative integer, got ${v}`);
      return Number(v);
    };
    switch (flag) {
      case '--count':
        options.count = int();
        break;
      case '--seed':
        options.seed = int();
        break;
      case '--year':
        options.year = int();
        break;
      case '--start':
        options.start = value();
        break;
      case '--end':
        options.end = value();
        break;
      case '--agenda-uid':
        options.agendaUid = int();
        break;
      case '--agenda-slug':
        options.agendaSlug = value();
        break;
      case '--image-base':
        options.imageBase = value();
        break;
      case '--out':
        out = value();
        break;
      case '--force':
        force = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return out === undefined ? { options, force } : { options, out, force };
}

interface Header {
  version: number;
  options: ResolvedOptions;
}

function headerOf(opts: ResolvedOptions): Header {
  return { version: GENERATOR_VERSION, options: opts };
}

/** The header of an existing output file, or undefined when it is missing or unreadable. */
export function readHeader(file: string): Header | undefined {
  if (!existsSync(file)) return undefined;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n).toString('utf8');
    const m = /^\{"generator":(\{.*?\}\}),"agendas":/s.exec(head);
    return m ? (JSON.parse(m[1] as string) as Header) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes the edition unless an identical one is there; returns the path and whether it wrote. */
export function writeSample(args: CliArgs, cwd = process.cwd()): { path: string; written: boolean } {
  const opts = resolveOptions(args.options);
  const path = resolve(cwd, args.out ?? `.cache/sample/edition-${opts.count}-${opts.seed}.json`);
  const header = headerOf(opts);
  if (!args.force && JSON.stringify(readHeader(path)) === JSON.stringify(header)) return { path, written: false };
  const { agenda, events } = generateEdition(opts);
  const body = `{"generator":${JSON.stringify(header)},"agendas":${JSON.stringify({ [String(opts.agendaUid)]: { config: agenda, events } })}}\n`;
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename: a reader (the mock API starting in parallel) never sees half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, body);
  renameSync(tmp, path);
  return { path, written: true };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { path } = writeSample(parseArgs(process.argv.slice(2)));
    console.log(path);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
