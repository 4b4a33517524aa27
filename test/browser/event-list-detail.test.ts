import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CalendarFile } from '../../src/elements/event-list/actions.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { EventOpenDetail } from '../../src/controllers/events.js';
import { validateIcs } from '../../src/formats/ics-validate.js';
import { pickText } from '../../src/model/text.js';
import type { SdiEvent } from '../../src/model/types.js';
import {
  SNAPSHOT,
  cards,
  clock,
  deepActive,
  findEvent,
  freshStore,
  list,
  resetServer,
  sample,
  shadow,
  sharedStore,
  snapshotFault,
  text,
  until,
} from '../support/browser/event-list-helpers.js';

function dialogOf(el: SdiEventList): HTMLDialogElement {
  const dialog = shadow(el).querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return dialog;
}

async function openCard(el: SdiEventList, index = 0): Promise<{ button: HTMLButtonElement; event: SdiEvent }> {
  const card = cards(el)[index] as HTMLElement;
  const button = card.querySelector('button.open') as HTMLButtonElement;
  button.focus();
  button.click();
  await until(el, () => dialogOf(el).open);
  const data = await sample();
  const event = data.events.find((e) => e.uid === Number(card.dataset.uid));
  if (!event) throw new Error('card without event');
  return { button, event };
}

function defaultList(): Promise<SdiEventList> {
  return list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
}

/** Finds an event of the sample and opens it, after a search on its title brings it to the top. */
async function listShowing(
  cheap: (event: SdiEvent) => boolean,
  test?: (event: SdiEvent) => boolean,
): Promise<{ el: SdiEventList; event: SdiEvent }> {
  const event = await findEvent(cheap, test);
  const el = await defaultList();
  el.setFilters({ q: pickText(event.title, 'fr') });
  await until(el, () => Boolean(shadow(el).querySelector(`li[data-uid="${event.uid}"]`)));
  const index = cards(el).findIndex((c) => c.dataset.uid === String(event.uid));
  await openCard(el, index);
  return { el, event };
}

/** Restores whatever a test stubbed, even when it fails half-way. */
let onTestEnd: (() => void) | undefined;

