/**
 * The list's filter state and everything that changes it: the partner's attributes (presets), the
 * page address (`sync-url`), the other widgets of the group, and the visitor's controls. Every
 * change goes through `commit`: the address and the group are told (unless the change came from
 * them), and the host hears of it to go back to its first page and announce the count.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroupLink } from '../../controllers/group-link.js';
import { activeFilterCount, cleanFilters, sameFilters } from '../../filters/apply.js';
import { filterProblemMessage, filtersFromAttributes, type FilterAttribute } from '../../filters/attributes.js';
import type { FilterState } from '../../filters/filter-state.js';
import { quickRange, type QuickRange } from '../../filters/quick-dates.js';
import { resolveEdition } from '../../editions/editions.js';
import { departmentOf } from '../../geo/admin.js';
import type { FeedSchema, Lang } from '../../model/types.js';
import type { AttributeProblems } from '../shared/attribute-problems.js';
import type { FilterChangeDetail } from '../../controllers/events.js';
import { changedKeys, setKey, toggledRange, withGroupChange, withKeys, type FilterKeys } from '../shared/filter-changes.js';
import type { TextKey } from './filter-controls.js';
import { UrlSync, urlMode, type HistoryWrite, type UrlStateModule } from './url-sync.js';

export const FILTER_ATTRIBUTES: readonly FilterAttribute[] = [
  'region',
  'department',
  'city',
  'type',
  'audience',
  'from',
  'to',
  'attendance',
  'accessibility',
  'q',
];

/**
 * The region whose smaller file is enough: a visitor who picks another region (or department)
 * changes it, and the list reads that region's shard (~75 KB gzip) then; the national file
 * (1.35 MB) only for "all", or when a group or the address (`linked`) may widen the filters.
 */
export function shardRegion(filters: FilterState, linked: boolean): string | undefined {
  if (linked) return undefined;
  return filters.region ?? departmentOf(filters.department)?.regionCode;
}

/** The filter attributes' values on the element. */
export function presetsOf(el: Partial<Record<FilterAttribute, string | undefined>>): Record<FilterAttribute, string | undefined> {
  return Object.fromEntries(FILTER_ATTRIBUTES.map((a) => [a, el[a]])) as Record<FilterAttribute, string | undefined>;
}

/** Which keys of the state an attribute presets. */
const STATE_KEYS: Record<FilterAttribute, (keyof FilterState)[]> = {
  region: ['region'],
  department: ['department'],
  city: ['city'],
  type: ['types'],
  audience: ['audiences'],
  from: ['from', 'to'],
  to: ['from', 'to'],
  attendance: ['attendance'],
  accessibility: ['accessibility'],
  q: ['q'],
};

const TEXT_DEBOUNCE_MS = 150;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The quick date buttons' ranges at `now` (none for a button with no range then). */
export function quickRanges(now: number): Partial<Record<QuickRange, { from: string; to: string }>> {
  const edition = resolveEdition(now);
  const out: Partial<Record<QuickRange, { from: string; to: string }>> = {};
  for (const kind of ['today', 'week', 'edition'] as const) {
    const range = quickRange(kind, now, edition);
    if (range) out[kind] = range;
  }
  return out;
}

export interface ListFiltersOptions {
  /** The filter attributes' values. */
  presets: () => Record<FilterAttribute, string | undefined>;
  schema: () => FeedSchema | undefined;
  lang: () => Lang;
  problems: AttributeProblems;
  /** The `sync-url` attribute. */
  syncUrl: () => string | null | undefined;
  group: GroupLink;
  /** Fetches the address sync's chunk. */
  loadUrlState: () => Promise<UrlStateModule>;
  /** The filters changed: `committed` for a change by the visitor, the address or the group. */
  changed: (committed: boolean) => void;
}

interface CommitHow {
  history?: HistoryWrite;
  announce: boolean;
  resetDrafts: boolean;
}

