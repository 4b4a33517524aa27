import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from '../../model/types.js';
import { intlLocale, resolveLang } from '../../i18n/locale.js';
import { countdownState, type CountdownState } from '../../editions/countdown-phase.js';
import {
  nextEditionAfter,
  resolveEdition,
  type EditionFacts,
  type EditionOverrides,
} from '../../editions/editions.js';
import { editionOrdinal } from '../../editions/ordinal.js';
import { formatIsoDate, parseIsoDate, parseWallTime } from '../../time/iso-date.js';
import { AttributeProblems, type AttributeProblem } from '../shared/attribute-problems.js';
import { baseStyles } from '../shared/styles.js';
import { formatDateRange, formatWeekdayDate } from './format-dates.js';
import { countdownMessages, segmentsText, type CountdownMessages, type Segment, type Unit } from './messages.js';
import { countdownStyles } from './styles.js';
import { partnerLink } from '../../security/link-policy.js';

const TAG = 'sdi-countdown';
const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** setTimeout overflows above 2^31 − 1 ms (≈ 24.8 days) and would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;

/** Everything one render shows, computed once per update from the clock and the attributes. */
interface View {
  lang: Lang;
  messages: CountdownMessages;
  edition: EditionFacts;
  state: CountdownState;
  /** For the 'after' phase: the edition to announce. */
  next?: EditionFacts;
  showSeconds: boolean;
  href?: string;
  heading?: string;
  problems: AttributeProblem[];
}

interface ValidAttributes {
  overrides: Partial<EditionOverrides>;
  startTime?: string;
  href?: string;
}

/** Attribute text, or undefined when absent or blank (templating tools often emit `start=""`). */
function present(value: unknown): string | undefined {
  // Properties can be set from script with any type; coercing keeps "never throw" true.
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed : undefined;
}

/** Beyond this an "edition number" is a typo, and a year far in the future is no use to anyone. */
const MAX_EDITION = 999;

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Countdown to the Semaine de l'industrie, then "en cours" during the week and an invitation to
 * the next edition afterwards. Dates are the built-in edition facts (Europe/Paris), which the
 * partner can override; an edition whose dates are not announced says so rather than guessing.
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
export class SdiCountdown extends LitElement {
  static override styles = [baseStyles, countdownStyles];

