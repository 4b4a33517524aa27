/**
 * The open detail, in a chunk of its own (see detail-dialog.ts): what it shows and what it does.
 * Opening fetches the event's details and sanitises its description; focus goes into the dialog,
 * then back to the card that opened it; every way of closing ends in one place; the calendar and
 * share actions report in the dialog. A controller, so the list element stays a view over its
 * data. Every link from the feed passes a scheme check here (http(s) for pages, mailto:/tel: built
 * by us from checked values), and the description arrives already sanitised by
 * `src/content/description.ts`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { descriptionToHtml } from '../../content/description.js';
// Re-exported so the list warms DOMPurify up through this lazy chunk, never by importing the sanitiser itself.
export { preloadSanitizer } from '../../content/description.js';
import { intlLocale } from '../../i18n/locale.js';
import { formatSlot } from '../../list/format-event.js';
import { plainText } from '../../model/plain-text.js';
import { pickText } from '../../model/text.js';
import type { Lang, Registration, SdiEvent, Timing } from '../../model/types.js';
import { safeHttpUrl } from '../../model/url.js';
import { slotDateTimeAttr } from '../../time/local-day.js';
import { announceOpen } from '../../controllers/events.js';
import { calendarFile, shareLink, type CalendarFile } from './actions.js';
// For the element's default download, which runs only once this chunk is loaded.
export { saveFile } from './actions.js';
import { accessibilityList, choiceBadges, placeText, statusBadge, title, type ChoiceLabels } from './card.js';
import { detailFrame, type DialogContext, type Host } from './detail-dialog.js';
import type { ListMessages } from './messages.js';

/**
 * Slots a detail lists at most. An event may hold thousands (a daily opening over years, or a
 * hostile feed with 50,000): rendering them all froze the page for seconds on opening.
 */
export const DETAIL_MAX_SLOTS = 50;

/**
 * The slots a detail lists, in their order: those still to come (or running) first in priority,
 * topped up with the latest past ones when fewer than `max` remain; `hidden` counts the others.
 */