export class ListFilters implements ReactiveController {
  /** The filters in force, in canonical form. */
  current: FilterState = {};
  /** What the text fields show, ahead of the debounced filter. */
  drafts: Record<TextKey, string> = { q: '', city: '' };
  /** The first read of the address waits for its code: the list shows its skeleton meanwhile. */
  awaitingUrl = false;
  /**
   * The partner's presets: the floor of every reset. Clearing, Back to an address without the
   * list's keys, and another widget of the group clearing a key return there, never wider.
   */
  private floor: FilterState = {};
  private readonly url: UrlSync;
  /** Keys set by the visitor, the address or the group: a late schema must not overwrite them. */
  private readonly touched = new Set<keyof FilterState>();
  private initialised = false;
  private textTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListFiltersOptions,
  ) {
    host.addController(this);
    this.url = new UrlSync(host, {
      mode: () => urlMode(options.syncUrl()),
      apply: (filters) => {
        // The address holds what the visitor changed; a key it lacks is back at the partner's preset.
        const next = { ...this.floor, ...filters };
        this.commit(next, changedKeys(this.current, next), { announce: true, resetDrafts: true });
      },
      load: () => options.loadUrlState(),
      arrived: () => this.urlArrived(),
      group: () => options.group.group,
    });
  }

  /** Another list of the page keeps the address: this one's `sync-url` is refused. */
  get urlRefused(): boolean {
    return this.url.refused;
  }

  /** A refused `sync-url` is said in the widget (and once in the console), in `message`. */
  reportRefusal(message: string): void {
    if (this.url.refused) this.options.problems.report({ attribute: 'sync-url', value: this.options.syncUrl() ?? '', message });
    else this.options.problems.clear('sync-url');
  }

  /** `sync-url` or `group` changed. */
  syncUrl(): void {
    this.url.sync();
  }

  /**
   * Filters from attributes. At first, they are the state (unless the address says otherwise);
   * later, an attribute changed by the page's script overrides its keys; the schema arriving
   * resolves type and audience labels, for keys nobody has touched yet.
   */
  applyPresets(changedAttributes: readonly FilterAttribute[], schemaArrived: boolean): void {
    const schema = this.options.schema();
    const attributes = this.options.presets();
    const { filters: preset, problems } = filtersFromAttributes(
      {
        ...Object.fromEntries(FILTER_ATTRIBUTES.map((a) => [a, attributes[a] ?? null])),
        // Labels can only be checked against the schema: wait for it rather than report them as unknown.
        type: schema ? (attributes.type ?? null) : null,
        audience: schema ? (attributes.audience ?? null) : null,
      },
      schema,
    );
    this.floor = cleanFilters(preset);
    const lang = this.options.lang();
    for (const attribute of FILTER_ATTRIBUTES) this.options.problems.clear(attribute);
    for (const problem of problems) {
      this.options.problems.report({
        attribute: problem.attribute,
        value: problem.value,
        message: filterProblemMessage(problem, lang),
      });
    }
    let next: FilterState;
    if (!this.initialised) {
      this.initialised = true;
      next = { ...preset, ...this.takeUrl() };
    } else {
      next = { ...this.current };
      const keys = new Set(changedAttributes.flatMap((a) => STATE_KEYS[a]));
      if (schemaArrived) for (const key of ['types', 'audiences'] as const) if (!this.touched.has(key)) keys.add(key);
      for (const key of keys) {
        if (!schemaArrived || changedAttributes.length > 0) this.touched.delete(key);
        setKey(next, key, preset[key]);
      }
    }
    this.replace(next);
  }

  /** The state replaced without telling anyone (presets, the address read late). */
  private replace(filters: FilterState): void {
    const next = cleanFilters(filters);
    if (sameFilters(next, this.current)) return;
    this.current = next;
    this.drafts = { q: next.q ?? '', city: next.city ?? '' };
    this.options.changed(false);
    this.host.requestUpdate();
  }

  /** The filters of the address at start; none yet while its code is on its way (see urlArrived). */
  private takeUrl(): FilterState {
    const fromUrl = this.url.read();
    this.awaitingUrl = fromUrl === undefined && this.url.pending;
    for (const key of Object.keys(fromUrl ?? {}) as (keyof FilterState)[]) this.touched.add(key);
    return fromUrl ?? {};
  }

  private urlArrived(): void {
    // The address wins over the presets, as when it is read at once.
    if (this.awaitingUrl) this.replace({ ...this.current, ...this.takeUrl() });
    this.host.requestUpdate();
  }

  /**
   * Every change of filters goes through here: the address and the other widgets are told
   * (unless the change came from them), and the host hears of it.
   */
  private commit(next: FilterState, changed: FilterKeys, how: CommitHow): void {
    const clean = cleanFilters(next);
    if (sameFilters(clean, this.current)) return;
    this.current = clean;
    if (how.resetDrafts) {
      clearTimeout(this.textTimer);
      this.drafts = { q: clean.q ?? '', city: clean.city ?? '' };
    }
    for (const key of changed) this.touched.add(key);
    if (how.history) this.url.write(clean, how.history);
    if (how.announce) this.options.group.publish(cleanFilters(clean), changed);
    this.options.changed(true);
    this.host.requestUpdate();
  }

  /** Replaces the filters, as a visitor would (announced, written to the address). */
  set(filters: FilterState): void {
    this.commit(filters, changedKeys(this.current, filters), { history: 'push', announce: true, resetDrafts: true });
  }

  /** A control changed the `changed` keys. */
  readonly change = (patch: FilterState, changed: FilterKeys): void => {
    this.commit(withKeys(this.current, patch, changed), changed, { history: 'push', announce: true, resetDrafts: false });
  };

  /** Typing in a text field: the filter follows once the visitor pauses (or at once on Enter). */
  readonly type = (key: TextKey, value: string, now: boolean): void => {
    this.drafts = { ...this.drafts, [key]: value };
    this.host.requestUpdate();
    clearTimeout(this.textTimer);
    const commit = () =>
      // One history entry per search, not one per letter typed.
      this.commit(withKeys(this.current, { [key]: value }, [key]), [key], {
        history: 'replace',
        announce: true,
        resetDrafts: false,
      });
    if (now) commit();
    else this.textTimer = setTimeout(commit, TEXT_DEBOUNCE_MS);
  };

  /** A quick range pressed: applied, or removed when it is the range in force. */
  toggleRange(range: { from: string; to: string }): void {
    this.commit(toggledRange(this.current, range), ['from', 'to'], { history: 'push', announce: true, resetDrafts: false });
  }

  /** Filters in force among `keys` (the folded filters' summary says how many). */
  count(keys: FilterKeys): number {
    return activeFilterCount(withKeys({}, this.current, keys));
  }

  /** The visitor's own filters among `keys`: what « Effacer les filtres » would undo. */
  ownCount(keys: FilterKeys): number {
    const own = keys.filter((key) => !sameValue(this.current[key], this.floor[key]));
    // A key widened past its preset (all regions on a region list) counts too: clearing restores it.
    return activeFilterCount(withKeys({}, { ...this.floor, ...this.current }, own));
  }

  /** Returns the `keys` the visitor can change to the partner's presets. */
  clear(keys: FilterKeys): void {
    const changed = keys.filter((key) => !sameValue(this.current[key], this.floor[key]));
    this.commit(withKeys(this.current, this.floor, changed), changed, { history: 'push', announce: true, resetDrafts: true });
  }

  /** Another widget of the group changed some filters: take those keys, not its whole state. */
  fromGroup(detail: FilterChangeDetail): void {
    this.commit(withGroupChange(this.current, detail, this.floor), detail.changed, {
      history: 'replace',
      announce: false,
      resetDrafts: true,
    });
  }

  hostDisconnected(): void {
    clearTimeout(this.textTimer);
  }
}
