import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { Task, TaskStatus } from '@lit/task';
import { resolveEdition } from '../../editions/editions.js';
import type { SourceConfig } from '../../feed/source.js';
import {
  activeFilterCount,
  cleanFilters,
  indexEvents,
  sameFilters,
  type EventIndex,
} from '../../filters/apply.js';
import { filterProblemMessage, filtersFromAttributes, type FilterAttribute } from '../../filters/attributes.js';
import type { FilterState } from '../../filters/filter-state.js';
import { announceFilters, followGroup, type FilterChangeDetail } from '../../filters/group-link.js';
import { quickRange, type QuickRange } from '../../filters/quick-dates.js';
import { departmentOf } from '../../geo/admin.js';
import { formatCount } from '../../i18n/format.js';
import { resolveLang } from '../../i18n/locale.js';
import { groupByDay, type DayGroup } from '../../list/group-by-day.js';
import { visitorTimeZone } from '../../list/format-event.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import { feedStore, type EventsData, type FeedStore } from '../../store/feed-store.js';
import { AttributeProblems } from '../shared/attribute-problems.js';
import { DisconnectSignal } from '../shared/disconnect-signal.js';
import { whenIdle } from '../shared/idle.js';
import { sourceOf } from '../shared/source-attributes.js';
import { baseStyles } from '../shared/styles.js';
import type { CalendarFile } from './actions.js';
import { describeFilters } from './criteria.js';
import { renderCard, renderSkeleton, type CardContext } from './event-card.js';
import { ChoiceLabels, headingTag } from './event-view.js';
import { LazyDetail, type DetailModule } from './lazy-detail.js';
import { changedKeys, setKey, toggledRange, withGroupChange, withKeys, type FilterKeys } from './filter-changes.js';
import { renderFilterControls, type TextKey } from './filter-controls.js';
import { Narrow } from './narrow.js';
import { NearMe } from './near-me.js';
import { LIST_MESSAGES, type ListMessages } from './messages.js';
import { parseOptions, type ControlKey, type ListOptions } from './options.js';
import { prepareIndex, ResultsMemo, type Results } from './results.js';
import { loadJsonLd, publishJsonLd, removeJsonLd, SEO_MAX_EVENTS, type JsonLdModule } from './seo.js';
import { listStyles } from './styles.js';
import { loadUrlState, UrlSync, urlMode, type HistoryWrite, type UrlStateModule } from './url-sync.js';
import { SnapshotUnavailableError } from '../../feed/snapshot-reader.js';

const FILTER_ATTRIBUTES: readonly FilterAttribute[] = [
  'region', 'department', 'city', 'type', 'audience', 'from', 'to', 'attendance', 'accessibility', 'q',
];

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

/** Which keys of the state a visitor can change through each control (and so may clear). */
const CONTROL_STATE_KEYS: Record<ControlKey, (keyof FilterState)[]> = {
  region: ['region'],
  department: ['department'],
  city: ['city'],
  type: ['types'],
  audience: ['audiences'],
  date: ['from', 'to'],
  attendance: ['attendance'],
  accessibility: ['accessibility'],
  search: ['q'],
  near: [],
};

