import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from '../../model/types.js';
import { intlLocale } from '../../i18n/locale.js';
import { countdownState, type CountdownState } from '../../editions/countdown-phase.js';
import type { EditionFacts } from '../../editions/editions.js';
import { editionOrdinal, type OrdinalParts } from '../../editions/ordinal.js';
import { pageEditionPhase } from '../../editions/page-programme.js';
import { PhaseWake } from '../../controllers/phase-wake.js';
import { isPast, shownDates, type EditionLabel, type EditionPhase } from '../../editions/phase.js';
import { AttributeProblems, type AttributeProblem } from '../shared/attribute-problems.js';
import { LangElement } from '../shared/lang-element.js';
import { baseStyles } from '../shared/styles.js';
import { present, validateAttributes } from './attributes.js';
import { formatDateRange, formatWeekdayDate } from './format-dates.js';
import { countdownMessages, segmentsText, type CountdownMessages, type Segment, type Unit } from './messages.js';
import { countdownStyles } from './styles.js';
import { nextChange, Ticker } from './ticker.js';

const TAG = 'sdi-countdown';

/** Everything one render shows, computed once per update from the clock and the attributes. */
interface View {
  lang: Lang;
  messages: CountdownMessages;
  /** The page's phase: the same edition and dates as the banner and the list beside it. */
  phase: EditionPhase;
  /** The phase's edition with the dates shown (its events' span when only they name it). */
  edition: EditionLabel;
  /** Absent when the edition is named by its events' dates alone. */
  ordinal?: OrdinalParts;
  state: CountdownState;
  showSeconds: boolean;
  href?: string;
  heading?: string;
  problems: AttributeProblem[];
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Countdown to the Semaine de l'industrie, then "en cours" during the week, and after it the
 * edition held and the next one's dates once known. It speaks from the page's edition phase
 * (src/editions/page-programme.ts): the edition and dates of the data the banner or list beside it
 * read, else the built-in facts (Europe/Paris), which the partner can override; an edition whose
 * dates are not announced says so rather than guessing.
 *
 * The ticking numbers are hidden from assistive technologies; a visually hidden timer (not a live
 * region) carries a sentence ("Plus que 26 jours, 13 heures et 5 minutes avant…") that screen
 * readers read when the visitor reaches it, never unasked. To avoid a jump when the script loads, give
 * the undefined element about the same height, e.g. `sdi-countdown:not(:defined) { display: block;
 * min-height: 8rem }` (more with a heading or a link).
 *
 * @attr {number} edition - Edition number to talk about (e.g. 15); default: the current or next edition.
 * @attr {string} start - First day, YYYY-MM-DD (Europe/Paris); overrides the built-in date.
 * @attr {string} end - Last day (inclusive), YYYY-MM-DD (Europe/Paris); overrides the built-in date.
 * @attr {string} start-time - Opening time of the first day, HH:MM (Europe/Paris); default 00:00.
 * @attr {boolean} seconds - Also show seconds (not when the visitor prefers reduced motion).
 * @attr {string} lang - "fr" or "en"; default: the page's language, else French.
 * @attr {string} href - Link to the programme, shown as "Découvrir le programme" (http/https or relative).
 * @attr {string} heading - Optional heading above the countdown.
 *
 * @prop {() => number} now - Clock in epoch milliseconds (default `Date.now`); inject one to test or preview.
 *
 * @csspart countdown - The whole widget box.
 * @csspart heading - The optional heading.
 * @csspart unit - One number with its label.
 * @csspart number - A number (days, hours, minutes, seconds).
 * @csspart label - A unit label ("jours", "heures"…).
 * @csspart message - The sentence under the numbers, or the phase message.
 * @csspart upcoming - The next edition and its dates, after an edition.
 * @csspart link - The link to the programme.
 * @csspart notice - A notice about an invalid attribute.
 *
 * @cssprop --sdi-primary - Accent colour (links, numbers); falls back to the DSFR blue.
 * @cssprop --sdi-text - Text colour.
 * @cssprop --sdi-muted - Colour of the unit labels.
 * @cssprop --sdi-surface-alt - Background of the notices (and of the units by default).
 * @cssprop --sdi-radius - Corner radius of the units.
 * @cssprop --sdi-gap - Spacing unit.
 * @cssprop --sdi-font-family - Font (default: inherited from the page).
 * @cssprop --sdi-countdown-number-size - Size of the numbers (default 2.5rem).
 * @cssprop --sdi-countdown-number-color - Colour of the numbers (default: --sdi-primary).
 * @cssprop --sdi-countdown-unit-background - Background of each unit (default: --sdi-surface-alt).
 * @cssprop --sdi-countdown-min-height - Height reserved for the numbers and sentence, whatever the phase (default 7rem).
 */
export class SdiCountdown extends LangElement {
  static override styles = [baseStyles, countdownStyles];

