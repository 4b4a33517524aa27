import { expect, fixture, html } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import type { FilterState } from '../../src/filters/filter-state.js';
import { FILTER_CHANGE, announceFilters, type FilterChangeDetail } from '../../src/controllers/events.js';
import { stubWarn } from '../support/browser/support.js';
import {
  SNAPSHOT,
  cards,
  choose,
  clock,
  countOf,
  expected,
  input,
  list,
  loaded,
  select,
  sharedStore,
  until,
} from '../support/browser/event-list-helpers.js';

async function expectCount(el: SdiEventList, filters: FilterState): Promise<void> {
  const want = (await expected(filters)).length;
  await until(el, () => countOf(el) === want, `expected ${want} for ${JSON.stringify(filters)}, saw ${countOf(el)}`);
}

function popstate(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('popstate', () => setTimeout(resolve), { once: true }));
}

describe('<sdi-event-list sync-url>', () => {
  let original = '';
  beforeEach(() => {
    original = location.href;
  });
  afterEach(() => {
    history.replaceState(history.state, '', original);
  });

  it('writes filters to the address: a new entry per choice, the same entry while typing', async () => {
    const el = await list(html`<sdi-event-list sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    const length = history.length;
    choose(select(el, 'f-region'), '84');
    await expectCount(el, { region: '84' });
    expect(new URL(location.href).searchParams.get('sdi-region')).to.equal('84');
    expect(history.length).to.equal(length + 1);
    const search = input(el, 'f-q');
    for (const value of ['u', 'us', 'usine']) {
      search.value = value;
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await expectCount(el, { region: '84', q: 'usine' });
    expect(new URL(location.href).searchParams.get('sdi-q')).to.equal('usine');
    expect(history.length).to.equal(length + 1);
    // The page's own parameters (the test runner's) are kept.
    for (const [key, value] of new URL(original).searchParams)
      expect(new URL(location.href).searchParams.get(key)).to.equal(value);
  });

  it('reads the filters from the address at start (round trip)', async () => {
    const first = await list(
      html`<sdi-event-list sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    choose(select(first, 'f-type'), '3');
    choose(select(first, 'f-region'), '11');
    await expectCount(first, { region: '11', types: [3] });
    first.remove();
    const second = await list(
      html`<sdi-event-list sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    await expectCount(second, { region: '11', types: [3] });
    expect(select(second, 'f-region').value).to.equal('11');
    expect(select(second, 'f-type').value).to.equal('3');
  });

  it('lets the address win over attribute presets at start', async () => {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}sdi-region=32`);
    const el = await list(
      html`<sdi-event-list sync-url region="84" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    await expectCount(el, { region: '32' });
  });

  it('follows Back and Forward', async () => {
    const el = await list(html`<sdi-event-list sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    choose(select(el, 'f-region'), '84');
    await expectCount(el, { region: '84' });
    choose(select(el, 'f-region'), '32');
    await expectCount(el, { region: '32' });
    let moved = popstate();
    history.back();
    await moved;
    await expectCount(el, { region: '84' });
    expect(select(el, 'f-region').value).to.equal('84');
    moved = popstate();
    history.back();
    await moved;
    await expectCount(el, {});
    moved = popstate();
    history.forward();
    await moved;
    await expectCount(el, { region: '84' });
  });

  it('uses the fragment with sync-url="hash", keeping the page’s anchor', async () => {
    history.replaceState(history.state, '', `${location.pathname}${location.search}#agenda`);
    const el = await list(
      html`<sdi-event-list sync-url="hash" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    choose(select(el, 'f-audience'), '12');
    await expectCount(el, { audiences: [12] });
    expect(location.hash).to.equal('#agenda&sdi-audiences=12');
    expect(new URL(location.href).searchParams.has('sdi-audiences')).to.equal(false);
  });

  it('leaves the address alone without sync-url', async () => {
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    choose(select(el, 'f-region'), '84');
    await expectCount(el, { region: '84' });
    expect(location.href).to.equal(original);
  });

  it('keeps the address for one list: a second one, of no common group, says it does not', async () => {
    const warn = stubWarn();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <sdi-event-list id="first" sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
        <sdi-event-list id="second" sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
      </div>`);
      const [first, second] = ['first', 'second'].map((id) => wrapper.querySelector(`#${id}`) as SdiEventList) as [
        SdiEventList,
        SdiEventList,
      ];
      await Promise.all([loaded(first), loaded(second)]);
      const notice = (el: SdiEventList) => el.shadowRoot!.querySelector('[part~="notice"][role="alert"]')?.textContent?.trim();
      expect(notice(first)).to.equal(undefined);
      expect(notice(second)).to.contain("sync-url : une autre liste de la page garde déjà ses filtres dans l'adresse");
      expect(warn.calls.some((call) => String(call[0]).includes('"sync-url"'))).to.equal(true);
      // The second filters for itself, leaving the address to the first.
      choose(select(second, 'f-region'), '84');
      await expectCount(second, { region: '84' });
      expect(location.href).to.equal(original);
      choose(select(first, 'f-region'), '32');
      await expectCount(first, { region: '32' });
      expect(new URL(location.href).searchParams.get('sdi-region')).to.equal('32');
      expect(second.filterState.region).to.equal('84');
      // Once the first has left and the second is given the group it now shares with nobody, it takes the address.
      first.remove();
      second.setAttribute('group', 'seule');
      await until(second, () => notice(second) === undefined, 'the notice stayed');
      choose(select(second, 'f-region'), '11');
      await expectCount(second, { region: '11' });
      expect(new URL(location.href).searchParams.get('sdi-region')).to.equal('11');
    } finally {
      warn.restore();
    }
  });

  it('lets the lists of one group share the address', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <sdi-event-list id="a" group="g" sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
      <sdi-event-list id="b" group="g" sync-url src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
    </div>`);
    const [a, b] = ['a', 'b'].map((id) => wrapper.querySelector(`#${id}`) as SdiEventList) as [SdiEventList, SdiEventList];
    await Promise.all([loaded(a), loaded(b)]);
    expect(b.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    choose(select(b, 'f-region'), '84');
    await expectCount(a, { region: '84' });
    expect(new URL(location.href).searchParams.get('sdi-region')).to.equal('84');
  });
});

describe('<sdi-event-list group>', () => {
  it('shares filters with the lists of its group, announcing each change to the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <sdi-event-list id="a" group="g1" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
      <sdi-event-list id="b" group="g1" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
      <sdi-event-list id="c" group="other" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>
    </div>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => wrapper.querySelector(`#${id}`) as SdiEventList) as [
      SdiEventList,
      SdiEventList,
      SdiEventList,
    ];
    await Promise.all([loaded(a), loaded(b), loaded(c)]);
    const seen: { detail: FilterChangeDetail; target: EventTarget | null }[] = [];
    const listener = (event: Event) =>
      seen.push({ detail: (event as CustomEvent<FilterChangeDetail>).detail, target: event.target });
    document.addEventListener(FILTER_CHANGE, listener);
    try {
      choose(select(a, 'f-region'), '84');
      await expectCount(b, { region: '84' });
      expect(select(b, 'f-region').value).to.equal('84');
      expect(countOf(c)).to.equal(2000);
      expect(seen.length).to.equal(1);
      expect(seen[0]?.target).to.equal(a);
      expect(seen[0]?.detail).to.deep.equal({ group: 'g1', filters: { region: '84' }, changed: ['region'] });
      // The other way round, and a text typed on b stays when a changes something else.
      choose(input(b, 'f-q'), 'visite');
      await expectCount(a, { region: '84', q: 'visite' });
      choose(select(a, 'f-type'), '1');
      await expectCount(b, { region: '84', q: 'visite', types: [1] });
      // A widget that left the page stops following.
      b.remove();
      choose(select(a, 'f-region'), '32');
      await expectCount(a, { region: '32', q: 'visite', types: [1] });
      expect(b.filterState.region).to.equal('84');
    } finally {
      document.removeEventListener(FILTER_CHANGE, listener);
    }
  });

  it('applies a region chosen by another widget (e.g. the map) without losing its other filters', async () => {
    const el = await list(
      html`<sdi-event-list group="carte" q="atelier" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    await expectCount(el, { q: 'atelier' });
    const map = document.createElement('div');
    document.body.append(map);
    try {
      announceFilters(map, { group: 'carte', filters: { region: '76' }, changed: ['region'] });
      await expectCount(el, { region: '76', q: 'atelier' });
      expect(cards(el).length).to.be.greaterThan(0);
      announceFilters(map, { group: 'autre', filters: { region: '11' }, changed: ['region'] });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(el.filterState.region).to.equal('76');
    } finally {
      map.remove();
    }
  });

  it('announces changes without a group too, so the host page can listen', async () => {
    const el = await list(html`<sdi-event-list src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`);
    const seen: FilterChangeDetail[] = [];
    const listener = (event: Event) => seen.push((event as CustomEvent<FilterChangeDetail>).detail);
    document.addEventListener(FILTER_CHANGE, listener);
    try {
      choose(input(el, 'f-from'), '2026-11-17');
      await until(el, () => seen.length === 1);
      expect(seen[0]).to.deep.equal({ filters: { from: '2026-11-17' }, changed: ['from'] });
    } finally {
      document.removeEventListener(FILTER_CHANGE, listener);
    }
  });
});
