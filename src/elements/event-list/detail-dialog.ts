/**
 * The detail of one event in a modal `<dialog>`: opening (details fetched, description sanitised),
 * focus (into the dialog, then back to the card that opened it), closing by any means, and the
 * calendar and share actions. A controller, so the list element stays a view over its data.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SourceConfig } from '../../feed/source.js';
import { announceOpen } from '../shared/events.js';
import { descriptionToHtml } from '../../content/description.js';
// Re-exported so the list warms DOMPurify up through this lazy chunk, never by importing the sanitiser itself.
export { preloadSanitizer } from '../../content/description.js';
import { pickText } from '../../model/text.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import type { FeedStore } from '../../store/feed-store.js';
import { calendarFile, shareLink, type CalendarFile } from './actions.js';
// For the element's default download, which runs only once this chunk is loaded.
export { saveFile } from './actions.js';
import { renderDetail, type DescriptionState } from './event-detail.js';
import { detailFrame } from './detail-frame.js';
import type { ChoiceLabels } from './event-view.js';
import type { ListMessages } from './messages.js';

export interface DialogContext {
  store: FeedStore;
  source: SourceConfig | undefined;
  lang: Lang;
  messages: ListMessages;
  labels: ChoiceLabels;
  visitorZone: string;
  group: string | undefined;
  now: number;
  /** Aborts when the element leaves the page, or when `own` aborts. */
  signal: (own: AbortSignal) => AbortSignal;
  download: (file: CalendarFile) => void;
}

export type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export class DetailDialog implements ReactiveController {
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
