/**
 * The WordPress plugin validates region and department codes against includes/geo-codes.php, a
 * file generated from src/geo and committed so the repository folder is a runnable plugin. This
 * reads the PHP independently of the generator and holds it to the widgets' own tables.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEPARTMENTS, REGIONS } from '../../src/geo/admin-data.js';

const php = readFileSync(new URL('../../wordpress/semaine-industrie/includes/geo-codes.php', import.meta.url), 'utf8');

/** The body of `const NAME = array( … );`. */
function constant(name: string): string {
  const start = php.indexOf(`const ${name} = array(`);
  assert.ok(start >= 0, `geo-codes.php has no constant ${name}`);
  return php.slice(start, php.indexOf('\n);', start));
}

/** A PHP single-quoted literal's value. */
function unquote(literal: string | undefined): string {
  assert.ok(literal !== undefined, 'a row without its quoted value');
  return literal.slice(1, -1).replace(/\\([\\'])/g, '$1');
}

const LITERAL = String.raw`'(?:[^'\\]|\\.)*'`;

test('geo-codes.php says it is generated and how to regenerate it', () => {
  assert.match(php, /Generated from src\/geo\/admin-data\.ts, do not edit: run `node scripts\/wordpress-zip\.mjs --geo`/);
});

test('the regions of geo-codes.php are those of src/geo, in order', () => {
  const rows = [...constant('SDI_REGIONS').matchAll(new RegExp(`^\\t(${LITERAL}) => (${LITERAL}),$`, 'gm'))];
  assert.deepEqual(
    rows.map((m) => [unquote(m[1]), unquote(m[2])]),
    REGIONS.map((r) => [...r]),
  );
});

test('the departments of geo-codes.php are those of src/geo, with their region', () => {
  const rows = [
    ...constant('SDI_DEPARTMENTS').matchAll(new RegExp(`^\\t(${LITERAL}) => array\\( (${LITERAL}), (${LITERAL}) \\),$`, 'gm')),
  ];
  assert.deepEqual(
    rows.map((m) => [unquote(m[1]), unquote(m[2]), unquote(m[3])]),
    DEPARTMENTS.map((d) => [...d]),
  );
});

test('names with an apostrophe are escaped for PHP', () => {
  assert.ok(php.includes(String.raw`'Provence-Alpes-Côte d\'Azur'`));
});
