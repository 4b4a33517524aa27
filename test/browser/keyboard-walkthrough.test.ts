/**
 * Keyboard-only walkthroughs of the four widgets, with real key presses (sendKeys): every control
 * is reached with Tab in a sensible order, operated with Enter, Space, letters or arrows, and shows
 * a focus ring a visitor can see (2px or more, 3:1 against the widget's backgrounds). Mouse clicks
 * and element.focus() are not used to operate anything; the tests only start from a button placed
 * before the widget, as a visitor arrives from the partner's page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/countdown/define.js';
import '../../src/elements/edition-banner/define.js';
import '../../src/elements/region-map/define.js';
import type { CalendarFile } from '../../src/elements/event-list/actions.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import { readPoints, type SnapshotIndex, type SnapshotPointsFile } from '../../src/feed/snapshot-format.js';
import { feedStore } from '../../src/store/feed-store.js';
import {
  SNAPSHOT,
  cards,
  clock,
  countOf,
  countText,
  deepActive,
  freshStore,
  loaded,
  resetServer,
  shadow,
  sharedStore,
  snapshotFault,
  statusText,
  text,
  until,
} from '../support/browser/event-list-helpers.js';
import { testControl } from '../support/browser/support.js';
import { mapSettled } from '../support/browser/map-support.js';

/* Focus --------------------------------------------------------------------------------------- */

/** A short, stable name for the focused element: what a sighted keyboard user would call it. */
function describeFocus(el: Element | null): string {
  if (!el) return 'nothing';
  const h = el as HTMLElement;
  if (h.id === 'before' || h.id === 'after') return h.id;
  if (h.matches('.leaflet-marker-icon')) return `marker "${h.getAttribute('aria-label') ?? ''}"`;
  if (h.id) return `#${h.id}`;
  if (h instanceof HTMLInputElement && h.type === 'checkbox') return `checkbox "${text(h.closest('label'))}"`;
  if (h instanceof HTMLAnchorElement) return `link "${h.getAttribute('aria-label') ?? text(h)}"`;
  if (h instanceof HTMLButtonElement) return `button "${text(h)}"`;
  return `${h.tagName.toLowerCase()}${h.className ? '.' + String(h.className).split(' ')[0] : ''}`;
}

async function press(key: string): Promise<Element | null> {
  await sendKeys({ press: key });
  return deepActive();
}

/** The next element Tab stops on (a date field's inner stops count as one). */
async function nextStop(): Promise<Element | null> {
  const from = deepActive();
  for (let i = 0; i < 6; i += 1) {
    const active = await press('Tab');
    if (active !== from) return active;
  }
  return deepActive();
}

