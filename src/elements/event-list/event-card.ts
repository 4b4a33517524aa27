/**
 * One event in the list. The title is a button (it opens the detail); a pseudo-element stretches
 * its click target over the whole card without making the card itself a giant, noisy control.
 */
import { nothing, type TemplateResult } from 'lit';
// The heading level is a static tag (`<${Heading}>`), which lit's lint rules cannot parse.
/* eslint-disable lit/binding-positions, lit/no-invalid-html */
import { html } from 'lit/static-html.js';
import { formatSlot } from '../../list/format-event.js';
import { slotDateTimeAttr } from '../../time/local-day.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import {
  accessibilityList,
  choiceBadges,
  displaySlot,
  distanceText,
  headingTag,
  placeText,
  statusBadge,
  thumbnailUrl,
  title,
  type ChoiceLabels,
} from './event-view.js';
import type { ListMessages } from './messages.js';
import type { Position } from './results.js';

export interface CardContext {
  lang: Lang;
  m: ListMessages;
  labels: ChoiceLabels;
  visitorZone: string;
  now: number;
  near: Position | undefined;
  headingLevel: number;
  onOpen: (event: SdiEvent) => void;
  onHover: () => void;
}

export function renderCard(event: SdiEvent, ctx: CardContext, day?: string): TemplateResult {
  const { m, lang } = ctx;
  const slot = displaySlot(event, { now: ctx.now, ...(day ? { day } : {}) });
  const thumb = thumbnailUrl(event);
  const others = event.timings.length - 1;
  const distance = distanceText(event, ctx.near, lang, m);
  const Heading = headingTag(ctx.headingLevel);
  return html`<li class="card status-${event.status}${thumb ? ' has-thumb' : ''}" part="card${event.status === 'cancelled' ? ' card-cancelled' : ''}" data-uid=${event.uid}>
    ${
      thumb
        ? html`<div class="thumb" part="thumbnail"><img src=${thumb} alt="" loading="lazy" decoding="async" width="160" height="120" /></div>`
        : nothing
    }
    <div class="body">
      <${Heading} class="card-title" part="card-title">
        <button type="button" class="open" part="card-button" data-uid=${event.uid} aria-haspopup="dialog"
          @click=${() => ctx.onOpen(event)} @pointerenter=${ctx.onHover} @focus=${ctx.onHover}>${title(event, lang)}</button>
      </${Heading}>
      ${statusBadge(event, m)}
      ${
        slot
          ? html`<p class="when"><time datetime=${slotDateTimeAttr(slot.begin, event.timezone)}>${formatSlot(
              slot,
              event.timezone,
              lang,
              {
                visitorZone: ctx.visitorZone,
              },
            )}</time>${others > 0 ? html` <span class="more-slots">${m.moreSlots(others)}</span>` : nothing}</p>`
          : nothing
      }
      <p class="where">${placeText(event, m)}${distance ? html` <span class="distance">· ${distance}</span>` : nothing}</p>
      ${choiceBadges(event, ctx.labels, m)} ${accessibilityList(event, m)}
    </div>
  </li>`;
}

/** Grey placeholders the size of real cards, so nothing moves when the events arrive. */
export function renderSkeleton(count: number): TemplateResult {
  return html`<ul class="cards" role="list">
    ${Array.from(
      { length: count },
      () => html`<li class="card skeleton" part="card skeleton" aria-hidden="true">
      <div class="body"><div class="bar title"></div><div class="bar"></div><div class="bar short"></div></div>
    </li>`,
    )}
  </ul>`;
}
