/**
 * The list across the year (#13): after the week, an explicit "the edition is over" state with its
 * events one action away (never a filter miss); `past` shows them directly, each marked; before
 * the programme is published, a "programme coming" state; a filter miss only when filters are the
 * cause. The sample snapshot is the 15th edition, 16–22 November 2026.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { SdiEventList } from '../../src/elements/event-list/sdi-event-list.js';
import { resetPageProgramme } from '../../src/editions/page-programme.js';
import { formatCount } from '../../src/i18n/format.js';
import { FeedStore, type EventsData, type Summary } from '../../src/store/feed-store.js';
import type { SourceConfig } from '../../src/feed/source.js';
import {
  button,
  cards,
  countOf,
  expected,
  loaded,
  sample,
  shadow,
  sharedStore,
  SNAPSHOT,
  text,
  until,
} from '../support/browser/event-list-helpers.js';
import { BARE_SNAPSHOT, serveSnapshotVariants } from '../support/browser/snapshot-variants.js';

/** 7 December 2026, 11:00 in Paris: two weeks after the 15th edition. */
const AFTER = Date.parse('2026-12-07T10:00:00Z');
/** 1 June 2027: the 16th edition recorded by a snapshot that holds none of its events yet. */
const BEFORE_NEXT = Date.parse('2027-06-01T10:00:00Z');

const emptyText = (el: Element): string => text(shadow(el).querySelector('[part~="empty"]'));
/** The edition's state, whether no event is left (the empty state) or a few come after the week. */
const state = (el: Element): string => text(shadow(el).querySelector('[part~="edition-state"]'));
const pastBadges = (el: Element): number => shadow(el).querySelectorAll('[part~="card"] [part~="past-badge"]').length;

const at = (now: number) => (): number => now;

async function show(template: ReturnType<typeof html>): Promise<SdiEventList> {
  const el = await fixture<SdiEventList>(template);
  await loaded(el);
  return el;
}

/** The region's events, all over at `AFTER` (checked: the state under test needs it). */
async function regionEvents(region: string): Promise<number> {
  const events = await expected({ region });
  const upcoming = events.filter((event) => event.timings.some((timing) => timing.end > AFTER));
  expect(upcoming, 'an event of the sample is still ahead on 7 December').to.have.length(0);
  return events.length;
}

/** A store whose data holds no event: a snapshot of the 16th edition before its programme is out. */
class EmptyProgrammeStore extends FeedStore {
  constructor(private readonly schema: EventsData['schema']) {
    super({ retries: 0 });
  }
  override events(): Promise<EventsData> {
    return Promise.resolve({ events: [], schema: this.schema, skipped: 0, generatedAt: BEFORE_NEXT, stale: false });
  }
  override firstEvents(): Promise<EventsData | undefined> {
    return Promise.resolve(undefined);
  }
  override summary(_source: SourceConfig): Promise<Summary> {
    return Promise.resolve({
      edition: { number: 16, year: 2027, start: '2027-11-15', end: '2027-11-21' },
      total: 0,
      counts: { day: {} },
      schema: this.schema,
      generatedAt: BEFORE_NEXT,
      stale: false,
    } as Summary);
  }
}

