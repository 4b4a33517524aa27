import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../../controllers/feed-controller.js';
import type { EditionOverrides } from '../../editions/editions.js';
import { editionOrdinal } from '../../editions/ordinal.js';
import { pageEditionPhase, publishProgramme } from '../../editions/page-programme.js';
import { PhaseWake } from '../../controllers/phase-wake.js';
import { isPast, shownDates, type EditionPhase, type ProgrammeFacts } from '../../editions/phase.js';
import { programmeFactsOf } from '../../editions/programme-facts.js';
import { findDepartment, findRegion } from '../../geo/admin.js';
import { formatCount, formatDateRange } from '../../i18n/format.js';
import { parseIsoDate } from '../../time/iso-date.js';
import { partnerLink } from '../../security/link-policy.js';
import { sourceKey, type SourceConfig } from '../../feed/source.js';
import type { Lang } from '../../model/types.js';
import { AttributeProblems } from '../shared/attribute-problems.js';
import { sourceOf } from '../shared/source-attributes.js';
import { SOURCE_PROPERTIES, SourceElement } from '../shared/source-element.js';
import { baseStyles } from '../shared/styles.js';
import { BANNER_MESSAGES, type OrdinalText } from './messages.js';
import { bannerStyles } from './styles.js';
import { SnapshotUnavailableError } from '../../feed/snapshot-reader.js';

/**
 * The edition at a glance: its number, theme and dates, and the live number of labelled events,
 * nationally or for one region or department, with a call-to-action link. It speaks from the page's
 * edition phase (src/editions/page-programme.ts), as the countdown beside it does: the week to
 * come, under way, or held ("La 15e édition s'est tenue du 16 au 22 novembre 2026 : 8 000
 * événements", with the next edition's dates once known).
 *
 * @summary Edition number, theme, dates and live event count of the Semaine de l'industrie.
 *
 * @attr edition - Edition number (e.g. 15); default: the current or next edition.
 * @attr start - First day, YYYY-MM-DD (overrides the built-in facts).
 * @attr end - Last day, YYYY-MM-DD.
 * @attr theme - Theme of the edition.
 * @attr number - Number of events to show instead of the live count.
 * @attr region - INSEE region code or name: count that region's events.
 * @attr department - INSEE department code or name: count that department's events.
 * @attr href - Call-to-action link (http or https).
 * @attr cta - Text of the call-to-action link (default: one per phase, e.g. « Revoir le programme » after the week).
 * @attr heading-level - Level of the title heading, 1–6 (default 2).
 * @attr src - Snapshot base URL (default: the page's `sdi:src` meta, then the snapshot beside the script).
 * @attr agenda - OpenAgenda agenda uid: read the live API instead of a snapshot.
 * @attr api-key - OpenAgenda public read key (live mode).
 * @attr api - API base URL, e.g. a partner's proxy (live mode).
 * @attr lang - fr (default) or en; inherited from the page when absent.
 *
 * @csspart banner - The whole box.
 * @csspart edition - "15e édition".
 * @csspart title - The name of the event.
 * @csspart theme - The theme.
 * @csspart dates - The dates.
 * @csspart count - The number of events.
 * @csspart next - After the week: the next edition's dates, once known.
 * @csspart cta - The call-to-action link.
 * @csspart notice - Message about a bad attribute.
 *
 * @cssprop --sdi-primary - Accent colour (falls back to the DSFR blue on State sites).
 * @cssprop --sdi-text - Text colour.
 * @cssprop --sdi-banner-background - Background of the box.
 * @cssprop --sdi-banner-color - Text colour of the box.
 * @cssprop --sdi-banner-padding - Padding of the box.
 * @cssprop --sdi-banner-title-size - Font size of the title.
 * @cssprop --sdi-radius - Corner radius.
 */
export class SdiEditionBanner extends SourceElement {
  static override styles = [baseStyles, bannerStyles];

  @property({ type: String }) edition?: string;
  @property({ type: String }) start?: string;
  @property({ type: String }) end?: string;
  @property({ type: String }) theme?: string;
  @property({ type: String }) number?: string;
  @property({ type: String }) region?: string;
  @property({ type: String }) department?: string;
  @property({ type: String }) href?: string;
  @property({ type: String }) cta?: string;
  @property({ type: String, attribute: 'heading-level' }) headingLevel?: string;

