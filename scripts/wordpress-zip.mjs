/**
 * `npm run wp:zip`: the installable WordPress plugin, dist/wordpress/semaine-industrie.zip.
 * The plugin folder is copied with what it cannot hold in git: the script-tag build from dist/
 * (bundle, chunks, classic loader, optional stylesheet) and the compiled English catalogue.
 * Zipped by Python's zipfile (present on every machine here), so no npm package is needed.
 *
 *   node scripts/wordpress-zip.mjs          the zip
 *   node scripts/wordpress-zip.mjs --geo    rewrites includes/geo-codes.php from src/geo
 *   node scripts/wordpress-zip.mjs --dev    fills the repository folder itself (assets/, .mo),
 *                                           for a developer who symlinks it into a WordPress
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = resolve(new URL('..', import.meta.url).pathname);
// SDI_WP_DIST: the script-tag build to ship, when this checkout's dist/ is mid-rebuild by others.
const dist = process.env.SDI_WP_DIST ? resolve(process.env.SDI_WP_DIST) : join(root, 'dist');
const SLUG = 'semaine-industrie';
const source = join(root, 'wordpress', SLUG);
export const GEO_FILE = join(source, 'includes/geo-codes.php');

/** includes/geo-codes.php as generated from the `["32", "Hauts-de-France"]`-style rows of src/geo. */
export function geoTable() {
  const source = readFileSync(join(root, 'src/geo/admin-data.ts'), 'utf8');
  const block = (name) => {
    const start = source.indexOf(`export const ${name}`);
    const end = source.indexOf('];', start);
    return [...source.slice(start, end).matchAll(/\[("[^"]*"(?:,\s*"[^"]*")*)\]/g)].map((m) => JSON.parse(`[${m[1]}]`));
  };
  const php = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const regions = block('REGIONS').map(([code, name]) => `\t${php(code)} => ${php(name)},`);
  const departments = block('DEPARTMENTS').map(
    ([code, name, region]) => `\t${php(code)} => array( ${php(name)}, ${php(region)} ),`,
  );
  if (regions.length < 13 || departments.length < 96) throw new Error('src/geo/admin-data.ts: tables not found');
  return `<?php
/**
 * Region and department codes (INSEE): the same lists the widgets accept.
 * Generated from src/geo/admin-data.ts, do not edit: run \`node scripts/wordpress-zip.mjs --geo\`.
 * test/node/wordpress-geo.test.ts fails when this file and src/geo differ.
 *
 * @package SemaineIndustrie
 */

defined( 'ABSPATH' ) || exit;

/** Region code => name. */
const SDI_REGIONS = array(
${regions.join('\n')}
);

/** Department code => array( name, region code ). */
const SDI_DEPARTMENTS = array(
${departments.join('\n')}
);
`;
}

/** Parses the msgctxt/msgid/msgstr entries of a .po file (single-line and continued strings). */
export function readPo(text) {
  const entries = [];
  let current = null;
  let field = null;
  const unquote = (s) => JSON.parse(s);
  for (const line of text.split('\n')) {
    const m = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    if (m) {
      // An entry starts at its msgctxt, or at its msgid when it has none.
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && (!current || current.id !== null))) {
        current = { ctx: null, id: null, str: '' };
        entries.push(current);
      }
      field = { msgctxt: 'ctx', msgid: 'id', msgstr: 'str' }[m[1]];
      current[field] = unquote(m[2]);
    } else if (/^".*"$/.test(line) && current && field) {
      current[field] += unquote(line);
    } else if (line.trim() === '') {
      field = null;
      current = null;
    }
  }
  return entries.filter((e) => e.id !== null && e.str !== '');
}

/** The key of an entry in a .mo: context and id joined by EOT, as gettext does. */
const moKey = (e) => (e.ctx === null ? e.id : `${e.ctx}\u0004${e.id}`);

/**
 * Every translatable string of the plugin: the PHP gettext calls of the text domain, and the
 * block.json fields WordPress translates with their context ("block title"…).
 */
