import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FeedController } from '../../controllers/feed-controller.js';
import { GroupLink } from '../../controllers/group-link.js';
import type { SourceConfig } from '../../feed/source.js';
import { SnapshotUnavailableError } from '../../feed/snapshot-reader.js';
import { activeFilterCount, cleanFilters } from '../../filters/apply.js';
import type { FilterState } from '../../filters/filter-state.js';
import type { QuickRange } from '../../filters/quick-dates.js';
import { departmentOf } from '../../geo/admin.js';
import { visitorTimeZone } from '../../list/format-event.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import type { EventsData } from '../../store/feed-store.js';
import { AttributeProblems } from '../shared/attribute-problems.js';
import { withKeys } from '../shared/filter-changes.js';
import { sourceOf } from '../shared/source-attributes.js';
import { baseStyles } from '../shared/styles.js';
import { SOURCE_PROPERTIES, SourceElement } from '../shared/source-element.js';
import type { CalendarFile } from './actions.js';
import { ChoiceLabels, type CardContext } from './card.js';
import { renderFilterControls } from './filter-controls.js';
import { DetailDialog, type DetailModule } from './detail-dialog.js';
import { FILTER_ATTRIBUTES, ListFilters, quickRanges } from './list-filters.js';
import { LIST_MESSAGES, type ListMessages } from './messages.js';
import { Narrow } from './narrow.js';
import { NearMe } from './near-me.js';
import { clearableKeys, parseOptions, readOptions, type ControlKey, type ListOptions } from './options.js';
import { ListData } from './list-data.js';
import type { Results } from './results.js';
import { countText, renderLoading, renderResults } from './results-view.js';
import { loadJsonLd, SeoPublisher, type JsonLdModule } from './seo.js';
import { listStyles } from './styles/index.js';
import { loadUrlState, urlMode, type UrlStateModule } from './url-sync.js';

const OPTION_PROPERTIES = ['pageSize', 'sort', 'layout', 'limit', 'href', 'controlsAttribute'] as const;
const ANNOUNCE_DELAY_MS = 400;

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
export class SdiEventList extends SourceElement {
  static override styles = [baseStyles, listStyles];

  @property({ type: String }) region?: string;
  @property({ type: String }) department?: string;
  @property({ type: String }) city?: string;
  @property({ type: String }) type?: string;
  @property({ type: String }) audience?: string;
  @property({ type: String }) from?: string;
  @property({ type: String }) to?: string;
  @property({ type: String }) attendance?: 'onsite' | 'online';
  @property({ type: String }) accessibility?: string;
  @property({ type: String }) q?: string;

  /** The `filters` attribute: which controls visitors get. */
  @property({ type: String, attribute: 'filters' }) controlsAttribute?: string;
  @property({ type: String, attribute: 'page-size' }) pageSize?: string;
  @property({ type: String }) sort?: 'date' | 'distance' | 'title';
  @property({ type: String }) layout?: 'list' | 'compact' | 'grid';
  @property({ type: String }) limit?: string;
  @property({ type: String }) href?: string;
  @property({ type: String, attribute: 'heading-level' }) headingLevel?: string;
  @property({ type: String, attribute: 'sync-url' }) syncUrl?: '' | 'query' | 'hash' | 'off' | null;
  @property({ type: String }) group?: string;
  @property({ type: Boolean }) seo = false;
  @property({ type: Boolean }) past = false;

  /** Clock, injectable for tests and demos of a past or future edition. @internal */
  now: () => number = () => Date.now();
  /** Hands the calendar file to the browser; replaceable (tests, apps with their own download). @internal */
  download: (file: CalendarFile) => void = (file) => this.detail.saveFile(file, this.renderRoot as ShadowRoot);
  /** Fetches the detail dialog's chunk; replaceable (tests of a failed fetch). @internal */
  loadDetail: () => Promise<DetailModule> = () => import('./detail-content.js');
  /** Fetches the address sync's chunk; replaceable (tests of a failed fetch). @internal */
  loadUrlState: () => Promise<UrlStateModule> = loadUrlState;
  /** Fetches the JSON-LD mapping's chunk; replaceable (tests of a failed fetch). @internal */
  loadJsonLd: () => Promise<JsonLdModule> = loadJsonLd;

  @state() private pages = 1;
  @state() private showPast = false;
  @state() private announcement = '';
  /** The instant results are computed for; moved on data and filter changes, not on every render. */
  @state() private reference = 0;

  /** `language`, read once per update: cards and filters ask for it many times per render. */
  private speaks: Lang = 'fr';
  private options: ListOptions = parseOptions({}, LIST_MESSAGES.fr, 'http://localhost/').options;
  private source?: SourceConfig;
  private sourceKey = '';
  private labels?: { schema: EventsData['schema'] | undefined; lang: Lang; labels: ChoiceLabels };
  private readonly problems = new AttributeProblems('sdi-event-list');
  private readonly visitorZone = visitorTimeZone();
  private readonly unshowable = new WeakSet<SdiEvent>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  private afterUpdate: (() => void)[] = [];
  private renderFailed = false;

