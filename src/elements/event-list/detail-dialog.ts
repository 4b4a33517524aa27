/**
 * The list's detail dialog: the `<dialog>` element, and the code that fills it, fetched as a chunk
 * of its own (detail-content.ts, with the description sanitiser, the calendar file and the share
 * action) when a card is hovered, focused or opened: most visitors of a list never open an event,
 * and the list must not wait for that code. A fetch that fails (offline, a proxy or the host page
 * blocking it) is said in the list, in the visitor's language, and the next opening tries again.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SourceConfig } from '../../feed/source.js';
import type { Lang, SdiEvent } from '../../model/types.js';
import type { FeedStore } from '../../store/feed-store.js';
import type { CalendarFile } from './actions.js';
import type { ChoiceLabels } from './card.js';
import type { DetailContent } from './detail-content.js';
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

// A click on the backdrop closes the dialog; the keyboard's way out is the dialog's own Escape,
// so the click needs no key twin.
/* eslint-disable lit-a11y/click-events-have-key-events */

/**
 * The `<dialog>` element, one template for the empty one the list renders before the detail's
 * chunk arrives and the one the detail fills: lit then keeps the same element, so a reference the
 * host page (or a test) took on the first click still points at the open dialog.
 */
export function detailFrame(
  labelled: boolean,
  onClose: () => void,
  onClick: (event: MouseEvent) => void,
  content: TemplateResult | typeof nothing,
): TemplateResult {
  return html`<dialog part="detail" class="detail" aria-labelledby=${labelled ? 'detail-title' : nothing}
    @close=${onClose} @click=${onClick}>${content}</dialog>`;
}
/* eslint-enable lit-a11y/click-events-have-key-events */

const idle = (): void => undefined;

export type DetailModule = typeof import('./detail-content.js');

/** The list's handle on the dialog: renders it, and hands each opening to the content once loaded. */
export class DetailDialog implements ReactiveController {
  private content?: DetailContent;
  private module?: DetailModule;
  private loading?: Promise<DetailContent>;
  /** The event a click asked for while the chunk was on its way. */
  private wanted?: SdiEvent;
  private failed = false;

  constructor(
    private readonly host: Host,
    /** Fetches the chunk; the element's `loadDetail`, replaceable by tests. */
    private readonly load: () => Promise<DetailModule>,
    private readonly context: () => DialogContext,
    private readonly fallbackFocus: () => void,
  ) {
    host.addController(this);
  }

  private get(): Promise<DetailContent> {
    if (!this.loading) {
      const loading = this.load().then((module) => {
        this.module = module;
        this.content ??= new module.DetailContent(this.host, this.context, this.fallbackFocus);
        return this.content;
      });
      // Forgotten on failure, so the next hover or click fetches again.
      loading.catch(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  /** On a card's hover or focus: the chunk, then DOMPurify, ahead of the click. Failures wait for the click to be said. */
  readonly preload = (): void => {
    this.get().then(
      () => this.module?.preloadSanitizer(),
      () => undefined,
    );
  };

  open(event: SdiEvent): void {
    this.failed = false;
    if (this.content) {
      this.content.open(event);
      return;
    }
    this.wanted = event;
    this.host.requestUpdate();
    this.get().then(
      (content) => {
        if (this.wanted !== event) return;
        this.wanted = undefined;
        if (this.host.isConnected) content.open(event);
      },
      (error: unknown) => {
        if (this.wanted !== event) return;
        this.wanted = undefined;
        this.failed = true;
        console.warn('[semaine-industrie-widgets] <sdi-event-list> could not load the event detail:', error);
        this.host.requestUpdate();
      },
    );
  }

  /** The .ics file of an event, as the «Ajouter à mon agenda» button makes it. */
  async calendarFor(event: SdiEvent): Promise<CalendarFile> {
    return (await this.get()).calendarFor(event);
  }

  /**
   * Hands the file to the browser's download, synchronously (still within the visitor's click):
   * only the open dialog asks, so its chunk, which holds the code, is loaded.
   */
  saveFile(file: CalendarFile, where: ShadowRoot | HTMLElement): void {
    if (!this.module) throw new Error('the detail dialog is not loaded');
    this.module.saveFile(file, where);
  }

  hostDisconnected(): void {
    this.wanted = undefined;
  }

  /** Until its code arrives, the dialog is an empty, closed one: the same element the detail fills then. */
  render(unavailable: string): TemplateResult {
    return html`${this.failed ? html`<p class="notice detail-error" part="notice" role="alert">${unavailable}</p>` : nothing}${
      this.content ? this.content.render() : detailFrame(false, idle, idle, nothing)
    }`;
  }
}
