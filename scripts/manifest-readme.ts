/**
 * `npm run docs:elements`: rewrites the elements table of README.md (between
 * `<!-- elements:start -->` and `<!-- elements:end -->`) from the Custom Elements Manifest, which
 * the analyzer builds from the elements' JSDoc. `--check` only says whether the README is in sync
 * (exit 1 when not); test/node/manifest.test.ts checks the same.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const README = `${ROOT}README.md`;
export const START = '<!-- elements:start -->';
export const END = '<!-- elements:end -->';

/** The parts of the Custom Elements Manifest format this project reads. */
export interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
}
export interface ManifestAttribute extends Described {
  fieldName?: string;
}
export interface ManifestMember extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
}
export interface ManifestClass extends Described {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: ManifestAttribute[];
  members?: ManifestMember[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
export interface ManifestModule {
  kind: string;
  path: string;
  declarations?: ManifestClass[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}
export interface Manifest {
  schemaVersion: string;
  modules: ManifestModule[];
}

type CemCli = (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<Manifest>;

/**
 * Runs the analyzer with the project's config, in memory (nothing written): the manifest of the
 * sources as they are now, whether or not `npm run build` ran.
 */
export async function analyzeManifest(): Promise<Manifest> {
  // The analyzer ships no types for its CLI module; a computed specifier keeps tsc from asking.
  const specifier = '@custom-elements-manifest/analyzer/cli.js';
  const { cli } = (await import(specifier)) as { cli: CemCli };
  return cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    cwd: ROOT,
    noWrite: true,
  });
}

/** The custom elements of the manifest, by tag name, in the order of the README (tag order). */
export function elementsOf(manifest: Manifest): ManifestClass[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => ORDER.indexOf(a.tagName!) - ORDER.indexOf(b.tagName!));
}

/** The order partners meet them in: the banner and countdown first, then the list and the map. */
const ORDER = ['sdi-edition-banner', 'sdi-countdown', 'sdi-event-list', 'sdi-region-map'];

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  return end === -1 ? flat : flat.slice(0, end + 1);
}

function codes(items: readonly Described[] | undefined): string {
  if (!items?.length) return '—';
  return items.map((item) => `\`${item.name}\``).join(', ');
}

/** The generated block, markers included. */
export function renderElementsBlock(manifest: Manifest): string {
  const rows = elementsOf(manifest).map((el) => {
    const what = (el.summary ?? firstSentence(el.description ?? '')).replace(/\|/g, '\\|');
    return `| \`<${el.tagName}>\` | ${what} | ${codes(el.attributes)} | ${codes(el.events)} | ${codes(el.cssParts)} |`;
  });
  return [
    START,
    "<!-- Generated from the Custom Elements Manifest (the elements' JSDoc): `npm run docs:elements`. -->",
    '',
    '| element | what it shows | attributes | events | CSS parts |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Every attribute, property, event, CSS part and CSS custom property is described in the Custom',
    'Elements Manifest that the package ships (`semaine-industrie-widgets/custom-elements.json`).',
    END,
  ].join('\n');
}

/** The README with its block replaced; throws when the markers are missing or out of order. */
export function withElementsBlock(readme: string, block: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md needs the markers ${START} and ${END}, in that order`);
  }
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const readme = readFileSync(README, 'utf8');
  const next = withElementsBlock(readme, renderElementsBlock(await analyzeManifest()));
  if (next === readme) {
    console.log('README.md elements table: up to date');
    return;
  }
  if (check) {
    console.error('README.md elements table is out of date: run `npm run docs:elements`');
    process.exitCode = 1;
    return;
  }
  writeFileSync(README, next);
  console.log('README.md elements table: rewritten');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
