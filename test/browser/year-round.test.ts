/**
 * A whole year on a partner's page (#13): the four widgets on one page, one clock, at the instants
 * a partner's page lives through, agree on the edition, its dates and its phase. The fixture
 * snapshot records the 15th edition (16–22 November 2026); its variants (snapshot-variants.ts)
 * drop the record, or carry last year's (the page before the next programme is out).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/edition-banner/define.js';
import '../../src/elements/countdown/define.js';
import '../../src/elements/event-list/define.js';
import '../../src/elements/region-map/define.js';
import { resetPageProgramme } from '../../src/editions/page-programme.js';
import { feedStore } from '../../src/store/feed-store.js';
import {
  BARE_SNAPSHOT,
  LAST_YEAR_BARE_SNAPSHOT,
  LAST_YEAR_SNAPSHOT,
  serveSnapshotVariants,
} from '../support/browser/snapshot-variants.js';
import { testControl } from '../support/browser/support.js';

type Phase = 'programme-awaited' | 'week-ahead' | 'under-way' | 'week-over' | 'off-season';

interface Instant {
  name: string;
  /** An ISO instant with its offset: Paris's (+01:00 in winter, +02:00 in summer), or the visitor's. */
  at: string;
  phase: Phase;
  /** The visitor's zone, emulated where the engine allows it (Chromium). */
  zone?: string;
  /** Snapshots: the fixture's own with and without its record, unless the instant needs last year's. */
  sources: readonly string[];
}

const THIS_YEAR = ['/snapshot/', BARE_SNAPSHOT] as const;
const LAST_YEAR = [LAST_YEAR_SNAPSHOT, LAST_YEAR_BARE_SNAPSHOT] as const;

const INSTANTS: readonly Instant[] = [
  { name: 'before the programme', at: '2026-03-10T12:00:00+01:00', phase: 'programme-awaited', sources: LAST_YEAR },
  { name: 'programme published', at: '2026-10-15T12:00:00+02:00', phase: 'week-ahead', sources: THIS_YEAR },
  { name: 'the day before', at: '2026-11-15T12:00:00+01:00', phase: 'week-ahead', sources: THIS_YEAR },
  { name: 'first day, 00:00 Paris', at: '2026-11-16T00:00:00+01:00', phase: 'under-way', sources: THIS_YEAR },
  { name: 'last day, 23:59 Paris', at: '2026-11-22T23:59:00+01:00', phase: 'under-way', sources: THIS_YEAR },
  { name: 'the day after', at: '2026-11-23T12:00:00+01:00', phase: 'week-over', sources: THIS_YEAR },
  { name: 'mid-year', at: '2027-05-15T12:00:00+02:00', phase: 'off-season', sources: THIS_YEAR },
  {
    // 19:30 on Sunday 15 November in Fort-de-France is 00:30 on Monday 16 in Paris: the week has begun.
    name: 'a Martinique visitor during the week',
    at: '2026-11-15T19:30:00-04:00',
    phase: 'under-way',
    zone: 'America/Martinique',
    sources: THIS_YEAR,
  },
];

interface Page {
  banner: HTMLElement;
  countdown: HTMLElement;
  list: HTMLElement;
  map: HTMLElement;
}

