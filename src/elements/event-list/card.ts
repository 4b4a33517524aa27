/**
 * One event in the results: its card, the grey placeholders the size of one, and the pieces of an
 * event the card shares with the detail (which slot to show, the place in words, the badges), so
 * that the card and the dialog always agree. The title is a button (it opens the detail); a
 * pseudo-element stretches its click target over the whole card without making the card itself a
 * giant, noisy control.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { AccessibilityKey } from '../../filters/filter-state.js';
import { localDay, slotDateTimeAttr } from '../../time/local-day.js';
import { departmentOf } from '../../geo/admin.js';
import { intlLocale } from '../../i18n/locale.js';
import { distanceKm } from '../../list/distance.js';
import { formatSlot } from '../../list/format-event.js';
import { pickText } from '../../model/text.js';
import type { Choice, FeedSchema, Lang, SdiEvent, Timing } from '../../model/types.js';
import { safeHttpUrl } from '../../model/url.js';
import { accessibilityIcon } from './icons.js';
import type { ListMessages } from './messages.js';
import { isOver, type Position } from './results.js';

const ACCESS_KEYS: readonly AccessibilityKey[] = ['mi', 'hi', 'vi', 'pi', 'ii'];

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The heading element of a level, clamped to h1–h6. */
export function headingTag(level: number): StaticValue {
  const clamped = Math.min(6, Math.max(1, Math.round(level)));
  return HEADINGS[clamped - 1] as StaticValue;
}

/** Labels of the schema's choices by id, built once per dataset and language. */
export class ChoiceLabels {
  private readonly types: Map<number, string>;
  private readonly audiences: Map<number, string>;

  constructor(schema: FeedSchema | undefined, lang: Lang) {
    const map = (choices: readonly Choice[] | undefined) =>
      new Map((choices ?? []).map((choice) => [choice.id, pickText(choice.label, lang)]));
    this.types = map(schema?.types);
    this.audiences = map(schema?.audiences);
  }

  typesOf(event: SdiEvent): string[] {
    return event.types.map((id) => this.types.get(id)).filter((label): label is string => Boolean(label));
  }

  audiencesOf(event: SdiEvent): string[] {
    return event.audiences.map((id) => this.audiences.get(id)).filter((label): label is string => Boolean(label));
  }
}

/**
 * The slot a card shows: under a day heading, the slot of that day; otherwise the first one
 * still to come (or running), else the first.
 */
export function displaySlot(event: SdiEvent, options: { day?: string; now: number }): Timing | undefined {
  const { timings, timezone } = event;
  if (options.day) {
    const day = options.day;
    const onDay = timings.find(
      (t) => localDay(t.begin, timezone) <= day && localDay(Math.max(t.begin, t.end - 1), timezone) >= day,
    );
    if (onDay) return onDay;
  }
  return timings.find((t) => t.end > options.now) ?? timings[0];
}

export function placeText(event: SdiEvent, m: ListMessages): string {
  if (event.attendance === 'online') return m.online;
  // A venue left blank by the organiser is not a sign the event is online: say only what is known.
  const location = event.location;
  if (!location) return event.attendance === 'mixed' ? m.mixed : m.onsite;
  const city = [location.city, location.postalCode ? `(${location.postalCode})` : ''].filter(Boolean).join(' ');
  const department = location.departmentName ?? departmentOf(location.departmentCode)?.name;
  const parts = [location.name, city, department && department !== location.city ? department : undefined].filter(
    (part): part is string => Boolean(part),
  );
  const place = parts.join(', ') || m.onsite;
  return event.attendance === 'mixed' ? `${place} · ${m.mixed}` : place;
}

export function distanceText(event: SdiEvent, near: Position | undefined, lang: Lang, m: ListMessages): string | undefined {
  const location = event.location;
  if (!near || event.attendance === 'online' || typeof location?.lat !== 'number' || typeof location.lng !== 'number') {
    return undefined;
  }
  const km = distanceKm(near, { lat: location.lat, lng: location.lng });
  if (!Number.isFinite(km)) return undefined;
  const formatted = new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
  return m.kilometres(formatted);
}

export function statusBadge(event: SdiEvent, m: ListMessages): TemplateResult | typeof nothing {
  if (event.status === 'scheduled') return nothing;
  return html`<span class="status status-${event.status}" part="badge status">${m.status[event.status]}</span>`;
}

export function choiceBadges(event: SdiEvent, labels: ChoiceLabels, m: ListMessages): TemplateResult | typeof nothing {
  const types = labels.typesOf(event);
  const audiences = labels.audiencesOf(event);
  if (types.length === 0 && audiences.length === 0) return nothing;
  return html`<ul class="badges" role="list">
    ${types.map((label) => html`<li class="badge badge-type" part="badge badge-type"><span class="visually-hidden">${m.type} : </span>${label}</li>`)}
    ${audiences.map((label) => html`<li class="badge badge-audience" part="badge badge-audience"><span class="visually-hidden">${m.audience} : </span>${label}</li>`)}
  </ul>`;
}

export function accessibilityList(event: SdiEvent, m: ListMessages): TemplateResult | typeof nothing {
  const keys = ACCESS_KEYS.filter((key) => event.accessibility[key]);
  if (keys.length === 0) return nothing;
  return html`<ul class="access" role="list" aria-label=${m.accessibility}>
    ${keys.map(
      (key) =>
        html`<li class="access-item" title=${m.access[key]}>${accessibilityIcon(key)}<span class="visually-hidden">${m.access[key]}</span></li>`,
    )}
  </ul>`;
}

/** The thumbnail's address, only when it is a plain web address. */
export function thumbnailUrl(event: SdiEvent): string | undefined {
  return safeHttpUrl(event.image?.thumbnail) ?? safeHttpUrl(event.image?.url);
}

export function title(event: SdiEvent, lang: Lang): string {
  return pickText(event.title, lang);
}

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
  // A static template: the heading's level is its tag (`<${Heading}>`).
  return staticHtml`<li class="card status-${event.status}${thumb ? ' has-thumb' : ''}" part="card${event.status === 'cancelled' ? ' card-cancelled' : ''}" data-uid=${event.uid}>
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
      ${isOver(event, ctx.now) ? html`<span class="status status-past" part="badge past-badge">${m.pastBadge}</span>` : nothing}
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
