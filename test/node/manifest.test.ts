/**
 * The Custom Elements Manifest against the sources: every attribute the elements really observe
 * (their lit `@property` declarations, read with the TypeScript compiler API, plus any
 * `observedAttributes` they add), every event they fire and every CSS part their templates set
 * is in the manifest, with a description; nothing documented is missing from the code; and the
 * README's elements table is the one generated from it. The manifest is analysed here, in
 * memory, so the test needs no build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { EVENT_OPEN, FILTER_CHANGE } from '../../src/controllers/events.js';
import {
  analyzeManifest,
  elementsOf,
  END,
  README,
  renderElementsBlock,
  ROOT,
  START,
  withElementsBlock,
  type Described,
  type Manifest,
  type ManifestClass,
} from '../../scripts/manifest-readme.js';

const ELEMENTS_DIR = join(ROOT, 'src/elements');

interface SourceElement {
  folder: string;
  tag: string;
  className: string;
  /** Attribute → property, as lit observes them. */
  attributes: Map<string, string>;
  /** Parts set in the folder's templates (or by setAttribute('part', …)). */
  parts: Set<string>;
  /** Functions of src/controllers/events.ts (or GroupLink methods) the folder calls: they fire the DOM events. */
  announces: Set<string>;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function text(node: ts.Node): string | undefined {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** The attributes lit observes for a class: `@property()` fields and `static properties`. */
function litAttributes(klass: ts.ClassDeclaration): Map<string, string> {
  const attributes = new Map<string, string>();
  const add = (property: string, options: ts.Expression | undefined) => {
    let attribute: string | false = property.toLowerCase();
    if (options && ts.isObjectLiteralExpression(options)) {
      for (const option of options.properties) {
        if (!ts.isPropertyAssignment(option) || option.name.getText() !== 'attribute') continue;
        if (option.initializer.kind === ts.SyntaxKind.FalseKeyword) attribute = false;
        else attribute = text(option.initializer) ?? attribute;
      }
    }
    if (attribute !== false) attributes.set(attribute, property);
  };
  for (const member of klass.members) {
    const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
    if (!name) continue;
    for (const decorator of (ts.canHaveDecorators(member) && ts.getDecorators(member)) || []) {
      const call = decorator.expression;
      if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'property') {
        add(name, call.arguments[0]);
      }
    }
    const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (
      isStatic &&
      name === 'properties' &&
      ts.isPropertyDeclaration(member) &&
      member.initializer &&
      ts.isObjectLiteralExpression(member.initializer)
    ) {
      for (const entry of member.initializer.properties) {
        if (ts.isPropertyAssignment(entry)) add(entry.name.getText().replace(/^['"]|['"]$/g, ''), entry.initializer);
      }
    }
    // `static get observedAttributes()` returning `[...super.observedAttributes, 'lang']`.
    if (isStatic && name === 'observedAttributes' && ts.isGetAccessorDeclaration(member)) {
      walk(member, (node) => {
        if (ts.isArrayLiteralExpression(node)) {
          for (const item of node.elements) {
            const value = text(item);
            if (value) attributes.set(value, '(observedAttributes)');
          }
        }
      });
    }
  }
  return attributes;
}

/** Strings an expression inside `part="…${…}"` can produce: the branches of conditionals. */
function branchStrings(node: ts.Expression): string[] {
  const value = text(node);
  if (value !== undefined) return [value];
  if (ts.isParenthesizedExpression(node)) return branchStrings(node.expression);
  if (ts.isConditionalExpression(node)) return [...branchStrings(node.whenTrue), ...branchStrings(node.whenFalse)];
  assert.fail(`a part name is computed in a way this test cannot read: ${node.getText()}`);
}

/** Part names set in a file: `part="a b${c ? ' d' : ''}"` in templates, setAttribute('part', 'x'). */
function partsOf(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const collect = (pieces: (string | ts.Expression)[]) => {
    let inside: string | undefined;
    for (const piece of pieces) {
      if (typeof piece !== 'string') {
        if (inside !== undefined) inside += ` ${branchStrings(piece).join(' ')} `;
        continue;
      }
      let rest = piece;
      for (;;) {
        if (inside === undefined) {
          const open = rest.search(/\bpart="/);
          if (open === -1) break;
          rest = rest.slice(open + 'part="'.length);
          inside = '';
        }
        const close = rest.indexOf('"');
        if (close === -1) {
          inside += rest;
          break;
        }
        found.push(...(inside + rest.slice(0, close)).split(/\s+/).filter(Boolean));
        inside = undefined;
        rest = rest.slice(close + 1);
      }
    }
  };
  walk(file, (node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node)) {
      collect([node.text]);
    } else if (ts.isTemplateExpression(node)) {
      collect([node.head.text, ...node.templateSpans.flatMap((span) => [span.expression, span.literal.text])]);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'setAttribute' &&
      node.arguments.length === 2 &&
      text(node.arguments[0]!) === 'part'
    ) {
      found.push(...(text(node.arguments[1]!) ?? '').split(/\s+/).filter(Boolean));
    }
  });
  return found;
}

/** GroupLink's methods (src/controllers/group-link.ts), by the event function each calls. */
const GROUP_LINK_CALLS: Record<string, string> = { publish: 'announceFilters', opened: 'announceOpen' };

function calledFunctions(file: ts.SourceFile): string[] {
  const names: string[] = [];
  walk(file, (node) => {
    if (!ts.isCallExpression(node)) return;
    if (ts.isIdentifier(node.expression)) names.push(node.expression.text);
    // `this.link.publish(…)`, `this.options.group.publish(…)`: a GroupLink announcing.
    else if (ts.isPropertyAccessExpression(node.expression) && GROUP_LINK_CALLS[node.expression.name.text]) {
      const target = node.expression.expression.getText();
      if (/\b(link|group)$/.test(target)) names.push(GROUP_LINK_CALLS[node.expression.name.text]!);
    }
  });
  return names;
}

/** The Leaflet adapter (src/map) sets the map's popup parts: its files count as the map's templates. */
const VIEW_FILES: Record<string, string[]> = { 'region-map': ['src/map/popup.ts', 'src/map/map-view.ts'] };

/** The shared base classes an element may extend (src/elements/shared): their attributes are the element's. */
function baseClasses(): Map<string, ts.ClassDeclaration> {
  const bases = new Map<string, ts.ClassDeclaration>();
  const dir = join(ELEMENTS_DIR, 'shared');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => parse(join(dir, f)))) {
    walk(file, (node) => {
      if (ts.isClassDeclaration(node) && node.name) bases.set(node.name.text, node);
    });
  }
  return bases;
}

