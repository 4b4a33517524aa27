/**
 * The widgets on host pages we do not control (test/hostile-pages/): a theme whose global CSS
 * reaches every element it can, a right-to-left document, an English one, and a phone-narrow
 * column with the text zoomed to 200 %. The widgets must render, stay readable and never make
 * their own content scroll sideways.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import '../../src/elements/countdown/define.js';
import '../../src/elements/edition-banner/define.js';
import '../../src/elements/region-map/define.js';
import type { SdiCountdown } from '../../src/elements/countdown/sdi-countdown.js';
import type { SdiEditionBanner } from '../../src/elements/edition-banner/sdi-edition-banner.js';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { SdiRegionMap } from '../../src/elements/region-map/sdi-region-map.js';
import { AGGRESSIVE_CSS, NARROW_ZOOMED_STYLE } from '../hostile-pages/pages.js';
import { SNAPSHOT, cards, clock, loaded, shadow, sharedStore, text } from '../support/browser/event-list-helpers.js';
import { collectUncaught } from '../support/browser/support.js';

interface Widgets {
  list: SdiEventList;
  banner: SdiEditionBanner;
  countdown: SdiCountdown;
  map: SdiRegionMap;
}

/** The banner's and the countdown's links: their buttons are the widest unbreakable parts. */
const PROGRAMME = 'https://www.semaine-industrie.gouv.fr/programme';

let host: HTMLElement | undefined;
let style: HTMLStyleElement | undefined;
const documentAttributes = {
  dir: document.documentElement.getAttribute('dir'),
  lang: document.documentElement.getAttribute('lang'),
};

/**
 * The four widgets in a <main> of their own (the test runner's fixture container is a div, which
 * the aggressive theme hides), on the shared store so the snapshot is read once per file.
 */
async function mount(attributes: { style?: string } = {}): Promise<Widgets> {
  host = document.createElement('main');
  if (attributes.style) host.setAttribute('style', attributes.style);
  document.body.append(host);
  // The map first: it draws only once seen, and the page below it is long at 40px text.
  const template: TemplateResult = html`
    <sdi-region-map src=${SNAPSHOT} .store=${sharedStore}></sdi-region-map>
    <sdi-edition-banner src=${SNAPSHOT} href=${PROGRAMME} .now=${clock} .store=${sharedStore}></sdi-edition-banner>
    <sdi-countdown href=${PROGRAMME} .now=${clock}></sdi-countdown>
    <sdi-event-list src=${SNAPSHOT} filters="region type date search" .now=${clock} .store=${sharedStore}></sdi-event-list>
  `;
  render(template, host);
  const find = <T extends Element>(tag: string): T => {
    const found = host?.querySelector<T>(tag);
    if (!found) throw new Error(`no ${tag}`);
    return found;
  };
  const widgets: Widgets = {
    list: find('sdi-event-list'),
    banner: find('sdi-edition-banner'),
    countdown: find('sdi-countdown'),
    map: find('sdi-region-map'),
  };
  await loaded(widgets.list);
  await waitUntil(() => !shadow(widgets.banner).querySelector('.count.pending'), 'the banner count never came', {
    timeout: 10_000,
  });
  await widgets.countdown.updateComplete;
  // Maps draw when seen.
  widgets.map.scrollIntoView({ block: 'start' });
  await waitUntil(() => shadow(widgets.map).querySelector('[part~="region-button"]'), 'the map never drew', { timeout: 15_000 });
  await widgets.map.updateComplete;
  return widgets;
}

function box(node: Element | null | undefined, what: string): DOMRect {
  if (!node) throw new Error(`${what}: missing`);
  return node.getBoundingClientRect();
}

function expectVisible(node: Element | null | undefined, what: string): void {
  const rect = box(node, what);
  expect(rect.width > 0 && rect.height > 0, `${what} has no size (${rect.width}×${rect.height})`).to.equal(true);
}

/** Nothing in the widget is wider than the box holding it. */
function expectNoSidewaysScroll(node: Element | null | undefined, what: string): void {
  if (!node) throw new Error(`${what}: missing`);
  expect(node.scrollWidth, `${what}: scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`).to.be.at.most(
    node.clientWidth + 1,
  );
}

/**
 * Inside a row that scrolls sideways on purpose (the map's territory buttons in a phone column),
 * a box is clipped by the row, not spilling onto the page: the row's own box is what is checked.
 */
function insideScroller(node: Element): boolean {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
}

/** The main parts of each widget, for the sideways-scroll check. */
function mainParts(widgets: Widgets): [string, Element | null][] {
  const list = shadow(widgets.list);
  const banner = shadow(widgets.banner);
  const countdown = shadow(widgets.countdown);
  const map = shadow(widgets.map);
  return [
    ['list root', list.querySelector('[part~="root"]')],
    ['list filters', list.querySelector('[part~="filters"]')],
    ['list results', list.querySelector('[part~="list"]')],
    ...cards(widgets.list)
      .slice(0, 5)
      .map((card, i): [string, Element] => [`card ${i}`, card]),
    ['list «voir plus»', list.querySelector('[part~="more"]')],
    ['banner', banner.querySelector('[part~="banner"]')],
    ['countdown', countdown.querySelector('[part~="countdown"]')],
    ['map box', map.querySelector('[part~="map"]')],
    ['map region list', map.querySelector('[part~="region-list"]')],
  ];
}