  /**
   * Clock, injectable for tests.
   * @internal
   */
  now: () => number = () => Date.now();

  /** Without data of its own yet (or with a fixed `number`), the banner follows the page's programme. */
  private readonly wake = new PhaseWake(this, () => this.readClock(), true);

  private readonly problems = new AttributeProblems('sdi-edition-banner');
  /** Recomputed only when a source attribute changes, so the task sees a stable identity. */
  private source?: SourceConfig;

  private readonly feed = new FeedController(this, {
    args: () => [this.source, this.scope().region, this.scope().department] as const,
    source: () => this.source,
    store: () => this.store,
    load: async ([source, region, department], signal) => {
      if (!source) throw new Error('no source');
      const filter = { ...(region ? { region } : {}), ...(department ? { department } : {}) };
      const counted = await this.store.count(source, filter, signal);
      // A snapshot's summary is the index the count has just read (no request). A live region's
      // count is its own request: the national summary would cost another, so its figure stands in.
      const live = source.kind === 'live' && (region !== undefined || department !== undefined);
      const programme: ProgrammeFacts = live
        ? { total: counted.count }
        : programmeFactsOf(await this.store.summary(source, signal));
      publishProgramme(sourceKey(source), programme);
      return { count: counted.count, stale: counted.stale, programme };
    },
  });

  /** The injected clock if it gives a usable instant, else the real one: a bad `now` must not break the page. */
  private readClock(): number {
    const value = typeof this.now === 'function' ? Number(this.now()) : NaN;
    return Number.isFinite(value) ? value : Date.now();
  }

  private get messages() {
    return BANNER_MESSAGES[this.language];
  }

  private scope(): { region?: string; department?: string; place?: string } {
    const m = this.messages;
    this.problems.clear('region');
    this.problems.clear('department');
    if (this.department) {
      const department = findDepartment(this.department);
      if (department) return { department: department.code, place: department.name };
      this.problems.report({ attribute: 'department', value: this.department, message: m.invalidDepartment(this.department) });
    }
    if (this.region) {
      const region = findRegion(this.region);
      if (region) return { region: region.code, place: region.name };
      this.problems.report({ attribute: 'region', value: this.region, message: m.invalidRegion(this.region) });
    }
    return {};
  }

  /**
   * The edition the banner names, from the page's one phase: the partner's attributes win;
   * otherwise the edition the data records or its events' dates; otherwise the calendar.
   */
  private phase(): EditionPhase {
    const programme = this.feed.value?.programme;
    return pageEditionPhase({ now: this.readClock(), overrides: this.overrides(), ...(programme ? { programme } : {}) });
  }

  private overrides(): Partial<EditionOverrides> {
    const m = this.messages;
    for (const attribute of ['edition', 'start', 'end', 'number', 'href'] as const) this.problems.clear(attribute);
    const overrides: Partial<EditionOverrides> = {};
    if (this.edition) {
      const n = Number(this.edition);
      if (Number.isInteger(n) && n > 0 && n < 1000) overrides.edition = n;
      else this.problems.report({ attribute: 'edition', value: this.edition, message: m.invalidEdition(this.edition) });
    }
    for (const attribute of ['start', 'end'] as const) {
      const value = this[attribute];
      if (!value) continue;
      if (parseIsoDate(value) !== undefined) overrides[attribute] = value.trim();
      else this.problems.report({ attribute, value, message: m.invalidDate(value) });
    }
    if (overrides.start && overrides.end && overrides.end < overrides.start) {
      this.problems.report({ attribute: 'end', value: overrides.end, message: m.endBeforeStart });
      delete overrides.end;
    }
    if (this.theme?.trim()) overrides.theme = this.theme.trim();
    return overrides;
  }

