/**
 * The package as users get it: `npm pack` of the built tree, installed from the tarball into an
 * empty project (dependencies from the npm cache when it has them), then checked the way users
 * use it: every `exports` target and its types exist; Node resolves and imports the entries;
 * TypeScript compiles a consumer against the published declarations; and in headless Chromium,
 * the script-tag loader registers the elements present on a page, a bundler (esbuild) honours
 * `sideEffects` and deduplicates lit with the app's own, and the React wrappers render and pass
 * events. test/node/package.test.ts runs these steps; `node --import tsx scripts/pack-check.ts`
 * runs them alone. Needs `npm run build` first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_FLAGS } from './chromium.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NAME = 'semaine-industrie-widgets';
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, string | Record<string, string>>;
};

/** What `npm run build` makes and the package ships; the check cannot run without it. */
const BUILT = [
  'dist/sdi-widgets.js',
  'dist/npm/index.js',
  'dist/npm/react/index.js',
  'dist/types/index.d.ts',
  'dist/custom-elements.json',
  'dist/node/snapshot-cli.js',
];

export function missingBuild(): string[] {
  return BUILT.filter((file) => !existsSync(join(ROOT, file)));
}

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

/** Versions of the optional peers the consumer installs: the ones this repository tested with. */
function installedVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface Packed {
  dir: string;
  tarball: string;
  files: string[];
  size: number;
  unpackedSize: number;
}

/** `npm pack` without running `prepack` again (the build is already there). */
export function pack(dir = mkdtempSync(join(tmpdir(), 'sdi-pack-'))): Packed {
  const out = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as {
    filename: string;
    files: { path: string }[];
    size: number;
    unpackedSize: number;
  }[];
  if (!info) throw new Error('npm pack printed no result');
  return {
    dir,
    tarball: join(dir, info.filename),
    files: info.files.map((f) => f.path).sort(),
    size: info.size,
    unpackedSize: info.unpackedSize,
  };
}

/** An empty app that installs the tarball, React for the wrappers, and lit for its own use. */
export function install(packed: Packed): string {
  const project = join(packed.dir, 'app');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'sdi-consumer', private: true, version: '0.0.0', type: 'module' }, null, 2),
  );
  const peers = ['react', 'react-dom', '@lit/react', '@types/react', 'lit'].map((name) => `${name}@${installedVersion(name)}`);
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--no-package-lock', packed.tarball, ...peers],
    project,
  );
  return project;
}

/** Every file `exports` names (conditions included), relative to the package root. */
export function exportTargets(exportsMap: Record<string, string | Record<string, string>>): string[] {
  return Object.values(exportsMap).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));
}

