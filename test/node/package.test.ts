/**
 * The npm package as users install it (scripts/pack-check.ts does the work): the tarball holds
 * what users need and nothing of the demo or the sources; installed into an empty app, every
 * `exports` entry resolves in Node and in TypeScript; in headless Chromium the script-tag loader
 * registers what the page uses, a bundler keeps the registering modules (`sideEffects`), shares
 * lit with the app, and the React wrappers render and forward events. Runs on a built tree
 * (`npm run build`; CI builds before testing) and is skipped, saying so, without one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  browserChecks,
  chromiumPath,
  cleanUp,
  cliCheck,
  exportTargets,
  install,
  missingBuild,
  nodeChecks,
  pack,
  publicTypesCheck,
  rootPackage,
  typeCheck,
  viteBuild,
  type Packed,
} from '../../scripts/pack-check.js';

const missing = missingBuild();
const skip = missing.length > 0 ? `no build to pack (run \`npm run build\` first; missing ${missing.join(', ')})` : false;
const chromium = chromiumPath();

describe('npm package', { skip, timeout: 180_000 }, () => {
  let packed: Packed;
  let project: string;

  before(() => {
    packed = pack();
    project = install(packed);
  });
  after(() => {
    if (packed) cleanUp(packed);
  });

  test('the tarball holds the builds, types, manifest, CLI and docs, and nothing else', () => {
    const files = packed.files;
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'docs/FRAMEWORKS.md',
      'docs/SNAPSHOT.md',
      'docs/ACCESSIBILITY.md',
      'docs/CMS.md',
      'docs/PUBLISHING.md',
      'docs/examples/publish-snapshot.sh',
      'bin/sdi-snapshot.js',
      'dist/sdi-widgets.js',
      'dist/sdi-widgets.css',
      'dist/define.js',
      'dist/index.js',
      'dist/sdi-event-list.js',
      'dist/npm/index.js',
      'dist/npm/react/index.js',
      'dist/types/index.d.ts',
      'dist/custom-elements.json',
      'dist/node/snapshot-cli.js',
    ]) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
    for (const target of exportTargets(rootPackage.exports)) {
      assert.ok(files.includes(target.replace(/^\.\//, '')), `exports target ${target} is in the tarball`);
    }
    const unexpected = files.filter(
      (f) =>
        !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|docs\/(ACCESSIBILITY|CMS|FRAMEWORKS|PUBLISHING|SNAPSHOT)\.md|docs\/examples\/[^/]+|bin\/[^/]+\.js|dist\/[^/]+\.js(\.map)?|dist\/sdi-widgets\.css|dist\/custom-elements\.json|dist\/node\/[^/]+\.js|dist\/npm\/.+\.js|dist\/types\/.+\.d\.ts)$/.test(
          f,
        ),
    );
    assert.deepEqual(unexpected, [], 'files outside the published layout (demo, snapshot data, sources, tests…)');
    // The sample snapshot alone is megabytes: a size guard catches it or any other stray data.
    assert.ok(packed.size < 1_500_000, `tarball ${packed.size} bytes`);
  });

  test('in Node, every exports entry resolves and imports from an app', () => {
    const result = nodeChecks(project) as {
      version: string;
      missing: string[];
      resolved: Record<string, string>;
      mainExports: string[];
      mainVersion: string;
      reactExports: string[];
      tags: string[];
      customElementsExists: boolean;
    };
    assert.deepEqual(result.missing, []);
    assert.equal(result.version, rootPackage.version);
    for (const [key, target] of Object.entries(rootPackage.exports)) {
      const file = typeof target === 'string' ? target : target.default!;
      assert.equal(result.resolved[key], file.replace(/^\.\//, ''), `import of ${key}`);
    }
    for (const name of ['SdiEditionBanner', 'SdiCountdown', 'SdiEventList', 'SdiRegionMap', 'configureWidgets', 'VERSION']) {
      assert.ok(result.mainExports.includes(name), `the main entry exports ${name}`);
    }
    assert.equal(result.mainVersion, rootPackage.version, 'VERSION is stamped from package.json');
    assert.deepEqual(result.reactExports, ['SdiCountdown', 'SdiEditionBanner', 'SdiEventList', 'SdiRegionMap']);
    assert.deepEqual(result.tags, ['sdi-countdown', 'sdi-edition-banner', 'sdi-event-list', 'sdi-region-map']);
    assert.ok(result.customElementsExists, 'package.json customElements points at the manifest');
  });

  test('the sdi-snapshot CLI runs from the installed package', () => {
    assert.match(cliCheck(project), /^Usage: sdi-snapshot/);
  });

  test('a TypeScript app compiles against the published types (tag names, React props)', () => {
    typeCheck(project);
  });

  test('the four tags and both events are typed through the main entry; internals are no React props', () => {
    publicTypesCheck(project);
  });

  test('a Vite build of an app using the elements prints no warning', () => {
    assert.equal(viteBuild(project), '');
  });

  test(
    'in Chromium: script tag, bundler side effects, one lit, React wrappers',
    { skip: chromium ? false : 'no Chromium (set CHROME_PATH, or apt-get install chromium)' },
    async () => {
      const result = await browserChecks(project, chromium!);
      // The loader registers the element on the page, and loads nothing for absent ones.
      assert.ok(result.scriptTag.defined);
      assert.equal(result.scriptTag.listLoaded, false);
      assert.match(result.scriptTag.text, /\b12\b/);
      assert.deepEqual(result.scriptTag.errors, []);
      // The main entry registers nothing; /define, kept by the bundler for its side effects, all four.
      assert.deepEqual(result.classes.registered, []);
      assert.ok(result.classes.sameLit, "the elements extend the app's own LitElement");
      assert.deepEqual(result.define.registered, ['sdi-edition-banner', 'sdi-countdown', 'sdi-event-list', 'sdi-region-map']);
      assert.equal(result.litCopies, 1, 'one copy of lit-html in the app bundle');
      // React: elements rendered, props set as properties, DOM events to on… props.
      assert.deepEqual(result.react.tags, ['sdi-edition-banner', 'sdi-event-list']);
      assert.match(result.react.bannerText, /\b12\b.*Voir/);
      assert.equal(result.react.numberProp, '12');
      assert.deepEqual(result.react.seen, [
        ['filter', 'g'],
        ['open', 7],
      ]);
    },
  );
});
