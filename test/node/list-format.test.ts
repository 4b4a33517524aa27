import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm } from '../../src/list/distance.js';
import { formatSlot, formatTimeOnly, visitorTimeZone, zoneName } from '../../src/list/format-event.js';
import { plainText } from '../../src/model/plain-text.js';
import { slotDateTimeAttr } from '../../src/time/local-day.js';
import { eventDay, groupByDay } from '../../src/list/group-by-day.js';
import { sortEvents } from '../../src/list/sort.js';
import type { SdiEvent, Timing } from '../../src/model/types.js';
import { zonedDateTimeToEpoch } from '../../src/time/zoned.js';

const NBSP = '\u00a0';
/** Expected French text written with plain spaces in "9 h"-like places, for readability. */
const fr = (text: string) => text.replace(/(\d) h/g, `$1${NBSP}h`).replace(/h (\d\d)/g, `h${NBSP}$1`);

function at(date: string, time: string, zone = 'Europe/Paris'): number {
  return zonedDateTimeToEpoch(date, time, zone);
}

function slot(date: string, begin: string, end: string, zone = 'Europe/Paris'): Timing {
  return { begin: at(date, begin, zone), end: at(date, end, zone) };
}

function event(uid: number, over: Partial<SdiEvent> = {}): SdiEvent {
  return {
    uid,
    slug: `event-${uid}`,
    title: { fr: `Événement ${uid}` },
    summary: {},
    description: {},
    conditions: {},
    keywords: [],
    timings: [slot('2026-11-18', '09:00', '12:00')],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    registration: [],
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
    ...over,
  };
}

