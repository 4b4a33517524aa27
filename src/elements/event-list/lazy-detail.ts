/**
 * The detail dialog with what only it needs (the description sanitiser, the calendar file, the
 * share action) is a chunk of its own, fetched when a card is hovered, focused or opened: most
 * visitors of a list never open an event, and the list must not wait for that code. A fetch that
 * fails (offline, a proxy or the host page blocking it) is said in the list, in the visitor's
 * language, and the next opening tries again.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { SdiEvent } from '../../model/types.js';
import type { CalendarFile } from './actions.js';
import type { DetailDialog, DialogContext, Host } from './detail-dialog.js';
import { detailFrame } from './detail-frame.js';

const idle = (): void => undefined;

export type DetailModule = typeof import('./detail-dialog.js');

export class LazyDetail implements ReactiveController {
  private dialog?: DetailDialog;
  private module?: DetailModule;
  private loading?: Promise<DetailDialog>;
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

  private get(): Promise<DetailDialog> {
    if (!this.loading) {
      const loading = this.load().then((module) => {
        this.module = module;
        this.dialog ??= new module.DetailDialog(this.host, this.context, this.fallbackFocus);
        return this.dialog;
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
    if (this.dialog) {
      this.dialog.open(event);
      return;
    }
    this.wanted = event;
    this.host.requestUpdate();
    this.get().then(
      (dialog) => {
        if (this.wanted !== event) return;
        this.wanted = undefined;
        if (this.host.isConnected) dialog.open(event);
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
      this.dialog ? this.dialog.render() : detailFrame(false, idle, idle, nothing)
    }`;
  }
}