/** The attributes of a class and of the shared classes it extends. */
function inheritedAttributes(klass: ts.ClassDeclaration, bases: Map<string, ts.ClassDeclaration>): Map<string, string> {
  const attributes = litAttributes(klass);
  const parent = klass.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText();
  const base = parent ? bases.get(parent) : undefined;
  if (!base) return attributes;
  return new Map([...inheritedAttributes(base, bases), ...attributes]);
}

function readSourceElements(): SourceElement[] {
  const out: SourceElement[] = [];
  const bases = baseClasses();
  for (const folder of readdirSync(ELEMENTS_DIR).sort()) {
    if (folder === 'shared') continue;
    const dir = join(ELEMENTS_DIR, folder);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => parse(join(dir, f)));
    const views = (VIEW_FILES[folder] ?? []).map((f) => parse(join(ROOT, f)));
    // define.ts: defineElement('sdi-x', SdiX)
    let tag: string | undefined;
    let className: string | undefined;
    walk(
      files.find((f) => f.fileName.endsWith('/define.ts'))!,
      (node) => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineElement') {
          tag = text(node.arguments[0]!);
          className = node.arguments[1]?.getText();
        }
      },
    );
    assert.ok(tag && className, `${folder}/define.ts registers its element with defineElement(tag, Class)`);
    let klass: ts.ClassDeclaration | undefined;
    for (const file of files) {
      walk(file, (node) => {
        if (ts.isClassDeclaration(node) && node.name?.text === className) klass = node;
      });
    }
    assert.ok(klass, `class ${className} found in src/elements/${folder}`);
    out.push({
      folder,
      tag,
      className,
      attributes: inheritedAttributes(klass, bases),
      parts: new Set([...files, ...views].flatMap(partsOf)),
      announces: new Set(files.flatMap(calledFunctions).filter((n) => n === 'announceFilters' || n === 'announceOpen')),
    });
  }
  return out;
}

