import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialState } from '@lit/task';
import { FeedController } from '../../controllers/feed-controller.js';
import { GroupLink } from '../../controllers/group-link.js';
import { sourceKey, type SourceConfig } from '../../feed/source.js';
import { SnapshotUnavailableError } from '../../feed/snapshot-reader.js';
import { sameFilters } from '../../filters/apply.js';
import { filterProblemMessage, filtersFromAttributes, type FilterProblem } from '../../filters/attributes.js';
import type { FilterState } from '../../filters/filter-state.js';
import { departmentOf, regionOf } from '../../geo/admin.js';
import type { MapPoint } from '../../map/clusters.js';
import type { MapData } from '../../map/map-data.js';
import { territoryOf } from '../../map/regions.js';
import type { MapView, MapViewModule } from '../../map/view-contract.js';
import { pickText } from '../../model/text.js';
import type { SdiEvent } from '../../model/types.js';
import { AttributeProblems } from '../shared/attribute-problems.js';
import type { FilterChangeDetail } from '../../controllers/events.js';
import { withGroupChange, withKeys } from '../shared/filter-changes.js';
import { sourceOf } from '../shared/source-attributes.js';
import { SOURCE_PROPERTIES } from '../shared/source-element.js';
import { FilterPresetElement } from '../shared/filter-preset-element.js';
import { baseStyles } from '../shared/styles.js';
import { cssProperties } from './css-properties.js';
import { clockOf, renderCaption, type CaptionContext, type ProgrammeRead } from './edition-caption.js';
import { eventOf, loadMap } from './map-load.js';
import { PhaseWake } from '../../controllers/phase-wake.js';
import { renderRegions, renderStatus, renderSwitcher, type PanelsContext } from './map-panels.js';
import { MapViewController, type MapViewState } from './view-lifecycle.js';
import { MAP_MESSAGES, type MapMessages } from './messages.js';
import { regionMapStyles } from './styles.js';
import { readViewConfig, type ViewConfig } from './view-config.js';

const TAG = 'sdi-region-map';

type MapFeedArgs = readonly [boolean, string, string, string, string, string];