export function detailSlots(
  timings: readonly Timing[],
  now: number,
  max: number = DETAIL_MAX_SLOTS,
): { shown: readonly Timing[]; hidden: number } {
  if (timings.length <= max) return { shown: timings, hidden: 0 };
  const upcoming: Timing[] = [];
  const past: Timing[] = [];
  for (const timing of timings) {
    if (timing.end > now) {
      if (upcoming.length < max) upcoming.push(timing);
    } else {
      past.push(timing);
    }
  }
  const room = max - upcoming.length;
  const shown = room > 0 ? [...past.slice(past.length - room), ...upcoming] : upcoming;
  return { shown, hidden: timings.length - shown.length };
}

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

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export class DetailContent implements ReactiveController {
  /** The event shown; its details replace it once loaded. */
  private event?: SdiEvent;
  private description?: DescriptionState;
  private actionStatus = '';
  private manualCopy?: string;
  private openerUid?: number;
  private loading?: AbortController;
  private afterUpdate?: () => void;

  constructor(
    private readonly host: Host,
    private readonly context: () => DialogContext,
    /** Where the keyboard goes when the card that opened the dialog is gone. */
    private readonly fallbackFocus: () => void,
  ) {
    host.addController(this);
  }

  get openEvent(): SdiEvent | undefined {
    return this.event;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  open(event: SdiEvent): void {
    const { lang, group } = this.context();
    this.event = event;
    this.openerUid = event.uid;
    this.actionStatus = '';
    this.manualCopy = undefined;
    this.afterUpdate = () => this.show();
    this.changed();
    void this.load(event);
    announceOpen(this.host, {
      uid: event.uid,
      title: pickText(event.title, lang),
      ...(event.url ? { url: event.url } : {}),
      ...(group ? { group } : {}),
    });
  }

  /**
   * The event's details (snapshot lists leave out descriptions, conditions and registration),
   * then its description through the sanitiser, which is loaded on the first opening only.
   */
  private async load(event: SdiEvent): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.description = { uid: event.uid };
    const { store, source, signal } = this.context();
    let full = event;
    let detailsFailed = false;
    try {
      if (source) full = await store.details(source, event, signal(controller.signal));
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      console.warn('[semaine-industrie-widgets] <sdi-event-list> could not load the event details:', error);
      detailsFailed = true;
    }
    if (this.event?.uid !== event.uid || controller.signal.aborted) return;
    this.event = full;
    this.changed();
    const { lang } = this.context();
    const text = pickText(full.description, lang) || pickText(full.summary, lang);
    try {
      const html = await descriptionToHtml(text);
      if (this.event?.uid === event.uid) this.description = { uid: event.uid, html, detailsFailed };
    } catch (error) {
      console.warn('[semaine-industrie-widgets] <sdi-event-list> could not prepare the description:', error);
      if (this.event?.uid === event.uid) this.description = { uid: event.uid, failed: true, detailsFailed };
    }
    this.changed();
  }

  private show(): void {
    const dialog = this.dialog;
    if (!dialog || !this.event) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    // The title, not the close button: screen readers then start with what the dialog is about.
    dialog.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  private readonly close = (): void => {
    const dialog = this.dialog;
    if (dialog?.open && typeof dialog.close === 'function') dialog.close();
    else this.closed();
  };

  /** Every way of closing (button, Escape, backdrop) ends here, through the dialog's close event. */
  private readonly closed = (): void => {
    // The close event comes a task after close(): by then another event may have been opened, and
    // shown; that one must stay.
    if (!this.event || this.dialog?.open) return;
    this.loading?.abort();
    this.event = undefined;
    this.actionStatus = '';
    this.manualCopy = undefined;
    const uid = this.openerUid;
    this.afterUpdate = () => {
      // The card may be gone (data refreshed meanwhile): the list's count is the next best place.
      const button = this.host.renderRoot.querySelector<HTMLButtonElement>(`button.open[data-uid="${uid}"]`);
      if (button) button.focus();
      else this.fallbackFocus();
    };
    this.changed();
  };

  private readonly backdropClick = (event: MouseEvent): void => {
    // The dialog box itself has no padding: a click whose target is the dialog is on the backdrop.
    if (event.target === this.dialog) this.close();
  };

  /** The .ics file of an event, as the «Ajouter à mon agenda» button makes it. */
  calendarFor(event: SdiEvent): CalendarFile {
    const { lang, now } = this.context();
    return calendarFile(event, lang, now);
  }

  private readonly addToCalendar = (event: SdiEvent): void => {
    const { download, messages } = this.context();
    try {
      download(this.calendarFor(event));
      this.actionStatus = messages.calendarSaved;
    } catch (error) {
      console.warn('[semaine-industrie-widgets] <sdi-event-list> could not make the calendar file:', error);
    }
    this.changed();
  };

  private readonly share = async (event: SdiEvent): Promise<void> => {
    if (!event.url) return;
    this.actionStatus = '';
    this.manualCopy = undefined;
    this.changed();
    const { lang } = this.context();
    const outcome = await shareLink(event.url, pickText(event.title, lang));
    const { messages } = this.context();
    if (outcome === 'copied') this.actionStatus = messages.copied;
    else if (outcome === 'failed') {
      this.actionStatus = messages.copyFailed;
      this.manualCopy = event.url;
    }
    this.changed();
  };

  hostUpdated(): void {
    const task = this.afterUpdate;
    this.afterUpdate = undefined;
    try {
      task?.();
    } catch (error) {
      console.warn('[semaine-industrie-widgets] <sdi-event-list>:', error);
    }
  }

  hostDisconnected(): void {
    this.loading?.abort();
  }

  render(): TemplateResult {
    const event = this.event;
    const context = event ? this.context() : undefined;
    return detailFrame(
      Boolean(event),
      this.closed,
      this.backdropClick,
      event && context
        ? renderDetail(event, {
            lang: context.lang,
            m: context.messages,
            labels: context.labels,
            visitorZone: context.visitorZone,
            now: context.now,
            description: this.description,
            actionStatus: this.actionStatus,
            manualCopy: this.manualCopy,
            onClose: this.close,
            onCalendar: this.addToCalendar,
            onShare: (e) => void this.share(e),
          })
        : nothing,
    );
  }
}