  private fixedNumber(): number | undefined {
    if (this.number === undefined || this.number === null || this.number === '') return undefined;
    const n = Number(this.number.replace(/[\s\u202f\u00a0]/g, ''));
    if (Number.isInteger(n) && n >= 0) return n;
    this.problems.report({ attribute: 'number', value: this.number, message: this.messages.invalidNumber(this.number) });
    return undefined;
  }

  private link(): string | undefined {
    if (!this.href) return undefined;
    const url = partnerLink(this.href, document.baseURI);
    if (!url) this.problems.report({ attribute: 'href', value: this.href, message: this.messages.invalidHref });
    return url;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sourceChanged = SOURCE_PROPERTIES.some((p) => changed.has(p)) || changed.has('lang');
    if (!this.source || sourceChanged) {
      this.source = sourceOf(this, this.problems, this.language);
    }
    // The count task needs no run when a fixed number is given: no request at all.
    if (changed.has('number') && this.fixedNumber() !== undefined) this.feed.autoRun = false;
    else if (changed.has('number')) this.feed.autoRun = true;
  }

  private renderHeading(content: TemplateResult): TemplateResult {
    const level = Number(this.headingLevel ?? 2);
    switch (Number.isInteger(level) ? level : 2) {
      case 1:
        return html`<h1 class="title" part="title">${content}</h1>`;
      case 3:
        return html`<h3 class="title" part="title">${content}</h3>`;
      case 4:
        return html`<h4 class="title" part="title">${content}</h4>`;
      case 5:
        return html`<h5 class="title" part="title">${content}</h5>`;
      case 6:
        return html`<h6 class="title" part="title">${content}</h6>`;
      default:
        return html`<h2 class="title" part="title">${content}</h2>`;
    }
  }

  private renderCount(place: string | undefined): TemplateResult {
    const m = this.messages;
    const lang = this.language;
    const where = place ? html` ${m.inPlace(place)}` : nothing;
    const fixed = this.fixedNumber();
    const show = (n: number, stale: boolean) => {
      const text = m.events(formatCount(n, lang), n);
      const [figure, ...rest] = text.split(' ');
      return html`<p class="count" part="count"><strong>${figure}</strong> ${rest.join(' ')}${where}${
        stale ? html` <span class="stale">(${m.stale})</span>` : nothing
      }</p>`;
    };
    if (fixed !== undefined) return show(fixed, false);
    // The message sits over an invisible copy of the sentence to come, so the line wraps as the
    // count will (a region's name takes two lines in a phone's column) and nothing moves when it arrives.
    const [figure, ...rest] = m.events(formatCount(SIZER_COUNT, lang), SIZER_COUNT).split(' ');
    const waiting = (message: string) => html`<p class="count pending" part="count"><span>${message}</span><span
        class="sizer" aria-hidden="true"><strong>${figure}</strong> ${rest.join(' ')}${where}</span></p>`;
    return this.feed.render({
      initial: () => waiting(m.countLoading),
      pending: () => waiting(m.countLoading),
      complete: (result) => show(result.count, result.stale),
      // Long enough to wrap like the count; alone, so it reads as one sentence.
      error: (error) => html`<p class="count pending" part="count">${this.failure(error)}</p>`,
    });
  }

  private failure(error: unknown): string {
    return error instanceof SnapshotUnavailableError ? this.messages.unavailable : this.messages.countUnavailable;
  }