function read(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

function part(el: HTMLElement, name: string): string {
  return read(el.shadowRoot?.querySelector(`[part~="${name}"]`));
}

async function mount(src: string, now: number): Promise<Page> {
  const url = new URL(src, location.href).href;
  const clock = () => now;
  const root = await fixture<HTMLDivElement>(html`<div style="width: 900px">
    <sdi-edition-banner src=${url} href="/agenda" .now=${clock}></sdi-edition-banner>
    <sdi-countdown .now=${clock}></sdi-countdown>
    <sdi-event-list src=${url} page-size="3" .now=${clock}></sdi-event-list>
    <sdi-region-map src=${url} tiles="none" height="300" .now=${clock}></sdi-region-map>
  </div>`);
  const page = {
    banner: root.querySelector('sdi-edition-banner')!,
    countdown: root.querySelector('sdi-countdown')!,
    list: root.querySelector('sdi-event-list')!,
    map: root.querySelector('sdi-region-map')!,
  } as Page;
  page.map.scrollIntoView({ block: 'nearest' });
  await waitUntil(
    () => /\d/.test(part(page.banner, 'count')) && !page.banner.shadowRoot?.querySelector('.pending'),
    'the banner count',
    { timeout: 15000 },
  ).catch(() => undefined);
  await waitUntil(() => part(page.map, 'caption') !== '', 'the map caption', { timeout: 15000 }).catch(() => undefined);
  await waitUntil(() => !page.list.shadowRoot?.querySelector('[aria-busy="true"]'), 'the list', { timeout: 15000 }).catch(
    () => undefined,
  );
  return page;
}

/** Every edition ordinal a text names ("15e édition", "15e Semaine"): all must be the same one. */
function ordinals(text: string): number[] {
  return [...new Set([...text.matchAll(/(\d+)e (?:édition|Semaine)/g)].map((match) => Number(match[1])))];
}

function figure(text: string): number {
  return Number(/^([\d\s]+)/.exec(text)?.[1]?.replace(/\s/g, '') ?? NaN);
}

/** The week as Intl writes it in each engine, for the map's caption (« 16–22 novembre 2026 »). */
const WEEK_DATES = 'du 16 au 22 novembre 2026';

function assertAgree(page: Page, instant: Instant, src: string): void {
  const at = `${instant.name} (${src})`;
  const banner = read(page.banner.shadowRoot?.querySelector('section'));
  const countdown = read(page.countdown.shadowRoot?.querySelector('.body'));
  const caption = part(page.map, 'caption');
  const listState = part(page.list, 'edition-state');
  const list = read(page.list.shadowRoot?.querySelector('[part~="count"]')?.parentElement);

  // One phase: the banner's, named by its class, and the countdown's, which follows it.
  expect(
    page.banner.shadowRoot?.querySelector('section')?.classList.contains(`phase-${instant.phase}`),
    `${at}: banner ${banner}`,
  ).to.be.true;
  const countdownPhase = { 'programme-awaited': 'before', 'week-ahead': 'before', 'under-way': 'during' }[
    instant.phase as string
  ];
  expect(page.countdown.shadowRoot?.querySelector('.countdown')?.className, at).to.contain(`phase-${countdownPhase ?? 'after'}`);

  // One edition: the 15th, in the banner and the countdown, never the undated 16th.
  expect(ordinals(banner), `${at}: banner ${banner}`).to.deep.equal([15]);
  expect(ordinals(countdown), `${at}: countdown ${countdown}`).to.deep.equal([15]);
  // The same dates, written the same way.
  expect(banner.toLowerCase(), at).to.contain(WEEK_DATES);
  // (During the week the countdown names the last day, checked below.)
  if (instant.phase !== 'under-way') expect(countdown, at).to.contain(WEEK_DATES);
  // The list never names another edition, and never reports a filter miss nobody asked for.
  for (const n of ordinals(list)) expect(n, `${at}: list ${list}`).to.equal(15);
  expect(list, at).not.to.contain('ne correspond à vos filtres');

  // Dates from a single unverified source are said to be so by both, or by neither.
  if (countdownPhase === 'before') expect(banner.includes('(à confirmer)'), at).to.equal(countdown.includes('à confirmer'));

  switch (instant.phase) {
    case 'programme-awaited':
      expect(part(page.banner, 'count'), at).to.equal('Programme en préparation : les événements seront publiés prochainement');
      expect(countdown, at).to.contain('avant la 15e Semaine de l’industrie (du 16 au 22 novembre 2026');
      // The map counts the data in hand, last year's, and says so: the 14th, over.
      expect(caption, at).to.match(/^14e édition \(17\D+23 novembre 2025\), terminée : [\d ]+ événements$/);
      break;
    case 'week-ahead':
      expect(figure(part(page.banner, 'count')), at).to.be.greaterThan(0);
      expect(part(page.banner, 'count'), at).to.match(/événements labellisés$/);
      expect(countdown, at).to.contain('avant la 15e Semaine de l’industrie (du 16 au 22 novembre 2026');
      expect(caption, at).to.match(/^15e édition \(16\D+22 novembre 2026\) : [\d ]+ événements$/);
      expect(figure(part(page.list, 'count')), `${at}: list`).to.be.greaterThan(0);
      expect(listState, at).to.equal('');
      break;
    case 'under-way':
      expect(part(page.banner, 'dates'), at).to.equal(`En cours : ${WEEK_DATES}`);
      expect(countdown, at).to.equal('La 15e Semaine de l’industrie est en cours, jusqu’au dimanche 22 novembre');
      expect(caption, at).to.match(/^15e édition, en cours \(16\D+22 novembre 2026\) : [\d ]+ événements$/);
      expect(figure(part(page.list, 'count')), `${at}: list`).to.be.greaterThan(0);
      expect(listState, at).to.equal('');
      break;
    case 'week-over':
    case 'off-season': {
      const held = `La 15e édition s’est tenue ${WEEK_DATES}`;
      expect(part(page.banner, 'dates'), at).to.match(new RegExp(`^${held} : [\\d ]+ événements$`));
      expect(part(page.banner, 'cta'), at).to.equal('Revoir le programme');
      expect(countdown, at).to.equal(
        `La 15e Semaine de l’industrie s’est tenue ${WEEK_DATES} Rendez-vous à la prochaine édition !`,
      );
      expect(caption, at).to.match(/^15e édition \(16\D+22 novembre 2026\), terminée : [\d ]+ événements$/);
      // The same figure in the banner and the map: the edition's events.
      expect(figure(part(page.banner, 'count')), at).to.equal(figure(caption.split(' : ')[1] ?? ''));
      if (instant.phase === 'off-season') {
        // Months later nothing is upcoming: the list says the edition was held, in the banner's words.
        expect(listState, at).to.equal(`${held}.`);
      } else {
        // The day after, the events labelled after the week are still ahead: the list shows them.
        expect(figure(part(page.list, 'count')), `${at}: list`).to.be.greaterThan(0);
      }
      break;
    }
  }
}

describe('a whole year on a partner page: four widgets, one clock', () => {
  let restore: () => void;
  before(() => {
    restore = serveSnapshotVariants();
  });
  after(() => restore());
  beforeEach(async () => {
    feedStore.clear();
    resetPageProgramme();
    await testControl.reset();
  });

  for (const instant of INSTANTS) {
    for (const src of instant.sources) {
      const record = src.includes('bare') ? 'without' : 'with';
      it(`${instant.name}: ${instant.phase}, a snapshot ${record} its edition record`, async () => {
        // Only Chromium can take the visitor's zone; elsewhere the instant alone stands for them.
        const zoned = instant.zone
          ? ((await executeServerCommand<{ supported: boolean }, { zone: string }>('sdi-timezone', { zone: instant.zone }))
              ?.supported ?? false)
          : false;
        try {
          if (zoned) expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(instant.zone);
          const page = await mount(src, Date.parse(instant.at));
          assertAgree(page, instant, src);
        } finally {
          if (zoned) await executeServerCommand('sdi-timezone', { zone: null });
        }
      });
    }
  }
});