  private readonly held = new ListData(this);
  private readonly link = new GroupLink(this, {
    group: () => this.group,
    apply: (detail) => this.filters.fromGroup(detail),
  });
  private readonly filters = new ListFilters(this, {
    presets: () => ({
      region: this.region,
      department: this.department,
      city: this.city,
      type: this.type,
      audience: this.audience,
      from: this.from,
      to: this.to,
      attendance: this.attendance,
      accessibility: this.accessibility,
      q: this.q,
    }),
    schema: () => this.data?.schema,
    lang: () => this.speaks,
    problems: this.problems,
    syncUrl: () => this.syncUrl,
    group: this.link,
    loadUrlState: () => this.loadUrlState(),
    changed: (committed) => {
      this.pages = 1;
      if (!committed) return;
      this.reference = this.now();
      this.scheduleAnnouncement();
    },
  });
  private readonly seoPublisher = new SeoPublisher(this, () => this.loadJsonLd());
  private readonly narrow = new Narrow(this);
  private readonly nearMe = new NearMe(this, () => {
    this.pages = 1;
    this.scheduleAnnouncement();
  });
  private readonly detail = new DetailDialog(
    this,
    () => this.loadDetail(),
    () => ({
      store: this.store,
      source: this.source,
      lang: this.speaks,
      messages: this.messages,
      labels: this.labelsFor(),
      visitorZone: this.visitorZone,
      group: this.link.group,
      now: this.now(),
      signal: (own) => this.feed.with(own),
      download: this.download,
    }),
    () => this.focusCount(),
  );

