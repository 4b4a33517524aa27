/**
 * The facet half of the filter index: what the criteria other than the text search test, one
 * flat array per field, built once per dataset one event at a time (see event-index.ts).
 */
import { ACCESSIBILITY_KEYS } from './filter-state.js';
import { fold } from '../geo/fold.js';
import type { SdiEvent } from '../model/types.js';
import { localDayNumber } from '../time/local-day.js';

/**
 * @internal What the criteria test, one flat array per field, position i for event i. Events
 * parsed from JSON come in many object shapes (optional fields present or not), which makes
 * `event.location.regionCode` a slow megamorphic read; arrays of strings and numbers are not.
 */
export interface Facets {
  region: string[];
  department: string[];
  postcode: string[];
  /** Folded city ('' when unknown). */
  city: string[];
  /** ATTENDANCE_BIT of the event's attendance. */
  attendance: Uint8Array;
  /** One bit per accessibility, in ACCESSIBILITY_KEYS order. */
  access: Uint8Array;
  types: (readonly number[])[];
  audiences: (readonly number[])[];
  /** Local days of each slot as yyyymmdd numbers, in pairs (first day, last day), in the event's zone. */
  days: Int32Array[];
}

// Bits so that "onsite" keeps on-site and mixed events with one AND: mixed has both bits.
export const ATTENDANCE_BIT = { onsite: 1, online: 2, mixed: 3 } as const;

/** Work that yields after each unit (an event), so that it can be run a slice at a time. */
export type Steps<T> = Generator<undefined, T, undefined>;

export function* facetSteps(events: readonly SdiEvent[]): Steps<Facets> {
  const n = events.length;
  const facets: Facets = {
    region: new Array<string>(n),
    department: new Array<string>(n),
    postcode: new Array<string>(n),
    city: new Array<string>(n),
    attendance: new Uint8Array(n),
    access: new Uint8Array(n),
    types: new Array<number[]>(n),
    audiences: new Array<number[]>(n),
    days: new Array<Int32Array>(n),
  };
  for (let i = 0; i < n; i++) {
    indexFacets(events[i] as SdiEvent, i, facets);
    yield;
  }
  return facets;
}

// A few thousand distinct cities for 8,000 events: folding each once saves most of the cost.
const foldedCities = new Map<string, string>();
function foldCity(city: string): string {
  let folded = foldedCities.get(city);
  if (folded === undefined) {
    folded = fold(city);
    if (foldedCities.size > 50_000) foldedCities.clear();
    foldedCities.set(city, folded);
  }
  return folded;
}

function indexFacets(event: SdiEvent, i: number, f: Facets): void {
  const location = event.location;
  f.region[i] = location?.regionCode ?? '';
  f.department[i] = location?.departmentCode?.toUpperCase() ?? '';
  f.postcode[i] = location?.postalCode ?? '';
  f.city[i] = location?.city ? foldCity(location.city) : '';
  f.attendance[i] = ATTENDANCE_BIT[event.attendance] ?? 0;
  let access = 0;
  ACCESSIBILITY_KEYS.forEach((key, bit) => {
    if (event.accessibility?.[key] === true) access |= 1 << bit;
  });
  f.access[i] = access;
  f.types[i] = event.types ?? [];
  f.audiences[i] = event.audiences ?? [];
  f.days[i] = slotDays(event);
}

function slotDays(event: SdiEvent): Int32Array {
  const days = new Int32Array(event.timings.length * 2);
  event.timings.forEach((timing, i) => {
    days[2 * i] = localDayNumber(timing.begin, event.timezone);
    // A slot ending at 00:00 does not take place on the day that starts then.
    days[2 * i + 1] = localDayNumber(Math.max(timing.begin, timing.end - 1), event.timezone);
  });
  return days;
}
