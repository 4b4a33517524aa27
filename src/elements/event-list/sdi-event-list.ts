import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../../controllers/feed-controller.js';
import { GroupLink } from '../../controllers/group-link.js';
import type { SourceConfig } from '../../feed/source.js';
import { SnapshotUnavailableError } from '../../feed/snapshot-reader.js';
import { cleanFilters } from '../../filters/apply.js';
import type { FilterState } from '../../filters/filter-state.js';
import { visitorTimeZone } from '../../list/format-event.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import type { EventsData } from '../../store/feed-store.js';
import { AttributeProblems } from '../shared/attribute-problems.js';
import { sourceOf } from '../shared/source-attributes.js';
import { baseStyles } from '../shared/styles.js';
import { SOURCE_PROPERTIES } from '../shared/source-element.js';
import { FilterPresetElement } from '../shared/filter-preset-element.js';
import { PhaseWake } from '../../controllers/phase-wake.js';
import type { EditionPhase } from '../../editions/phase.js';
import type { CalendarFile } from './actions.js';
import { DetailDialog, type DetailModule } from './detail-dialog.js';
import { FILTER_ATTRIBUTES, ListFilters, presetsOf, quickRanges, shardRegion } from './list-filters.js';
import { PoliteStatus } from './polite-status.js';
import { AfterRender } from './after-render.js';
import { ShownResults } from './shown-results.js';
import { LIST_MESSAGES, type ListMessages } from './messages.js';
import { Narrow } from './narrow.js';
import { NearMe } from './near-me.js';
import { clearableKeys, OPTION_PROPERTIES, parseOptions, readOptions, type ControlKey, type ListOptions } from './options.js';
import { ListData } from './list-data.js';
import { countText } from './results-view.js';
import { headingBase, renderList, type ListView } from './list-view.js';
import { loadJsonLd, SeoPublisher, type JsonLdModule } from './seo.js';
import { listStyles } from './styles/index.js';
import { loadUrlState, urlMode, type UrlStateModule } from './url-sync.js';

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
 * @attr past - Show the events that are over too, each marked «Passé» (after the week: the edition's whole programme).
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
 * @csspart past-note - Above past events shown after the week: whose events they are.
 * @csspart list - The list of events.
 * @csspart day-heading - A day heading.
 * @csspart card - An event card (also: card-cancelled, skeleton).
 * @csspart card-title - The title of a card.
 * @csspart card-button - The button opening an event.
 * @csspart thumbnail - The image box of a card.
 * @csspart badge - A badge (also: badge-type, badge-audience, status, past-badge).
 * @csspart status - The status badge (cancelled, full, postponed…).
 * @csspart more - The «Voir plus d'événements» button.
 * @csspart see-all - The teaser's link to all events.
 * @csspart empty - The message when nothing is shown.
 * @csspart edition-state - In the empty message: the edition is over, or its programme is coming.
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
export class SdiEventList extends FilterPresetElement {
  static override styles = [baseStyles, listStyles];

  @property({ type: String }) city?: string;
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

  /** `language`, read once per update: cards and filters ask for it many times per render. */
  private speaks: Lang = 'fr';
  private messages: ListMessages = LIST_MESSAGES.fr;
  private options: ListOptions = parseOptions({}, LIST_MESSAGES.fr, 'http://localhost/').options;
  private source?: SourceConfig;
  private sourceKey = '';
  private readonly problems = new AttributeProblems('sdi-event-list');
  private readonly visitorZone = visitorTimeZone();
  private readonly unshowable = new WeakSet<SdiEvent>();
  private renderFailed = false;

  private readonly held = new ListData(this);
  private readonly status = new PoliteStatus(this, () => {
    const results = this.shown.results();
    return results ? countText(results.total ?? results.events.length, this.messages, this.speaks) : undefined;
  });
  private readonly afterRender = new AfterRender('sdi-event-list', this);
  private readonly wake = new PhaseWake(
    this,
    () => this.now(),
    false,
    () => this.shown.moveOn(),
  );
  private readonly shown = new ShownResults(
    this,
    this.held,
    () => ({
      filters: this.filters.current,
      options: this.options,
      near: this.nearMe.position,
      lang: this.speaks,
      past: this.past,
    }),
    () => this.now(),
  );
  private readonly link = new GroupLink(this, {
    group: () => this.group,
    apply: (detail) => this.filters.fromGroup(detail),
  });
  private readonly filters = new ListFilters(this, {
    presets: () => presetsOf(this),
    schema: () => this.held.data?.schema,
    lang: () => this.speaks,
    problems: this.problems,
    syncUrl: () => this.syncUrl,
    group: this.link,
    loadUrlState: () => this.loadUrlState(),
    changed: (committed) => {
      this.shown.restart();
      if (!committed) return;
      this.shown.moveOn();
      this.status.schedule();
    },
  });
  private readonly seoPublisher = new SeoPublisher(this, () => this.loadJsonLd());
  private readonly narrow = new Narrow(this);
  private readonly nearMe = new NearMe(this, () => {
    this.shown.restart();
    this.status.schedule();
  });
  private readonly detail = new DetailDialog(
    this,
    () => this.loadDetail(),
    () => ({
      store: this.store,
      source: this.source,
      lang: this.speaks,
      messages: this.messages,
      labels: this.held.labels(this.speaks),
      visitorZone: this.visitorZone,
      group: this.link.group,
      now: this.now(),
      signal: (own) => this.feed.with(own),
      download: this.download,
    }),
    () => this.renderRoot.querySelector<HTMLElement>('.count')?.focus(),
  );

  private readonly feed = new FeedController(this, {
    args: () => [this.sourceKey, shardRegion(this.filters.current, Boolean(this.group || urlMode(this.syncUrl)))] as const,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1],
    source: () => this.source,
    store: () => this.store,
    load: ([, region], signal, force) => {
      if (!this.source) throw new Error('no source');
      const accept = (data: EventsData) => this.setData(data);
      return this.held.load(this.store, this.source, region ? { region } : {}, { signal, force, accept });
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
    this.messages = LIST_MESSAGES[lang];
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
    this.filters.reportRefusal(this.messages.urlTaken);
  }

  /** Controls actually offered: none in the teaser. */
  private get controls(): ReadonlySet<ControlKey> {
    return this.options.limit !== undefined ? new Set() : this.options.controls;
  }

  private forgetData(): void {
    this.held.forget();
    this.shown.restart();
  }

  private setData(data: EventsData): void {
    const schemaArrived = data.schema !== this.held.data?.schema;
    if (!this.held.set(data)) return;
    this.shown.moveOn();
    if (schemaArrived && (this.type || this.audience)) this.filters.applyPresets([], true);
    this.status.schedule();
  }

  protected override updated(): void {
    this.seoPublisher.publish(this.seo ? () => this.seoContent() : undefined);
  }

  private seoContent() {
    const events = this.shown.visible();
    const schema = this.held.data?.schema;
    return events && { events, lang: this.speaks, ...(schema ? { schema } : {}) };
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

  private renderWidget(): TemplateResult {
    const controls = this.controls;
    return renderList({
      lang: this.speaks,
      m: this.messages,
      options: this.options,
      controls,
      filters: this.filters.current,
      drafts: this.filters.drafts,
      // Only what the visitor can change counts; of that, only what departs from a preset is theirs to clear.
      active: this.filters.count(clearableKeys(controls)),
      own: this.filters.ownCount(clearableKeys(controls)),
      data: this.held.data,
      awaitingUrl: this.filters.awaitingUrl,
      failure: !this.feed.failed ? 'none' : this.feed.error instanceof SnapshotUnavailableError ? 'unavailable' : 'error',
      problems: this.problems.list,
      quick: controls.has('date') ? quickRanges(this.now()) : {},
      near: this.nearMe.status,
      narrow: this.narrow.value,
      results: () => this.shown.results(),
      shown: (results) => this.shown.count(results),
      headingLevel: headingBase(this.headingLevel),
      cards: {
        labels: this.held.labels(this.speaks),
        visitorZone: this.visitorZone,
        now: this.shown.instant,
        near: this.nearMe.position,
        onOpen: (event) => this.detail.open(event),
        onHover: this.detail.preload,
      },
      unshowable: this.unshowable,
      announcement: this.status.text,
      detail: this.detail.render(this.messages.detailUnavailable),
      phase: this.phase(),
      on: this.handlers,
    });
  }

  /** The page's edition phase at the results' instant; its end is woken on (a page left open). */
  private phase(): EditionPhase | undefined {
    const phase = this.held.programme.phase(this.shown.instant);
    this.wake.until = phase?.until;
    return phase;
  }

  private readonly handlers: ListView['on'] = {
    change: (patch, changed) => this.filters.change(patch, changed),
    text: (key, value, now) => this.filters.type(key, value, now),
    quick: (kind) => {
      const range = quickRanges(this.now())[kind];
      if (range) this.filters.toggleRange(range);
    },
    near: () => this.nearMe.toggle(),
    clear: () => {
      this.filters.clear(clearableKeys(this.controls));
      // The button just pressed disappears with the filters: keep the keyboard in the list.
      this.afterRender.focus(this.renderRoot, '.count');
    },
    more: () => {
      const first = this.shown.more();
      if (first) this.afterRender.focus(this.renderRoot, `button.open[data-uid="${first.uid}"]`);
      this.status.schedule();
    },
    showPast: () => {
      this.shown.includePast();
      this.afterRender.focus(this.renderRoot, '.count');
      this.status.schedule();
    },
    retry: () => this.refresh(),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sdi-event-list': SdiEventList;
  }
}
