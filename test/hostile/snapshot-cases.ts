/**
 * The hostile snapshot corpus (test/node/hostile-snapshot.test.ts): index file paths that try to
 * leave the snapshot's folder, damaged shard records, and an event with far too many slots. Built
 * in code: shard records are the builder's shape (docs/SNAPSHOT.md), not API records like the
 * JSON files beside this one.
 */
import { SNAPSHOT_FORMAT } from '../../src/feed/snapshot-format.js';

/**
 * File paths an index could name. Each resolves outside the snapshot's folder once the URL
 * parser has stripped tabs and newlines and read `\` as `/` (issue #11, item 4).
 */
export const hostileFilePaths: readonly string[] = [
  'https://evil.example/x.json',
  '//evil.example/x.json',
  '\\\\evil.example/x.json',
  '/\\evil.example/x.json',
  '\\/evil.example/x.json',
  ' //evil.example/x.json',
  '\t//evil.example/x.json',
  '\n//evil.example/x.json',
  'h\tttps://evil.example/x.json',
  'ht\ntps://evil.example/x.json',
  '/x.json',
  '../x.json',
  'events/../../x.json',
  '%2e%2e/x.json',
  'javascript:alert(1)',
  'data:application/json,{}',
  '',
];

/** The smallest index validateIndex accepts. */
export function wellFormedIndex(): Record<string, unknown> {
  return {
    format: SNAPSHOT_FORMAT,
    generatedAt: '2026-11-01T08:00:00Z',
    agenda: { uid: 1, slug: 'semaine-test' },
    schema: { types: [], audiences: [] },
    total: 3,
    skipped: 0,
    counts: { region: { '84': 3 }, department: {}, type: {}, audience: {}, attendance: {}, day: {} },
    files: {
      all: { path: 'events/all.json', count: 3, bytes: 10 },
      regions: { '84': { path: 'events/84.json', count: 3, bytes: 10 } },
      points: { path: 'points.json', count: 3, bytes: 10 },
      details: {},
    },
  };
}

const BEGIN = Date.parse('2026-11-17T08:00:00Z');
const slot = (i = 0) => ({ begin: BEGIN + i * 3_600_000, end: BEGIN + i * 3_600_000 + 1_800_000 });

function shardEvent(uid: unknown, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uid,
    slug: `e-${String(uid)}`,
    title: { fr: `Événement ${String(uid)}` },
    timings: [slot()],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    ...fields,
  };
}

/** Shard records as a damaged or hostile file could hold them (issue #11, item 12). */
export function damagedShardRecords(): unknown[] {
  return [
    // A non-string city made every search throw (`t.normalize is not a function`).
    shardEvent(9001, { location: { name: 'Usine', city: { fr: 'Lyon' }, postalCode: 69007, lat: 'x', lng: 4.8 } }),
    // Looked up in a plain object, "constructor" rendered "function Object() { [native code] }".
    shardEvent(9002, { status: 'constructor', attendance: '__proto__', keywords: ['ok', 7, { a: 1 }], types: [1, -2, 1.5, '3'] }),
    // Written into the JSON-LD and the calendar file as they were.
    shardEvent(9003, {
      attendance: 'mixed',
      onlineUrl: 'javascript:alert(1)',
      image: { url: 'java\tscript:alert(1)', thumbnail: 'https://ok.example/t.jpg' },
    }),
    shardEvent(9004, { timings: Array.from({ length: 50_000 }, (_, i) => slot(i)) }),
    shardEvent(9005, {
      title: { fr: 'Titre propre', en: 'Bidi \u202e override' },
      age: { min: 'x', max: 1e308 },
      updatedAt: 1e308,
    }),
    shardEvent('9006'),
    shardEvent(9007, { title: { fr: '\u202e' } }),
  ];
}

/** An API record with `count` slots (issue #11, item 9). */
export function manyTimings(count: number): Record<string, unknown> {
  const base = Date.parse('2026-11-16T08:00:00Z');
  return {
    uid: 4242,
    slug: 'mille-horaires',
    title: { fr: `${count} horaires` },
    timings: Array.from({ length: count }, (_, i) => ({
      begin: new Date(base + i * 60_000).toISOString(),
      end: new Date(base + i * 60_000 + 30_000).toISOString(),
    })),
  };
}