describe('widgets on hostile host pages', () => {
  const uncaught = collectUncaught();
  afterEach(() => {
    if (host) render(html``, host);
    host?.remove();
    host = undefined;
    style?.remove();
    style = undefined;
    for (const [name, value] of Object.entries(documentAttributes)) {
      if (value === null) document.documentElement.removeAttribute(name);
      else document.documentElement.setAttribute(name, value);
    }
  });

  it('a theme whose global CSS reaches everything: the widgets still render, sized and readable', async () => {
    style = document.createElement('style');
    style.textContent = AGGRESSIVE_CSS;
    document.head.append(style);
    const widgets = await mount();

    const list = shadow(widgets.list);
    expect(cards(widgets.list).length).to.equal(20);
    for (const [i, card] of cards(widgets.list).slice(0, 5).entries()) {
      expectVisible(card, `card ${i}`);
      expectVisible(card.querySelector('[part~="card-title"]'), `title of card ${i}`);
      // Lines must not overlap: the page's line-height 0.8 would pile the title's lines up.
      const title = box(card.querySelector('[part~="card-title"]'), 'title');
      const lineHeight = parseFloat(getComputedStyle(card.querySelector('[part~="card-title"]') as Element).lineHeight);
      expect(
        Number.isNaN(lineHeight) || lineHeight >= parseFloat(getComputedStyle(card).fontSize),
        `line height of card ${i}`,
      ).to.equal(true);
      expect(title.height).to.be.greaterThan(0);
    }
    expectVisible(list.querySelector('[part~="filters"]'), 'filters');
    expectVisible(shadow(widgets.banner).querySelector('[part~="banner"]'), 'banner');
    expect(text(shadow(widgets.banner).querySelector('[part~="count"]'))).to.match(/\d/);
    expectVisible(shadow(widgets.banner).querySelector('[part~="cta"]'), 'banner link');
    expectVisible(shadow(widgets.countdown).querySelector('[part~="countdown"]'), 'countdown');
    expectVisible(shadow(widgets.map).querySelector('[part~="map"]'), 'map');
    for (const [what, node] of mainParts(widgets)) if (node) expectNoSidewaysScroll(node, what);

    // The detail dialog too: it lives in the shadow root, out of the theme's reach.
    cards(widgets.list)[0]?.querySelector<HTMLButtonElement>('button.open')?.click();
    const dialog = list.querySelector('dialog');
    await waitUntil(() => dialog?.open && dialog.querySelector('#detail-title'), 'the detail did not open');
    expectVisible(dialog?.querySelector('#detail-title'), 'detail title');
    dialog?.querySelector<HTMLButtonElement>('button.close')?.click();
    await waitUntil(() => !dialog?.open && !dialog?.querySelector('#detail-title'));
    expect(uncaught.map(String)).to.deep.equal([]);
  });

  it('a right-to-left page: the widgets render, in the direction of the language they speak', async () => {
    document.documentElement.setAttribute('dir', 'rtl');
    document.documentElement.setAttribute('lang', 'ar');
    const widgets = await mount();
    expect(cards(widgets.list).length).to.equal(20);
    // Arabic is not offered: the widgets speak French, left to right, inside the right-to-left page.
    expect(text(shadow(widgets.list).querySelector('[part~="count"]'))).to.match(/événements$/);
    for (const [what, node] of [
      ['list', shadow(widgets.list).querySelector('[part~="root"]')],
      ['banner', shadow(widgets.banner).querySelector('[part~="banner"]')],
      ['countdown', shadow(widgets.countdown).querySelector('[part~="countdown"]')],
    ] as const) {
      expectVisible(node, what);
      expect(getComputedStyle(node as Element).direction, `${what} direction`).to.equal('ltr');
    }
    for (const [what, node] of mainParts(widgets)) if (node) expectNoSidewaysScroll(node, what);
    for (const el of Object.values(widgets)) expectNoSidewaysScroll(el, el.localName);
    expect(uncaught.map(String)).to.deep.equal([]);
  });

  it('an English page: every widget speaks English', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const widgets = await mount();
    expect(text(shadow(widgets.list).querySelector('[part~="count"]'))).to.match(/^[\d,\s\u202f\u00a0]+ events$/);
    expect(text(shadow(widgets.banner).querySelector('[part~="count"]'))).to.match(/events/);
    expect(text(shadow(widgets.countdown).querySelector('[part~="countdown"]'))).to.match(/days?/);
    expect(uncaught.map(String)).to.deep.equal([]);
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`a 320 px column at 200 % text (${dir}): nothing scrolls sideways inside the widgets`, async () => {
      document.documentElement.setAttribute('dir', dir);
      const widgets = await mount({ style: NARROW_ZOOMED_STYLE });
      expect(cards(widgets.list).length).to.equal(20);
      for (const el of Object.values(widgets)) {
        expect(el.getBoundingClientRect().width, el.localName).to.be.at.most(321);
        expectNoSidewaysScroll(el, el.localName);
      }
      for (const [what, node] of mainParts(widgets)) if (node) expectNoSidewaysScroll(node, what);
      // Every descendant box stays within the widget (an overflowing child of an element with
      // overflow: visible would not show in its own scrollWidth, but does on the partner's page).
      for (const el of Object.values(widgets)) {
        const outer = el.getBoundingClientRect();
        for (const node of shadow(el).querySelectorAll('[part]')) {
          const rect = node.getBoundingClientRect();
          if (rect.width === 0 || (node as HTMLElement).closest?.('dialog') || insideScroller(node)) continue;
          expect(rect.left, `${el.localName} ${node.getAttribute('part')}`).to.be.at.least(outer.left - 1);
          expect(rect.right, `${el.localName} ${node.getAttribute('part')}`).to.be.at.most(outer.right + 1);
        }
      }
      expect(uncaught.map(String)).to.deep.equal([]);
    });
  }
});