/** Presses Tab until the focused element passes `test`; fails after `max` presses. */
async function tabTo(test: (el: Element) => boolean, what: string, max = 60): Promise<HTMLElement> {
  for (let i = 0; i < max; i += 1) {
    const active = await press('Tab');
    if (active && test(active)) return active as HTMLElement;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** From the page's button before the widget(s), the distinct elements Tab stops on until the one after. */
async function tabSequence(from: HTMLElement, max = 80): Promise<{ names: string[]; elements: HTMLElement[] }> {
  from.focus();
  const names: string[] = [];
  const elements: HTMLElement[] = [];
  for (let i = 0; i < max; i += 1) {
    const active = (await press('Tab')) as HTMLElement | null;
    const previous = elements[elements.length - 1];
    // A date field's day, month and year (and picker button) are stops inside one element.
    if (active && active !== previous) {
      // A map redraw replaces the focused symbol by its twin and focuses that: one stop, not two.
      if (previous && !previous.isConnected && describeFocus(active) === names[names.length - 1]) {
        elements[elements.length - 1] = active;
        continue;
      }
      names.push(describeFocus(active));
      elements.push(active);
    }
    if (active?.id === 'after') return { names, elements };
  }
  throw new Error(`Tab never left the widget: ${names.join(' → ')}`);
}

function rgb(color: string): [number, number, number] {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(color);
  if (!match) throw new Error(`unreadable colour ${color}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The widgets' backgrounds around a focus ring: the page's white and the filters' grey (defaults). */
const BACKGROUNDS = ['rgb(255, 255, 255)', 'rgb(246, 246, 246)'];

/**
 * WCAG 2.4.7: the focused element draws a ring of at least 2px in a colour with 3:1 contrast
 * against the backgrounds it is drawn on (the styles use outline, never a box-shadow ring).
 */
function expectVisibleFocus(el: Element | null, what = describeFocus(el)): void {
  expect(el, what).to.exist;
  const style = getComputedStyle(el as Element);
  expect(style.outlineStyle, `${what}: outline style`).to.not.equal('none');
  expect(parseFloat(style.outlineWidth), `${what}: outline width`).to.be.at.least(2);
  for (const background of BACKGROUNDS) {
    expect(contrast(style.outlineColor, background), `${what}: ring contrast on ${background}`).to.be.at.least(3);
  }
}

/** Fixture: the widget(s) between two page buttons, the way a visitor tabs into them. */
async function between<T extends Element>(
  widget: ReturnType<typeof html>,
  selector: string,
): Promise<{ el: T; before: HTMLElement }> {
  const wrapper = await fixture(html`<div><button id="before">before</button>${widget}<button id="after">after</button></div>`);
  return { el: wrapper.querySelector(selector) as T, before: wrapper.querySelector('#before') as HTMLElement };
}

const ALL_FILTERS = 'search region department city type audience attendance date accessibility near';

/* Event list ------------------------------------------------------------------------------------ */

describe('keyboard walkthrough: <sdi-event-list>', () => {
  beforeEach(resetServer);
  afterEach(resetServer);

  async function fullList(): Promise<{ el: SdiEventList; before: HTMLElement }> {
    const found = await between<SdiEventList>(
      html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore} filters=${ALL_FILTERS} page-size="3"></sdi-event-list>`,
      'sdi-event-list',
    );
    await loaded(found.el);
    return found;
  }

  it('Tab goes through every filter, then the cards, then paging, each with a visible focus ring', async () => {
    const { el, before } = await fullList();
    const { names, elements } = await tabSequence(before);
    const total = countOf(el);
    expect(names).to.deep.equal([
      '#f-q',
      '#f-region',
      '#f-department',
      '#f-city',
      '#f-type',
      '#f-audience',
      '#f-attendance',
      '#f-from',
      '#f-to',
      'button "Aujourd’hui"',
      'button "Cette semaine"',
      'button "Semaine de l’industrie"',
      'checkbox "Handicap moteur"',
      'checkbox "Handicap auditif"',
      'checkbox "Handicap visuel"',
      'checkbox "Handicap psychique"',
      'checkbox "Handicap intellectuel"',
      'button "Près de moi"',
      ...cards(el).map((card) => `button "${text(card.querySelector('[part~="card-title"]'))}"`),
      `button "Voir plus d’événements (3 sur ${countText(el).replace(/ événements$/, '')} affichés)"`,
      'after',
    ]);
    expect(total).to.be.above(3);
    // The ring is checked while each element has the keyboard focus: walk again, checking as we go.
    before.focus();
    for (const element of elements.slice(0, -1)) {
      const active = await nextStop();
      expect(describeFocus(active)).to.equal(describeFocus(element));
      expectVisibleFocus(active);
    }
  });

  it('operates every filter from the keyboard, and the polite status says the new count', async () => {
    const { el, before } = await fullList();
    const live = shadow(el).querySelector('.visually-hidden[role="status"]');
    expect(live?.getAttribute('aria-live')).to.equal('polite');
    expect(live?.getAttribute('aria-atomic')).to.equal('true');
    await until(el, () => statusText(el) !== '', 'nothing announced after loading');
    const all = countOf(el);

    before.focus();
    await tabTo((a) => a.id === 'f-q', 'the search');
    await sendKeys({ type: 'visite' });
    await until(el, () => el.filterState.q === 'visite' && countOf(el) < all, 'the search did not apply');
    // Announced once the visitor pauses, with the count shown.
    await until(el, () => statusText(el) === countText(el), 'the new count was not announced');
    const searched = countOf(el);
    expect(searched).to.be.above(0);

    await press('Tab');
    expect(deepActive()?.id).to.equal('f-region');
    await sendKeys({ type: 'Bre' });
    await until(el, () => el.filterState.region === '53', 'typing a region name did not choose it');
    await press('Tab');
    await press('ArrowDown');
    await until(el, () => el.filterState.department === '22', 'ArrowDown did not choose the first department of Bretagne');

    await tabTo((a) => a.id === 'f-attendance', 'the attendance select');
    await press('ArrowDown');
    await press('ArrowDown');
    await until(el, () => el.filterState.attendance === 'online', 'arrows did not choose online events');
    await until(el, () => statusText(el) === countText(el), 'the count after the attendance change was not announced');

    const chip = await tabTo((a) => text(a) === 'Semaine de l’industrie', 'the edition-week chip');
    expect(chip.getAttribute('aria-pressed')).to.equal('false');
    await press('Enter');
    await until(el, () => chip.getAttribute('aria-pressed') === 'true', 'Enter did not press the date chip');
    expect(el.filterState.from).to.equal('2026-11-16');
    expect(el.filterState.to).to.equal('2026-11-22');
    await press(' ');
    await until(el, () => chip.getAttribute('aria-pressed') === 'false', 'Space did not release the date chip');

    const check = await tabTo((a) => a instanceof HTMLInputElement && a.type === 'checkbox', 'the first accessibility box');
    await press(' ');
    await until(el, () => (el.filterState.accessibility ?? []).includes('mi'), 'Space did not tick the box');
    expect((check as HTMLInputElement).checked).to.equal(true);

    const clear = await tabTo((a) => text(a) === 'Effacer les filtres', 'the clear button');
    expectVisibleFocus(clear);
    await press('Enter');
    await until(el, () => Object.keys(el.filterState).length === 0, 'the filters were not cleared');
    // The button disappears with the filters: the keyboard lands on the count, not on the page's top.
    await until(el, () => deepActive()?.matches('[part~="count"]') === true, 'focus was lost when the clear button went');
    expectVisibleFocus(deepActive(), 'the count after clearing');
    await until(el, () => countOf(el) === all && statusText(el) === countText(el), 'the full count was not announced');
  });

  it('pages with Enter and moves the keyboard to the first new card', async () => {
    const { el, before } = await fullList();
    before.focus();
    const more = await tabTo((a) => a.matches('[part~="more"]'), 'the more button');
    await press('Enter');
    await until(el, () => cards(el).length === 6, 'Enter did not show the next page');
    const fourth = cards(el)[3]?.querySelector('button.open');
    await until(el, () => deepActive() === fourth, 'focus did not move to the first new card');
    expectVisibleFocus(deepActive());
    expect(more.isConnected).to.equal(true);
  });

  it('opens a card with Enter, reaches the calendar and share buttons, closes with Escape back on the card', async () => {
    const { el, before } = await fullList();
    const files: CalendarFile[] = [];
    el.download = (file) => files.push(file);
    before.focus();
    const card = await tabTo((a) => a.matches('button.open'), 'the first card');
    expect(card.getAttribute('aria-haspopup')).to.equal('dialog');
    await press('Enter');
    // The dialog's code may arrive with the first opening: look for it once it is there.
    const found = () => shadow(el).querySelector('dialog');
    await until(
      el,
      () => Boolean(found()?.open) && deepActive()?.id === 'detail-title',
      'Enter did not open the detail on its title',
    );
    const dialog = found() as HTMLDialogElement;
    expectVisibleFocus(deepActive(), 'the detail title');

    const close = await tabTo((a) => text(a) === 'Fermer', 'the close button', 3);
    expectVisibleFocus(close);
    // Wait for the full details: the description (and its links) arrive after the dialog opens.
    await until(el, () => Boolean(dialog.querySelector('.description')), 'the description never came');
    const reached: string[] = [];
    const calendar = await tabTo(
      (a) => {
        reached.push(describeFocus(a));
        expect(dialog.contains(a), `${describeFocus(a)} is outside the dialog`).to.equal(true);
        expectVisibleFocus(a);
        return text(a) === 'Ajouter à mon agenda';
      },
      'the calendar button',
      30,
    );
    await press('Enter');
    await until(el, () => files.length === 1, 'Enter did not make the calendar file');
    expect(text(dialog.querySelector('.action-status[role="status"]'))).to.equal('Fichier d’agenda téléchargé');
    expect(deepActive()).to.equal(calendar);
    const share = await press('Tab');
    expect(text(share)).to.equal('Partager');
    expectVisibleFocus(share);

    await press('Escape');
    await until(el, () => !dialog.open, 'Escape did not close the detail');
    await until(el, () => deepActive() === card, 'focus did not return to the card');
    expectVisibleFocus(card);
    expect(reached.length).to.be.above(0);
  });

  it('a narrow list unfolds its filters from the keyboard', async () => {
    const { el, before } = await between<SdiEventList>(
      html`<sdi-event-list style="width: 320px" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
      'sdi-event-list',
    );
    await loaded(el);
    await until(el, () => Boolean(shadow(el).querySelector('details.more-filters')), 'the filters did not fold');
    before.focus();
    expect(describeFocus(await press('Tab'))).to.equal('#f-q');
    const summary = await press('Tab');
    expect(summary?.matches('[part~="filters-toggle"]')).to.equal(true);
    expectVisibleFocus(summary);
    const details = shadow(el).querySelector('details') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    await press('Enter');
    await until(el, () => details.open, 'Enter did not unfold the filters');
    expect(describeFocus(await press('Tab'))).to.equal('#f-region');
  });

  it('a teaser is its cards and the link to all events', async () => {
    const { el, before } = await between<SdiEventList>(
      html`<sdi-event-list limit="2" href="https://example.org/agenda" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
      'sdi-event-list',
    );
    await loaded(el);
    const { names, elements } = await tabSequence(before);
    expect(names).to.deep.equal([
      ...cards(el).map((card) => `button "${text(card.querySelector('[part~="card-title"]'))}"`),
      'link "Voir tous les événements"',
      'after',
    ]);
    before.focus();
    for (const element of elements.slice(0, -1)) {
      const active = await nextStop();
      expect(describeFocus(active)).to.equal(describeFocus(element));
      expectVisibleFocus(active);
    }
  });

  it('retries a failed load from the keyboard', async () => {
    await snapshotFault({ match: 'index.json', status: 500 });
    const { el, before } = await between<SdiEventList>(
      html`<sdi-event-list filters="none" src=${SNAPSHOT} .now=${clock} .store=${freshStore()}></sdi-event-list>`,
      'sdi-event-list',
    );
    await until(el, () => Boolean(shadow(el).querySelector('[part~="error"]')), 'no error shown');
    before.focus();
    const retry = await press('Tab');
    expect(describeFocus(retry)).to.equal('button "Réessayer"');
    expectVisibleFocus(retry);
    await resetServer();
    await press('Enter');
    await loaded(el);
    expect(cards(el).length).to.equal(20);
  });
});

