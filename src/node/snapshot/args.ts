/** Command line of `sdi-snapshot`: everything is checked here, before any request is made. */
import { parseArgs } from 'node:util';
import { agendaUid, apiBase, DEFAULT_API, MAX_PAGE_SIZE } from '../../feed/openagenda-api.js';
import type { SnapshotEdition } from '../../feed/snapshot-format.js';
import { parseIsoDate } from '../../time/iso-date.js';
import { UsageError } from '../usage-error.js';

/** A read giving fewer than half the events of the snapshot it would replace is suspect. */
export const DEFAULT_MIN_RATIO = 0.5;

export const USAGE = `Usage: sdi-snapshot --agenda UID --key KEY --out DIR [options]

Reads a whole OpenAgenda agenda through the API v2 and writes a static snapshot
(index.json, events/*.json, details/*.json, points.json) for the Semaine de
l'Industrie widgets.

  --agenda UID           agenda uid (digits)
  --key KEY              OpenAgenda public read key; prefer the SDI_OA_KEY environment
                         variable, which other users cannot see in the process list
  --out DIR              snapshot folder, replaced atomically; it must be missing,
                         empty or a snapshot this tool wrote (exit code 7 otherwise)
  --force                replace --out even if it holds other files (they are deleted)
  --api URL              API base (default ${DEFAULT_API})
  --type-field CODE      custom field holding the event format (default: guessed)
  --audience-field CODE  custom field holding the audience (default: guessed)
  --size N               events per page, 1-${MAX_PAGE_SIZE} (default ${MAX_PAGE_SIZE})
  --edition N            edition number this agenda holds (e.g. 15), recorded in
                         index.json so widgets name the edition their figures belong to
  --year YYYY            year of that edition
  --theme TEXT           its theme
  --start YYYY-MM-DD     its first day (Europe/Paris)
  --end YYYY-MM-DD       its last day
  --allow-empty          write the snapshot even if the agenda has no usable event;
                         without it, such a read never replaces a snapshot that has
                         events (exit code 5)
  --min-ratio R          fail (exit code 8) when the read gives fewer usable events
                         than R times those of the snapshot in --out (default ${DEFAULT_MIN_RATIO};
                         0 turns the check off)
  --allow-shrink         write the snapshot even when the read ends below the API's
                         own total or below --min-ratio of the previous snapshot
  --images MODE          \`link\` (default): image URLs stay OpenAgenda's; \`mirror\`:
                         fetch each image once and serve resized copies from the
                         snapshot (docs/SNAPSHOT.md, Images)
  --quiet                print nothing but errors
  -h, --help             this text

Exit codes: 0 ok, 1 unexpected error, 2 bad usage, 3 the API refused (key, uid),
4 the API could not be reached or kept failing after retries, 5 the agenda has no
usable event and --out holds a snapshot that has some (kept as it is), 7 --out holds
files that are not a snapshot (untouched), 8 the read ended below the API's total or
far below the previous snapshot (kept as it is), 9 an API answer was larger than the
size cap.
`;

export type ImagesMode = 'link' | 'mirror';

export { UsageError };

export interface CliOptions {
  agenda: string;
  key: string;
  out: string;
  api: string;
  typeField?: string;
  audienceField?: string;
  size: number;
  /** Facts of the edition the agenda holds, copied into index.json. */
  edition?: SnapshotEdition;
  /** Let a read with no usable event replace a snapshot that has events. */
  allowEmpty: boolean;
  /** Replace `out` even if it is not a snapshot folder. */
  force: boolean;
  /** Least share of the previous snapshot's events a read must give (0 to 1). */
  minRatio: number;
  /** Let a read that ends short (below total or minRatio) replace the snapshot. */
  allowShrink: boolean;
  images: ImagesMode;
  quiet: boolean;
}

function checked<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function editionOf(values: {
  edition?: string;
  year?: string;
  theme?: string;
  start?: string;
  end?: string;
}): SnapshotEdition | undefined {
  const edition: SnapshotEdition = {};
  for (const key of ['edition', 'year'] as const) {
    const raw = values[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 9999) throw new UsageError(`--${key} must be a positive integer`);
    if (key === 'edition') edition.number = n;
    else edition.year = n;
  }
  for (const key of ['start', 'end'] as const) {
    const raw = values[key];
    if (raw === undefined) continue;
    if (!parseIsoDate(raw)) throw new UsageError(`--${key} must be a date YYYY-MM-DD`);
    edition[key] = raw;
  }
  if (edition.start && edition.end && edition.end < edition.start) throw new UsageError('--end is before --start');
  if (values.theme?.trim()) edition.theme = values.theme.trim();
  return Object.keys(edition).length > 0 ? edition : undefined;
}

export function parseCliArgs(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const { values } = checked('bad arguments', () =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        agenda: { type: 'string' },
        key: { type: 'string' },
        out: { type: 'string' },
        api: { type: 'string' },
        'type-field': { type: 'string' },
        'audience-field': { type: 'string' },
        size: { type: 'string' },
        edition: { type: 'string' },
        year: { type: 'string' },
        theme: { type: 'string' },
        start: { type: 'string' },
        end: { type: 'string' },
        'allow-empty': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'min-ratio': { type: 'string' },
        'allow-shrink': { type: 'boolean', default: false },
        images: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }),
  );
  if (values.help) throw new UsageError('help', true);
  if (!values.agenda) throw new UsageError('--agenda is required');
  const key = values.key ?? env.SDI_OA_KEY;
  if (!key) throw new UsageError('--key (or SDI_OA_KEY) is required');
  if (!values.out) throw new UsageError('--out is required');
  const size = values.size === undefined ? MAX_PAGE_SIZE : Number(values.size);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new UsageError(`--size must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const minRatio = values['min-ratio'] === undefined ? DEFAULT_MIN_RATIO : Number(values['min-ratio']);
  if (values['min-ratio']?.trim() === '' || !Number.isFinite(minRatio) || minRatio < 0 || minRatio > 1) {
    throw new UsageError('--min-ratio must be a number from 0 to 1');
  }
  const images = values.images ?? 'link';
  if (images !== 'link' && images !== 'mirror') throw new UsageError('--images must be link or mirror');
  const options: CliOptions = {
    agenda: checked('--agenda', () => agendaUid(values.agenda ?? '')),
    key,
    out: values.out,
    api: checked('--api', () => apiBase(values.api)),
    size,
    allowEmpty: values['allow-empty'] === true,
    force: values.force === true,
    minRatio,
    allowShrink: values['allow-shrink'] === true,
    images,
    quiet: values.quiet === true,
  };
  const edition = editionOf(values);
  if (edition) options.edition = edition;
  if (values['type-field']) options.typeField = values['type-field'];
  if (values['audience-field']) options.audienceField = values['audience-field'];
  return options;
}