describe('<sdi-event-list> detail dialog', () => {
  afterEach(async () => {
    onTestEnd?.();
    onTestEnd = undefined;
    await resetServer();
  });

  it('loads the sanitiser only when a detail opens', async () => {
    const loaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('dompurify'));
    const el = await defaultList();
    expect(loaded()).to.equal(false);
    await openCard(el);
    await until(el, () => Boolean(dialogOf(el).querySelector('.description')));
    expect(loaded()).to.equal(true);
  });

  it('opens as a modal dialog, moves focus into it, announces it, and Escape returns focus', async () => {
    const el = await defaultList();
    const opened: EventOpenDetail[] = [];
    const listener = (event: Event) => opened.push((event as CustomEvent<EventOpenDetail>).detail);
    document.addEventListener('sdi-event-open', listener);
    try {
      const { button, event } = await openCard(el, 2);
      const dialog = dialogOf(el);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.contains(deepActive())).to.equal(true);
      expect(deepActive()?.id).to.equal('detail-title');
      expect(text(dialog.querySelector('#detail-title'))).to.equal(pickText(event.title, 'fr'));
      expect(dialog.getAttribute('aria-labelledby')).to.equal('detail-title');
      expect(opened).to.deep.equal([
        { uid: event.uid, title: pickText(event.title, 'fr'), ...(event.url ? { url: event.url } : {}) },
      ]);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(el, () => !dialogOf(el).open);
      await until(el, () => deepActive() === button, 'focus did not return to the card');
    } finally {
      document.removeEventListener('sdi-event-open', listener);
    }
  });

  it('closes with its button and returns focus to the card', async () => {
    const el = await defaultList();
    const { button } = await openCard(el, 1);
    const close = dialogOf(el).querySelector<HTMLButtonElement>('button.close');
    expect(text(close)).to.equal('Fermer');
    close?.click();
    await until(el, () => !dialogOf(el).open);
    await until(el, () => deepActive() === button);
  });

  it('traps Tab inside the modal dialog', async () => {
    const el = await defaultList();
    await openCard(el);
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActive();
      // Browsers may pass through their own UI after the last control; never through the page.
      if (active && active !== document.body) expect(dialogOf(el).contains(active), `tab ${i}`).to.equal(true);
    }
  });

  it('shows the full description as sanitised HTML, all slots, place, conditions, age and links', async () => {
    const { el, event } = await listShowing(
      (e) => e.timings.length > 2 && e.age !== undefined,
      (e) => (e.description.fr ?? '').includes('\n- ') && Boolean(e.conditions.fr),
    );
    const dialog = dialogOf(el);
    await until(el, () => Boolean(dialog.querySelector('.description')));
    const description = dialog.querySelector('.description') as HTMLElement;
    expect(description.querySelector('ul li')).to.exist;
    expect(description.textContent).to.not.contain('- ');
    for (const link of description.querySelectorAll('a')) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
    }
    expect(dialog.querySelectorAll('.slots li').length).to.equal(event.timings.length);
    expect(text(dialog.querySelector('.conditions'))).to.equal(event.conditions.fr);
    expect(text(dialog.querySelector('.age'))).to.match(/ans$/);
    const page = [...dialog.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.href === event.url);
    expect(text(page)).to.equal('Voir la page de l’événement sur OpenAgenda (nouvelle fenêtre)');
    expect(page?.rel).to.equal('noopener noreferrer');
  });

  it('offers registration links with safe schemes only', async () => {
    const { el, event } = await listShowing(
      (e) => e.attendance !== 'online',
      (e) => e.registration.length >= 2,
    );
    const links = [...dialogOf(el).querySelectorAll<HTMLAnchorElement>('.links a')];
    for (const entry of event.registration) {
      const href =
        entry.type === 'url'
          ? entry.value
          : entry.type === 'email'
            ? `mailto:${entry.value}`
            : `tel:${entry.value.replace(/[^\d+]/g, '')}`;
      expect(
        links.some((a) => a.getAttribute('href') === href),
        href,
      ).to.equal(true);
    }
    for (const link of links) expect(link.getAttribute('href')).to.match(/^(https?:|mailto:|tel:)/);
    // Web pages from the feed open in a new tab that cannot reach this page nor learn its address.
    const web = links.filter((a) => /^https?:/.test(a.getAttribute('href') ?? ''));
    expect(web.length, 'a registration web page').to.be.above(0);
    for (const link of web) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
    }
  });

  it('shows the online link of an online event, and «En ligne» for its place', async () => {
    const { el, event } = await listShowing((e) => e.attendance === 'online' && Boolean(e.onlineUrl));
    const dialog = dialogOf(el);
    const online = [...dialog.querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.href === event.onlineUrl);
    expect(text(online)).to.equal('Lien pour participer en ligne (nouvelle fenêtre)');
    const card = shadow(el).querySelector(`li[data-uid="${event.uid}"]`);
    expect(text(card?.querySelector('.where'))).to.equal('En ligne');
  });

  it('makes a valid .ics file: one VEVENT per slot, in the event’s zone', async () => {
    const { el, event } = await listShowing((e) => e.timings.length >= 3 && e.timezone === 'Europe/Paris');
    let file: CalendarFile | undefined;
    el.download = (f) => (file = f);
    const add = [...dialogOf(el).querySelectorAll('button')].find((b) => text(b) === 'Ajouter à mon agenda');
    add?.click();
    await until(el, () => file !== undefined);
    if (!file) throw new Error('no file');
    expect(file.name).to.match(/\.ics$/);
    expect(validateIcs(file.text)).to.deep.equal([]);
    expect(file.text).to.contain('TZID:Europe/Paris');
    expect(file.text).to.match(/DTSTART;TZID=Europe\/Paris:\d{8}T\d{6}/);
    expect(file.text.split('BEGIN:VEVENT').length - 1).to.equal(event.timings.length);
    expect(text(dialogOf(el).querySelector('.action-status'))).to.equal('Fichier d’agenda téléchargé');
  });

  it('downloads the .ics through a Blob URL, revoked afterwards', async () => {
    const el = await defaultList();
    const { event } = await openCard(el);
    const created: Blob[] = [];
    const revoked: string[] = [];
    const clicked: { href: string; download: string }[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return createObjectURL.call(URL, blob);
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revokeObjectURL.call(URL, url);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    try {
      const add = [...dialogOf(el).querySelectorAll('button')].find((b) => text(b) === 'Ajouter à mon agenda');
      add?.click();
      await until(el, () => revoked.length === 1, 'the object URL was not revoked');
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(created.length).to.equal(1);
    expect(created[0]?.type).to.equal('text/calendar;charset=utf-8');
    const ics = await created[0]?.text();
    expect(validateIcs(ics ?? '')).to.deep.equal([]);
    expect(ics).to.contain('SUMMARY:');
    expect(ics?.split('BEGIN:VEVENT').length).to.equal(event.timings.length + 1);
    expect(clicked[0]?.href).to.equal(revoked[0]);
    expect(clicked[0]?.download).to.match(/\.ics$/);
    // The temporary link does not stay in the page.
    expect(shadow(el).querySelector('a[download]')).to.equal(null);
  });

  it('shares the OpenAgenda link: share sheet when present, else the clipboard', async () => {
    const el = await defaultList();
    const { event } = await openCard(el);
    const share = () => [...dialogOf(el).querySelectorAll('button')].find((b) => text(b) === 'Partager') as HTMLButtonElement;
    const copies: string[] = [];
    let clipboardFails = false;
    Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
    Object.defineProperty(navigator, 'clipboard', {
      value: {
        writeText: (value: string) => {
          if (clipboardFails) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
          copies.push(value);
          return Promise.resolve();
        },
      },
      configurable: true,
    });
    try {
      share().click();
      await until(el, () => text(dialogOf(el).querySelector('.action-status')) === 'Lien copié');
      expect(copies).to.deep.equal([event.url]);
      expect(dialogOf(el).querySelector('.action-status')?.getAttribute('role')).to.equal('status');

      clipboardFails = true;
      share().click();
      await until(el, () => Boolean(dialogOf(el).querySelector('.manual-copy')));
      expect(text(dialogOf(el).querySelector('.action-status'))).to.equal(
        'Le lien n’a pas pu être copié : sélectionnez-le ci-dessous.',
      );
      expect(dialogOf(el).querySelector<HTMLInputElement>('.manual-copy')?.value).to.equal(event.url);

      const shared: ShareData[] = [];
      Object.defineProperty(navigator, 'share', {
        value: (data: ShareData) => {
          shared.push(data);
          return Promise.resolve();
        },
        configurable: true,
      });
      Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
      share().click();
      await until(el, () => shared.length === 1);
      expect(shared[0]).to.deep.equal({ url: event.url, title: pickText(event.title, 'fr') });
    } finally {
      for (const key of ['share', 'canShare', 'clipboard']) Reflect.deleteProperty(navigator, key);
    }
  });

  it('loads the details of the opened event’s region only, and says when they cannot be loaded', async () => {
    await resetServer();
    const urls: string[] = [];
    // Past the browser's cache (the files are immutable), so the server's faults are seen.
    const store = freshStore({
      fetch: (input, init) => {
        urls.push(input);
        return fetch(input, { ...init, cache: 'no-store' });
      },
    });
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${store}></sdi-event-list>`);
    expect(urls.some((url) => url.includes('/details/'))).to.equal(false);
    const { event } = await openCard(el, 0);
    await until(el, () => Boolean(dialogOf(el).querySelector('.description')));
    const details = urls.filter((url) => url.includes('/details/'));
    expect(details.length).to.equal(1);
    expect(details[0]).to.contain(`region-${event.location?.regionCode ?? 'none'}.`);
    dialogOf(el).querySelector<HTMLButtonElement>('button.close')?.click();
    await until(el, () => !dialogOf(el).open);

    await snapshotFault({ match: '/details/', status: 500 });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    onTestEnd = () => (console.warn = warn);
    const data = await sample();
    // An event of another region, whose details file this store has not read yet.
    const index = cards(el).findIndex(
      (c) => data.events.find((e) => e.uid === Number(c.dataset.uid))?.location?.regionCode !== event.location?.regionCode,
    );
    expect(index).to.be.greaterThan(0);
    await openCard(el, index);
    await until(el, () => Boolean(dialogOf(el).querySelector('.description + .notice, .description ~ .notice')));
    expect(text(dialogOf(el).querySelector('.detail-section .notice'))).to.equal(
      'Le détail complet (inscription, conditions) n’a pas pu être chargé. Réessayez plus tard ou consultez la page OpenAgenda.',
    );
    expect(warnings.some((w) => w.includes('could not load the event details'))).to.equal(true);
    await resetServer();
  });

  it('speaks English in the detail with lang="en"', async () => {
    const el = await list(html`<sdi-event-list lang="en" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    await openCard(el);
    const dialog = dialogOf(el);
    expect(text(dialog.querySelector('button.close'))).to.equal('Close');
    expect([...dialog.querySelectorAll('button')].map((b) => text(b))).to.include('Add to my calendar');
    expect(text(dialog.querySelector('.detail-section h3'))).to.equal('Dates and times');
  });
});
