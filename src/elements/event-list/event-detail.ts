/**
 * The content of the detail dialog. Every link from the feed passes a scheme check here (http(s)
 * for pages, mailto:/tel: built by us from checked values), and the description arrives already
 * sanitised by `src/list/description.ts`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { formatSlot } from '../../list/format-event.js';
import { plainText } from '../../model/plain-text.js';
import { slotDateTimeAttr } from '../../time/local-day.js';
import { pickText } from '../../model/text.js';
import type { Lang, Registration, SdiEvent } from '../../model/types.js';
import { safeHttpUrl } from '../../model/url.js';
import { intlLocale } from '../../i18n/locale.js';
import { accessibilityList, choiceBadges, detailSlots, placeText, statusBadge, title, type ChoiceLabels } from './event-view.js';
import type { ListMessages } from './messages.js';

export interface DescriptionState {
  uid: number;
  /** Sanitised HTML; undefined while the sanitiser loads. */
  html?: string;
  /** The sanitiser could not be loaded: the text is shown without markup. */
  failed?: boolean;
  /** The details could not be loaded: the summary stands in for the description. */
  detailsFailed?: boolean;
}

export interface DetailContext {
  lang: Lang;
  m: ListMessages;
  labels: ChoiceLabels;
  visitorZone: string;
  /** The instant that decides which slots are still to come; now when left out. */
  now?: number;
  description: DescriptionState | undefined;
  actionStatus: string;
  /** Shown in a read-only field when copying failed, so the visitor can copy it by hand. */
  manualCopy: string | undefined;
  onClose: () => void;
  onCalendar: (event: SdiEvent) => void;
  onShare: (event: SdiEvent) => void;
}

const EMAIL = /^[^\s@<>"'()\\,;:]+@[^\s@<>"'()\\,;:]+\.[^\s@<>"'()\\,;:]+$/;

function registrationLink(entry: Registration, m: ListMessages): TemplateResult | typeof nothing {
  if (entry.type === 'url') {
    const href = safeHttpUrl(entry.value);
    return href ? externalLink(href, m.registerLink, m) : nothing;
  }
  if (entry.type === 'email') {
    const address = entry.value.trim();
    if (!EMAIL.test(address)) return nothing;
    return html`<a href=${`mailto:${address}`}>${m.registerEmail(address)}</a>`;
  }
  const digits = entry.value.replace(/[^\d+]/g, '');
  if (!/^\+?\d{3,20}$/.test(digits)) return nothing;
  return html`<a href=${`tel:${digits}`}>${m.registerPhone(entry.value.trim())}</a>`;
}

function externalLink(href: string, label: string, m: ListMessages): TemplateResult {
  return html`<a href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${m.newWindow}</span></a>`;
}

function section(heading: string, content: TemplateResult): TemplateResult {
  return html`<section class="detail-section"><h3>${heading}</h3>${content}</section>`;
}

function slotList(event: SdiEvent, ctx: DetailContext): TemplateResult {
  const { shown, hidden } = detailSlots(event.timings, ctx.now ?? Date.now());
  const more = hidden > 0 ? ctx.m.slotsNotShown(new Intl.NumberFormat(intlLocale(ctx.lang)).format(hidden), hidden) : '';
  return html`<ul class="slots">
      ${shown.map(
        (t) =>
          html`<li><time datetime=${slotDateTimeAttr(t.begin, event.timezone)}>${formatSlot(t, event.timezone, ctx.lang, { visitorZone: ctx.visitorZone })}</time></li>`,
      )}
    </ul>
    ${more ? html`<p class="more-slots">${more}</p>` : nothing}`;
}

function description(event: SdiEvent, ctx: DetailContext): TemplateResult | typeof nothing {
  const text = pickText(event.description, ctx.lang) || pickText(event.summary, ctx.lang);
  if (!text) return nothing;
  const state = ctx.description?.uid === event.uid ? ctx.description : undefined;
  let body: TemplateResult;
  if (state?.html !== undefined) body = html`<div class="description">${unsafeHTML(state.html)}</div>`;
  else if (state?.failed) body = html`<div class="description plain">${plainText(text)}</div>`;
  else body = html`<p class="loading-text">${ctx.m.descriptionLoading}</p>`;
  const note = state?.detailsFailed ? html`<p class="notice" part="notice">${ctx.m.detailsFailed}</p>` : nothing;
  return section(ctx.m.description, html`${body}${note}`);
}

export function renderDetail(event: SdiEvent, ctx: DetailContext): TemplateResult {
  const { m, lang } = ctx;
  const image = safeHttpUrl(event.image?.url);
  const conditions = pickText(event.conditions, lang);
  const age =
    event.age && (event.age.min !== undefined || event.age.max !== undefined) ? m.age(event.age.min, event.age.max) : '';
  const registration = event.registration.map((entry) => registrationLink(entry, m)).filter((link) => link !== nothing);
  const online = safeHttpUrl(event.onlineUrl);
  const page = safeHttpUrl(event.url);
  return html`<div class="detail-inner status-${event.status}">
    <header class="detail-header">
      <h2 id="detail-title" class="detail-title" tabindex="-1">${title(event, lang)}</h2>
      <button type="button" class="close" part="button close" @click=${ctx.onClose}>${m.close}</button>
    </header>
    ${statusBadge(event, m)}
    ${
      image
        ? html`<figure class="detail-image">
          <img src=${image} alt="" loading="lazy" decoding="async" width=${event.image?.width ?? 800} height=${event.image?.height ?? 450} />
          ${event.image?.credits ? html`<figcaption>${m.imageCredits(event.image.credits)}</figcaption>` : nothing}
        </figure>`
        : nothing
    }
    ${section(m.slots, slotList(event, ctx))}
    ${section(m.place, html`<p>${placeText(event, m)}</p>${event.location?.address && event.attendance !== 'online' ? html`<p class="address">${event.location.address}</p>` : nothing}`)}
    ${choiceBadges(event, ctx.labels, m)} ${accessibilityList(event, m)}
    ${age ? html`<p class="age">${age}</p>` : nothing}
    ${description(event, ctx)}
    ${conditions ? section(m.conditions, html`<p class="conditions">${conditions}</p>`) : nothing}
    ${registration.length ? section(m.registration, html`<ul class="links">${registration.map((link) => html`<li>${link}</li>`)}</ul>`) : nothing}
    ${
      online || page
        ? html`<ul class="links">
          ${online ? html`<li>${externalLink(online, m.onlineLink, m)}</li>` : nothing}
          ${page ? html`<li>${externalLink(page, m.openAgenda, m)}</li>` : nothing}
        </ul>`
        : nothing
    }
    <div class="actions">
      <button type="button" part="button calendar" @click=${() => ctx.onCalendar(event)}>${m.addToCalendar}</button>
      ${page ? html`<button type="button" part="button share" @click=${() => ctx.onShare(event)}>${m.share}</button>` : nothing}
    </div>
    <p class="action-status" role="status">${ctx.actionStatus}</p>
    ${
      ctx.manualCopy
        ? html`<input class="manual-copy" part="input" type="url" readonly aria-label=${m.share} .value=${ctx.manualCopy}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />`
        : nothing
    }
  </div>`;
}
