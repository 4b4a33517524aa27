/**
 * src/map/leaflet-css.ts carries Leaflet's stylesheet into the map's shadow root. It is Leaflet's
 * own leaflet.css, minus what the widget never uses and what would make requests (image URLs of the
 * layers control and of the default marker, old IE's VML): this test rebuilds it from
 * node_modules so an upgrade of Leaflet cannot leave a stale copy. Rewrite it with
 * `SDI_WRITE=1 node --import tsx --test test/node/map-leaflet-css.test.ts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LEAFLET_CSS } from '../../src/map/leaflet-css.js';

const require = createRequire(import.meta.url);

/** Top-level rules and at-rule blocks, comments removed, whitespace collapsed. */
function rules(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) {
        out.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
  }
  return out.map((rule) =>
    rule
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,:>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim(),
  );
}

// Tooltips, the scale and the attribution flag: the map uses none of them (its weight is budgeted).
const UNUSED =
  /url\(|leaflet-control-layers|leaflet-vml-shape|\.lvml|leaflet-default-icon-path|leaflet-oldie|leaflet-tooltip|leaflet-control-scale|leaflet-attribution-flag/;

function expected(): string {
  const source = readFileSync(require.resolve('leaflet/dist/leaflet.css'), 'utf8');
  return rules(source)
    .filter((rule) => !UNUSED.test(rule))
    .join('\n');
}

function render(): string {
  const version = (JSON.parse(readFileSync(require.resolve('leaflet/package.json'), 'utf8')) as { version: string }).version;
  return `// Leaflet ${version}'s leaflet.css (BSD-2-Clause, © Vladimir Agafonkin, © CloudMade), without the
// layers control, the default marker image, old IE rules, tooltips, the scale, the attribution
// flag and comments: nothing here loads a URL. Checked against node_modules by
// test/node/map-leaflet-css.test.ts (SDI_WRITE=1 rewrites it).
export const LEAFLET_CSS = ${JSON.stringify(expected())};
`;
}

if (process.env.SDI_WRITE) writeFileSync(new URL('../../src/map/leaflet-css.ts', import.meta.url), render());

test("the map's copy of Leaflet's CSS matches the installed Leaflet", () => {
  assert.equal(LEAFLET_CSS, expected(), 'run with SDI_WRITE=1 to rewrite src/map/leaflet-css.ts');
  assert.doesNotMatch(LEAFLET_CSS, /url\(/, 'no rule may load anything');
  assert.match(LEAFLET_CSS, /\.leaflet-pane/);
  assert.match(LEAFLET_CSS, /\.leaflet-popup-content-wrapper/);
});