/** In Node, from inside the app: resolution through `exports`, imports, the JSON files. */
export function nodeChecks(project: string): Record<string, unknown> {
  const script = `
    import { existsSync } from 'node:fs';
    import { createRequire } from 'node:module';
    import { dirname, join } from 'node:path';
    const pkg = (await import('${NAME}/package.json', { with: { type: 'json' } })).default;
    const root = dirname(createRequire(import.meta.url).resolve('${NAME}/package.json'));
    const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    const missing = targets.filter((t) => !existsSync(join(root, t)));
    const resolved = {};
    for (const key of Object.keys(pkg.exports)) {
      const id = key === '.' ? '${NAME}' : '${NAME}/' + key.slice(2);
      resolved[key] = import.meta.resolve(id).replace(/^.*node_modules\\/${NAME}\\//, '');
    }
    const main = await import('${NAME}');
    await import('${NAME}/define');
    const react = await import('${NAME}/react');
    const manifest = (await import('${NAME}/custom-elements.json', { with: { type: 'json' } })).default;
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean).sort();
    console.log(JSON.stringify({
      version: pkg.version,
      missing,
      resolved,
      mainExports: Object.keys(main).sort(),
      mainVersion: main.VERSION,
      reactExports: Object.keys(react).sort(),
      tags,
      types: pkg.types,
      customElements: pkg.customElements,
      customElementsExists: existsSync(join(root, pkg.customElements)),
    }));
  `;
  writeFileSync(join(project, 'node-check.mjs'), script);
  const out = run(process.execPath, ['--no-warnings', 'node-check.mjs'], project);
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

/** The snapshot builder CLI, run through the bin link npm made. */
export function cliCheck(project: string): string {
  return run(join(project, 'node_modules/.bin/sdi-snapshot'), ['--help'], project);
}

/** A TypeScript app against the published declarations: resolution, tag-name map, React props. */
export function typeCheck(project: string): void {
  writeFileSync(
    join(project, 'consumer.ts'),
    `import { SdiEventList, SdiRegionMap, configureWidgets, VERSION, type FilterChangeDetail, type SdiEvent } from '${NAME}';
import '${NAME}/define';
import { SdiCountdown } from '${NAME}/countdown';
import { SdiEditionBanner } from '${NAME}/edition-banner';
import '${NAME}/event-list';
import '${NAME}/region-map';
import '${NAME}/sdi-widgets.js';
import * as Wrappers from '${NAME}/react';
import { createElement } from 'react';

const list: SdiEventList = document.createElement('sdi-event-list');
const map: SdiRegionMap = document.createElement('sdi-region-map');
const countdown: SdiCountdown = document.createElement('sdi-countdown');
const banner: SdiEditionBanner = document.createElement('sdi-edition-banner');
list.group = 'page';
map.group = 'page';
countdown.seconds = true;
banner.number = '12';
configureWidgets({ src: 'https://example.org/snapshot/' });
const version: string = VERSION;
const first: SdiEvent | undefined = undefined;
const onChange = (event: CustomEvent<FilterChangeDetail>): string[] => event.detail.changed;
const element = createElement(Wrappers.SdiEventList, {
  group: 'page',
  pageSize: '10',
  controlsAttribute: 'region date search',
  syncUrl: 'hash',
  onSdiFilterChange: onChange,
  onSdiEventOpen: (event) => event.detail.uid,
});
export { element, version, first };
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        // The published declarations themselves are checked too, not only the app.
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  // As bundler apps resolve, then as Node's ESM does (relative .js specifiers, `exports` only).
  for (const resolution of [[], ['--module', 'nodenext', '--moduleResolution', 'nodenext']]) {
    try {
      run(process.execPath, [tsc, '-p', 'tsconfig.json', ...resolution], project);
    } catch (error) {
      const out = error as { stdout?: string; stderr?: string };
      const how = resolution.length ? 'nodenext' : 'bundler';
      throw new Error(
        `the published types do not compile in an app (${how} resolution):\n${out.stdout ?? ''}${out.stderr ?? ''}`,
      );
    }
  }
}

/**
 * The public types as a new TypeScript user meets them, through the main entry only: the four tags
 * typed by `document.createElement`, fixed-choice attributes as unions, both DOM events with a typed
 * `detail` (on an element and on the document), and the React wrappers' props without the members
 * kept for tests (`store`, `now`, `load…`). Compiled with bundler and nodenext resolution.
 */
export const PUBLIC_TYPES_APP = `import type { EventOpenDetail, FilterChangeDetail } from '${NAME}';
import { SdiEventList as ListWrapper } from '${NAME}/react';
import { createElement } from 'react';

const list = document.createElement('sdi-event-list');
const map = document.createElement('sdi-region-map');
const countdown = document.createElement('sdi-countdown');
const banner = document.createElement('sdi-edition-banner');
const region: string | undefined = list.region;
list.layout = 'grid';
list.sort = 'distance';
list.syncUrl = 'hash';
// @ts-expect-error not a layout
list.layout = 'table';
map.tiles = 'ign';
map.region = region ?? '11';
countdown.seconds = true;
banner.number = '12';
list.addEventListener('sdi-filter-change', (event) => {
  const changed: FilterChangeDetail['changed'] = event.detail.changed;
  return changed;
});
map.addEventListener('sdi-event-open', (event) => {
  const uid: number = event.detail.uid;
  return uid;
});
document.addEventListener('sdi-event-open', (event) => {
  const detail: EventOpenDetail = event.detail;
  return detail.title.toUpperCase();
});
// @ts-expect-error the store is the library's business, not a React prop
const wrapped = createElement(ListWrapper, { group: 'page', store: undefined });
export { wrapped };
`;

export function publicTypesCheck(project: string): void {
  writeFileSync(join(project, 'public-types.ts'), PUBLIC_TYPES_APP);
  writeFileSync(
    join(project, 'tsconfig.public.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['public-types.ts'],
    }),
  );
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  for (const resolution of [[], ['--module', 'nodenext', '--moduleResolution', 'nodenext']]) {
    try {
      run(process.execPath, [tsc, '-p', 'tsconfig.public.json', ...resolution], project);
    } catch (error) {
      const out = error as { stdout?: string; stderr?: string };
      const how = resolution.length ? 'nodenext' : 'bundler';
      throw new Error(`the public types do not compile (${how} resolution):\n${out.stdout ?? ''}${out.stderr ?? ''}`);
    }
  }
}

/**
 * A Vite build of an app using the four elements through the main entry and `/define`: what it
 * prints at the `warn` level (nothing is expected; a bundler warning in every consumer's build is
 * ours to fix).
 */
export function viteBuild(project: string): string {
  const app = join(project, 'vite-app');
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>app</title><sdi-event-list></sdi-event-list><script type="module" src="./main.ts"></script>',
  );
  writeFileSync(
    join(app, 'main.ts'),
    `import '${NAME}/define';
import { SdiEventList, SdiRegionMap, SdiCountdown, SdiEditionBanner } from '${NAME}';
document.body.append(document.createElement('sdi-region-map'), document.createElement('sdi-countdown'), document.createElement('sdi-edition-banner'));
document.addEventListener('sdi-event-open', (event) => console.log(event.detail.uid));
console.log([SdiEventList, SdiRegionMap, SdiCountdown, SdiEditionBanner].length);
`,
  );
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', app, '--logLevel', 'warn', '--outDir', join(project, 'vite-dist'), '--emptyOutDir'],
    {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  if (result.status !== 0) throw new Error(`the Vite build failed:\n${result.stdout}${result.stderr}`);
  return `${result.stdout}${result.stderr}`.trim();
}

const PAGES: Record<string, string> = {
  // The script tag of partners, straight from the installed package's files.
  'script-tag.html': `<!doctype html><meta charset="utf-8"><title>script tag</title>
<script type="module" src="/node_modules/${NAME}/dist/sdi-widgets.js"></script>
<sdi-edition-banner number="12"></sdi-edition-banner>`,
  'classes.html': `<!doctype html><meta charset="utf-8"><title>classes</title><script type="module" src="/out/classes.js"></script>`,
  'define.html': `<!doctype html><meta charset="utf-8"><title>define</title><script type="module" src="/out/define.js"></script>`,
  'react.html': `<!doctype html><meta charset="utf-8"><title>react</title><div id="root"></div><script type="module" src="/out/react.js"></script>`,
};

const ENTRIES: Record<string, string> = {
  // The main entry gives classes without registering anything, and shares the app's lit.
  'classes.js': `import { LitElement } from 'lit';
import { SdiCountdown, SdiEventList } from '${NAME}';
window.result = {
  registered: ['sdi-edition-banner', 'sdi-countdown', 'sdi-event-list', 'sdi-region-map'].filter((t) => customElements.get(t)),
  sameLit: SdiCountdown.prototype instanceof LitElement && SdiEventList.prototype instanceof LitElement,
};`,
  // Imported for its side effects only: a bundler that honours sideEffects must keep it.
  'define.js': `import '${NAME}/define';
window.result = {
  registered: ['sdi-edition-banner', 'sdi-countdown', 'sdi-event-list', 'sdi-region-map'].filter((t) => customElements.get(t)),
};`,
  'react.js': `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { SdiEditionBanner, SdiEventList } from '${NAME}/react';
const seen = [];
const root = createRoot(document.getElementById('root'));
flushSync(() => root.render(createElement('div', null,
  createElement(SdiEditionBanner, { number: '12', cta: 'Voir', href: 'https://example.org/' }),
  createElement(SdiEventList, {
    src: '/no-snapshot/',
    group: 'g',
    onSdiFilterChange: (e) => seen.push(['filter', e.detail.group]),
    onSdiEventOpen: (e) => seen.push(['open', e.detail.uid]),
  }),
)));
window.seen = seen;`,
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A static server of the app folder on the loopback interface. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface BrowserResults {
  scriptTag: { defined: boolean; listLoaded: boolean; text: string; errors: string[] };
  classes: { registered: string[]; sameLit: boolean };
  define: { registered: string[] };
  react: { tags: string[]; bannerText: string; numberProp: unknown; seen: unknown[] };
  /** Copies of lit-html in the app's bundle (all chunks). */
  litCopies: number;
}

/** Bundles the app entries with esbuild, as an app's bundler would, and loads every page. */
export async function browserChecks(project: string, executablePath: string): Promise<BrowserResults> {
  const out = join(project, 'out');
  for (const [file, text] of Object.entries(ENTRIES)) writeFileSync(join(project, file), text);
  for (const [file, text] of Object.entries(PAGES)) writeFileSync(join(project, file), text);
  await build({
    absWorkingDir: project,
    entryPoints: Object.keys(ENTRIES).map((file) => join(project, file)),
    outdir: out,
    bundle: true,
    format: 'esm',
    splitting: true,
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  // lit-html registers its version once per copy: one copy in all the app's chunks means the
  // package's lit and the app's own are one.
  let litCopies = 0;
  for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
    litCopies += (readFileSync(join(out, file), 'utf8').match(/litHtmlVersions/g) ?? []).length;
  }

  const { server, url } = await serve(project);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const open = async (name: string) => {
      const page = await browser!.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${url}/${name}`, { waitUntil: 'load' });
      return { page, errors };
    };

    const tag = await open('script-tag.html');
    await tag.page.waitForFunction(
      () =>
        customElements.get('sdi-edition-banner') &&
        document.querySelector('sdi-edition-banner')?.shadowRoot?.textContent?.includes('12'),
      { timeout: 15_000 },
    );
    const scriptTag = await tag.page.evaluate(() => ({
      defined: Boolean(customElements.get('sdi-edition-banner')),
      listLoaded: Boolean(customElements.get('sdi-event-list')),
      text: document.querySelector('sdi-edition-banner')!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(),
    }));

    const classes = await open('classes.html');
    await classes.page.waitForFunction(() => 'result' in window, { timeout: 10_000 });
    const classResult = (await classes.page.evaluate(
      () => (window as unknown as { result: unknown }).result,
    )) as BrowserResults['classes'];

    const define = await open('define.html');
    await define.page.waitForFunction(() => 'result' in window, { timeout: 10_000 });
    const defineResult = (await define.page.evaluate(
      () => (window as unknown as { result: unknown }).result,
    )) as BrowserResults['define'];

    const react = await open('react.html');
    await react.page.waitForFunction(
      () =>
        document.querySelector('sdi-edition-banner')?.shadowRoot?.textContent?.includes('12') &&
        document.querySelector('sdi-event-list')?.shadowRoot,
      { timeout: 15_000 },
    );
    const reactResult = await react.page.evaluate(() => {
      const list = document.querySelector('sdi-event-list')!;
      list.dispatchEvent(
        new CustomEvent('sdi-filter-change', { detail: { group: 'g', filters: {}, changed: [] }, bubbles: true, composed: true }),
      );
      list.dispatchEvent(new CustomEvent('sdi-event-open', { detail: { uid: 7, title: 'x' }, bubbles: true, composed: true }));
      const banner = document.querySelector('sdi-edition-banner') as HTMLElement & { number?: unknown };
      return {
        tags: [...document.querySelectorAll('#root *')].map((el) => el.localName).filter((n) => n.startsWith('sdi-')),
        bannerText: banner.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim(),
        numberProp: banner.number,
        seen: (window as unknown as { seen: unknown[] }).seen,
      };
    });
    return {
      scriptTag: { ...scriptTag, errors: tag.errors },
      classes: classResult,
      define: defineResult,
      react: reactResult,
      litCopies,
    };
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

export function cleanUp(packed: Packed): void {
  rmSync(packed.dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const missing = missingBuild();
  if (missing.length) {
    console.error(`run \`npm run build\` first (missing: ${missing.join(', ')})`);
    process.exit(1);
  }
  const started = performance.now();
  const packed = pack();
  console.log(`packed ${packed.files.length} files, ${packed.size} bytes (${packed.unpackedSize} unpacked)`);
  try {
    const project = install(packed);
    console.log(JSON.stringify(nodeChecks(project), null, 2));
    typeCheck(project);
    console.log('types: a TypeScript app compiles against the published declarations');
    const chromium = chromiumPath();
    if (chromium) console.log(JSON.stringify(await browserChecks(project, chromium), null, 2));
    else console.log('no Chromium: browser checks skipped');
  } finally {
    cleanUp(packed);
  }
  console.log(`${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

export { rootPackage };
