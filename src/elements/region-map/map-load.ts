/**
 * What the map reads from the store for a set of filters: the points file when no filter beyond
 * geography is set (one small request, no event texts), the filtered events otherwise; and, beside
 * them, what the source says of its edition, for the caption. Also the one event a popup needs.
 */
import type { ProgrammeRead } from './edition-caption.js';
import { programmeFactsOf } from '../../editions/programme-facts.js';
import { NO_REGION } from '../../feed/snapshot-format.js';
import { sourceKey, type SourceConfig } from '../../feed/source.js';
import { cleanFilters, filterEvents, isEmptyFilter } from '../../filters/apply.js';
import { filtersFromAttributes, type FilterProblem } from '../../filters/attributes.js';
import type { FilterState } from '../../filters/filter-state.js';
import { departmentOf } from '../../geo/admin.js';
import type { MapPoint } from '../../map/clusters.js';
import { fromEvents, fromPoints, type MapData } from '../../map/map-data.js';
import type { SdiEvent } from '../../model/types.js';
import type { FeedStore } from '../../store/feed-store.js';
import { indexOf } from './event-indexes.js';

export interface MapLoadInputs {
  store: FeedStore;
  source: SourceConfig;
  signal: AbortSignal;
  /** Set by other widgets of the group: they replace the attribute filters. */
  groupFilters: FilterState | undefined;
  /** Department and dates from the attributes. */
  baseFilters: FilterState;
  type: string | undefined;
  audience: string | undefined;
  /** The `type` and `audience` attributes as read against the schema: the element reports them. */
  choiceProblems: (problems: readonly FilterProblem[]) => void;
}

export interface MapLoaded {
  data: MapData;
  /** The filters behind the data, region excluded. */
  filters: FilterState;
  /** The events behind the data, when they were loaded (filtered mode): popups need no request. */
  eventsByUid: Map<number, SdiEvent> | undefined;
  stale: boolean;
  programme: ProgrammeRead | undefined;
}

async function filtersOf(inputs: MapLoadInputs): Promise<FilterState> {
  if (inputs.groupFilters) return inputs.groupFilters;
  const { type, audience } = inputs;
  if (!type?.trim() && !audience?.trim()) return inputs.baseFilters;
  // Labels ("Visite d'entreprise") are resolved against the edition's schema.
  const { schema } = await inputs.store.summary(inputs.source, inputs.signal);
  const choices = filtersFromAttributes({ type, audience }, schema);
  inputs.choiceProblems(choices.problems);
  return cleanFilters({ ...inputs.baseFilters, ...choices.filters });
}

export async function loadMap(inputs: MapLoadInputs): Promise<MapLoaded> {
  const { store, source, signal } = inputs;
  // The index, already read for the points (a snapshot), or the live count, beside the events.
  const programme = store.summary(source, signal).then(
    (summary): ProgrammeRead => ({ facts: programmeFactsOf(summary), source: sourceKey(source) }),
    () => undefined,
  );
  const filters = await filtersOf(inputs);
  if (isEmptyFilter(filters)) {
    const points = await store.points(source, signal);
    return { data: fromPoints(points), filters, eventsByUid: undefined, stale: points.stale, programme: await programme };
  }
  // A department lives in one region: its region's file is enough.
  const department = departmentOf(filters.department);
  const data = await store.events(source, department ? { region: department.regionCode } : {}, signal);
  const kept = filterEvents(indexOf(data.events), filters);
  return {
    data: fromEvents(kept),
    filters,
    eventsByUid: new Map(kept.map((event) => [event.uid, event])),
    stale: data.stale,
    programme: await programme,
  };
}

/** Details of one event for its popup: from the loaded events, else from its region's file. */
export async function eventOf(
  point: MapPoint,
  known: Map<number, SdiEvent> | undefined,
  store: FeedStore,
  source: SourceConfig | undefined,
  signal: AbortSignal | undefined,
): Promise<SdiEvent | undefined> {
  const found = known?.get(point.uid);
  if (found) return found;
  if (!source) return undefined;
  const region = point.region !== NO_REGION ? point.region : undefined;
  const data = await store.events(source, region ? { region } : {}, signal);
  return data.events.find((event) => event.uid === point.uid);
}