/** Names a part's description lists as variants, e.g. "Every button (also: clear, retry)". */
function alsoNames(part: Described): string[] {
  const match = /\(also: ([^)]*)\)/.exec(part.description ?? '');
  return match
    ? match[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function described(items: readonly Described[] | undefined, what: string, tag: string): void {
  for (const item of items ?? []) {
    assert.ok(item.description?.trim(), `<${tag}> ${what} "${item.name}" has a description in the JSDoc`);
  }
}

describe('custom elements manifest', () => {
  let manifest: Manifest;
  let sources: SourceElement[];
  const element = (tag: string): ManifestClass => {
    const found = elementsOf(manifest).find((e) => e.tagName === tag);
    assert.ok(found, `the manifest has <${tag}>`);
    return found;
  };

  before(async () => {
    manifest = await analyzeManifest();
    sources = readSourceElements();
  });

  test('lists the four elements, by tag name, with their classes', () => {
    assert.deepEqual(sources.map((s) => s.tag).sort(), [
      'sdi-countdown',
      'sdi-edition-banner',
      'sdi-event-list',
      'sdi-region-map',
    ]);
    assert.deepEqual(
      elementsOf(manifest)
        .map((e) => e.tagName)
        .sort(),
      sources.map((s) => s.tag).sort(),
    );
    for (const source of sources) {
      const el = element(source.tag);
      assert.equal(el.name, source.className);
      assert.ok((el.summary ?? el.description)?.trim(), `<${source.tag}> has a summary or a description`);
    }
  });

  test('every attribute an element observes is in the manifest, and nothing else', () => {
    for (const source of sources) {
      const documented = new Set((element(source.tag).attributes ?? []).map((a) => a.name));
      const observed = [...source.attributes.keys()];
      assert.deepEqual(
        observed.filter((a) => !documented.has(a)),
        [],
        `<${source.tag}>: attributes observed by the class but missing from the manifest (add @attr to its JSDoc)`,
      );
      assert.deepEqual(
        [...documented].filter((a) => !source.attributes.has(a)),
        [],
        `<${source.tag}>: attributes in the manifest that the class does not observe`,
      );
    }
  });

  test('attributes, properties, events, CSS parts and custom properties are all described', () => {
    for (const el of elementsOf(manifest)) {
      const tag = el.tagName!;
      assert.ok(el.attributes?.length, `<${tag}> has attributes`);
      assert.ok(el.cssParts?.length, `<${tag}> has CSS parts`);
      assert.ok(el.cssProperties?.length, `<${tag}> has CSS custom properties`);
      described(el.attributes, 'attribute', tag);
      described(el.events, 'event', tag);
      described(el.cssParts, 'CSS part', tag);
      described(el.cssProperties, 'CSS custom property', tag);
      const publicMembers = (el.members ?? []).filter((m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected');
      described(publicMembers, 'public property or method', tag);
    }
  });

  test('the events an element fires are in the manifest, with their detail types', () => {
    const fired: Record<string, string> = { announceFilters: FILTER_CHANGE, announceOpen: EVENT_OPEN };
    for (const source of sources) {
      const events = element(source.tag).events ?? [];
      const expected = [...source.announces].map((fn) => fired[fn]!).sort();
      assert.deepEqual(events.map((e) => e.name).sort(), expected, `<${source.tag}> events`);
      for (const event of events) assert.match(event.type?.text ?? '', /^CustomEvent<\w+Detail>$/);
    }
  });

  test("every CSS part set in an element's templates is documented", () => {
    for (const source of sources) {
      const parts = element(source.tag).cssParts ?? [];
      const known = new Set(parts.flatMap((p) => [p.name, ...alsoNames(p)]));
      assert.deepEqual(
        [...source.parts].filter((p) => !known.has(p)).sort(),
        [],
        `<${source.tag}>: parts set in src/elements/${source.folder} but not documented with @csspart`,
      );
      assert.deepEqual(
        parts.map((p) => p.name).filter((p) => !source.parts.has(p)),
        [],
        `<${source.tag}>: documented parts that no template sets`,
      );
    }
  });

  test('module paths point at the shipped npm build, and each define module names its tag', () => {
    for (const module of manifest.modules) assert.match(module.path, /^dist\/npm\/.+\.js$/);
    for (const source of sources) {
      const define = manifest.modules.find((m) => m.path === `dist/npm/elements/${source.folder}/define.js`);
      assert.ok(define, `${source.folder}/define.js is in the manifest`);
      const definition = define.exports?.find((e) => e.kind === 'custom-element-definition');
      assert.equal(definition?.name, source.tag);
      assert.equal(definition?.declaration.name, source.className);
    }
  });

  test('the README elements table is the one generated from the manifest', () => {
    const readme = readFileSync(README, 'utf8');
    const block = renderElementsBlock(manifest);
    const current = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    assert.equal(current, block, 'README.md is out of date: run `npm run docs:elements`');
    assert.equal(withElementsBlock(readme, block), readme);
  });
});