  private readonly feed = new FeedController(this, {
    args: () => [this.sourceKey, this.scopeRegion()] as const,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1],
    source: () => this.source,
    store: () => this.store,
    load: async ([, region], signal, force) => {
      const source = this.source;
      if (!source) throw new Error('no source');
      const scope = region ? { region } : {};
      try {
        const data = await this.store.events(source, scope, signal, force);
        this.setData(data);
        return data;
      } catch (error) {
        if (!signal.aborted) {
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
    return cleanFilters(this.filters.current);
  }

  /** Replaces the filters, as a visitor would (announced, written to the address). */
  setFilters(filters: FilterState): void {
    this.filters.set(filters);
  }

  /** Reads the events again from the network, bypassing the page's cache (the retry button). */
  refresh(): void {
    this.feed.run(true);
  }

  /** The .ics file of an event, as the «Ajouter à mon agenda» button makes it (its code is fetched first). */
  calendarFor(event: SdiEvent): Promise<CalendarFile> {
    return this.detail.calendarFor(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) return;
    // Moved in the DOM: drawn again (the controllers follow, watch and load again).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  private get messages(): ListMessages {
    return LIST_MESSAGES[this.speaks];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    try {
      this.configure(changed);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Attributes → configuration. */
  private configure(changed: PropertyValues<this>): void {
    const lang = this.language;
    const langChanged = lang !== this.speaks || !this.hasUpdated;
    this.speaks = lang;
    if (langChanged || SOURCE_PROPERTIES.some((p) => changed.has(p))) {
      this.source = sourceOf(this, this.problems, lang);
      const key = JSON.stringify(this.source);
      // Another feed's events must not stand in for this one's, not even as stale data.
      if (this.sourceKey && key !== this.sourceKey) this.forgetData();
      this.sourceKey = key;
    }
    if (langChanged || OPTION_PROPERTIES.some((p) => changed.has(p)))
      this.options = readOptions(this, this.problems, this.messages);
    const changedAttributes = FILTER_ATTRIBUTES.filter((a) => changed.has(a));
    if (!this.hasUpdated || langChanged || changedAttributes.length > 0) this.filters.applyPresets(changedAttributes, false);
    if (changed.has('syncUrl') || changed.has('group')) this.filters.syncUrl();
    if (this.filters.urlRefused) {
      this.problems.report({ attribute: 'sync-url', value: this.syncUrl ?? '', message: this.messages.urlTaken });
    } else this.problems.clear('sync-url');
  }

  /** Controls actually offered: none in the teaser. */
  private get controls(): ReadonlySet<ControlKey> {
    return this.options.limit !== undefined ? new Set() : this.options.controls;
  }

  /**
   * A smaller file is enough when the visitor cannot leave the partner's region: no geographic
   * control, no group or address able to change it.
   */
  private scopeRegion(): string | undefined {
    // A visitor who picks another region (or department) in the filters changes this scope, and the
    // list reads that region's shard (~75 KB gzip) then; the national file (1.35 MB) only for "all".
    if (this.group || urlMode(this.syncUrl)) return undefined;
    const current = this.filters.current;
    return current.region ?? departmentOf(current.department)?.regionCode;
  }

  private get data(): EventsData | undefined {
    return this.held.data;
  }

  private forgetData(): void {
    this.held.forget();
    this.pages = 1;
  }

  private setData(data: EventsData): void {
    const schemaArrived = data.schema !== this.data?.schema;
    if (!this.held.set(data)) return;
    this.reference = this.now();
    if (schemaArrived && (this.type || this.audience)) this.filters.applyPresets([], true);
    this.scheduleAnnouncement();
  }

  private readonly onQuick = (kind: QuickRange): void => {
    const range = quickRanges(this.now())[kind];
    if (range) this.filters.toggleRange(range);
  };

  private readonly onClear = (): void => {
    this.filters.clear(clearableKeys(this.controls));
    // The button just pressed disappears with the filters: keep the keyboard in the list.
    this.afterUpdate.push(() => this.focusCount());
  };

  private results(): Results | undefined {
    return this.held.results({
      filters: this.filters.current,
      sort: this.options.sort,
      near: this.nearMe.position,
      lang: this.speaks,
      now: this.reference || this.now(),
      includePast: this.past || this.showPast,
    });
  }

  private shownCount(results: Results): number {
    const limit = this.options.limit;
    if (limit !== undefined) return Math.min(limit, results.events.length);
    return Math.min(results.events.length, this.pages * this.options.pageSize);
  }

  /** The polite status speaks once the visitor pauses, not after every keystroke. */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const results = this.results();
      if (results) this.announcement = countText(results.events.length, this.messages, this.speaks);
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
    this.seoPublisher.publish(this.seo ? () => this.seoContent() : undefined);
  }

  private seoContent() {
    const results = this.results();
    if (!results) return undefined;
    const shown = results.events.slice(0, this.shownCount(results));
    return { events: shown, lang: this.speaks, ...(this.data?.schema ? { schema: this.data.schema } : {}) };
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
    if (!this.labels || this.labels.schema !== schema || this.labels.lang !== this.speaks) {
      this.labels = { schema, lang: this.speaks, labels: new ChoiceLabels(schema, this.speaks) };
    }
    return this.labels.labels;
  }

  private headingBase(): number {
    const level = Number(this.headingLevel ?? 3);
    return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 3;
  }

  private renderWidget(): TemplateResult {
    const m = this.messages;
    const failed = this.feed.failed;
    const loading = (!this.data || this.filters.awaitingUrl) && !failed;
    const controls = this.controls;
    const current = this.filters.current;
    // Only what the visitor can change counts: a partner's hidden preset is not theirs to clear.
    const active = activeFilterCount(withKeys({}, current, clearableKeys(controls)));
    // The widget speaks French or English, both left to right: on a right-to-left page (or one in
    // another language) its text keeps its own direction, and screen readers its own voice.
    return html`<div class="root layout-${this.options.layout}" part="root" lang=${this.speaks} dir="ltr">
      ${this.problems.list.map((p) => html`<p class="notice" part="notice" role="alert">${p.attribute} : ${p.message}</p>`)}
      ${renderFilterControls({
        lang: this.speaks,
        m,
        controls,
        filters: current,
        drafts: this.filters.drafts,
        schema: this.data?.schema,
        quick: controls.has('date') ? quickRanges(this.now()) : {},
        near: this.nearMe.status,
        active,
        narrow: this.narrow.value,
        onChange: this.filters.change,
        onText: this.filters.type,
        onQuick: this.onQuick,
        onNear: this.nearMe.toggle,
        onClear: this.onClear,
      })}
      ${failed ? this.renderError() : nothing}
      ${this.data?.stale && !failed ? html`<p class="notice stale" part="notice">${m.staleNote}</p>` : nothing}
      ${loading ? renderLoading(m, this.options) : this.data ? this.renderResults(active > 0) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.detail.render(m.detailUnavailable)}
    </div>`;
  }

  private renderError(): TemplateResult {
    const m = this.messages;
    return html`<div class="notice error" part="error notice" role="alert">
      <p>${this.data ? m.staleError : this.feed.error instanceof SnapshotUnavailableError ? m.unavailable : m.error}</p>
      <button type="button" class="retry" part="button retry" @click=${this.onRetry}>${m.retry}</button>
    </div>`;
  }

  private cardContext(headingLevel: number): CardContext {
    return {
      lang: this.speaks,
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

  private renderResults(clearable: boolean): TemplateResult | typeof nothing {
    const results = this.results();
    if (!results) return nothing;
    return renderResults(results, {
      lang: this.speaks,
      m: this.messages,
      options: this.options,
      filters: this.filters.current,
      schema: this.data?.schema,
      skipped: this.data?.skipped ?? 0,
      shown: this.shownCount(results),
      headingLevel: this.headingBase(),
      clearable,
      card: (level) => this.cardContext(level),
      unshowable: this.unshowable,
      onMore: this.onMore,
      onClear: this.onClear,
      onShowPast: this.onShowPast,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sdi-event-list': SdiEventList;
  }
}
