/**
 * What the list says when the edition, not the filters, is why no event is ahead (#13): after the
 * week, the edition held and its events one action away; before its programme is published, that
 * it is coming. The phase is the page's (ListProgramme), so these sentences name the edition and
 * dates the banner and the countdown beside the list name.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ordinalText } from '../../editions/ordinal.js';
import { isPast, shownDates, type EditionLabel, type EditionPhase } from '../../editions/phase.js';
import { formatCount } from '../../i18n/format.js';
import type { Lang } from '../../model/types.js';
import { formatDateRange } from '../countdown/format-dates.js';
import type { ListMessages } from './messages.js';

export interface EditionStateContext {
  lang: Lang;
  m: ListMessages;
  phase: EditionPhase;
  /** Events of the data, whatever the filters: none means no programme yet, not a filter miss. */
  held: number;
  /** Matching events hidden because they are over. */
  pastHidden: number;
  /** The filters in force, described ("région Hauts-de-France"); empty without any. */
  criteria: string[];
  clearable: boolean;
  onClear: () => void;
  onShowPast: () => void;
}

/** The edition's ordinal and dates as the messages take them. */
function words(edition: EditionLabel, phase: EditionPhase, lang: Lang): [string | undefined, string | undefined] {
  const { start, end } = edition === phase.edition ? shownDates(phase) : edition;
  const ordinal = edition.number !== undefined ? ordinalText(edition.number, lang) : undefined;
  return [ordinal, formatDateRange(start, end, lang)];
}

/** The edition whose events are over, when the page's phase has one behind it. */
export function pastEdition(phase: EditionPhase): EditionLabel | undefined {
  if (isPast(phase)) return phase.edition;
  return phase.name === 'programme-awaited' ? phase.previous : undefined;
}

function clearButton(ctx: EditionStateContext): TemplateResult | typeof nothing {
  return ctx.clearable ? html`<button type="button" part="button clear" @click=${ctx.onClear}>${ctx.m.clear}</button>` : nothing;
}

/** The state to show instead of "no event matches", or undefined when the filters are the cause. */
export function renderEditionState(ctx: EditionStateContext): TemplateResult | undefined {
  const { m, lang, phase } = ctx;
  const count = formatCount(ctx.pastHidden, lang);
  if (ctx.held === 0 || phase.name === 'programme-awaited') {
    const previous = phase.previous;
    const offer = ctx.pastHidden > 0 && previous;
    return html`<p class="edition-state" part="edition-state">${m.programmeComing(...words(phase.edition, phase, lang))}</p>
      ${
        offer
          ? html`<button type="button" part="button past" @click=${ctx.onShowPast}>
            ${m.showEdition(count, ctx.pastHidden, words(previous, phase, lang)[0])}
          </button>`
          : nothing
      }`;
  }
  if (!isPast(phase)) return undefined;
  return html`<p class="edition-state" part="edition-state">${m.editionHeld(...words(phase.edition, phase, lang))}</p>
    ${
      ctx.pastHidden > 0
        ? html`<button type="button" part="button past" @click=${ctx.onShowPast}>${m.showEdition(count, ctx.pastHidden)}</button>`
        : ctx.criteria.length > 0
          ? html`<p>${m.editionNoMatch(ctx.criteria.join(', '))}</p>`
          : nothing
    }
    ${clearButton(ctx)}`;
}

/** Above past events shown after the week: whose they are, so nobody takes them for what is ahead. */
export function renderPastNote(phase: EditionPhase, lang: Lang, m: ListMessages): TemplateResult | typeof nothing {
  const edition = pastEdition(phase);
  if (!edition) return nothing;
  return html`<p class="past-note" part="past-note">${m.pastNote(...words(edition, phase, lang))}</p>`;
}

/**
 * After the week, above the few events still ahead (late additions, a last visit): the edition is
 * over, and all its events are one action away, so nobody takes the stragglers for the programme.
 */
export function renderEditionOverNote(
  phase: EditionPhase,
  all: number,
  lang: Lang,
  m: ListMessages,
  onShowPast: () => void,
): TemplateResult | typeof nothing {
  if (!isPast(phase)) return nothing;
  return html`<div class="edition-over" part="edition-state">
    <p>${m.editionHeld(...words(phase.edition, phase, lang))}</p>
    <button type="button" part="button past" @click=${onShowPast}>${m.showEdition(formatCount(all, lang), all)}</button>
  </div>`;
}
