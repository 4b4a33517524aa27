/**
 * The caption of the map's counts: which edition they belong to, and whether its week is ahead,
 * under way or over (« 15e édition (16–22 novembre 2026), terminée : 8 000 événements »). A map
 * left on a partner's page all year otherwise shows last November's figures as if they were news.
 *
 * The edition comes from the page's one edition phase (editions/page-programme.ts), so the map
 * names the same edition and dates as the banner and the countdown beside it; data without an
 * edition record is named by its events' dates (« Programme du 2 au 9 mars 2023 »), never by the
 * next edition's number.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { editionOrdinal } from '../../editions/ordinal.js';
import { pageEditionPhase } from '../../editions/page-programme.js';
import type { EditionLabel, EditionPhase, ProgrammeFacts } from '../../editions/phase.js';
import { formatCount, formatDate, formatDateRange } from '../../i18n/format.js';
import type { Lang } from '../../model/types.js';
import type { CaptionTime, MapMessages, Piece } from './messages.js';

/** What the map read of its source, and which source: the page's phase is derived from it. */
export interface ProgrammeRead {
  facts: ProgrammeFacts;
  source: string;
}

export interface CaptionContext {
  m: MapMessages;
  lang: Lang;
  now: number;
  programme: ProgrammeRead | undefined;
  /** What the map counts: its events shown, or the chosen region's. */
  count: number | undefined;
  /** The chosen region's name. */
  place: string | undefined;
  loading: boolean;
  /** Told the end of the phase the caption was written from, to render again then. */
  until: (instant: number | undefined) => void;
}

/** The injected clock's instant if usable, else the real one: a bad `now` must not break the page. */
export function clockOf(now: unknown): number {
  const value = typeof now === 'function' ? Number(now()) : NaN;
  return Number.isFinite(value) ? value : Date.now();
}

/** The edition the data in hand belongs to, and where its week stands. */
function counted(phase: EditionPhase): { edition: EditionLabel; time: CaptionTime } | undefined {
  switch (phase.name) {
    case 'under-way':
      return { edition: phase.edition, time: 'now' };
    case 'week-over':
    case 'off-season':
      return { edition: phase.edition, time: 'over' };
    case 'week-ahead':
      return { edition: phase.edition, time: 'ahead' };
    case 'programme-awaited':
      // The page has turned to the next edition, whose events are not out: the data is the last one's.
      return phase.previous ? { edition: phase.previous, time: 'over' } : undefined;
  }
}

/** « du 16 au 22 novembre 2026 »: the month and year said once when both days share them. */
function spanText(start: string, end: string, m: MapMessages, lang: Lang): string {
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  const sameMonth = sameYear && start.slice(5, 7) === end.slice(5, 7);
  const first = formatDate(start, lang, sameMonth ? { month: undefined, year: undefined } : sameYear ? { year: undefined } : {});
  return m.span(first, formatDate(end, lang));
}

function ordinalOf(n: number, lang: Lang): Piece {
  const { number, suffix } = editionOrdinal(n, lang);
  return lang === 'fr' ? html`${number}<sup>${suffix}</sup>` : `${number}${suffix}`;
}

function labelOf(edition: EditionLabel, time: CaptionTime, phase: EditionPhase, m: MapMessages, lang: Lang): Piece[] | undefined {
  if (edition.number !== undefined && edition.number > 0) {
    const dates = edition.start && edition.end ? formatDateRange(edition.start, edition.end, lang) : undefined;
    return m.captionEdition(ordinalOf(edition.number, lang), dates, time);
  }
  const start = edition.start ?? phase.eventSpan?.first;
  const end = edition.end ?? phase.eventSpan?.last;
  return start && end ? [m.captionProgramme(spanText(start, end, m, lang), time)] : undefined;
}

/** The caption's pieces, or undefined when nothing names the data (no record, no event dated). */
export function captionOf(ctx: CaptionContext): Piece[] | undefined {
  const { m, lang, programme } = ctx;
  if (!programme) return undefined;
  const phase = pageEditionPhase({ now: ctx.now, programme: programme.facts, source: programme.source });
  ctx.until(phase.until);
  const found = counted(phase);
  if (!found) {
    const label = labelOf(phase.edition, 'ahead', phase, m, lang);
    return label ? m.captionAwaited(label) : undefined;
  }
  const label = labelOf(found.edition, found.time, phase, m, lang);
  if (!label || ctx.count === undefined) return undefined;
  return m.caption(label, formatCount(ctx.count, lang), ctx.count, ctx.place);
}

/** As long as a national edition's caption: kept, unseen, while the data loads. */
function sample(m: MapMessages, lang: Lang): Piece[] {
  const label = m.captionEdition(ordinalOf(15, lang), formatDateRange('2026-11-16', '2026-11-22', lang), 'ahead');
  return m.caption(label, formatCount(8888, lang), 8888, undefined);
}

/**
 * The caption line. Always one paragraph once the data is in, empty when nothing names the data,
 * so the map below does not move by a line when the phase is known a moment after the counts.
 */
export function renderCaption(ctx: CaptionContext): TemplateResult | typeof nothing {
  if (ctx.loading) return html`<p class="caption sizer" aria-hidden="true">${sample(ctx.m, ctx.lang)}</p>`;
  const pieces = captionOf(ctx);
  return html`<p class="caption" part="caption">${pieces ?? nothing}</p>`;
}
