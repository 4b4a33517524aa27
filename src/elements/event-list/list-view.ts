/**
 * The whole list as one template, from a plain description of what the element holds: notices,
 * filter form, error, stale note, skeleton or results, the polite status and the detail dialog.
 * The element keeps the state and the controllers; this module only draws them, so the element
 * reads as its lifecycle and this as its picture.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EditionPhase } from '../../editions/phase.js';
import type { FilterState } from '../../filters/filter-state.js';
import type { QuickRange } from '../../filters/quick-dates.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import type { EventsData } from '../../store/feed-store.js';
import type { AttributeProblem } from '../shared/attribute-problems.js';
import type { CardContext } from './card.js';
import { renderFilterControls, type NearStatus, type TextKey } from './filter-controls.js';
import type { ListMessages } from './messages.js';
import type { ControlKey, ListOptions } from './options.js';
import type { Results } from './results.js';
import { renderLoading, renderResults } from './results-view.js';

export interface ListView {
  lang: Lang;
  m: ListMessages;
  options: ListOptions;
  /** Controls actually offered (none in the teaser). */
  controls: ReadonlySet<ControlKey>;
  filters: FilterState;
  drafts: Record<TextKey, string>;
  /** Filters in force that the visitor can change. */
  active: number;
  /** Of those, the ones departing from the partner's presets: what « Effacer les filtres » undoes. */
  own: number;
  data: EventsData | undefined;
  /** The address sync's code is on its way: the first filters are not known yet. */
  awaitingUrl: boolean;
  /** Reading failed; `unavailable` when the snapshot is missing rather than unreachable. */
  failure: 'none' | 'error' | 'unavailable';
  problems: readonly AttributeProblem[];
  quick: Partial<Record<QuickRange, { from: string; to: string }>>;
  near: NearStatus;
  narrow: boolean;
  /** Computed only when drawn: undefined before any data. */
  results: () => Results | undefined;
  /** Events shown out of the results (pages asked for, or the teaser's limit). */
  shown: (results: Results) => number;
  headingLevel: number;
  /** What every card needs besides its event and heading level. */
  cards: Omit<CardContext, 'lang' | 'm' | 'headingLevel'>;
  unshowable: WeakSet<SdiEvent>;
  announcement: string;
  detail: TemplateResult | typeof nothing;
  /** The page's edition phase; undefined until the source's programme is known. */
  phase: EditionPhase | undefined;
  on: {
    change: (patch: FilterState, changed: (keyof FilterState)[]) => void;
    text: (key: TextKey, value: string, now: boolean) => void;
    quick: (kind: QuickRange) => void;
    near: () => void;
    clear: () => void;
    more: () => void;
    showPast: () => void;
    retry: () => void;
  };
}

/** `heading-level`, 1–6; anything else is the default 3. */
export function headingBase(attribute: string | undefined): number {
  const level = Number(attribute ?? 3);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 3;
}

function renderError(view: ListView): TemplateResult {
  const { m } = view;
  return html`<div class="notice error" part="error notice" role="alert">
    <p>${view.data ? m.staleError : view.failure === 'unavailable' ? m.unavailable : m.error}</p>
    <button type="button" class="retry" part="button retry" @click=${view.on.retry}>${m.retry}</button>
  </div>`;
}

function renderBody(view: ListView): TemplateResult | typeof nothing {
  const failed = view.failure !== 'none';
  // No results yet also when first-page data cannot stand for these filters (ListData.results).
  const results = view.data ? view.results() : undefined;
  if ((!results || view.awaitingUrl) && !failed) return renderLoading(view.m, view.options);
  if (!view.data || !results) return nothing;
  return renderResults(results, {
    lang: view.lang,
    m: view.m,
    options: view.options,
    filters: view.filters,
    schema: view.data.schema,
    skipped: view.data.skipped ?? 0,
    shown: view.shown(results),
    headingLevel: view.headingLevel,
    clearable: view.own > 0,
    card: (headingLevel) => ({ ...view.cards, lang: view.lang, m: view.m, headingLevel }),
    unshowable: view.unshowable,
    onMore: view.on.more,
    onClear: view.on.clear,
    onShowPast: view.on.showPast,
    phase: view.phase,
    held: view.data.first ? Infinity : view.data.events.length,
  });
}

export function renderList(view: ListView): TemplateResult {
  const { m, controls } = view;
  const failed = view.failure !== 'none';
  // The widget speaks French or English, both left to right: on a right-to-left page (or one in
  // another language) its text keeps its own direction, and screen readers its own voice.
  return html`<div class="root layout-${view.options.layout}" part="root" lang=${view.lang} dir="ltr">
    ${view.problems.map((p) => html`<p class="notice" part="notice" role="alert">${p.attribute} : ${p.message}</p>`)}
    ${renderFilterControls({
      lang: view.lang,
      m,
      controls,
      filters: view.filters,
      drafts: view.drafts,
      schema: view.data?.schema,
      quick: view.quick,
      near: view.near,
      active: view.active,
      clearable: view.own > 0,
      narrow: view.narrow,
      onChange: view.on.change,
      onText: view.on.text,
      onQuick: view.on.quick,
      onNear: view.on.near,
      onClear: view.on.clear,
    })}
    ${failed ? renderError(view) : nothing}
    ${view.data?.stale && !failed ? html`<p class="notice stale" part="notice">${m.staleNote}</p>` : nothing}
    ${renderBody(view)}
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${view.announcement}</div>
    ${view.detail}
  </div>`;
}
