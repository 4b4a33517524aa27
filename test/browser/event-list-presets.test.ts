/**
 * A partner's presets are the floor of a visitor's reset (#13): « Effacer les filtres » on a
 * `region="32"` list returns to region 32, never to all of France; so do Back to an address with
 * none of the list's keys (`sync-url`) and another widget of the group clearing its region.
 */
import { expect, html } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { announceFilters } from '../../src/controllers/events.js';
import type { FilterState } from '../../src/filters/filter-state.js';
import {
  button,
  choose,
  clock,
  countOf,
  expected,
  list,
  select,
  shadow,
  sharedStore,
  SNAPSHOT,
  until,
} from '../support/browser/event-list-helpers.js';

async function expectCount(el: SdiEventList, filters: FilterState): Promise<void> {
  const want = (await expected(filters)).length;
  await until(el, () => countOf(el) === want, `expected ${want} for ${JSON.stringify(filters)}, saw ${countOf(el)}`);
}

describe('<sdi-event-list> partner presets', () => {
  let original = '';
  beforeEach(() => {
    original = location.href;
  });
  afterEach(() => {
    history.replaceState(history.state, '', original);
  });

  it('« Effacer les filtres » returns to the partner’s region, not to all of France', async () => {
    const el = await list(
      html`<sdi-event-list region="32" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    await expectCount(el, { region: '32' });
    // At the partner's own preset there is nothing of the visitor's to clear.
    expect(shadow(el).querySelector('[part~="clear"]') !== null, 'a clear button at the preset').to.equal(false);
    choose(select(el, 'f-region'), '84');
    await expectCount(el, { region: '84' });
    button(el, 'Effacer les filtres').click();
    await expectCount(el, { region: '32' });
    expect(el.filterState.region).to.equal('32');
    expect(select(el, 'f-region').value).to.equal('32');
  });

  it('keeps the partner’s other presets when the visitor clears theirs', async () => {
    const el = await list(
      html`<sdi-event-list region="32" attendance="onsite" filters="region type attendance" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    choose(select(el, 'f-region'), '84');
    await expectCount(el, { region: '84', attendance: 'onsite' });
    button(el, 'Effacer les filtres').click();
    await expectCount(el, { region: '32', attendance: 'onsite' });
  });

  it('Back to an address without the list’s keys returns to the presets (sync-url)', async () => {
    const el = await list(
      html`<sdi-event-list sync-url region="32" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    await expectCount(el, { region: '32' });
    choose(select(el, 'f-region'), '84');
    await expectCount(el, { region: '84' });
    expect(location.search).to.contain('sdi-region=84');
    // As Back to the page's entry before any filter: an address with none of the list's keys. (A
    // real history.back() could leave the test page when an earlier test failed before pushing.)
    history.pushState(history.state, '', original);
    window.dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    await expectCount(el, { region: '32' });
    expect(select(el, 'f-region').value).to.equal('32');
  });

  it('another widget of the group clearing its region leaves the partner’s region', async () => {
    const el = await list(
      html`<sdi-event-list group="g" region="32" src=${SNAPSHOT} .now=${clock} .store=${sharedStore}></sdi-event-list>`,
    );
    announceFilters(document.body, { group: 'g', filters: { region: '84' }, changed: ['region'] });
    await expectCount(el, { region: '84' });
    announceFilters(document.body, { group: 'g', filters: {}, changed: ['region'] });
    await expectCount(el, { region: '32' });
    expect(el.filterState.region).to.equal('32');
  });
});