  static override get observedAttributes(): string[] {
    // `lang` stays the native property (declaring it reactive would shadow it): observing the
    // attribute is enough to re-render in the new language.
    return [...super.observedAttributes, 'lang'];
  }

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
  private timer: ReturnType<typeof setTimeout> | undefined;
  private view?: View;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    // Re-arms the timer when the element is moved or re-inserted (the update reschedules).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.clearTimer();
  }

  /**
   * Reads the clock again, re-renders and re-arms the timer. The timer calls it; tests and
   * previews with an injected `now` call it after moving their clock.
   */
  tick(): Promise<boolean> {
    this.requestUpdate();
    return this.updateComplete;
  }

  protected override willUpdate(): void {
    this.view = this.computeView();
  }

  protected override updated(): void {
    this.schedule();
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
    const { state, messages: m, edition, lang } = view;
    const ordinal = editionOrdinal(edition.number, lang);
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
        const next = view.next ?? edition;
        return html`
          <p part="message" class="message">${m.after}</p>
          <p part="upcoming" class="upcoming">
            ${this.renderSegments(
              m.upcoming(editionOrdinal(next.number, lang), this.dates(next, lang), next.confirmed),
              lang,
            )}
          </p>
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
    const { state, messages: m, edition, lang } = view;
    const ordinal = editionOrdinal(edition.number, lang);
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
        const next = view.next ?? edition;
        const upcoming = m.upcoming(editionOrdinal(next.number, lang), this.dates(next, lang), next.confirmed);
        return `${m.after} ${segmentsText(upcoming)}.`;
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

  private dates(edition: EditionFacts, lang: Lang): string | undefined {
    return formatDateRange(edition.start, edition.end, lang);
  }

  private lastDay(edition: EditionFacts, lang: Lang): string | undefined {
    return edition.end ? formatWeekdayDate(edition.end, lang) : undefined;
  }

  private computeView(): View {
    const lang = resolveLang(this);
    const messages = countdownMessages(lang);
    const valid = this.validate(messages);
    const now = this.readClock();
    const edition = resolveEdition(now, valid.overrides);
    const state = countdownState(now, edition, valid.startTime ? { startTime: valid.startTime } : {});
    const view: View = {
      lang,
      messages,
      edition,
      state,
      showSeconds: this.seconds && !prefersReducedMotion(),
      problems: this.problems.list,
    };
    if (state.phase === 'after') view.next = nextEditionAfter(edition, now);
    if (valid.href) view.href = valid.href;
    const heading = present(this.heading);
    if (heading) view.heading = heading;
    return view;
  }

  /**
   * Keeps the valid attributes and reports the others (once each, in the widget's language). An
   * invalid value falls back to the built-in facts rather than breaking the partner's page.
   */
  private validate(m: CountdownMessages): ValidAttributes {
    const valid: ValidAttributes = { overrides: {} };
    const problems = this.problems;

    const edition = this.edition;
    const rawEdition = this.getAttribute('edition');
    if (edition === undefined || edition === null || (rawEdition !== null && !present(rawEdition))) {
      problems.clear('edition');
    } else if (Number.isInteger(edition) && edition >= 1 && edition <= MAX_EDITION) {
      problems.clear('edition');
      valid.overrides.edition = edition;
    } else {
      const value = rawEdition ?? String(edition);
      problems.report({ attribute: 'edition', value, message: m.problems.edition(value) });
    }

    const start = this.checkDate('start', m.problems.start);
    const end = this.checkDate('end', m.problems.end);
    if (start && end && start > end) {
      problems.report({ attribute: 'end', value: end, message: m.problems.endBeforeStart(start, end) });
    } else {
      if (start) valid.overrides.start = start;
      if (end) valid.overrides.end = end;
    }

    const startTime = present(this.startTime);
    if (!startTime) {
      problems.clear('start-time');
    } else if (parseWallTime(startTime)) {
      problems.clear('start-time');
      valid.startTime = startTime;
    } else {
      problems.report({ attribute: 'start-time', value: startTime, message: m.problems.startTime(startTime) });
    }

    const href = present(this.href);
    // The library's one link policy: http(s) only, relative paths resolved against the page.
    const link = href ? partnerLink(href, document.baseURI) : undefined;
    if (!href) {
      problems.clear('href');
    } else if (link) {
      problems.clear('href');
      valid.href = link;
    } else {
      problems.report({ attribute: 'href', value: href, message: m.problems.href(href) });
    }
    return valid;
  }

  /** The date as YYYY-MM-DD when the attribute is valid, undefined when absent or reported. */
  private checkDate(attribute: 'start' | 'end', message: (value: string) => string): string | undefined {
    const raw = present(this[attribute]);
    const date = parseIsoDate(raw);
    if (raw === undefined || date) {
      this.problems.clear(attribute);
      return date ? formatIsoDate(date) : undefined;
    }
    this.problems.report({ attribute, value: raw, message: message(raw) });
    return undefined;
  }

  /** One timer, aligned on the next change of what is shown, so it never drifts like setInterval. */
  private schedule(): void {
    this.clearTimer();
    const view = this.view;
    if (!view || !this.isConnected || document.visibilityState === 'hidden') return;
    let delay: number;
    const { state } = view;
    if (state.phase === 'before') {
      const step = view.showSeconds ? SECOND : MINUTE;
      // The display changes when the remaining time crosses a multiple of the step; the start
      // instant itself is such a boundary, so the switch to 'during' is on time.
      delay = state.remaining.totalMs % step || step;
    } else if (state.phase === 'during') {
      delay = Math.max(0, state.endsAt - this.readClock());
    } else {
      // 'after' and 'unknown' do not change with time: built-in facts are fixed for the page's life.
      return;
    }
    this.timer = setTimeout(this.onTimer, Math.min(delay, MAX_DELAY));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    void this.tick();
  };

  private readonly onVisibilityChange = (): void => {
    // A hidden tab needs no ticks (and browsers throttle them anyway); on return the clock may
    // have jumped, so read it again rather than trusting the old schedule.
    if (document.visibilityState === 'hidden') this.clearTimer();
    else void this.tick();
  };
}