  /**
   * After the week, one sentence a communication officer can leave on the page for weeks:
   * « La 15e édition s'est tenue du 16 au 22 novembre 2026 : 8 000 événements en Corse ».
   */
  private renderHeld(phase: EditionPhase, range: string, place: string | undefined): TemplateResult {
    const m = this.messages;
    const lang = this.language;
    const { number } = phase.edition;
    const edition: OrdinalText | undefined = number !== undefined ? { ordinal: editionOrdinal(number, lang) } : undefined;
    const sentence = m.held(edition, range).map((segment) => {
      if (typeof segment === 'string') return segment;
      const { number: n, suffix } = segment.ordinal;
      return lang === 'fr' ? html`${n}<sup>${suffix}</sup>` : `${n}${suffix}`;
    });
    const colon = lang === 'fr' ? '\u00a0: ' : ': ';
    const figure = (n: number, stale: boolean) => {
      const [count, ...rest] = m.pastEvents(formatCount(n, lang), n).split(' ');
      return html`<strong>${count}</strong> ${rest.join(' ')}${place ? ` ${m.inPlace(place)}` : ''}${
        stale ? html` <span class="stale">(${m.stale})</span>` : nothing
      }`;
    };
    const shown = (n: number, stale: boolean) => html`${colon}<span class="count" part="count">${figure(n, stale)}</span>`;
    // The figure to come, invisible: the sentence wraps now as it will, and nothing moves then.
    const waiting = () =>
      html`<span class="count pending inline" part="count" aria-hidden="true">${colon}${figure(SIZER_COUNT, false)}</span>`;
    const fixed = this.fixedNumber();
    const tail =
      fixed !== undefined
        ? shown(fixed, false)
        : this.feed.render({
            initial: waiting,
            pending: waiting,
            complete: (result) => shown(result.count, result.stale),
            error: (error) => html`. <span class="count" part="count">${this.failure(error)}</span>`,
          });
    return html`<p class="dates held" part="dates">${sentence}${tail}</p>`;
  }

  override render(): TemplateResult {
    const m = this.messages;
    const lang = this.language;
    const phase = this.phase();
    this.wake.until = phase.until;
    const { place } = this.scope();
    const { number, year, theme } = phase.edition;
    const ordinal = number !== undefined ? editionOrdinal(number, lang) : undefined;
    const href = this.link();
    const { start, end } = shownDates(phase);
    const range = start && end ? m.dates(...splitRange(start, end, lang)) : undefined;
    const next = phase.next?.start && phase.next.end ? m.dates(...splitRange(phase.next.start, phase.next.end, lang)) : undefined;
    const past = isPast(phase) && range !== undefined;
    const dates = !range
      ? m.datesToCome
      : phase.name === 'under-way'
        ? m.underWay(range)
        : number === undefined
          ? m.programmeDates(range)
          : capitalise(range);
    // Its own language and direction (French or English, left to right), whatever the page's.
    return html`
      <section class="banner phase-${phase.name}" part="banner" aria-labelledby="title" lang=${lang} dir="ltr">
        <div class="text">
          ${
            ordinal
              ? html`<p class="edition" part="edition">${ordinal.number}<sup>${ordinal.suffix}</sup> ${m.editionWord}</p>`
              : nothing
          }
          ${this.renderHeading(html`<span id="title">${number !== undefined ? `${m.name} ${year}` : m.name}</span>`)}
          ${theme ? html`<p class="theme" part="theme">« ${theme} »</p>` : nothing}
          ${
            past
              ? this.renderHeld(phase, range, place)
              : html`<p class="dates" part="dates">${dates}${range && number !== undefined && !phase.edition.confirmed && phase.name !== 'under-way' ? m.toConfirm : ''}</p>
                ${
                  phase.name === 'programme-awaited'
                    ? html`<p class="count" part="count">${m.programmeComing}</p>`
                    : this.renderCount(place)
                }`
          }
          ${past && next ? html`<p class="next" part="next">${m.nextEdition(next)}</p>` : nothing}
        </div>
        ${href ? html`<a class="cta" part="cta" href=${href}>${this.cta?.trim() || m.ctaByPhase[phase.name]}</a>` : nothing}
      </section>
      ${this.problems.list.map((p) => html`<p class="notice" part="notice" role="alert">${p.attribute} : ${p.message}</p>`)}
    `;
  }
}

/** As wide as a national count (four digits, plural): the pending line reserves its width. */
const SIZER_COUNT = 8888;

/** "16" and "22 novembre 2026" from a range, so the sentence reads « du 16 au 22 novembre 2026 ». */
function splitRange(start: string, end: string, lang: Lang): [string, string] {
  const range = formatDateRange(start, end, lang);
  const parts = range.split(/\s*[–-]\s*/);
  if (parts.length === 2) return [parts[0] as string, parts[1] as string];
  return [range, ''];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

declare global {
  interface HTMLElementTagNameMap {
    'sdi-edition-banner': SdiEditionBanner;
  }
}
