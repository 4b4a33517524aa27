/**
 * How the list's filter state changes, as pure functions: what a control, a quick date button, the
 * clear button or another widget of the group does to it.
 */
import { cleanFilters } from '../../filters/apply.js';
import type { FilterState } from '../../filters/filter-state.js';
import type { FilterChangeDetail } from '../../controllers/events.js';
import { departmentOf } from '../../geo/admin.js';

export type FilterKeys = (keyof FilterState)[];

export function setKey<K extends keyof FilterState>(state: FilterState, key: K, value: FilterState[K] | undefined): void {
  if (value === undefined) delete state[key];
  else state[key] = value;
}

/** `state` with `keys` taken from `patch` (a key absent from the patch is removed). */
export function withKeys(state: FilterState, patch: FilterState, keys: readonly (keyof FilterState)[]): FilterState {
  const next: FilterState = { ...state };
  for (const key of keys) setKey(next, key, patch[key]);
  return cleanFilters(next);
}

/** The keys whose values differ, in canonical form. */
export function changedKeys(a: FilterState, b: FilterState): FilterKeys {
  const x = cleanFilters(a);
  const y = cleanFilters(b);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)] as FilterKeys);
  return [...keys].filter((key) => JSON.stringify(x[key]) !== JSON.stringify(y[key]));
}

/** A quick range pressed: applied, or removed when it is the range already applied. */
export function toggledRange(state: FilterState, range: { from: string; to: string }): FilterState {
  const pressed = state.from === range.from && state.to === range.to;
  return withKeys(state, pressed ? {} : range, ['from', 'to']);
}

/**
 * Another widget's change: only the keys it changed (the map knows nothing of the list's text
 * search), and a department left outside a newly chosen region is dropped rather than leaving
 * the list empty for no visible reason. A key it cleared goes back to `floor` (the receiver's
 * partner presets), never wider.
 */
export function withGroupChange(state: FilterState, detail: FilterChangeDetail, floor: FilterState = {}): FilterState {
  const next = withKeys(state, { ...floor, ...cleanFilters(detail.filters) }, detail.changed);
  const department = departmentOf(next.department);
  if (next.region && department && department.regionCode !== next.region && !detail.changed.includes('department')) {
    delete next.department;
  }
  return next;
}