function withoutKey(filters: FilterState, key: keyof FilterState): FilterState {
  return withKeys(filters, {}, [key]);
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
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
 * @attr overseas - Overseas regions: `insets` (default: drawn beside the mainland, all of France in one view) or `tabs` (reached with the territory buttons).
 * @attr mode - `symbols` (default: proportional symbols) or `choropleth` (regions, then the chosen region's departments, shaded by their number of events, with a legend).
 * @attr src - Snapshot base URL (default: the page's `sdi:src` meta, then the snapshot beside the script).
 * @attr agenda - OpenAgenda agenda uid: read the live API instead of a snapshot.
 * @attr api-key - OpenAgenda public read key (live mode).
 * @attr api - API base URL, e.g. a partner's proxy (live mode).
 * @attr lang - fr (default) or en; inherited from the page when absent.
 *
 * @fires sdi-filter-change - A region was chosen or cleared; `detail: { group, filters, changed: ['region'] }`.
 * @fires sdi-event-open - An event's popup was opened; `detail: { uid, title, url, group }`.
 *
 * @csspart caption - The line naming the edition the counts belong to, its dates, and whether its week is over.
 * @csspart switcher - The row of territory buttons above the map.
 * @csspart territory-button - One territory button.
 * @csspart map - The box holding the map (and its loading and error states).
 * @csspart popup - The content of an event popup.
 * @csspart status - The line announcing the selection, events not on the map, or an empty map.
 * @csspart region-list - The list of regions below the map.
 * @csspart region-button - One region's button.
 * @csspart all-button - The "Toute la France" button.
 * @csspart region-select - The region list folded into one control, in a widget under 600 px wide.
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
export class SdiRegionMap extends FilterPresetElement {
  static override styles = [baseStyles, regionMapStyles];

  /** `none`, `ign`, `osm`, or an https URL template with {z}, {x} and {y}. */
  @property({ type: String }) tiles?: 'none' | 'ign' | 'osm' | `https://${string}`;
  @property({ type: String }) attribution?: string;
  @property({ type: String }) height?: string;
  @property({ type: String, attribute: 'regions-geojson' }) regionsGeojson?: string;
  /** `insets` (default) or `tabs`. */
  @property({ type: String }) overseas?: 'insets' | 'tabs';
  /** `symbols` (default) or `choropleth`. */
  @property({ type: String }) mode?: 'symbols' | 'choropleth';

  /**
   * Where the Leaflet view comes from; a dynamic import, so bundlers make it a separate chunk.
   * @internal
   */
  loadView: () => Promise<MapViewModule> = () => import('../../map/map-view.js');

  /**
   * Clock, injectable for tests and previews: it decides which edition the counts are said to belong to.
   * @internal
   */
  now: () => number = () => Date.now();

  @state() private selection?: string;
  /** Filters other widgets of the group set (region excluded); they replace the attribute filters. */
  @state() private groupFilters?: FilterState;
  @state() private territory = 'metropole';
  @state() private outlinesFailed = false;
  @state() private stale = false;
  @state() private liveMessage = '';
  /** What the source says of its edition: the caption names the edition the counts belong to. */
  @state() private programme?: ProgrammeRead;

  private readonly problems = new AttributeProblems(TAG);
  private source?: SourceConfig;
  /** Events behind the data shown, when they were loaded (filtered mode): popups need no request. */
  private eventsByUid?: Map<number, SdiEvent>;
  /** Department, dates: the attribute filters that need no schema. */
  private baseFilters: FilterState = {};
  /** The filters behind the data shown, region excluded; what the map announces with a region. */
  private shownFilters: FilterState = {};
  private config: ViewConfig = { tiles: { kind: 'none' }, overseas: 'insets', mode: 'symbols' };

  private readonly wake = new PhaseWake(this, () => clockOf(this.now));
  private readonly link = new GroupLink(this, { group: () => this.group, apply: (detail) => this.applyGroup(detail) });
  private readonly viewer: MapViewController = new MapViewController(this, {
    tag: TAG,
    load: () => this.loadView(),
    state: (): MapViewState => ({
      data: this.feed.value,
      selection: this.selection,
      territory: this.territory,
      department: this.shownFilters.department !== undefined,
      key: JSON.stringify([
        this.language,
        this.config.tiles,
        this.config.regionsGeojson ?? '',
        this.config.overseas,
        this.config.mode,
      ]),
      options: (container) => ({
        root: this.shadowRoot as ShadowRoot,
        container,
        lang: this.language,
        messages: this.messages,
        tiles: this.config.tiles,
        overseas: this.config.overseas,
        mode: this.config.mode,
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
      }),
    }),
  });
  private readonly feed: FeedController<MapFeedArgs, MapData> = new FeedController(this, {
    args: (): MapFeedArgs =>
      [
        this.viewer.visible,
        this.source ? sourceKey(this.source) : '',
        JSON.stringify(this.baseFilters),
        this.type ?? '',
        this.audience ?? '',
        JSON.stringify(this.groupFilters ?? null),
      ] as const,
    source: () => this.source,
    store: () => this.store,
    load: async ([visible], signal) => (visible ? this.load(signal) : initialState),
  });

  private get messages(): MapMessages {
    return MAP_MESSAGES[this.language];
  }

  /** The Leaflet view once created (for tests and apps extending the map); undefined before. */
  get mapView(): MapView | undefined {
    return this.viewer.view;
  }

  /**
   * Another widget of the group changed some filters: the map takes those keys (as the list does,
   * not the sender's whole state); the region moves the map, the others change what it counts.
   */
  private applyGroup(detail: FilterChangeDetail): void {
    const current: FilterState = {
      ...(this.groupFilters ?? this.shownFilters),
      ...(this.selection ? { region: this.selection } : {}),
    };
    const next = withGroupChange(current, detail);
    const rest = withoutKey(next, 'region');
    if (!sameFilters(rest, this.groupFilters ?? this.shownFilters)) this.groupFilters = rest;
    const region = next.region && regionOf(next.region) ? next.region : undefined;
    if (region !== this.selection) this.setSelection(region);
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
    const source = this.source;
    if (!source) throw new Error('no source');
    const loaded = await loadMap({
      store: this.store,
      source,
      signal,
      groupFilters: this.groupFilters,
      baseFilters: this.baseFilters,
      type: this.type,
      audience: this.audience,
      choiceProblems: (problems) => {
        this.problems.clear('type');
        this.problems.clear('audience');
        this.report(problems);
      },
    });
    this.shownFilters = loaded.filters;
    this.eventsByUid = loaded.eventsByUid;
    this.stale = loaded.stale;
    this.programme = loaded.programme;
    return loaded.data;
  }

  private describe(point: MapPoint): Promise<SdiEvent | undefined> {
    return eventOf(point, this.eventsByUid, this.store, this.source, this.feed.signal);
  }

  private async openEvent(point: MapPoint): Promise<SdiEvent | undefined> {
    const event = await this.describe(point);
    if (event) {
      this.link.opened({ uid: event.uid, title: pickText(event.title, this.language), ...(event.url ? { url: event.url } : {}) });
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
    this.link.publish({ ...filters, ...(next ? { region: next } : {}) }, changed);
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
    this.viewer.view?.showTerritory(id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const m = this.messages;
    const first = !this.hasUpdated;
    const langChanged = changed.has('lang');
    if (first || langChanged || SOURCE_PROPERTIES.some((p) => changed.has(p))) {
      this.source = sourceOf(this, this.problems, this.language);
    }
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
      const base = withoutKey(filters, 'region');
      if (!sameFilters(base, this.baseFilters)) this.baseFilters = base;
      if (first || changed.has('region')) this.setSelection(filters.region);
      // The partner changing the attributes takes over from what the group had set.
      if (!first && filterAttrs.some((a) => changed.has(a))) this.groupFilters = undefined;
    }
    if (!first && (changed.has('type') || changed.has('audience'))) this.groupFilters = undefined;
    this.config = readViewConfig(this, this.problems, m, this.language);
    if (changed.has('regionsGeojson')) this.outlinesFailed = false;
  }

  private retry(): void {
    this.viewer.retry();
    if (this.feed.failed) this.feed.run();
  }

  private skipMap(event: Event): void {
    event.preventDefault();
    // The list, or the control it folds into in a narrow widget: whichever is laid out.
    const targets = this.renderRoot.querySelectorAll<HTMLElement>('#regions, #region-select');
    [...targets].find((target) => target.getClientRects().length > 0)?.focus();
  }

  private renderOverlay(): TemplateResult | typeof nothing {
    const m = this.messages;
    const failed = this.viewer.failed || this.feed.failed;
    if (failed) {
      return html`<div class="overlay" role="alert">
        <p>${!this.viewer.failed && this.feed.error instanceof SnapshotUnavailableError ? m.unavailable : m.error}</p>
        <button type="button" class="retry" @click=${() => this.retry()}>${m.retry}</button>
      </div>`;
    }
    if (!this.viewer.ready) return html`<div class="overlay"><p>${m.loading}</p></div>`;
    return nothing;
  }

  private caption(): CaptionContext {
    this.wake.until = undefined;
    const data = this.feed.value;
    const selected = this.selection ? regionOf(this.selection) : undefined;
    return {
      m: this.messages,
      lang: this.language,
      now: clockOf(this.now),
      programme: this.programme,
      count: data ? (selected ? (data.counts[selected.code] ?? 0) : data.total) : undefined,
      place: selected?.name,
      loading: !data && !this.feed.failed,
      until: (instant) => (this.wake.until = instant),
    };
  }

  private panels(): PanelsContext {
    return {
      m: this.messages,
      lang: this.language,
      data: this.feed.value,
      failed: this.feed.failed,
      selection: this.selection,
      territory: this.territory,
      viewReady: this.viewer.ready,
      liveMessage: this.liveMessage,
      stale: this.stale,
      outlinesFailed: this.outlinesFailed,
      showTerritory: (id) => this.showTerritory(id),
      chooseRegion: (code) => this.chooseRegion(code),
    };
  }

  override render(): TemplateResult {
    const m = this.messages;
    const panels = this.panels();
    const busy = !this.viewer.ready && !this.viewer.failed && !this.feed.failed;
    // Through the CSSOM only: a strict Content-Security-Policy refuses style attributes (css-properties.ts).
    const height = { '--_height': this.config.height };
    return html`<div class="frame">
      <button type="button" class="skip" @click=${(event: Event) => this.skipMap(event)}>${m.skip}</button>
      ${renderCaption(this.caption())} ${renderSwitcher(panels)}
      <div class="map-box" part="map" ${cssProperties(height)} aria-busy=${String(busy)}>
        <div class="map" id="map" role="region" aria-label=${m.mapLabel} aria-describedby="map-help"></div>
        ${this.renderOverlay()}
      </div>
      <p class="visually-hidden" id="map-help">${m.mapHelp}</p>
      ${renderStatus(panels)}
      ${renderRegions(panels)}
      ${this.problems.list.map((p) => html`<p class="notice" part="notice" role="alert">${p.attribute} : ${p.message}</p>`)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sdi-region-map': SdiRegionMap;
  }
}
