/**
 * The folders of src/ form layers (docs/CONTRIBUTING.md, "Layers"): a folder imports only from
 * folders of a lower layer, so the folder graph has no cycle and feed → model → store → elements
 * reads from the tree. Imports are found with a regex on the relative specifiers (`from '…'`,
 * `import '…'`, `import('…')`), type-only imports included: a type still ties two folders.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Each top-level folder of src/ and its layer: a folder may import from lower layers only. */
export const LAYERS: Readonly<Record<string, number>> = {
  geo: 0,
  time: 0,
  model: 1,
  security: 2,
  i18n: 2,
  editions: 2,
  feed: 3,
  filters: 3,
  list: 3,
  formats: 3,
  content: 3,
  store: 4,
  map: 4,
  controllers: 5,
  elements: 6,
  react: 7,
  node: 7,
};

/**
 * Edges that break the layering today, each to be removed by the work named beside it. Listed so
 * that the rule holds for everything else now; the test fails when one of them is gone, so the
 * list only shrinks.
 */
const PENDING: readonly (readonly [string, string, string])[] = [];

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ holding `path`, or undefined for files at src/'s root. */
function folderOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

/** Folder → folders it imports from, with one example file per edge for the messages. */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const specifier = match[1];
      if (!specifier) continue;
      const to = folderOf(resolve(dirname(file), specifier));
      if (to && to !== from && !edges.has(to)) edges.set(to, `${relative(SRC, file)} imports ${specifier}`);
    }
  }
  return graph;
}

/** A cycle of folders as a path (first = last), or undefined. */
function findCycle(graph: Map<string, Map<string, string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    if (state.get(node) === 'done') return undefined;
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const isPending = (from: string, to: string): boolean => PENDING.some(([a, b]) => a === from && b === to);

describe('layers of src/', () => {
  const graph = folderGraph();

  it('names every top-level folder in a layer', () => {
    const unknown = [...graph.keys()].filter((folder) => LAYERS[folder] === undefined);
    assert.deepEqual(unknown, [], `give these folders a layer in LAYERS and docs/CONTRIBUTING.md: ${unknown.join(', ')}`);
  });

  it('has no import from a folder to one of its own or a higher layer', () => {
    const wrong: string[] = [];
    for (const [from, edges] of graph) {
      for (const [to, example] of edges) {
        const a = LAYERS[from];
        const b = LAYERS[to];
        if (a !== undefined && b !== undefined && b >= a && !isPending(from, to)) wrong.push(`${from} → ${to} (${example})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has no cycle between folders', () => {
    const withoutPending = new Map(
      [...graph].map(([from, edges]) => [from, new Map([...edges].filter(([to]) => !isPending(from, to)))]),
    );
    const cycle = findCycle(withoutPending);
    assert.equal(cycle, undefined, `import cycle between folders: ${cycle?.join(' → ')}`);
  });

  it('still needs every pending exception (drop the ones that are fixed)', () => {
    const fixed = PENDING.filter(([from, to]) => !graph.get(from)?.has(to)).map(([from, to, why]) => `${from} → ${to}: ${why}`);
    assert.deepEqual(fixed, []);
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['filters', new Map([['list', 'x']])],
      ['list', new Map([['filters', 'y']])],
    ]);
    assert.deepEqual(findCycle(looped), ['filters', 'list', 'filters']);
  });
});