const OPTION_PROPERTIES = ['pageSize', 'sort', 'layout', 'limit', 'href', 'controlsAttribute'] as const;
const SOURCE_PROPERTIES = ['src', 'agenda', 'apiKey', 'api'] as const;
const TEXT_DEBOUNCE_MS = 150;
const ANNOUNCE_DELAY_MS = 400;
const SKELETON_CARDS = 3;

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The events of the Semaine de l'industrie as a filterable list: soonest first, grouped by day,
 * paged, with a detail dialog (full description, registration, add to calendar, share). Filters
 * can be preset by attributes, offered to visitors as controls, kept in the page address
 * (`sync-url`) and shared with other widgets of the same `group`.
 *
 * @summary Filterable, paged list of Semaine de l'industrie events with a detail dialog.
 *
 * @attr region - Region preset: INSEE code or name.
 * @attr department - Department preset: code or name.
 * @attr city - Town name or postcode (prefix) preset.
 * @attr type - Event formats preset: ids or labels, comma-separated.
 * @attr audience - Audiences preset: ids or labels, comma-separated.
 * @attr from - First day, YYYY-MM-DD.
 * @attr to - Last day, YYYY-MM-DD.
 * @attr attendance - onsite or online.
 * @attr accessibility - Accessibility preset: hi, vi, pi, mi, ii (or their names), space-separated.
 * @attr q - Free-text search preset.
 * @attr filters - Controls offered to visitors, space-separated among region department city type audience date attendance accessibility search near, or "none" (default: "region department type audience date search").
 * @attr page-size - Events per page (default 20).
 * @attr sort - date (default), distance or title.
 * @attr layout - list (default), compact or grid.
 * @attr limit - Teaser: show at most this many events, without controls or paging.
 * @attr href - Link of the teaser's «Voir tous les événements» (http or https).
 * @attr heading-level - Level of the day headings, 1–6 (default 3); card titles are one level below.
 * @attr sync-url - Keep the filters in the page address (query string; "hash" for the fragment). One list per page, or the lists of one group: another list is refused and says so.
 * @attr group - Share filters with the other widgets of this group.
 * @attr seo - Publish the events shown as schema.org JSON-LD in the page.
 * @attr past - Include events that are over.
 * @attr src - Snapshot base URL (default: the page's `sdi:src` meta, then the snapshot beside the script).
 * @attr agenda - OpenAgenda agenda uid: read the live API instead of a snapshot.
 * @attr api-key - OpenAgenda public read key (live mode).
 * @attr api - API base URL, e.g. a partner's proxy (live mode).
 * @attr lang - fr (default) or en; inherited from the page when absent.
 *
 * @fires sdi-filter-change - The visitor changed the filters; detail: { group?, filters, changed }.
 * @fires sdi-event-open - The visitor opened an event; detail: { uid, title, url?, group? }.
 *
 * @csspart root - The whole widget.
 * @csspart filters - The filter form.
 * @csspart field - One filter control with its label.
 * @csspart select - A drop-down list of the filters.
 * @csspart input - A text or date field.
 * @csspart button - Every button (also: clear, quick, near, more, past, retry, close, calendar, share).
 * @csspart filters-toggle - On a narrow widget, the «Filtres» summary that unfolds the filters other than the search.
 * @csspart count - The visible number of events.
 * @csspart list - The list of events.
 * @csspart day-heading - A day heading.
 * @csspart card - An event card (also: card-cancelled, skeleton).
 * @csspart card-title - The title of a card.
 * @csspart card-button - The button opening an event.
 * @csspart thumbnail - The image box of a card.
 * @csspart badge - A badge (also: badge-type, badge-audience, status).
 * @csspart status - The status badge (cancelled, full, postponed…).
 * @csspart more - The «Voir plus d'événements» button.
 * @csspart see-all - The teaser's link to all events.
 * @csspart empty - The message when nothing matches.
 * @csspart error - The message when the events cannot be loaded.
 * @csspart notice - Message about a bad attribute, or stale data.
 * @csspart detail - The detail dialog.
 *
 * @cssprop --sdi-primary - Accent colour (falls back to the DSFR blue on State sites).
 * @cssprop --sdi-text - Text colour.
 * @cssprop --sdi-muted - Secondary text colour.
 * @cssprop --sdi-surface - Card background.
 * @cssprop --sdi-surface-alt - Background of the filters, badges and placeholders.
 * @cssprop --sdi-border - Border colour.
 * @cssprop --sdi-error - Colour of problems (and of the cancelled badge).
 * @cssprop --sdi-radius - Corner radius.
 * @cssprop --sdi-gap - Space between cards.
 * @cssprop --sdi-focus - Focus ring colour.
 * @cssprop --sdi-card-min-width - Narrowest card in the grid layout (default 16rem).
 * @cssprop --sdi-thumbnail-width - Width of card images (default 7.5rem).
 * @cssprop --sdi-detail-width - Width of the detail dialog (default 42rem).
 */
export class SdiEventList extends LitElement {
  static override styles = [baseStyles, listStyles];

  @property({ type: String }) src?: string;
  @property({ type: String }) agenda?: string;
  @property({ type: String, attribute: 'api-key' }) apiKey?: string;
  @property({ type: String }) api?: string;

  @property({ type: String }) region?: string;
  @property({ type: String }) department?: string;
  @property({ type: String }) city?: string;
  @property({ type: String }) type?: string;
  @property({ type: String }) audience?: string;
  @property({ type: String }) from?: string;
  @property({ type: String }) to?: string;
  @property({ type: String }) attendance?: string;
  @property({ type: String }) accessibility?: string;
  @property({ type: String }) q?: string;

  /** The `filters` attribute: which controls visitors get. */
  @property({ type: String, attribute: 'filters' }) controlsAttribute?: string;
  @property({ type: String, attribute: 'page-size' }) pageSize?: string;
  @property({ type: String }) sort?: string;
  @property({ type: String }) layout?: string;
  @property({ type: String }) limit?: string;
  @property({ type: String }) href?: string;
  @property({ type: String, attribute: 'heading-level' }) headingLevel?: string;
  @property({ type: String, attribute: 'sync-url' }) syncUrl?: string | null;
  @property({ type: String }) group?: string;
  @property({ type: Boolean }) seo = false;
  @property({ type: Boolean }) past = false;
  /** Mirrors the `lang` attribute so a change re-renders; the language itself comes from resolveLang. */
  @property({ type: String, attribute: 'lang' }) langAttribute?: string;

  /** The store to read from; the page-wide one unless a test or an app gives its own. */
  store: FeedStore = feedStore;
  /** Clock, injectable for tests and demos of a past or future edition. */
  now: () => number = () => Date.now();
  /** Hands the calendar file to the browser; replaceable (tests, apps with their own download). */
  download: (file: CalendarFile) => void = (file) => this.detail.saveFile(file, this.renderRoot as ShadowRoot);
  /** Fetches the detail dialog's chunk; replaceable (tests of a failed fetch). */
  loadDetail: () => Promise<DetailModule> = () => import('./detail-dialog.js');

  @state() private data?: EventsData;
  @state() private current: FilterState = {};
  @state() private drafts: Record<TextKey, string> = { q: '', city: '' };
  @state() private pages = 1;
  @state() private showPast = false;
  @state() private announcement = '';
  /** The instant results are computed for; moved on data and filter changes, not on every render. */
  @state() private reference = 0;

  private language: Lang = 'fr';
  private options: ListOptions = parseOptions({}, LIST_MESSAGES.fr, 'http://localhost/').options;
  private source?: SourceConfig;
  private sourceKey = '';
  private index?: EventIndex;
  private labels?: { schema: EventsData['schema'] | undefined; lang: Lang; labels: ChoiceLabels };
  private readonly memo = new ResultsMemo();
  private readonly problems = new AttributeProblems('sdi-event-list');
  private readonly disconnect = new DisconnectSignal(this);
  /** Fetches the address sync's chunk; replaceable (tests of a failed fetch). */
  loadUrlState: () => Promise<UrlStateModule> = loadUrlState;
  private readonly urlSync = new UrlSync(
    this,
    () => urlMode(this.syncUrl),
    (filters) => this.applyFromUrl(filters),
    () => this.loadUrlState(),
    () => this.urlArrived(),
    () => this.group?.trim() || undefined,
  );
  /** The first read of the address waits for its code: the list shows its skeleton meanwhile. */
  private urlAwaited = false;
  private readonly visitorZone = visitorTimeZone();
  private readonly narrow = new Narrow(this);
  private readonly nearMe = new NearMe(this, () => {
    this.pages = 1;
    this.scheduleAnnouncement();
  });
  private readonly detail = new LazyDetail(
    this,
    () => this.loadDetail(),
    () => ({
      store: this.store,
      source: this.source,
      lang: this.language,
      messages: this.messages,
      labels: this.labelsFor(),
      visitorZone: this.visitorZone,
      group: this.group?.trim() || undefined,
      now: this.now(),
      signal: (own) => this.disconnect.with(own),
      download: this.download,
    }),
    () => this.focusCount(),
  );
  /** Keys set by the visitor, the address or the group: a late schema must not overwrite them. */
  private readonly touched = new Set<keyof FilterState>();
  private initialised = false;
  private forceNext = false;
  private textTimer?: ReturnType<typeof setTimeout>;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private afterUpdate: (() => void)[] = [];
  private unfollow?: () => void;
  private followed?: string;
  private unsubscribe?: () => void;
  private watchedKey?: string;
  private seoKey?: string;
  private seoBlocked = false;
  private cancelSeo?: () => void;
  /** Fetches the JSON-LD mapping's chunk; replaceable (tests of a failed fetch). */
  loadJsonLd: () => Promise<JsonLdModule> = loadJsonLd;
  private renderFailed = false;

  private readonly dataTask = new Task(this, {
    args: () => [this.sourceKey, this.scopeRegion()] as const,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1],
    task: async ([, region], { signal }) => {
      const source = this.source;
      if (!source) throw new Error('no source');
      const scope = region ? { region } : {};
      this.watch(source);
      const force = this.forceNext;
      this.forceNext = false;
      try {
        const data = await this.store.events(source, scope, this.disconnect.with(signal), force);
        this.setData(data);
        return data;
      } catch (error) {
        // Given up because the element left the page, and it is back already (moved in the DOM).
        if (isAbort(error) && !signal.aborted && this.isConnected) setTimeout(() => void this.dataTask.run());
        if (!isAbort(error)) {
          // A failed refresh of data the page already had: keep showing it, marked as old.
          const stale = this.store.peekEvents(source, scope);
          if (stale && stale !== this.data) this.setData(stale);
        }
        throw error;
      }
    },
  });

  /** The visitor's current filters (a copy). */
  get filterState(): FilterState {
    return cleanFilters(this.current);
  }

  /** Replaces the filters, as a visitor would (announced, written to the address). */
  setFilters(filters: FilterState): void {
    this.commit(filters, changedKeys(this.current, filters), { history: 'push', announce: true, resetDrafts: true });
  }

  /** Reads the events again from the network, bypassing the page's cache (the retry button). */
  refresh(): void {
    this.forceNext = true;
    void this.dataTask.run();
  }

  /** The .ics file of an event, as the «Ajouter à mon agenda» button makes it (its code is fetched first). */
  calendarFor(event: SdiEvent): Promise<CalendarFile> {
    return this.detail.calendarFor(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    // Moved in the DOM: listen again, and ask again for data given up when it left.
    this.follow();
    if (this.source) this.watch(this.source);
    this.requestUpdate();
    if (!this.data && this.dataTask.status !== TaskStatus.PENDING) void this.dataTask.run();
    if (this.index) this.prepare(this.index);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watchedKey = undefined;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followed = undefined;
    clearTimeout(this.textTimer);
    clearTimeout(this.announceTimer);
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    this.cancelSeo?.();
    this.cancelSeo = undefined;
    removeJsonLd(this);
    this.seoKey = undefined;
  }

  private get messages(): ListMessages {
    return LIST_MESSAGES[this.language];
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Attributes → configuration                                                                */

  protected override willUpdate(changed: PropertyValues<this>): void {
    try {
      this.configure(changed);
    } catch (error) {
      this.fail(error);
    }
  }

  private configure(changed: PropertyValues<this>): void {
    const lang = resolveLang(this);
    const langChanged = lang !== this.language || !this.hasUpdated;
    this.language = lang;
    if (langChanged || SOURCE_PROPERTIES.some((p) => changed.has(p))) {
      this.source = sourceOf(this, this.problems, lang);
      const key = JSON.stringify(this.source);
      // Another feed's events must not stand in for this one's, not even as stale data.
      if (this.sourceKey && key !== this.sourceKey) this.forgetData();
      this.sourceKey = key;
    }
    if (langChanged || OPTION_PROPERTIES.some((p) => changed.has(p))) this.readOptions();
    const changedAttributes = FILTER_ATTRIBUTES.filter((a) => changed.has(a));
    if (!this.initialised || langChanged || changedAttributes.length > 0) this.applyPresets(changedAttributes, false);
    if (changed.has('group') || !this.hasUpdated) this.follow();
    if (changed.has('syncUrl') || changed.has('group')) this.urlSync.sync();
    if (this.urlSync.refused) {
      this.problems.report({ attribute: 'sync-url', value: this.syncUrl ?? '', message: this.messages.urlTaken });
    } else this.problems.clear('sync-url');
  }

  private readOptions(): void {
    const { options, problems } = parseOptions(
      {
        pageSize: this.pageSize ?? null,
        sort: this.sort ?? null,
        layout: this.layout ?? null,
        limit: this.limit ?? null,
        href: this.href ?? null,
        filters: this.controlsAttribute ?? null,
      },
      this.messages,
      document.baseURI,
    );
    for (const attribute of ['page-size', 'sort', 'layout', 'limit', 'href', 'filters']) this.problems.clear(attribute);
    for (const problem of problems) this.problems.report(problem);
    this.options = options;
  }

  /** Controls actually offered: none in the teaser. */
  private get controls(): ReadonlySet<ControlKey> {
    return this.options.limit !== undefined ? new Set() : this.options.controls;
  }

  /**
   * Filters from attributes. At first, they are the state (unless the address says otherwise);
   * later, an attribute changed by the page's script overrides its keys; the schema arriving
   * resolves type and audience labels, for keys nobody has touched yet.
   */
  private applyPresets(changedAttributes: readonly FilterAttribute[], schemaArrived: boolean): void {
    const schema = this.data?.schema;
    const { filters: preset, problems } = filtersFromAttributes(
      {
        region: this.region ?? null,
        department: this.department ?? null,
        city: this.city ?? null,
        // Labels can only be checked against the schema: wait for it rather than report them as unknown.
        type: schema ? this.type ?? null : null,
        audience: schema ? this.audience ?? null : null,
        from: this.from ?? null,
        to: this.to ?? null,
        attendance: this.attendance ?? null,
        accessibility: this.accessibility ?? null,
        q: this.q ?? null,
      },
      schema,
    );
    for (const attribute of FILTER_ATTRIBUTES) this.problems.clear(attribute);
    for (const problem of problems) {
      this.problems.report({ attribute: problem.attribute, value: problem.value, message: filterProblemMessage(problem, this.language) });
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
    next = cleanFilters(next);
    if (!sameFilters(next, this.current)) {
      this.current = next;
      this.drafts = { q: next.q ?? '', city: next.city ?? '' };
      this.pages = 1;
    }
  }

  /** The filters of the address at start; none yet while its code is on its way (see urlArrived). */
  private takeUrl(): FilterState {
    const fromUrl = this.urlSync.read();
    this.urlAwaited = fromUrl === undefined && this.urlSync.pending;
    const urlKeys = fromUrl ? (Object.keys(fromUrl) as (keyof FilterState)[]) : [];
    for (const key of urlKeys) this.touched.add(key);
    return fromUrl ?? {};
  }

  private urlArrived(): void {
    if (this.urlAwaited) {
      // The address wins over the presets, as when it is read at once.
      const next = cleanFilters({ ...this.current, ...this.takeUrl() });
      if (!sameFilters(next, this.current)) {
        this.current = next;
        this.drafts = { q: next.q ?? '', city: next.city ?? '' };
        this.pages = 1;
      }
    }
    this.requestUpdate();
  }

  /**
   * A smaller file is enough when the visitor cannot leave the partner's region: no geographic
   * control, no group or address able to change it.
   */
  private scopeRegion(): string | undefined {
    // A visitor who picks another region (or department) in the filters changes this scope, and the
    // list reads that region's shard (~75 KB gzip) then; the national file (1.35 MB) only for "all".
    if (this.group || urlMode(this.syncUrl)) return undefined;
    return this.current.region ?? departmentOf(this.current.department)?.regionCode;
  }

  /** Background refreshes of the store re-read the data, so a long-open page stays current. */
  private watch(source: SourceConfig): void {
    // Lit renders an element removed before its first render all the same: a subscription taken
    // then would outlive the element (connectedCallback subscribes if it comes back).
    if (!this.isConnected) return;
    const key = JSON.stringify(source);
    if (this.watchedKey === key && this.unsubscribe) return;
    this.unsubscribe?.();
    this.watchedKey = key;
    this.unsubscribe = this.store.subscribe(source, () => void this.dataTask.run());
  }

  private follow(): void {
    const group = this.group?.trim() || undefined;
    if (group === this.followed && (this.unfollow || !group)) return;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followed = group;
    if (group && this.isConnected) this.unfollow = followGroup(this, group, (detail) => this.applyFromGroup(detail));
  }

  /** Stops the index's preparation, pending or under way. */
  private cancelIdle?: () => void;

  /**
   * The first paint needs no index; it is built while the visitor reads, for their first filter,
   * in slices so that their taps and typing are not kept waiting. A filter before it is done
   * finishes the rest at once (see prepareIndex).
   */
  private prepare(index: EventIndex): void {
    // The previous data's preparation is of no use now (cancelling twice is harmless).
    this.cancelIdle?.();
    // Data arriving for a list that has left the page: prepared if it comes back (connectedCallback).
    if (!this.isConnected) return;
    const preparation = new AbortController();
    const cancel = whenIdle(() => prepareIndex(index, preparation.signal));
    this.cancelIdle = () => {
      cancel();
      preparation.abort();
    };
  }

  private forgetData(): void {
    this.cancelIdle?.();
    this.data = undefined;
    this.index = undefined;
    this.memo.clear();
    this.pages = 1;
  }

  private setData(data: EventsData): void {
    if (data === this.data) return;
    const schemaArrived = data.schema !== this.data?.schema;
    this.data = data;
    const index = indexEvents(data.events);
    this.index = index;
    this.prepare(index);
    this.reference = this.now();
    this.memo.clear();
    if (schemaArrived && (this.type || this.audience)) this.applyPresets([], true);
    this.scheduleAnnouncement();
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Filter changes                                                                             */

  /**
   * Every change of filters goes through here: the list goes back to its first page, the address
   * and the other widgets are told (unless the change came from them), the count is announced.
   */
  private commit(
    next: FilterState,
    changed: FilterKeys,
    how: { history?: HistoryWrite; announce: boolean; resetDrafts: boolean },
  ): void {
    const clean = cleanFilters(next);
    if (sameFilters(clean, this.current)) return;
    this.current = clean;
    if (how.resetDrafts) {
      clearTimeout(this.textTimer);
      this.drafts = { q: clean.q ?? '', city: clean.city ?? '' };
    }
    for (const key of changed) this.touched.add(key);
    this.pages = 1;
    this.reference = this.now();
    if (how.history) this.urlSync.write(clean, how.history);
    if (how.announce) {
      const group = this.group?.trim();
      announceFilters(this, { ...(group ? { group } : {}), filters: this.filterState, changed });
    }
    this.scheduleAnnouncement();
  }

  private readonly onControlChange = (patch: FilterState, changed: FilterKeys): void => {
    this.commit(withKeys(this.current, patch, changed), changed, { history: 'push', announce: true, resetDrafts: false });
  };

  private readonly onText = (key: TextKey, value: string, now: boolean): void => {
    this.drafts = { ...this.drafts, [key]: value };
    clearTimeout(this.textTimer);
    const commit = () =>
      // One history entry per search, not one per letter typed.
      this.commit(withKeys(this.current, { [key]: value }, [key]), [key], { history: 'replace', announce: true, resetDrafts: false });
    if (now) commit();
    else this.textTimer = setTimeout(commit, TEXT_DEBOUNCE_MS);
  };

  private readonly onQuick = (kind: QuickRange): void => {
    const range = this.quickRanges()[kind];
    if (range) this.commit(toggledRange(this.current, range), ['from', 'to'], { history: 'push', announce: true, resetDrafts: false });
  };

  private quickRanges(): Partial<Record<QuickRange, { from: string; to: string }>> {
    const now = this.now();
    const edition = resolveEdition(now);
    const out: Partial<Record<QuickRange, { from: string; to: string }>> = {};
    for (const kind of ['today', 'week', 'edition'] as const) {
      const range = quickRange(kind, now, edition);
      if (range) out[kind] = range;
    }
    return out;
  }

  private readonly onClear = (): void => {
    const changed = this.clearableKeys().filter((key) => this.current[key] !== undefined);
    this.commit(withKeys(this.current, {}, changed), changed, { history: 'push', announce: true, resetDrafts: true });
    // The button just pressed disappears with the filters: keep the keyboard in the list.
    this.afterUpdate.push(() => this.focusCount());
  };

  /** The keys a visitor can change here, and so may clear; partner presets without a control stay. */
  private clearableKeys(): FilterKeys {
    return [...this.controls].flatMap((control) => CONTROL_STATE_KEYS[control]);
  }

  /** Back/Forward: the address is the whole state. Other widgets of the group follow. */
  private applyFromUrl(filters: FilterState): void {
    this.commit(filters, changedKeys(this.current, filters), { announce: true, resetDrafts: true });
  }

  /** Another widget of the group changed some filters: take those keys, not its whole state. */
  private applyFromGroup(detail: FilterChangeDetail): void {
    this.commit(withGroupChange(this.current, detail), detail.changed, { history: 'replace', announce: false, resetDrafts: true });
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Results                                                                                    */

  private results(): Results | undefined {
    if (!this.index) return undefined;
    return this.memo.get({
      index: this.index,
      filters: this.current,
      sort: this.options.sort,
      near: this.nearMe.position,
      lang: this.language,
      now: this.reference || this.now(),
      includePast: this.past || this.showPast,
    });
  }

  private shownCount(results: Results): number {
    const limit = this.options.limit;
    if (limit !== undefined) return Math.min(limit, results.events.length);
    return Math.min(results.events.length, this.pages * this.options.pageSize);
  }

  private countText(n: number): string {
    return n === 0 ? this.messages.countNone : this.messages.count(formatCount(n, this.language), n);
  }

  /** The polite status speaks once the visitor pauses, not after every keystroke. */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const results = this.results();
      if (results) this.announcement = this.countText(results.events.length);
    }, ANNOUNCE_DELAY_MS);
  }

  private readonly onMore = (): void => {
    const results = this.results();
    if (!results) return;
    const first = results.events[this.shownCount(results)];
    this.pages += 1;
    if (first) this.afterUpdate.push(() => this.focusCard(first.uid));
    this.scheduleAnnouncement();
  };

  private readonly onShowPast = (): void => {
    this.showPast = true;
    this.afterUpdate.push(() => this.focusCount());
    this.scheduleAnnouncement();
  };

  private readonly onRetry = (): void => this.refresh();

  private focusCard(uid: number): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`button.open[data-uid="${uid}"]`)?.focus();
  }

  private focusCount(): void {
    this.renderRoot.querySelector<HTMLElement>('.count')?.focus();
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Rendering                                                                                  */

  protected override updated(): void {
    const tasks = this.afterUpdate;
    this.afterUpdate = [];
    for (const task of tasks) {
      try {
        task();
      } catch (error) {
        console.warn('[semaine-industrie-widgets] <sdi-event-list>:', error);
      }
    }
    this.publishSeo();
  }

  private publishSeo(): void {
    const results = this.seo && !this.seoBlocked ? this.results() : undefined;
    if (!results) {
      if (this.seoKey !== undefined) removeJsonLd(this);
      this.seoKey = undefined;
      this.cancelSeo?.();
      this.cancelSeo = undefined;
      return;
    }
    const shown = results.events.slice(0, Math.min(this.shownCount(results), SEO_MAX_EVENTS));
    const key = `${this.language}|${shown.map((e) => e.uid).join(',')}`;
    if (key === this.seoKey) return;
    this.seoKey = key;
    const { language, data } = this;
    // Crawlers wait; visitors should not: the mapping's chunk is fetched once the page is idle.
    this.cancelSeo?.();
    this.cancelSeo = whenIdle(() => {
      this.cancelSeo = undefined;
      this.loadJsonLd().then(
        (jsonld) => {
          // Left the page, or other events shown, while the chunk came.
          if (this.seoKey !== key || !this.isConnected) return;
          if (!publishJsonLd(jsonld, this, shown, language, data?.schema)) this.seoBlocked = true;
        },
        (error: unknown) => {
          console.warn('[semaine-industrie-widgets] <sdi-event-list> could not load the seo code:', error);
          // Asked again on the next change of the events shown.
          if (this.seoKey === key) this.seoKey = undefined;
        },
      );
    });
  }

  private fail(error: unknown): void {
    if (!this.renderFailed) console.error('[semaine-industrie-widgets] <sdi-event-list> failed to render:', error);
    this.renderFailed = true;
  }

  override render(): TemplateResult {
    try {
      return this.renderWidget();
    } catch (error) {
      this.fail(error);
      return html`<p class="notice" part="notice" role="alert">${this.messages.broken}</p>`;
    }
  }

  private labelsFor(): ChoiceLabels {
    const schema = this.data?.schema;
    if (!this.labels || this.labels.schema !== schema || this.labels.lang !== this.language) {
      this.labels = { schema, lang: this.language, labels: new ChoiceLabels(schema, this.language) };
    }
    return this.labels.labels;
  }

  private headingBase(): number {
    const level = Number(this.headingLevel ?? 3);
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 3;
  }

  private renderWidget(): TemplateResult {
    const m = this.messages;
    const status = this.dataTask.status;
    const failed = status === TaskStatus.ERROR && !isAbort(this.dataTask.error);
    const loading = (!this.data || this.urlAwaited) && !failed;
    const controls = this.controls;
    // Only what the visitor can change counts: a partner's hidden preset is not theirs to clear.
    const active = activeFilterCount(withKeys({}, this.current, this.clearableKeys()));
    const clearable = active > 0;
    // The widget speaks French or English, both left to right: on a right-to-left page (or one in
    // another language) its text keeps its own direction, and screen readers its own voice.
    return html`<div class="root layout-${this.options.layout}" part="root" lang=${this.language} dir="ltr">
      ${this.problems.list.map((p) => html`<p class="notice" part="notice" role="alert">${p.attribute} : ${p.message}</p>`)}
      ${renderFilterControls({
        lang: this.language,
        m,
        controls,
        filters: this.current,
        drafts: this.drafts,
        schema: this.data?.schema,
        quick: controls.has('date') ? this.quickRanges() : {},
        near: this.nearMe.status,
        active,
        narrow: this.narrow.value,
        onChange: this.onControlChange,
        onText: this.onText,
        onQuick: this.onQuick,
        onNear: this.nearMe.toggle,
        onClear: this.onClear,
      })}
      ${failed ? this.renderError() : nothing}
      ${this.data?.stale && !failed ? html`<p class="notice stale" part="notice">${m.staleNote}</p>` : nothing}
      ${loading ? this.renderLoading() : this.data ? this.renderResults(clearable) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.detail.render(m.detailUnavailable)}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    const limit = this.options.limit;
    const count = Math.min(SKELETON_CARDS, limit ?? SKELETON_CARDS, this.options.pageSize);
    return html`<p class="count pending" part="count">${this.messages.loading}</p>
      <div class="results" part="list" aria-busy="true">${renderSkeleton(count)}</div>`;
  }

  private renderError(): TemplateResult {
    const m = this.messages;
    return html`<div class="notice error" part="error notice" role="alert">
      <p>${this.data ? m.staleError : this.dataTask.error instanceof SnapshotUnavailableError ? m.unavailable : m.error}</p>
      <button type="button" class="retry" part="button retry" @click=${this.onRetry}>${m.retry}</button>
    </div>`;
  }

  private cardContext(headingLevel: number): CardContext {
    return {
      lang: this.language,
      m: this.messages,
      labels: this.labelsFor(),
      visitorZone: this.visitorZone,
      now: this.reference || this.now(),
      near: this.nearMe.position,
      headingLevel,
      onOpen: (event) => this.detail.open(event),
      onHover: this.detail.preload,
    };
  }

  private renderResults(clearable: boolean): TemplateResult {
    const m = this.messages;
    const results = this.results();
    if (!results) return html``;
    const total = results.events.length;
    const teaser = this.options.limit !== undefined;
    if (total === 0) return this.renderEmpty(results, clearable);
    const shown = results.events.slice(0, this.shownCount(results));
    const base = this.headingBase();
    const grouped = results.grouped && !teaser;
    const list = grouped ? this.renderGroups(shown, results, base) : this.renderFlat(shown, base);
    return html`
      ${teaser ? nothing : html`<p class="count" part="count" tabindex="-1">${this.countText(total)}</p>`}
      <div class="results" part="list" aria-busy="false">${list}</div>
      ${!teaser && shown.length < total
        ? html`<button type="button" class="more" part="button more" @click=${this.onMore}>
            ${m.more(formatCount(shown.length, this.language), formatCount(total, this.language))}
          </button>`
        : nothing}
      ${teaser && this.options.href ? html`<a class="see-all" part="see-all" href=${this.options.href}>${m.seeAll}</a>` : nothing}
      ${this.renderSkipped()}
    `;
  }

  /** Records of the feed that could not be shown are said, even when none could: «Aucun événement» alone would hide them. */
  private renderSkipped(): TemplateResult | typeof nothing {
    const skipped = this.data?.skipped ?? 0;
    if (skipped <= 0 || this.options.limit !== undefined) return nothing;
    return html`<p class="skipped">${this.messages.skipped(formatCount(skipped, this.language), skipped)}</p>`;
  }

  private renderGroups(shown: SdiEvent[], results: Results, level: number): TemplateResult {
    const groups: DayGroup[] = groupByDay(shown, this.language, {
      now: results.reference,
      ...(this.current.from ? { from: this.current.from } : {}),
    });
    const ctx = this.cardContext(level + 1);
    const Heading = headingTag(level);
    return html`${repeat(
      groups,
      (group) => group.day,
      (group) => staticHtml`<section class="day">
        <${Heading} class="day-heading" part="day-heading" id=${`day-${group.day}`}>${group.label}</${Heading}>
        <ul class="cards" role="list">${repeat(group.events, (event) => event.uid, (event) => this.renderCardSafely(event, ctx, group.day))}</ul>
      </section>`,
    )}`;
  }

  private renderFlat(shown: SdiEvent[], level: number): TemplateResult {
    const ctx = this.cardContext(level);
    return html`<ul class="cards" role="list">${repeat(shown, (event) => event.uid, (event) => this.renderCardSafely(event, ctx))}</ul>`;
  }

  /** Events whose card could not be rendered, reported once each. */
  private readonly unshowable = new WeakSet<SdiEvent>();

  /**
   * `repeat` calls this while lit commits, after `render()` has returned, so `render()`'s own
   * try/catch cannot help: an event no check caught would throw out of the update, into the
   * page, and on every render after. It costs its own card instead.
   */
  private renderCardSafely(event: SdiEvent, ctx: CardContext, day?: string): TemplateResult | typeof nothing {
    try {
      return renderCard(event, ctx, day);
    } catch (error) {
      // Said once per event: the list renders again on every filter change and announcement.
      if (!this.unshowable.has(event)) {
        this.unshowable.add(event);
        console.warn(`[semaine-industrie-widgets] <sdi-event-list> could not show event ${String(event.uid)}:`, error);
      }
      return nothing;
    }
  }

  private renderEmpty(results: Results, clearable: boolean): TemplateResult {
    const m = this.messages;
    const criteria = describeFilters(this.current, this.data?.schema, this.language, m);
    const message =
      criteria.length > 0 ? m.emptyFiltered(criteria.join(', ')) : results.pastHidden > 0 ? m.emptyUpcoming : m.emptyNone;
    return html`<p class="count" part="count" tabindex="-1">${this.countText(0)}</p>
      <div class="empty" part="empty">
        <p>${message}</p>
        ${clearable ? html`<button type="button" part="button clear" @click=${this.onClear}>${m.clear}</button>` : nothing}
        ${results.pastHidden > 0
          ? html`<button type="button" part="button past" @click=${this.onShowPast}>${m.showPast}</button>`
          : nothing}
      </div>
      ${this.renderSkipped()}`;
  }
}