  /** Edition number; unset: the edition under way, else the next one. */
  @property({ type: Number }) edition?: number | null;
  /** First day, YYYY-MM-DD in Europe/Paris, overriding the built-in date. */
  @property() start?: string | null;
  /** Last day (inclusive), YYYY-MM-DD in Europe/Paris, overriding the built-in date. */
  @property() end?: string | null;
  /** Opening time of the first day, HH:MM in Europe/Paris (default 00:00). */
  @property({ attribute: 'start-time' }) startTime?: string | null;
  /** Show seconds too (ignored when the visitor prefers reduced motion). */
  @property({ type: Boolean }) seconds = false;
  /** Link to the programme. */
  @property() href?: string | null;
  /** Optional heading text. */
  @property() heading?: string | null;
  /** Clock in epoch milliseconds; inject one for tests or previews (then call `tick()` after moving it). */
  @property({ attribute: false }) now: () => number = () => Date.now();

  private readonly problems = new AttributeProblems(TAG);
  private view?: View;
  // Follows the programme the first data widget of the page publishes, maybe after this first
  // render; the phase's end is the ticker's to wake on, with the numbers.
  constructor() {
    super();
    new PhaseWake(this, () => this.readClock(), true);
  }
  private readonly ticker = new Ticker(this, () => {
    if (!this.view) return undefined;
    const now = this.readClock();
    const change = nextChange(this.view.state, this.view.showSeconds, now);
    // The phase can end while the display stands still (the weeks after the edition run out).
    const { until } = this.view.phase;
    const phaseEnd = until !== undefined ? Math.max(0, until - now) : undefined;
    return change === undefined ? phaseEnd : phaseEnd === undefined ? change : Math.min(change, phaseEnd);
  });

  /**
   * Reads the clock again, re-renders and re-arms the timer. The timer calls it; tests and
   * previews with an injected `now` call it after moving their clock.
   */
  tick(): Promise<boolean> {
    return this.ticker.tick();
  }

  protected override willUpdate(): void {
    this.view = this.computeView();
  }

  protected override render(): TemplateResult {
    const view = this.view ?? this.computeView();
    const { state } = view;
    // Left to right like both languages it speaks, also on a right-to-left page. The sentence is a
    // timer, not a live status (role timer implies aria-live="off"): screen readers read it when the
    // visitor reaches it, instead of repeating it unasked every minute for weeks.
    return html`
      <div part="countdown" class="countdown phase-${state.phase}" lang=${view.lang} dir="ltr">
        ${view.heading ? html`<h2 part="heading" class="heading">${view.heading}</h2>` : nothing}
        ${view.problems.map((p) => html`<p part="notice" class="notice">${p.message}</p>`)}
        <div class="body" aria-hidden="true">${this.renderBody(view)}</div>
        <div class="visually-hidden" role="timer" aria-atomic="true">${this.altText(view)}</div>
        ${view.href ? html`<a part="link" class="link" href=${view.href}>${view.messages.link}</a>` : nothing}
      </div>
    `;
  }

  private renderBody(view: View): TemplateResult {
    const { state, messages: m, edition, lang, ordinal } = view;
    switch (state.phase) {
      case 'before': {
        const { days, hours, minutes, seconds } = state.remaining;
        const units: Array<[Unit, number]> = [
          ['days', days],
          ['hours', hours],
          ['minutes', minutes],
        ];
        if (view.showSeconds) units.push(['seconds', seconds]);
        return html`
          <div class="clock">
            ${units.map(
              ([unit, value]) => html`<span part="unit" class="unit unit-${unit}"
                ><span part="number" class="number">${unit === 'days' ? String(value) : twoDigits(value)}</span
                ><span part="label" class="label">${m.unit(unit, value)}</span></span
              >`,
            )}
          </div>
          <p part="message" class="message">
            ${this.renderSegments(m.before(ordinal, this.dates(edition, lang), edition.confirmed), lang)}
          </p>
        `;
      }
      case 'during':
        return html`<p part="message" class="message">
          ${this.renderSegments(m.during(ordinal, this.lastDay(edition, lang)), lang)}
        </p>`;
      case 'after': {
        const held = this.held(view);
        return html`
          <p part="message" class="message">${held ? this.renderSegments(held, lang) : m.after}</p>
          <p part="upcoming" class="upcoming">${this.nextText(view)}</p>
        `;
      }
      case 'unknown':
        return html`<p part="message" class="message">
          ${this.renderSegments(m.upcoming(ordinal, this.dates(edition, lang), edition.confirmed), lang)}
        </p>`;
    }
  }