describe('<sdi-event-list> across the year', () => {
  beforeEach(() => resetPageProgramme());

  it('after the week, a region list says the edition is over and offers its events in one action', async () => {
    const n = await regionEvents('32');
    const el = await show(
      html`<sdi-event-list .now=${at(AFTER)} .store=${sharedStore} src=${SNAPSHOT} region="32"></sdi-event-list>`,
    );
    const said = emptyText(el);
    expect(said).to.contain('La 15e édition s’est tenue du 16 au 22 novembre 2026');
    expect(said).not.to.contain('ne correspond');
    const offer = button(el, `Voir les ${formatCount(n, 'fr')} événements de l’édition`);
    offer.click();
    await until(el, () => cards(el).length > 0, 'the past events did not appear');
    expect(countOf(el)).to.equal(n);
    expect(pastBadges(el)).to.equal(cards(el).length);
    expect(text(shadow(el).querySelector('[part~="past-note"]'))).to.contain('15e édition');
  });

  it('after the week, events still ahead come under a note that the edition is over, with all its events one action away', async () => {
    const all = await expected({});
    const ahead = all.filter((event) => event.timings.some((timing) => timing.end > AFTER));
    expect(ahead.length, 'the sample has no event left after the week').to.be.greaterThan(0);
    const el = await show(html`<sdi-event-list .now=${at(AFTER)} .store=${sharedStore} src=${SNAPSHOT}></sdi-event-list>`);
    expect(countOf(el)).to.equal(ahead.length);
    const note = text(shadow(el).querySelector('.edition-over'));
    expect(note).to.contain('La 15e édition s’est tenue du 16 au 22 novembre 2026');
    button(el, `Voir les ${formatCount(all.length, 'fr')} événements de l’édition`).click();
    await until(el, () => countOf(el) === all.length, 'the edition’s events did not appear');
    expect(shadow(el).querySelector('.edition-over')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('turns to the edition-over state by itself when the week ends, on a page left open', async () => {
    // A clock that runs, from 3 s before 24:00 of the week's last day, Paris time (UTC+1).
    const start = Date.parse('2026-11-22T23:00:00Z') - 3000;
    const origin = performance.now();
    const el = await show(
      html`<sdi-event-list .now=${() => start + (performance.now() - origin)} .store=${sharedStore} src=${SNAPSHOT} region="32"></sdi-event-list>`,
    );
    expect(state(el)).to.equal('');
    await until(el, () => state(el).includes('La 15e édition s’est tenue'), 'the list did not turn when the week ended');
  });

  it('speaks English when asked', async () => {
    const n = await regionEvents('32');
    const el = await show(
      html`<sdi-event-list .now=${at(AFTER)} .store=${sharedStore} src=${SNAPSHOT} region="32" lang="en"></sdi-event-list>`,
    );
    expect(emptyText(el)).to.contain('The 15th edition took place from 16 to 22 November 2026');
    button(el, `Show the ${formatCount(n, 'en')} events of the edition`).click();
    await until(el, () => cards(el).length > 0, 'the past events did not appear');
    expect(shadow(el).querySelector('[part~="past-badge"]')?.textContent?.trim()).to.equal('Past');
  });

  it('`past` shows the edition’s events directly, each marked as past', async () => {
    const n = await regionEvents('32');
    const el = await show(
      html`<sdi-event-list .now=${at(AFTER)} .store=${sharedStore} src=${SNAPSHOT} region="32" past></sdi-event-list>`,
    );
    expect(countOf(el)).to.equal(n);
    expect(cards(el).length).to.be.greaterThan(0);
    expect(pastBadges(el)).to.equal(cards(el).length);
    expect(text(shadow(el).querySelector('[part~="past-note"]'))).to.contain(
      'Événements passés de la 15e édition (du 16 au 22 novembre 2026)',
    );
  });

  it('after the week, filters that match none of the edition’s events are said as such, beside the edition’s state', async () => {
    await regionEvents('32');
    const el = await show(
      html`<sdi-event-list .now=${at(AFTER)} .store=${sharedStore} src=${SNAPSHOT} region="32" q="zzzz-introuvable"></sdi-event-list>`,
    );
    const said = emptyText(el);
    expect(said).to.contain('La 15e édition s’est tenue du 16 au 22 novembre 2026');
    expect(said).to.contain('Aucun de ses événements ne correspond à vos filtres');
  });

  it('before the week, a filter miss is still a filter miss', async () => {
    const el = await show(
      html`<sdi-event-list .now=${at(Date.parse('2026-11-01T08:00:00Z'))} .store=${sharedStore} src=${SNAPSHOT} q="zzzz-introuvable"></sdi-event-list>`,
    );
    expect(emptyText(el)).to.contain('Aucun événement ne correspond à vos filtres');
    expect(emptyText(el)).not.to.contain('édition');
  });

  it('before the programme is published, says it is coming, never a filter miss', async () => {
    const { schema } = await sample();
    const store = new EmptyProgrammeStore(schema);
    for (const lang of ['fr', 'en'] as const) {
      resetPageProgramme();
      const el = await show(
        html`<sdi-event-list .now=${at(BEFORE_NEXT)} .store=${store} src=${SNAPSHOT} region="32" lang=${lang}></sdi-event-list>`,
      );
      const said = emptyText(el);
      if (lang === 'fr') {
        expect(said).to.contain('Le programme de la 16e édition (du 15 au 21 novembre 2027) sera publié prochainement');
      } else {
        expect(said).to.contain('The programme of the 16th edition (from 15 to 21 November 2027) will be published soon');
      }
      expect(said).not.to.match(/ne correspond|match your filters|Aucun événement pour le moment|No events for now/);
    }
  });

  it('a snapshot without edition metadata is named by its events’ week, not by the next edition', async () => {
    const restore = serveSnapshotVariants();
    try {
      await regionEvents('32');
      const el = await show(
        html`<sdi-event-list .now=${at(AFTER)} .store=${new FeedStore({ retries: 0 })} src=${BARE_SNAPSHOT} region="32"></sdi-event-list>`,
      );
      expect(emptyText(el)).to.contain('La 15e édition s’est tenue du 16 au 22 novembre 2026');
      expect(emptyText(el)).not.to.contain('16e');
    } finally {
      restore();
    }
  });
});