/* Region map ------------------------------------------------------------------------------------ */

async function mapReady(el: SdiRegionMap): Promise<void> {
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => el.mapView !== undefined && shadow(el).querySelector('.regions'), 'map never drew', { timeout: 15000 });
  await el.updateComplete;
  await mapSettled(el);
}

/** A marker's focus ring is only seen if the marker is inside the map's box. */
function expectInsideMap(el: SdiRegionMap, marker: Element): void {
  const box = shadow(el).querySelector('#map')!.getBoundingClientRect();
  const r = marker.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  expect(
    x >= box.left && x <= box.right && y >= box.top && y <= box.bottom,
    `${describeFocus(marker)} is outside the visible map`,
  ).to.equal(true);
}

describe('keyboard walkthrough: <sdi-region-map>', () => {
  let index: SnapshotIndex;
  before(async () => {
    index = (await testControl.index()) as SnapshotIndex;
  });
  beforeEach(async () => {
    feedStore.clear();
    await testControl.reset();
  });

  function mapBetween(): Promise<{ el: SdiRegionMap; before: HTMLElement }> {
    return between<SdiRegionMap>(html`<sdi-region-map src="/snapshot/"></sdi-region-map>`, 'sdi-region-map');
  }

  it('Tab goes skip link, territories, map, the symbols in view, zoom, credits, regions; each ring visible', async () => {
    const { el, before } = await mapBetween();
    await mapReady(el);
    const { names, elements } = await tabSequence(before);
    // The overseas regions are insets beside the mainland (the default): every region's symbol is in view.
    const inView = Object.entries(index.counts.region)
      .filter(([c, n]) => c !== 'none' && n > 0)
      .map(([c]) => c);
    const symbolNames = names.filter((n) => n.startsWith('marker'));
    const regionButtons = [...shadow(el).querySelectorAll('[part~="region-button"]')].map((b) => `button "${text(b)}"`);
    expect(names, names.join(' | ')).to.deep.equal([
      'button "Passer la carte"',
      'button "France métropolitaine"',
      'button "Guadeloupe"',
      'button "Martinique"',
      'button "Guyane"',
      'button "La Réunion"',
      'button "Mayotte"',
      '#map',
      ...symbolNames,
      'link "Zoomer"',
      'link "Dézoomer"',
      'link "Leaflet"',
      ...regionButtons,
      'after',
    ]);
    // Only the symbols in view are Tab stops: all of them, mainland and insets.
    const focusedCodes = elements.filter((e) => e.matches('.leaflet-marker-icon')).map((e) => e.dataset.region);
    expect([...focusedCodes].sort()).to.deep.equal([...inView].sort());
    expect(regionButtons).to.have.length(Object.entries(index.counts.region).filter(([c, n]) => c !== 'none' && n > 0).length);

    before.focus();
    for (const element of elements.slice(0, -1)) {
      const active = await nextStop();
      expect(describeFocus(active)).to.equal(describeFocus(element));
      expectVisibleFocus(active);
      if (active?.matches('.leaflet-marker-icon')) expectInsideMap(el, active);
    }
  });

  it('skips the map, chooses a region and all of France again, from the keyboard', async () => {
    const { el, before } = await mapBetween();
    await mapReady(el);
    before.focus();
    const skip = await press('Tab');
    expect(describeFocus(skip)).to.equal('button "Passer la carte"');
    // Shown when focused: a visually hidden skip link would be an invisible stop.
    expect((skip as HTMLElement).getBoundingClientRect().width).to.be.above(20);
    expectVisibleFocus(skip);
    await press('Enter');
    expect(deepActive()?.id).to.equal('regions');
    const first = await press('Tab');
    expect(first?.matches('[part~="region-button"]')).to.equal(true);
    const bretagne = await tabTo((a) => (a as HTMLElement).dataset.region === '53', 'Bretagne in the list');
    await press('Enter');
    await waitUntil(() => bretagne.getAttribute('aria-pressed') === 'true', 'Enter did not choose Bretagne', { timeout: 8000 });
    expect(text(shadow(el).querySelector('.status[role="status"]'))).to.equal('Région sélectionnée\u00a0: Bretagne');
    const all = await tabTo((a) => a.matches('[part~="all-button"]'), 'the all-of-France button');
    expectVisibleFocus(all);
    await press('Enter');
    await waitUntil(
      () => bretagne.getAttribute('aria-pressed') === 'false',
      'Enter on «Toute la France» did not clear the region',
      { timeout: 8000 },
    );
  });

  it('shows an overseas region from the switcher, whose markers are then the ones Tab reaches', async () => {
    const { el, before } = await mapBetween();
    await mapReady(el);
    before.focus();
    const reunion = await tabTo((a) => text(a) === 'La Réunion', 'the La Réunion button');
    await press('Enter');
    await waitUntil(() => el.mapView!.map.getBounds().contains([-21.115, 55.536]), 'La Réunion not framed', { timeout: 8000 });
    await mapSettled(el);
    await el.updateComplete;
    expect(reunion.getAttribute('aria-pressed')).to.equal('true');
    await tabTo((a) => a.id === 'map', 'the map');
    // Framed closely, La Réunion's events are clusters; none of the mainland's symbols is a stop.
    const stops: string[] = [];
    for (let active = await press('Tab'); active?.matches('.leaflet-marker-icon'); active = await press('Tab')) {
      expectInsideMap(el, active);
      expectVisibleFocus(active);
      stops.push(describeFocus(active));
    }
    expect(describeFocus(deepActive())).to.equal('link "Zoomer"');
    expect(stops.length).to.be.above(0);
    for (const stop of stops)
      expect(stop).to.match(/^marker "(\d+ événements ici\s: zoomer|Événement|La Réunion\s: \d+ événements?)"$/);
  });

  it('zooms with the keyboard on the map and with the zoom buttons', async () => {
    const { el, before } = await mapBetween();
    await mapReady(el);
    const map = el.mapView!.map;
    const start = map.getZoom();
    before.focus();
    await tabTo((a) => a.id === 'map', 'the map');
    // On the focused map, + zooms in (Leaflet's keyboard handler; the arrows pan).
    await press('+');
    await waitUntil(() => map.getZoom() > start, '+ on the map did not zoom in', { timeout: 8000 });
    await mapSettled(el);
    const zoomed = map.getZoom();
    await tabTo((a) => describeFocus(a) === 'link "Dézoomer"', 'the zoom-out button');
    await press('Enter');
    await waitUntil(() => map.getZoom() < zoomed, 'Enter on «Dézoomer» did not zoom out', { timeout: 8000 });
    await mapSettled(el);
    // The keyboard stays on the button (a mouse click gives the map focus): Enter again zooms again.
    expect(describeFocus(deepActive())).to.equal('link "Dézoomer"');
    const out = map.getZoom();
    await press('Enter');
    await waitUntil(() => map.getZoom() < out, 'a second Enter on «Dézoomer» did not zoom out', { timeout: 8000 });
  });

  it('opens an event’s popup with Enter, moves into it, and Escape returns to the marker', async () => {
    const points = readPoints(
      (await (await fetch(new URL((index.files.points as { path: string }).path, SNAPSHOT))).json()) as SnapshotPointsFile,
    );
    const { el, before } = await mapBetween();
    await mapReady(el);
    // Set-up only: the view of one town at the last zoom, where events are single markers.
    const target = points.find((p) => p.region === '84')!;
    el.mapView!.map.setView([target.lat, target.lng], el.mapView!.map.getMaxZoom(), { animate: false });
    await mapSettled(el);
    await waitUntil(() => shadow(el).querySelector('.sdi-marker-icon[tabindex="0"]'), 'no marker in view', { timeout: 8000 });

    before.focus();
    const marker = await tabTo((a) => a.matches('.sdi-marker-icon'), 'an event marker');
    expectVisibleFocus(marker);
    expectInsideMap(el, marker);
    expect(marker.getAttribute('role')).to.equal('button');
    expect(marker.getAttribute('aria-label')).to.equal('Événement');
    await press('Enter');
    await waitUntil(() => shadow(el).querySelector('.sdi-popup-title'), 'Enter did not open the popup', { timeout: 8000 });
    await waitUntil(() => deepActive()?.matches('.sdi-popup') === true, 'focus did not move into the popup', { timeout: 8000 });
    const link = await press('Tab');
    expect(link?.matches('.sdi-popup-link')).to.equal(true);
    expect(link?.getAttribute('aria-label')).to.match(/^Voir l'événement sur OpenAgenda : ./);
    expectVisibleFocus(link);
    const close = await press('Tab');
    expect(close?.matches('.leaflet-popup-close-button')).to.equal(true);
    expect(close?.getAttribute('aria-label')).to.equal('Fermer');
    expectVisibleFocus(close);
    await press('Escape');
    await waitUntil(() => !shadow(el).querySelector('.leaflet-popup'), 'Escape did not close the popup', { timeout: 8000 });
    await waitUntil(() => deepActive() === marker, 'focus did not return to the marker', { timeout: 8000 });
  });
});

/* Countdown and banner ------------------------------------------------------------------------- */

describe('keyboard walkthrough: <sdi-countdown> and <sdi-edition-banner>', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('their only controls are their links, reached in order, visibly focused, followed with Enter', async () => {
    const wrapper = await fixture(html`<div>
      <button id="before">before</button>
      <sdi-countdown href="#programme"></sdi-countdown>
      <sdi-edition-banner number="12" href="#agenda" .now=${() => Date.UTC(2026, 9, 1, 10)}></sdi-edition-banner>
      <button id="after">after</button>
    </div>`);
    const before = wrapper.querySelector('#before') as HTMLElement;
    await (wrapper.querySelector('sdi-countdown') as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    await (wrapper.querySelector('sdi-edition-banner') as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    const { names } = await tabSequence(before);
    expect(names).to.deep.equal(['link "Découvrir le programme"', 'link "Découvrir les événements"', 'after']);

    before.focus();
    const programme = await press('Tab');
    expectVisibleFocus(programme);
    await press('Enter');
    await waitUntil(() => location.hash === '#programme', 'Enter did not follow the countdown’s link');
    // Following a same-page link can move the keyboard to the target or the body: start again.
    before.focus();
    await press('Tab');
    const agenda = await press('Tab');
    expectVisibleFocus(agenda);
    await press('Enter');
    await waitUntil(() => location.hash === '#agenda', 'Enter did not follow the banner’s link');
  });
});