  private renderSegments(segments: readonly Segment[], lang: Lang): Array<string | TemplateResult> {
    return segments.map((segment) => {
      if (typeof segment === 'string') return segment;
      const { number, suffix } = segment.ordinal;
      // French typography raises the suffix (15ᵉ); English writes "15th" on the line.
      return lang === 'fr' ? html`${number}<sup>${suffix}</sup>` : `${number}${suffix}`;
    });
  }

  /** The sentence assistive technologies get; minute precision, so reading it twice in a row gives the same words. */
  private altText(view: View): string {
    const { state, messages: m, edition, lang, ordinal } = view;
    switch (state.phase) {
      case 'before': {
        const { days, hours, minutes } = state.remaining;
        const amounts = (
          [
            ['days', days],
            ['hours', hours],
            ['minutes', minutes],
          ] as Array<[Unit, number]>
        )
          .filter(([, value]) => value > 0)
          .map(([unit, value]) => `${value} ${m.unit(unit, value)}`);
        const lead =
          amounts.length > 0
            ? m.remaining(new Intl.ListFormat(intlLocale(lang), { type: 'conjunction' }).format(amounts))
            : m.lessThanAMinute;
        return `${lead} ${segmentsText(m.before(ordinal, this.dates(edition, lang), edition.confirmed))}.`;
      }
      case 'during':
        return `${segmentsText(m.during(ordinal, this.lastDay(edition, lang)))}.`;
      case 'after': {
        const held = this.held(view);
        return `${held ? `${segmentsText(held)}.` : m.after} ${this.nextText(view)}`;
      }
      case 'unknown':
        return `${segmentsText(m.upcoming(ordinal, this.dates(edition, lang), edition.confirmed))}.`;
    }
  }

  /** The injected clock if it gives a usable instant, else the real one: a bad `now` must not break the page. */
  private readClock(): number {
    const value = typeof this.now === 'function' ? Number(this.now()) : NaN;
    return Number.isFinite(value) ? value : Date.now();
  }

  /** The edition held, as the banner says it; undefined when its dates are not known. */
  private held(view: View): Segment[] | undefined {
    const dates = this.dates(view.edition, view.lang);
    return dates ? view.messages.held(view.ordinal, dates) : undefined;
  }

  /** The next edition's dates once known (the banner gives the same), else an invitation. */
  private nextText(view: View): string {
    const next = view.phase.next;
    const dates = next ? this.dates(next, view.lang) : undefined;
    if (!next || !dates) return view.messages.after;
    return view.messages.nextDates(dates, next.confirmed);
  }

  private dates(edition: EditionLabel, lang: Lang): string | undefined {
    return formatDateRange(edition.start, edition.end, lang);
  }

  private lastDay(edition: EditionLabel, lang: Lang): string | undefined {
    return edition.end ? formatWeekdayDate(edition.end, lang) : undefined;
  }

  private computeView(): View {
    const lang = this.language;
    const messages = countdownMessages(lang);
    const valid = validateAttributes(this, this.problems, messages);
    const now = this.readClock();
    const phase = pageEditionPhase({ now, overrides: valid.overrides });
    const edition: EditionLabel = { ...phase.edition, ...shownDates(phase) };
    // Data named by its events alone: their first and last days are facts, nothing to confirm.
    if (edition.number === undefined) edition.confirmed = true;
    // The clock counts to the opening time; the phase (the page's) decides when the week is over.
    const timing: EditionFacts = { ...edition, number: edition.number ?? 0 };
    const state: CountdownState = isPast(phase)
      ? { phase: 'after' }
      : countdownState(now, timing, valid.startTime ? { startTime: valid.startTime } : {});
    const view: View = {
      lang,
      messages,
      phase,
      edition,
      state,
      showSeconds: this.seconds && !prefersReducedMotion(),
      problems: this.problems.list,
    };
    if (edition.number !== undefined) view.ordinal = editionOrdinal(edition.number, lang);
    if (valid.href) view.href = valid.href;
    const heading = present(this.heading);
    if (heading) view.heading = heading;
    return view;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sdi-countdown': SdiCountdown;
  }
}
