import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { sourceKey, type SourceConfig } from '../../feed/source.js';
import { NO_REGION } from '../../feed/snapshot-format.js';
import { cleanFilters, filterEvents, indexEvents, isEmptyFilter, sameFilters, type EventIndex } from '../../filters/apply.js';
import { filterProblemMessage, filtersFromAttributes, type FilterProblem } from '../../filters/attributes.js';
import type { FilterState } from '../../filters/filter-state.js';
import { announceFilters, announceOpen, followGroup, type FilterChangeDetail } from '../../filters/group-link.js';
import { departmentOf, regionOf, regions } from '../../geo/admin.js';
import { formatCount } from '../../i18n/format.js';
import { intlLocale, resolveLang } from '../../i18n/locale.js';
import type { MapPoint } from '../../map/clusters.js';
import { parseHeight } from '../../map/height.js';
import { fromEvents, fromPoints, type MapData } from '../../map/map-data.js';
import { REGION_PLACES, TERRITORIES, territoryOf } from '../../map/regions.js';
import { parseTiles, type TileChoice } from '../../map/tiles.js';
import { pickText } from '../../model/text.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import { feedStore, type FeedStore } from '../../store/feed-store.js';
import { AttributeProblems } from '../shared/attribute-problems.js';
import { DisconnectSignal } from '../shared/disconnect-signal.js';
import { sourceOf } from '../shared/source-attributes.js';
import { baseStyles } from '../shared/styles.js';
import { cssProperties } from './css-properties.js';
import { MAP_MESSAGES, type MapMessages } from './messages.js';
import { regionMapStyles } from './styles.js';
import type { MapView, MapViewModule } from './view-contract.js';
import { whenVisible } from './when-visible.js';
import { partnerLink } from '../../security/link-policy.js';
import { SnapshotUnavailableError } from '../../feed/snapshot-reader.js';

const TAG = 'sdi-region-map';

/** Filtering indexes per loaded event array: several maps and lists on a page share the arrays. */
const indexes = new WeakMap<readonly SdiEvent[], EventIndex>();
function indexOf(events: readonly SdiEvent[]): EventIndex {
  let index = indexes.get(events);
  if (!index) {
    index = indexEvents(events);
    indexes.set(events, index);
  }
  return index;
}

function withoutKey(filters: FilterState, key: keyof FilterState): FilterState {
  const copy: FilterState = { ...filters };
  delete copy[key];
  return cleanFilters(copy);
}

function withoutRegion(filters: FilterState): FilterState {
  return withoutKey(filters, 'region');
}