describe('formatSlot', () => {
  it('writes a French slot with French time typography', () => {
    assert.equal(
      formatSlot(slot('2026-11-18', '09:00', '12:30'), 'Europe/Paris', 'fr'),
      fr('mercredi 18 novembre, 9 h – 12 h 30'),
    );
  });

  it('writes an English slot on a 24-hour clock', () => {
    assert.equal(formatSlot(slot('2026-11-18', '09:00', '12:30'), 'Europe/Paris', 'en'), 'Wednesday 18 November, 9:00 – 12:30');
  });

  it('writes "1er" for the first of the month', () => {
    assert.equal(
      formatSlot(slot('2026-12-01', '14:05', '16:00'), 'Europe/Paris', 'fr'),
      fr('mardi 1er décembre, 14 h 05 – 16 h'),
    );
    assert.equal(formatSlot(slot('2026-12-01', '14:05', '16:00'), 'Europe/Paris', 'en'), 'Tuesday 1 December, 14:05 – 16:00');
  });

  it('writes a slot over several days with both dates', () => {
    const timing = { begin: at('2026-11-16', '09:00'), end: at('2026-11-18', '17:00') };
    assert.equal(formatSlot(timing, 'Europe/Paris', 'fr'), fr('du 16 nov. 9 h au 18 nov. 17 h'));
    assert.equal(formatSlot(timing, 'Europe/Paris', 'en'), 'from 16 Nov 9:00 to 18 Nov 17:00');
    assert.equal(formatTimeOnly(timing, 'Europe/Paris', 'fr'), fr('du 16 nov. 9 h au 18 nov. 17 h'));
  });

  it('ends an evening at midnight on its own day', () => {
    const evening = { begin: at('2026-11-18', '20:00'), end: at('2026-11-19', '00:00') };
    assert.equal(formatSlot(evening, 'Europe/Paris', 'fr'), fr('mercredi 18 novembre, 20 h – minuit'));
    assert.equal(formatTimeOnly(evening, 'Europe/Paris', 'en'), '20:00 – midnight');
  });

  it('writes a slot without duration as one time', () => {
    const t = at('2026-11-18', '09:00');
    assert.equal(formatSlot({ begin: t, end: t }, 'Europe/Paris', 'fr'), fr('mercredi 18 novembre, 9 h'));
  });

  it('shows the times of the event’s zone, not the visitor’s', () => {
    const reunion = slot('2026-11-18', '09:00', '11:00', 'Indian/Reunion');
    assert.equal(formatTimeOnly(reunion, 'Indian/Reunion', 'fr'), fr('9 h – 11 h'));
    // 00:30 on the 18th in Paris is the 17th in Cayenne.
    const late = { begin: at('2026-11-18', '00:30'), end: at('2026-11-18', '01:30') };
    assert.equal(formatSlot(late, 'America/Cayenne', 'en'), 'Tuesday 17 November, 20:30 – 21:30');
  });

  it('names the event’s zone when the visitor’s clock differs', () => {
    const reunion = slot('2026-11-18', '09:00', '11:00', 'Indian/Reunion');
    assert.equal(
      formatSlot(reunion, 'Indian/Reunion', 'fr', { visitorZone: 'Europe/Paris' }),
      fr('mercredi 18 novembre, 9 h – 11 h (heure de La Réunion)'),
    );
    assert.equal(
      formatSlot(reunion, 'Indian/Reunion', 'en', { visitorZone: 'Europe/Paris', withDate: false }),
      '9:00 – 11:00 (Réunion time)',
    );
    assert.equal(
      formatSlot(slot('2026-11-18', '09:00', '11:00'), 'Europe/Paris', 'fr', {
        visitorZone: 'America/Martinique',
        withDate: false,
      }),
      fr('9 h – 11 h (heure de Paris)'),
    );
  });

  it('does not name the zone when the clocks agree, even under another name', () => {
    const paris = slot('2026-11-18', '09:00', '11:00');
    assert.equal(formatSlot(paris, 'Europe/Paris', 'fr', { visitorZone: 'Europe/Paris', withDate: false }), fr('9 h – 11 h'));
    assert.equal(formatSlot(paris, 'Europe/Paris', 'fr', { visitorZone: 'Europe/Brussels', withDate: false }), fr('9 h – 11 h'));
    // Mayotte and La Réunion differ by an hour, so they are named.
    const mayotte = slot('2026-11-18', '09:00', '11:00', 'Indian/Mayotte');
    assert.match(formatSlot(mayotte, 'Indian/Mayotte', 'fr', { visitorZone: 'Indian/Reunion' }), /\(heure de Mayotte\)$/);
  });

  it('falls back to Intl’s zone name outside the table', () => {
    assert.equal(zoneName('Asia/Tokyo', 'en', at('2026-11-18', '09:00')), 'Japan Standard Time');
    assert.equal(zoneName('America/Cayenne', 'fr'), 'heure de Guyane');
  });

  it('reads the visitor’s zone from Intl', () => {
    assert.equal(visitorTimeZone(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('slotDateTimeAttr', () => {
  it('writes the event’s wall clock with its offset', () => {
    assert.equal(slotDateTimeAttr(at('2026-11-18', '09:00'), 'Europe/Paris'), '2026-11-18T09:00:00+01:00');
    assert.equal(slotDateTimeAttr(at('2026-06-18', '09:00'), 'Europe/Paris'), '2026-06-18T09:00:00+02:00');
    assert.equal(slotDateTimeAttr(at('2026-11-18', '09:00', 'America/Cayenne'), 'America/Cayenne'), '2026-11-18T09:00:00-03:00');
    assert.equal(slotDateTimeAttr(at('2026-11-18', '09:00', 'Indian/Reunion'), 'Indian/Reunion'), '2026-11-18T09:00:00+04:00');
    assert.equal(slotDateTimeAttr(Date.UTC(2026, 10, 18, 9, 0, 30), 'UTC'), '2026-11-18T09:00:30+00:00');
  });

  it('is right on both sides of a DST change', () => {
    assert.equal(slotDateTimeAttr(Date.UTC(2026, 9, 25, 0, 59), 'Europe/Paris'), '2026-10-25T02:59:00+02:00');
    assert.equal(slotDateTimeAttr(Date.UTC(2026, 9, 25, 1, 0), 'Europe/Paris'), '2026-10-25T02:00:00+01:00');
  });
});

describe('plainText', () => {
  it('keeps the words of markdown and HTML, not the markup', () => {
    const markup =
      '## Au programme\n\n- **Visite** de l’atelier\n- Démo [cobot](https://x.example/c) _et_ ![photo](a.png)\n\n<p>Fin&nbsp;&amp; merci</p>';
    assert.equal(plainText(markup), 'Au programme\nVisite de l’atelier\nDémo cobot et photo\nFin & merci');
  });

  it('leaves plain text alone', () => {
    assert.equal(plainText('  Portes ouvertes : 3 ateliers, 2 démos.  '), 'Portes ouvertes : 3 ateliers, 2 démos.');
    assert.equal(plainText('snake_case et 2*3'), 'snake_case et 2*3');
  });
});

describe('distanceKm', () => {
  it('measures great-circle distances', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    const lyon = { lat: 45.764, lng: 4.8357 };
    assert.ok(Math.abs(distanceKm(paris, lyon) - 392) < 3);
    assert.equal(distanceKm(paris, paris), 0);
    assert.ok(Math.abs(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 }) - 20015) < 5);
  });
});

describe('sortEvents', () => {
  const now = at('2026-11-18', '10:00');
  const events = [
    event(1, {
      title: { fr: 'Zinguerie' },
      timings: [slot('2026-11-20', '09:00', '10:00')],
      location: { lat: 45.76, lng: 4.84 },
    }),
    // Started at 9:00 and still running: sorted by that start.
    event(2, { title: { fr: 'atelier' }, timings: [slot('2026-11-18', '09:00', '12:00')], location: { lat: 48.86, lng: 2.35 } }),
    // Its first slot is over; the next one counts.
    event(3, {
      title: { fr: 'Émaillerie' },
      timings: [slot('2026-11-17', '09:00', '10:00'), slot('2026-11-19', '09:00', '10:00')],
    }),
    // All over: sorted by its last slot.
    event(4, {
      title: { fr: 'Atelier 10' },
      timings: [slot('2026-11-16', '09:00', '10:00')],
      attendance: 'online',
      location: { lat: 48.86, lng: 2.35 },
    }),
    event(5, { title: { fr: 'Atelier 2' }, timings: [slot('2026-11-20', '09:00', '10:00')], location: { lat: 43.3, lng: 5.37 } }),
  ];
  const uids = (list: SdiEvent[]) => list.map((e) => e.uid);

  it('sorts by next slot, then title', () => {
    assert.deepEqual(uids(sortEvents(events, 'date', { lang: 'fr', now })), [4, 2, 3, 5, 1]);
  });

  it('sorts by title, accent- and case-insensitive, numbers in order', () => {
    assert.deepEqual(uids(sortEvents(events, 'title', { lang: 'fr', now })), [2, 5, 4, 3, 1]);
  });

  it('sorts by distance, with online and unplaced events last', () => {
    const near = { lat: 45.75, lng: 4.85 };
    assert.deepEqual(uids(sortEvents(events, 'distance', { lang: 'fr', now, near })), [1, 5, 2, 4, 3]);
    // Without a position, distance falls back to date order.
    assert.deepEqual(uids(sortEvents(events, 'distance', { lang: 'fr', now })), [4, 2, 3, 5, 1]);
  });

  it('returns a new array and keeps equal events in input order', () => {
    const twins = [event(7, { title: { fr: 'Même' } }), event(6, { title: { fr: 'même' } })];
    const sorted = sortEvents(twins, 'title', { lang: 'fr', now });
    assert.notEqual(sorted, twins);
    assert.deepEqual(uids(sorted), [7, 6]);
  });
});

describe('eventDay and groupByDay', () => {
  const now = at('2026-11-18', '10:00');

  it('uses the first slot still to come, on the event’s clocks', () => {
    const e = event(1, { timings: [slot('2026-11-17', '09:00', '10:00'), slot('2026-11-19', '09:00', '10:00')] });
    assert.equal(eventDay(e, { now }), '2026-11-19');
    assert.equal(eventDay(e, { now: at('2026-11-01', '00:00') }), '2026-11-17');
    // All over: its first slot.
    assert.equal(eventDay(e, { now: at('2026-12-01', '00:00') }), '2026-11-17');
    // 02:00 on the 19th in La Réunion is the 18th in Paris.
    const reunion = event(2, { timezone: 'Indian/Reunion', timings: [slot('2026-11-19', '02:00', '03:00', 'Indian/Reunion')] });
    assert.equal(eventDay(reunion, { now }), '2026-11-19');
  });

  it('respects `from`', () => {
    const e = event(1, {
      timings: [slot('2026-11-17', '09:00', '10:00'), slot('2026-11-19', '09:00', '10:00'), slot('2026-11-21', '09:00', '10:00')],
    });
    assert.equal(eventDay(e, { now: at('2026-11-01', '00:00'), from: '2026-11-20' }), '2026-11-21');
  });

  it('places a running multi-day slot on today, and on `from` when it started before', () => {
    const expo = event(1, { timings: [{ begin: at('2026-11-16', '09:00'), end: at('2026-11-22', '18:00') }] });
    assert.equal(eventDay(expo, { now }), '2026-11-18');
    assert.equal(eventDay(expo, { now: at('2026-11-01', '00:00'), from: '2026-11-20' }), '2026-11-20');
  });

  it('groups by day, in day order, keeping the order within a day', () => {
    const a = event(1, { timings: [slot('2026-11-19', '14:00', '15:00')] });
    const b = event(2, { timings: [slot('2026-11-18', '14:00', '15:00')] });
    const c = event(3, { timings: [slot('2026-11-19', '09:00', '10:00')] });
    const groups = groupByDay([a, b, c], 'fr', { now });
    assert.deepEqual(
      groups.map((g) => [g.day, g.label, g.events.map((e) => e.uid)]),
      [
        ['2026-11-18', 'mercredi 18 novembre', [2]],
        ['2026-11-19', 'jeudi 19 novembre', [1, 3]],
      ],
    );
    assert.equal(groupByDay([a], 'en', { now })[0]?.label, 'Thursday 19 November');
  });

  it('adds the year only when it is not the current one', () => {
    const next = event(1, { timings: [slot('2027-01-01', '14:00', '15:00')] });
    assert.equal(groupByDay([next], 'fr', { now })[0]?.label, 'vendredi 1er janvier 2027');
    assert.equal(groupByDay([next], 'en', { now })[0]?.label, 'Friday 1 January 2027');
  });

  it('returns no group for no events', () => {
    assert.deepEqual(groupByDay([], 'fr', { now }), []);
  });
});