export function pluginStrings() {
  const found = new Map();
  const add = (ctx, id, where) => found.set(moKey({ ctx, id }), { ctx, id, where });
  const phpString = (literal) =>
    literal.startsWith("'") ? literal.slice(1, -1).replace(/\\([\\'])/g, '$1') : JSON.parse(literal);
  const walk = (dir) =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
  const literal = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")`;
  const call = new RegExp(
    String.raw`\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*${literal}\s*,\s*'semaine-industrie'\s*\)`,
    'g',
  );
  const anyCall = /\b(?:__|_e|_x|_n|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(/g;
  for (const file of walk(source)) {
    const rel = file.slice(root.length + 1);
    if (file.endsWith('.php')) {
      const text = readFileSync(file, 'utf8');
      const calls = [...text.matchAll(call)];
      // A call the pattern cannot read (a variable, another function) would go untranslated unseen.
      if (calls.length !== [...text.matchAll(anyCall)].length)
        throw new Error(`${rel}: a gettext call is not of the form __( 'literal', 'semaine-industrie' )`);
      for (const m of calls) add(null, phpString(m[1]), rel);
      // The Plugins screen translates the main file's header fields with the text domain.
      for (const m of text.matchAll(/^ \* (?:Plugin Name|Description):\s+(.+)$/gm)) add(null, m[1].trim(), rel);
    } else if (file.endsWith('block.json')) {
      const block = JSON.parse(readFileSync(file, 'utf8'));
      add('block title', block.title, rel);
      add('block description', block.description, rel);
      for (const keyword of block.keywords ?? []) add('block keyword', keyword, rel);
    }
  }
  return [...found.values()];
}

/** Every string of the plugin must be in every catalogue, else that language shows it in French. */
function checkCatalogues() {
  const languages = join(source, 'languages');
  const strings = pluginStrings();
  for (const file of readdirSync(languages).filter((f) => f.endsWith('.po'))) {
    const have = new Set(readPo(readFileSync(join(languages, file), 'utf8')).map(moKey));
    const missing = strings.filter((s) => !have.has(moKey(s)));
    if (missing.length) {
      throw new Error(
        `languages/${file} lacks ${missing.length} string(s):\n${missing.map((s) => `  ${s.ctx ? `[${s.ctx}] ` : ''}${JSON.stringify(s.id)} (${s.where})`).join('\n')}`,
      );
    }
  }
}

/** GNU .mo, little-endian, no hash table (allowed by the format: size 0). */
function writeMo(entries) {
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(moKey(a)), Buffer.from(moKey(b))));
  const n = sorted.length;
  const headerSize = 28;
  const idsTable = headerSize;
  const strsTable = idsTable + n * 8;
  let offset = strsTable + n * 8;
  const ids = sorted.map((e) => Buffer.from(moKey(e), 'utf8'));
  const strs = sorted.map((e) => Buffer.from(e.str, 'utf8'));
  const table = Buffer.alloc(offset);
  table.writeUInt32LE(0x950412de, 0);
  table.writeUInt32LE(0, 4);
  table.writeUInt32LE(n, 8);
  table.writeUInt32LE(idsTable, 12);
  table.writeUInt32LE(strsTable, 16);
  table.writeUInt32LE(0, 20);
  table.writeUInt32LE(offset, 24);
  const chunks = [];
  ids.forEach((b, i) => {
    table.writeUInt32LE(b.length, idsTable + i * 8);
    table.writeUInt32LE(offset, idsTable + i * 8 + 4);
    chunks.push(b, Buffer.from([0]));
    offset += b.length + 1;
  });
  strs.forEach((b, i) => {
    table.writeUInt32LE(b.length, strsTable + i * 8);
    table.writeUInt32LE(offset, strsTable + i * 8 + 4);
    chunks.push(b, Buffer.from([0]));
    offset += b.length + 1;
  });
  return Buffer.concat([table, ...chunks]);
}

/** Copies the script-tag build from dist/ into a plugin folder's assets/, building dist/ if needed. */
function copyAssets(plugin) {
  if (!existsSync(join(dist, 'sdi-widgets.js')) || !existsSync(join(dist, 'sdi-widgets.classic.js'))) {
    console.log('dist/ has no script-tag build: npm run build…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const assets = join(plugin, 'assets');
  mkdirSync(assets, { recursive: true });
  for (const file of readdirSync(dist)) {
    if ((file.endsWith('.js') || file === 'sdi-widgets.css') && statSync(join(dist, file)).isFile()) {
      copyFileSync(join(dist, file), join(assets, file));
    }
  }
}

/** Compiles every languages/*.po of a plugin folder to the .mo WordPress reads. */
function compileCatalogues(plugin) {
  const languages = join(plugin, 'languages');
  for (const file of existsSync(languages) ? readdirSync(languages) : []) {
    if (file.endsWith('.po')) {
      writeFileSync(join(languages, file.replace(/\.po$/, '.mo')), writeMo(readPo(readFileSync(join(languages, file), 'utf8'))));
    }
  }
}

/** A stale geo table would make the plugin refuse codes the widgets accept (or the reverse). */
function checkGeoFile() {
  if (!existsSync(GEO_FILE) || readFileSync(GEO_FILE, 'utf8') !== geoTable()) {
    throw new Error(
      'wordpress/semaine-industrie/includes/geo-codes.php differs from src/geo: run node scripts/wordpress-zip.mjs --geo and commit it',
    );
  }
}

export function buildZip() {
  checkGeoFile();
  checkCatalogues();
  const stage = mkdtempSync(join(tmpdir(), 'sdi-wp-zip-'));
  try {
    const plugin = join(stage, SLUG);
    // A developer's --dev build in the repository folder is not what the zip ships: rebuilt here.
    cpSync(source, plugin, {
      recursive: true,
      filter: (path) => !path.startsWith(join(source, 'assets')) && !path.endsWith('.mo') && !path.endsWith('.gitignore'),
    });
    copyAssets(plugin);
    compileCatalogues(plugin);
    mkdirSync(join(root, 'dist/wordpress'), { recursive: true });
    const zip = join(root, 'dist/wordpress', `${SLUG}.zip`);
    rmSync(zip, { force: true });
    const py = spawnSync('python3', ['-m', 'zipfile', '-c', zip, SLUG], { cwd: stage, stdio: 'inherit' });
    if (py.status !== 0) throw new Error('python3 -m zipfile failed');
    return zip;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv[2];
  if (flag === '--geo') {
    writeFileSync(GEO_FILE, geoTable());
    console.log(`${GEO_FILE.slice(root.length + 1)} rewritten from src/geo/admin-data.ts`);
  } else if (flag === '--dev') {
    checkGeoFile();
    checkCatalogues();
    copyAssets(source);
    compileCatalogues(source);
    console.log(
      `wordpress/${SLUG}/ now holds assets/ and the compiled catalogues (ignored by git): symlink it into wp-content/plugins/`,
    );
  } else {
    const zip = buildZip();
    const bytes = statSync(zip).size;
    console.log(`${zip.slice(root.length + 1)}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB)`);
  }
}