/** `base` with the `keys` of `from` (absent in `from`: removed). */
function patchFilters(base: FilterState, from: FilterState, keys: readonly (keyof FilterState)[]): FilterState {
  const next: Record<string, unknown> = { ...base };
  for (const key of keys) {
    if (from[key] === undefined) delete next[key];
    else next[key] = from[key];
  }
  return cleanFilters(next as FilterState);
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface ViewConfig {
  tiles: TileChoice;
  height?: string;
  regionsGeojson?: string;
}

/**
 * Map of the Semaine de l'industrie: the number of events of each region as proportional symbols
 * on France and its overseas regions, turning into clustered events and single events as the
 * visitor zooms in. Mirrored by a list of region buttons below the map, which is also how keyboard
 * and screen-reader users choose a region. Choosing a region announces it to the other widgets of
 * the same `group` (e.g. an `<sdi-event-list>`), and follows the region they choose.
 *
 * Leaflet is loaded only when the map scrolls into view; by default the map draws a light
 * background of its own and requests nothing from third parties (see `tiles`).
 *
 * @summary Map of the events by region, with clustering, linked to the other widgets of a group.
 *
 * @attr region - INSEE region code or name: the region selected at first.
 * @attr department - INSEE department code or name: only this department's events.
 * @attr type - Event formats (ids or labels, comma-separated): only these.
 * @attr audience - Audiences (ids or labels, comma-separated): only these.
 * @attr from - First day, YYYY-MM-DD: only events on or after it.
 * @attr to - Last day, YYYY-MM-DD: only events on or before it.
 * @attr group - Name shared with other widgets to link their filters.
 * @attr tiles - Base map: `none` (default: a drawn coastline, no third-party request), `ign` (Plan IGN, Géoplateforme), `osm` (OpenStreetMap), or an https URL template with {z}, {x} and {y}.
 * @attr attribution - Credit of a custom tile provider (text).
 * @attr height - Height of the map: pixels ("480") or a CSS length ("30rem"); default 28rem or --sdi-map-height.
 * @attr regions-geojson - URL of a GeoJSON file of region outlines to draw (fetched only when set).
 * @attr src - Snapshot base URL (default: the page's `sdi:src` meta, then the snapshot beside the script).
 * @attr agenda - OpenAgenda agenda uid: read the live API instead of a snapshot.
 * @attr api-key - OpenAgenda public read key (live mode).
 * @attr api - API base URL, e.g. a partner's proxy (live mode).
 * @attr lang - fr (default) or en; inherited from the page when absent.
 *
 * @fires sdi-filter-change - A region was chosen or cleared; `detail: { group, filters, changed: ['region'] }`.
 * @fires sdi-event-open - An event's popup was opened; `detail: { uid, title, url, group }`.
 *
 * @csspart switcher - The row of territory buttons above the map.
 * @csspart territory-button - One territory button.
 * @csspart map - The box holding the map (and its loading and error states).
 * @csspart popup - The content of an event popup.
 * @csspart status - The line announcing the selection, events not on the map, or an empty map.
 * @csspart region-list - The list of regions below the map.
 * @csspart region-button - One region's button.
 * @csspart all-button - The "Toute la France" button.
 * @csspart notice - Message about a bad attribute.
 *
 * @cssprop --sdi-primary - Accent colour; default colour of the symbols.
 * @cssprop --sdi-map-height - Height of the map (overridden by the `height` attribute).
 * @cssprop --sdi-map-sea - Sea colour of the drawn background.
 * @cssprop --sdi-map-land - Land colour of France.
 * @cssprop --sdi-map-neighbour - Land colour of neighbouring countries.
 * @cssprop --sdi-map-coast - Coastline colour.
 * @cssprop --sdi-map-symbol - Fill of the count symbols (default --sdi-primary).
 * @cssprop --sdi-map-symbol-opacity - Opacity of the count symbols (default 0.92).
 * @cssprop --sdi-map-symbol-border - Ring around symbols and markers (default white).
 * @cssprop --sdi-map-on-symbol - Number colour inside the symbols.
 * @cssprop --sdi-map-selected - Fill of the selected region's symbol.
 * @cssprop --sdi-map-cluster - Fill of cluster markers.
 * @cssprop --sdi-map-marker - Fill of single event markers.
 * @cssprop --sdi-map-outline - Stroke of region outlines (regions-geojson).
 * @cssprop --sdi-radius - Corner radius.
 */
export class SdiRegionMap extends LitElement {
  static override styles = [baseStyles, regionMapStyles];

  @property({ type: String }) region?: string;
  @property({ type: String }) department?: string;
  @property({ type: String }) type?: string;
  @property({ type: String }) audience?: string;
  @property({ type: String }) from?: string;
  @property({ type: String }) to?: string;
  @property({ type: String }) group?: string;
  @property({ type: String }) tiles?: string;
  @property({ type: String }) attribution?: string;
  @property({ type: String }) height?: string;
  @property({ type: String, attribute: 'regions-geojson' }) regionsGeojson?: string;
  @property({ type: String }) src?: string;
  @property({ type: String }) agenda?: string;
  @property({ type: String, attribute: 'api-key' }) apiKey?: string;
  @property({ type: String }) api?: string;
  /** Mirrors the `lang` attribute so a change re-renders; the language itself comes from resolveLang. */
  @property({ type: String, attribute: 'lang' }) langAttribute?: string;

  /** The store to read from; the page-wide one unless a test or an app gives its own. */
  store: FeedStore = feedStore;
  /** Where the Leaflet view comes from; a dynamic import, so bundlers make it a separate chunk. */
  loadView: () => Promise<MapViewModule> = () => import('./map-view.js');

  @state() private visible = false;
  @state() private selection?: string;
  /** Filters other widgets of the group set (region excluded); they replace the attribute filters. */
  @state() private groupFilters?: FilterState;
  @state() private territory = 'metropole';
  @state() private viewFailed = false;
  @state() private outlinesFailed = false;
  @state() private stale = false;
  @state() private liveMessage = '';
  /** Mirrors `view !== undefined` so creating or dropping the view re-renders the overlay. */
  @state() private viewReady = false;

  private view?: MapView;
  private viewKey?: string;
  private viewData?: MapData;
  private viewSelection?: string;
  private viewModule?: MapViewModule;
  private moduleLoading = false;
  private readonly problems = new AttributeProblems(TAG);
  private readonly disconnect = new DisconnectSignal(this);
  private stopWatching?: () => void;
  private unfollow?: () => void;
  private followedGroup?: string;
  private unsubscribe?: () => void;
  private watchedKey?: string;
  private resizeObserver?: ResizeObserver;
  private resizeFrame = 0;
  /** Events behind the data shown, when they were loaded (filtered mode): popups need no request. */
  private eventsByUid?: Map<number, SdiEvent>;
  /** Department, dates: the attribute filters that need no schema. */
  private baseFilters: FilterState = {};
  /** The filters behind the data shown, region excluded; what the map announces with a region. */
  private shownFilters: FilterState = {};
  private config: ViewConfig = { tiles: { kind: 'none' } };

  private readonly dataTask = new Task(this, {
    args: () =>
      [
        this.visible,
        this.sourceKeyArg(),
        JSON.stringify(this.baseFilters),
        this.type ?? '',
        this.audience ?? '',
        JSON.stringify(this.groupFilters ?? null),
      ] as const,
    task: async ([visible], { signal }) => {
      if (!visible) return initialState;
      return this.load(this.disconnect.with(signal));
    },
  });

  private get language(): Lang {
    return resolveLang(this);
  }

  private get messages(): MapMessages {
    return MAP_MESSAGES[this.language];
  }

  /** The Leaflet view once created (for tests and apps extending the map); undefined before. */
  get mapView(): MapView | undefined {
    return this.view;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow();
    if (this.hasUpdated) {
      this.watchVisibility();
      // Back on the page after a move: the view the removal released is drawn again, and a load
      // the removal aborted starts again.
      this.requestUpdate();
      // A load still pending was given up by the removal too (moved in the DOM: out and back in
      // one task), and would end in the error state.
      const status = this.dataTask.status;
      if (this.visible && (status === TaskStatus.ERROR || status === TaskStatus.PENDING)) void this.dataTask.run();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followedGroup = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watchedKey = undefined;
    this.destroyView();
  }

  protected override firstUpdated(): void {
    this.watchVisibility();
  }

  private watchVisibility(): void {
    // firstUpdated also runs for a map removed before its first render; connectedCallback watches
    // if it comes back.
    if (this.visible || this.stopWatching || !this.isConnected) return;
    this.stopWatching = whenVisible(this, () => {
      this.stopWatching = undefined;
      this.visible = true;
      void this.loadModule();
    });
  }

  private async loadModule(): Promise<void> {
    if (this.viewModule || this.moduleLoading) return;
    this.moduleLoading = true;
    this.viewFailed = false;
    try {
      this.viewModule = await this.loadView();
    } catch (error) {
      console.warn(`[semaine-industrie-widgets] <${TAG}> could not load the map:`, error);
      this.viewFailed = true;
    } finally {
      this.moduleLoading = false;
      this.requestUpdate();
    }
  }

  private follow(): void {
    const group = this.group?.trim() || undefined;
    if (group === this.followedGroup && (this.unfollow || !group)) return;
    this.unfollow?.();
    this.unfollow = undefined;
    this.followedGroup = group;
    if (group && this.isConnected) this.unfollow = followGroup(this, group, (detail) => this.applyGroup(detail));
  }

  /**
   * Another widget of the group changed some filters: the map takes those keys (as the list does,
   * not the sender's whole state); the region moves the map, the others change what it counts.
   */
  private applyGroup(detail: FilterChangeDetail): void {
    const current: FilterState = { ...(this.groupFilters ?? this.shownFilters), ...(this.selection ? { region: this.selection } : {}) };
    const next = patchFilters(current, detail.filters, detail.changed);
    const department = departmentOf(next.department);
    // A region chosen elsewhere that does not hold the department set before replaces it.
    if (next.region && department && department.regionCode !== next.region && !detail.changed.includes('department')) {
      delete next.department;
    }
    const rest = withoutRegion(next);
    if (!sameFilters(rest, this.groupFilters ?? this.shownFilters)) this.groupFilters = rest;
    const region = next.region && regionOf(next.region) ? next.region : undefined;
    if (region !== this.selection) this.setSelection(region);
  }

  private sourceArgs(): SourceConfig {
    return sourceOf(this, this.problems, this.language);
  }

  private sourceKeyArg(): string {
    return sourceKey(this.sourceArgs());
  }

  /** Background refreshes of the store reload the data, so the counts stay live. */
  private watch(source: SourceConfig): void {
    // Lit renders an element removed before its first render all the same: a subscription taken
    // then would outlive the element.
    if (!this.isConnected) return;
    const key = sourceKey(source);
    if (this.watchedKey === key && this.unsubscribe) return;
    this.unsubscribe?.();
    this.watchedKey = key;
    this.unsubscribe = this.store.subscribe(source, () => void this.dataTask.run());
  }

  private report(problems: readonly FilterProblem[]): void {
    for (const problem of problems) {
      this.problems.report({
        attribute: problem.attribute,
        value: problem.value,
        message: filterProblemMessage(problem, this.language),
      });
    }
  }

  private async load(signal: AbortSignal): Promise<MapData> {
    const source = this.sourceArgs();
    this.watch(source);
    let filters: FilterState;
    if (this.groupFilters) {
      filters = this.groupFilters;
    } else {
      filters = this.baseFilters;
      if (this.type?.trim() || this.audience?.trim()) {
        // Labels ("Visite d'entreprise") are resolved against the edition's schema.
        const { schema } = await this.store.summary(source, signal);
        const choices = filtersFromAttributes({ type: this.type, audience: this.audience }, schema);
        this.problems.clear('type');
        this.problems.clear('audience');
        this.report(choices.problems);
        filters = cleanFilters({ ...filters, ...choices.filters });
      }
    }
    if (isEmptyFilter(filters)) {
      const points = await this.store.points(source, signal);
      this.shownFilters = filters;
      this.eventsByUid = undefined;
      this.stale = points.stale;
      return fromPoints(points);
    }
    // A department lives in one region: its region's file is enough.
    const department = departmentOf(filters.department);
    const data = await this.store.events(source, department ? { region: department.regionCode } : {}, signal);
    const kept = filterEvents(indexOf(data.events), filters);
    this.shownFilters = filters;
    this.eventsByUid = new Map(kept.map((event) => [event.uid, event]));
    this.stale = data.stale;
    return fromEvents(kept);
  }

  /** Details of one event for its popup: from the loaded events, else from its region's file. */
  private async describe(point: MapPoint): Promise<SdiEvent | undefined> {
    const known = this.eventsByUid?.get(point.uid);
    if (known) return known;
    const source = this.sourceArgs();
    const region = point.region !== NO_REGION ? point.region : undefined;
    const data = await this.store.events(source, region ? { region } : {}, this.disconnect.signal);
    return data.events.find((event) => event.uid === point.uid);
  }

  private async openEvent(point: MapPoint): Promise<SdiEvent | undefined> {
    const event = await this.describe(point);
    if (event) {
      const group = this.group?.trim();
      announceOpen(this, {
        uid: event.uid,
        title: pickText(event.title, this.language),
        ...(event.url ? { url: event.url } : {}),
        ...(group ? { group } : {}),
      });
    }
    return event;
  }

  private async describeEvents(points: readonly MapPoint[]): Promise<SdiEvent[]> {
    const events = await Promise.all(points.map((point) => this.describe(point).catch(() => undefined)));
    return events.filter((event): event is SdiEvent => event !== undefined);
  }

  /** A region chosen here (map or list): select it, frame it, tell the group. Choosing it again clears. */
  private chooseRegion(code: string | undefined): void {
    const next = code === this.selection ? undefined : code;
    const changed: (keyof FilterState)[] = ['region'];
    let filters = this.groupFilters ?? this.shownFilters;
    const department = departmentOf(filters.department);
    // A department of another region would leave nothing to show: choosing a region wins.
    if (next && department && department.regionCode !== next) {
      filters = withoutKey(filters, 'department');
      this.groupFilters = filters;
      changed.push('department');
    }
    this.setSelection(next);
    const group = this.group?.trim();
    announceFilters(this, {
      ...(group ? { group } : {}),
      filters: { ...filters, ...(next ? { region: next } : {}) },
      changed,
    });
  }

  private setSelection(code: string | undefined): void {
    this.selection = code;
    const territory = territoryOf(code);
    if (territory) this.territory = territory;
    const m = this.messages;
    this.liveMessage = code ? m.selected(regionOf(code)?.name ?? code) : '';
  }

  private showTerritory(id: string): void {
    this.territory = id;
    this.view?.showTerritory(id);
  }

  private validate(changed: PropertyValues<this>): void {
    const m = this.messages;
    const first = !this.hasUpdated;
    const langChanged = changed.has('langAttribute');
    const filterAttrs = ['region', 'department', 'from', 'to'] as const;
    if (first || langChanged || filterAttrs.some((a) => changed.has(a))) {
      for (const attribute of filterAttrs) this.problems.clear(attribute);
      const { filters, problems } = filtersFromAttributes({
        region: this.region,
        department: this.department,
        from: this.from,
        to: this.to,
      });
      this.report(problems);
      const base = withoutRegion(filters);
      if (!sameFilters(base, this.baseFilters)) this.baseFilters = base;
      if (first || changed.has('region')) this.setSelection(filters.region);
      // The partner changing the attributes takes over from what the group had set.
      if (!first && filterAttrs.some((a) => changed.has(a))) this.groupFilters = undefined;
    }
    if (!first && (changed.has('type') || changed.has('audience'))) this.groupFilters = undefined;
    for (const attribute of ['tiles', 'attribution', 'height', 'regions-geojson'] as const) this.problems.clear(attribute);
    const { choice, problems } = parseTiles(this.tiles, this.attribution);
    for (const problem of problems) {
      this.problems.report({ attribute: problem.attribute, value: problem.value, message: m.tiles[problem.reason] });
    }
    const config: ViewConfig = { tiles: choice };
    if (this.height?.trim()) {
      const height = parseHeight(this.height);
      if (height) config.height = height;
      else this.problems.report({ attribute: 'height', value: this.height, message: m.height(this.height) });
    }
    if (this.regionsGeojson?.trim()) {
      const url = partnerLink(this.regionsGeojson, document.baseURI);
      if (url) config.regionsGeojson = url;
      else this.problems.report({ attribute: 'regions-geojson', value: this.regionsGeojson, message: m.regionsGeojson });
    }
    if (changed.has('regionsGeojson')) this.outlinesFailed = false;
    this.config = config;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.validate(changed);
    if (changed.has('group')) this.follow();
  }

  protected override updated(): void {
    try {
      this.syncView();
    } catch (error) {
      // A map that cannot start (a broken browser feature, an exotic layout) must not break the page.
      console.warn(`[semaine-industrie-widgets] <${TAG}> could not draw the map:`, error);
      this.destroyView();
      this.viewFailed = true;
    }
  }

  private currentViewKey(): string {
    return JSON.stringify([this.language, this.config.tiles, this.config.regionsGeojson ?? '']);
  }

  /** Creates, updates or re-creates the Leaflet view to match the element's state. */
  private syncView(): void {
    const data = this.dataTask.value;
    const container = this.renderRoot.querySelector<HTMLElement>('#map');
    if (!this.visible || !data || !this.viewModule || !container || !this.isConnected || this.viewFailed) return;
    const key = this.currentViewKey();
    if (this.view && this.viewKey !== key) this.destroyView();
    if (!this.view) {
      this.view = this.viewModule.createMapView({
        root: this.shadowRoot as ShadowRoot,
        container,
        lang: this.language,
        messages: this.messages,
        tiles: this.config.tiles,
        ...(this.config.regionsGeojson ? { regionsGeojson: this.config.regionsGeojson } : {}),
        reducedMotion: prefersReducedMotion(),
        callbacks: {
          selectRegion: (code) => this.chooseRegion(code),
          openEvent: (point) => this.openEvent(point),
          describeEvents: (points) => this.describeEvents(points),
          outlinesFailed: () => {
            this.outlinesFailed = true;
          },
        },
      });
      this.viewKey = key;
      this.viewReady = true;
      this.viewData = undefined;
      this.viewSelection = undefined;
      if (typeof ResizeObserver === 'function') {
        this.resizeObserver = new ResizeObserver(() => {
          // Next frame: a redraw inside the observer's callback can resize things again in the same
          // frame, which browsers report to the page as a "ResizeObserver loop" error.
          cancelAnimationFrame(this.resizeFrame);
          this.resizeFrame = requestAnimationFrame(() => this.view?.invalidateSize());
        });
        this.resizeObserver.observe(container);
      }
      this.view.setData(data);
      this.viewData = data;
      // The map opens on the mainland; only a selected region (or another territory) moves it.
      if (this.selection) this.view.setSelection(this.selection, { fit: true, animate: false });
      this.viewSelection = this.selection;
      // A partner's department is a small part of the map: open on it rather than on France.
      if (!this.selection && this.shownFilters.department && data.points.length > 0) this.view.frameAll();
      else if (!this.selection) this.frameTerritory();
      return;
    }
    if (data !== this.viewData) {
      this.view.setData(data);
      this.viewData = data;
    }
    if (this.selection !== this.viewSelection) {
      this.view.setSelection(this.selection, { fit: true });
      this.viewSelection = this.selection;
    }
  }

  /** With no region selected the first view is the territory picked (the mainland unless told otherwise). */
  private frameTerritory(): void {
    if (this.territory !== 'metropole') this.view?.showTerritory(this.territory);
  }

  private destroyView(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.view?.destroy();
    this.view = undefined;
    this.viewReady = false;
    this.viewKey = undefined;
    this.viewData = undefined;
    this.viewSelection = undefined;
  }

  private retry(): void {
    if (this.viewFailed) {
      this.viewFailed = false;
      void this.loadModule();
    }
    if (this.dataTask.status === TaskStatus.ERROR) void this.dataTask.run();
  }

  private skipMap(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#regions')?.focus();
  }

  private renderOverlay(): TemplateResult | typeof nothing {
    const m = this.messages;
    const failed = this.viewFailed || this.dataTask.status === TaskStatus.ERROR;
    if (failed) {
      return html`<div class="overlay" role="alert">
        <p>${!this.viewFailed && this.dataTask.error instanceof SnapshotUnavailableError ? m.unavailable : m.error}</p>
        <button type="button" class="retry" @click=${() => this.retry()}>${m.retry}</button>
      </div>`;
    }
    if (!this.viewReady) return html`<div class="overlay"><p>${m.loading}</p></div>`;
    return nothing;
  }

  private renderSwitcher(): TemplateResult {
    const m = this.messages;
    return html`<div class="switcher" part="switcher" role="group" aria-label=${m.switcher}>
      ${TERRITORIES.map((t) => {
        const label = t.id === 'metropole' ? m.metropole : regionOf(t.id)?.name ?? t.id;
        return html`<button
          type="button"
          part="territory-button"
          aria-pressed=${String(this.territory === t.id)}
          ?disabled=${!this.viewReady}
          @click=${() => this.showTerritory(t.id)}
        >${label}</button>`;
      })}
    </div>`;
  }

  private renderRegions(data: MapData | undefined): TemplateResult | typeof nothing {
    const m = this.messages;
    const lang = this.language;
    const collator = new Intl.Collator(intlLocale(lang));
    const placed = regions.filter((r) => REGION_PLACES.has(r.code)).sort((a, b) => collator.compare(a.name, b.name));
    if (!data) {
      if (this.dataTask.status === TaskStatus.ERROR) return nothing;
      // While the points load, an invisible copy of the list to come keeps its room: the page
      // below the map does not jump by its height (about 750 px in a phone's column) when it comes.
      return html`<div class="regions-sizer" aria-hidden="true">
        <p class="list-title">${m.listTitle}</p>
        <ul class="region-list">
          ${placed.map((r) => html`<li><button type="button" disabled>${m.regionButton(r.name, formatCount(SIZER_COUNT, lang), SIZER_COUNT)}</button></li>`)}
        </ul>
        <button type="button" class="all" disabled>${m.all}</button>
      </div>`;
    }
    const shown = placed.filter((r) => (data.counts[r.code] ?? 0) > 0 || r.code === this.selection);
    return html`<div class="regions" id="regions" role="group" tabindex="-1" aria-labelledby="regions-title">
      <p class="list-title" id="regions-title">${m.listTitle}</p>
      <ul class="region-list" part="region-list" aria-labelledby="regions-title">
        ${shown.map((r) => {
          const n = data.counts[r.code] ?? 0;
          return html`<li>
            <button
              type="button"
              part="region-button"
              data-region=${r.code}
              aria-pressed=${String(this.selection === r.code)}
              @click=${() => this.chooseRegion(r.code)}
            >${m.regionButton(r.name, formatCount(n, lang), n)}</button>
          </li>`;
        })}
      </ul>
      <button type="button" class="all" part="all-button" ?disabled=${!this.selection} @click=${() => this.chooseRegion(undefined)}>
        ${m.all}
      </button>
    </div>`;
  }

  private renderStatus(data: MapData | undefined): TemplateResult {
    const m = this.messages;
    const lang = this.language;
    const unplaced = data ? data.counts[NO_REGION] ?? 0 : 0;
    return html`<div class="status-box" part="status">
      <p class="status" role="status">${this.liveMessage}</p>
      ${data && data.points.length === 0 ? html`<p class="empty">${m.empty}</p>` : nothing}
      ${unplaced > 0 ? html`<p class="muted">${m.unplaced(formatCount(unplaced, lang), unplaced)}</p>` : nothing}
      ${!data && this.dataTask.status !== TaskStatus.ERROR
        ? // An edition always has online events: their note's room is kept while loading, as the list's.
          html`<p class="muted sizer" aria-hidden="true">${m.unplaced(formatCount(SIZER_COUNT, lang), SIZER_COUNT)}</p>`
        : nothing}
      ${this.stale ? html`<p class="muted">${m.stale}</p>` : nothing}
      ${this.outlinesFailed ? html`<p class="muted">${m.regionsGeojsonFailed}</p>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const m = this.messages;
    const data = this.dataTask.value;
    const busy = !this.viewReady && !this.viewFailed && this.dataTask.status !== TaskStatus.ERROR;
    // Through the CSSOM only: a strict Content-Security-Policy refuses style attributes (css-properties.ts).
    const height = { '--_height': this.config.height };
    return html`
      <button type="button" class="skip" @click=${(event: Event) => this.skipMap(event)}>${m.skip}</button>
      ${this.renderSwitcher()}
      <div class="map-box" part="map" ${cssProperties(height)} aria-busy=${String(busy)}>
        <div class="map" id="map" role="region" aria-label=${m.mapLabel} aria-describedby="map-help"></div>
        ${this.renderOverlay()}
      </div>
      <p class="visually-hidden" id="map-help">${m.mapHelp}</p>
      ${this.renderStatus(data)}
      ${this.renderRegions(data)}
      ${this.problems.list.map((p) => html`<p class="notice" part="notice" role="alert">${p.attribute} : ${p.message}</p>`)}
    `;
  }
}

/** As wide as a region's count in a national edition (three digits, plural). */
const SIZER_COUNT = 888;

declare global {
  interface HTMLElementTagNameMap {
    'sdi-region-map': SdiRegionMap;
  }
}
