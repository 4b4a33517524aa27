/**
 * Issue #11 item 9, the detail's side: an event with 50,000 slots (a hostile feed, or years of
 * daily openings) opened in a 5.6 s task with 50,000 list items. The detail lists a bounded number,
 * those still to come first, and says how many more there are, in the widget's language.
 */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { ChoiceLabels } from '../../src/elements/event-list/card.js';
import { DETAIL_MAX_SLOTS, detailSlots, renderDetail, type DetailContext } from '../../src/elements/event-list/detail-content.js';
import { LIST_MESSAGES } from '../../src/elements/event-list/messages.js';
import type { Lang, SdiEvent, Timing } from '../../src/model/types.js';

const NOW = Date.parse('2026-11-18T12:00:00Z');
const HOUR = 3_600_000;

/** `count` hourly slots, `past` of them over before NOW. */
function slots(count: number, past: number): Timing[] {
  const first = NOW - past * HOUR;
  return Array.from({ length: count }, (_, i) => ({ begin: first + i * HOUR, end: first + i * HOUR + HOUR / 2 }));
}

function event(timings: Timing[]): SdiEvent {
  return {
    uid: 7,
    slug: 'portes-ouvertes',
    title: { fr: 'Portes ouvertes', en: 'Open days' },
    summary: {},
    description: {},
    conditions: {},
    keywords: [],
    timings,
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    registration: [],
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
  };
}

function context(lang: Lang): DetailContext {
  return {
    lang,
    m: LIST_MESSAGES[lang],
    labels: new ChoiceLabels(undefined, lang),
    visitorZone: 'Europe/Paris',
    now: NOW,
    description: undefined,
    actionStatus: '',
    manualCopy: undefined,
    onClose: () => undefined,
    onCalendar: () => undefined,
    onShare: () => undefined,
  };
}

function mount(e: SdiEvent, lang: Lang): { host: HTMLElement; took: number } {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  render(renderDetail(e, context(lang)), host);
  return { host, took: performance.now() - start };
}

describe('detail: slots of an event with very many', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('lists at most DETAIL_MAX_SLOTS of 50,000 slots, quickly, and says how many more (FR)', () => {
    const { host, took } = mount(event(slots(50_000, 100)), 'fr');
    const items = host.querySelectorAll('ul.slots > li');
    expect(items.length).to.equal(DETAIL_MAX_SLOTS);
    const more = host.querySelector('.more-slots')?.textContent ?? '';
    // 49,950 with French grouping (a narrow no-break space in current engines).
    expect(more.replace(/\s/g, ' ')).to.equal('et 49 950 autres horaires non affichés');
    expect(took, `render took ${took.toFixed(0)} ms`).to.be.below(500);
  });

  it('says it in English for lang="en"', () => {
    const { host } = mount(event(slots(50_000, 100)), 'en');
    expect(host.querySelector('.more-slots')?.textContent).to.equal('and 49,950 more times not shown');
  });

  it('shows the slots still to come first, topped up with the latest past ones', () => {
    const timings = slots(1_000, 100);
    const upcoming = detailSlots(timings, NOW);
    expect(upcoming.shown).to.deep.equal(timings.slice(100, 100 + DETAIL_MAX_SLOTS));
    expect(upcoming.hidden).to.equal(1_000 - DETAIL_MAX_SLOTS);
    const almostOver = slots(1_000, 990);
    const last = detailSlots(almostOver, NOW);
    expect(last.shown).to.deep.equal(almostOver.slice(1_000 - DETAIL_MAX_SLOTS));
    const { host } = mount(event(timings), 'fr');
    const first = host.querySelector('ul.slots time')?.getAttribute('datetime');
    expect(first).to.equal('2026-11-18T13:00:00+01:00');
  });

  it('lists every slot, with no "more" line, when they fit', () => {
    const { host } = mount(event(slots(DETAIL_MAX_SLOTS, 10)), 'fr');
    expect(host.querySelectorAll('ul.slots > li').length).to.equal(DETAIL_MAX_SLOTS);
    expect(host.querySelector('.more-slots')).to.equal(null);
  });
});
