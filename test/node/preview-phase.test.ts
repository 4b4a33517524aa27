/**
 * The configurator's list preview must show cards in every phase (#13): after the week it includes
 * past events even when a few labelled events run later than today, or the editor choosing « Grille
 * de cartes » sees the edition's "over" state instead of a grid.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewIncludesPast, type SnapshotDays } from '../../demo/preview-phase.js';

const edition = { number: 15, year: 2026, start: '2026-11-16', end: '2026-11-22' };
const at = (iso: string): number => Date.parse(iso);

test('after the week, past events are in the preview even with a labelled event still ahead', () => {
  const days: SnapshotDays = { lastDay: '2026-12-12', days: ['2026-11-16', '2026-11-22', '2026-12-12'], total: 762, edition };
  assert.equal(previewIncludesPast(days, at('2026-12-07T10:00:00Z')), true);
});

test('before and during the week the preview is the partner’s list as it is', () => {
  const days: SnapshotDays = { lastDay: '2026-11-22', days: ['2026-11-16', '2026-11-22'], total: 762, edition };
  assert.equal(previewIncludesPast(days, at('2026-11-01T10:00:00Z')), false);
  assert.equal(previewIncludesPast(days, at('2026-11-18T10:00:00Z')), false);
});

test('every event over, whatever the edition record says: past events shown', () => {
  assert.equal(previewIncludesPast({ lastDay: '2023-03-09', days: ['2023-03-09'], total: 3 }, at('2026-12-07T10:00:00Z')), true);
});

test('an unreadable index leaves the preview as a partner’s list', () => {
  assert.equal(previewIncludesPast(undefined, at('2026-12-07T10:00:00Z')), false);
});
