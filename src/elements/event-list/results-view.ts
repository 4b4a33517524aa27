/**
 * The list's results as templates: the count, the cards (grouped by day, or flat in the teaser and
 * the other sorts), «Voir plus», the empty state and the skeleton. Pure rendering from what the
 * element passes; the element keeps the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { FilterState } from '../../filters/filter-state.js';
import { formatCount } from '../../i18n/format.js';
import { groupByDay } from '../../list/group-by-day.js';
import type { FeedSchema, Lang, SdiEvent } from '../../model/types.js';
import { describeFilters } from './criteria.js';
import { headingTag, renderCard, renderSkeleton, type CardContext } from './card.js';
import type { ListMessages } from './messages.js';
import type { ListOptions } from './options.js';
import { isOver, type Results } from './results.js';
import type { EditionPhase } from '../../editions/phase.js';
import { renderEditionOverNote, renderEditionState, renderPastNote } from './edition-states.js';

const SKELETON_CARDS = 3;

export interface ResultsViewContext {
  lang: Lang;
  m: ListMessages;
  options: ListOptions;
  filters: FilterState;
  schema: FeedSchema | undefined;
  /** Records of the feed that could not be shown. */
  skipped: number;
  /** Events shown (the pages asked for, or the teaser's limit). */
  shown: number;
  /** Level of the day headings. */
  headingLevel: number;
  /** The visitor may clear filters. */
  clearable: boolean;
  card: (headingLevel: number) => CardContext;
  /** Events whose card could not be rendered, reported once each (per list). */
  unshowable: WeakSet<SdiEvent>;
  onMore: () => void;
  onClear: () => void;
  onShowPast: () => void;
  /** The page's edition phase; undefined until the source's programme is known. */
  phase: EditionPhase | undefined;
  /** Events in the data, whatever the filters. */
  held: number;
}

export function countText(n: number, m: ListMessages, lang: Lang): string {
  return n === 0 ? m.countNone : m.count(formatCount(n, lang), n);
}

export function renderLoading(m: ListMessages, options: ListOptions): TemplateResult {
  const count = Math.min(SKELETON_CARDS, options.limit ?? SKELETON_CARDS, options.pageSize);
  return html`<p class="count pending" part="count">${m.loading}</p>
    <div class="results" part="list" aria-busy="true">${renderSkeleton(count)}</div>`;
}

/**
 * `repeat` calls this while lit commits, after `render()` has returned, so `render()`'s own
 * try/catch cannot help: an event no check caught would throw out of the update, into the page,
 * and on every render after. It costs its own card instead.
 */
function renderCardSafely(
  event: SdiEvent,
  ctx: CardContext,
  unshowable: WeakSet<SdiEvent>,
  day?: string,
): TemplateResult | typeof nothing {
  try {
    return renderCard(event, ctx, day);
  } catch (error) {
    // Said once per event: the list renders again on every filter change and announcement.
    if (!unshowable.has(event)) {
      unshowable.add(event);
      console.warn(`[semaine-industrie-widgets] <sdi-event-list> could not show event ${String(event.uid)}:`, error);
    }
    return nothing;
  }
}

function renderGroups(shown: SdiEvent[], results: Results, ctx: ResultsViewContext): TemplateResult {
  const level = ctx.headingLevel;
  const groups = groupByDay(shown, ctx.lang, {
    now: results.reference,
    ...(ctx.filters.from ? { from: ctx.filters.from } : {}),
  });
  const card = ctx.card(level + 1);
  const Heading = headingTag(level);
  return html`${repeat(
    groups,
    (group) => group.day,
    (group) => staticHtml`<section class="day">
      <${Heading} class="day-heading" part="day-heading" id=${`day-${group.day}`}>${group.label}</${Heading}>
      <ul class="cards" role="list">${repeat(
        group.events,
        (event) => event.uid,
        (event) => renderCardSafely(event, card, ctx.unshowable, group.day),
      )}</ul>
    </section>`,
  )}`;
}

function renderFlat(shown: SdiEvent[], ctx: ResultsViewContext): TemplateResult {
  const card = ctx.card(ctx.headingLevel);
  return html`<ul class="cards" role="list">${repeat(
    shown,
    (event) => event.uid,
    (event) => renderCardSafely(event, card, ctx.unshowable),
  )}</ul>`;
}

/** Records of the feed that could not be shown are said, even when none could: «Aucun événement» alone would hide them. */
function renderSkipped(ctx: ResultsViewContext): TemplateResult | typeof nothing {
  if (ctx.skipped <= 0 || ctx.options.limit !== undefined) return nothing;
  return html`<p class="skipped">${ctx.m.skipped(formatCount(ctx.skipped, ctx.lang), ctx.skipped)}</p>`;
}

function renderEmpty(results: Results, ctx: ResultsViewContext): TemplateResult {
  const { m, lang } = ctx;
  const criteria = describeFilters(ctx.filters, ctx.schema, lang, m);
  const edition =
    ctx.phase &&
    renderEditionState({ ...ctx, phase: ctx.phase, pastHidden: results.pastHidden, criteria, clearable: ctx.clearable });
  if (edition) {
    return html`<p class="count" part="count" tabindex="-1">${countText(0, m, lang)}</p>
      <div class="empty" part="empty">${edition}</div>
      ${renderSkipped(ctx)}`;
  }
  const message =
    criteria.length > 0 ? m.emptyFiltered(criteria.join(', ')) : results.pastHidden > 0 ? m.emptyUpcoming : m.emptyNone;
  return html`<p class="count" part="count" tabindex="-1">${countText(0, m, lang)}</p>
    <div class="empty" part="empty">
      <p>${message}</p>
      ${ctx.clearable ? html`<button type="button" part="button clear" @click=${ctx.onClear}>${m.clear}</button>` : nothing}
      ${
        results.pastHidden > 0
          ? html`<button type="button" part="button past" @click=${ctx.onShowPast}>${m.showPast}</button>`
          : nothing
      }
    </div>
    ${renderSkipped(ctx)}`;
}

export function renderResults(results: Results, ctx: ResultsViewContext): TemplateResult {
  const { m, lang } = ctx;
  const total = results.total ?? results.events.length;
  const teaser = ctx.options.limit !== undefined;
  // Nothing ahead, and the edition's phase not known yet: saying why must wait for it.
  if (total === 0 && !ctx.phase) return renderLoading(m, ctx.options);
  if (total === 0) return renderEmpty(results, ctx);
  const shown = results.events.slice(0, ctx.shown);
  const past = ctx.phase && shown.some((event) => isOver(event, results.reference));
  const list = results.grouped && !teaser ? renderGroups(shown, results, ctx) : renderFlat(shown, ctx);
  return html`
    ${teaser ? nothing : html`<p class="count" part="count" tabindex="-1">${countText(total, m, lang)}</p>`}
    ${past && ctx.phase ? renderPastNote(ctx.phase, lang, m) : nothing}
    ${
      !past && !teaser && ctx.phase && results.pastHidden > 0
        ? renderEditionOverNote(ctx.phase, total + results.pastHidden, lang, m, ctx.onShowPast)
        : nothing
    }
    <div class="results" part="list" aria-busy="false">${list}</div>
    ${
      !teaser && shown.length < total
        ? html`<button type="button" class="more" part="button more" @click=${ctx.onMore}>
          ${m.more(formatCount(shown.length, lang), formatCount(total, lang))}
        </button>`
        : nothing
    }
    ${teaser && ctx.options.href ? html`<a class="see-all" part="see-all" href=${ctx.options.href}>${m.seeAll}</a>` : nothing}
    ${renderSkipped(ctx)}
  `;
}
