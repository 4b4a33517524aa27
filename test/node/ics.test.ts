import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeText, eventToIcs, foldLine, icsFileName, vtimezone } from '../../src/formats/ics.js';
import { validateIcs } from '../../src/formats/ics-validate.js';
import type { SdiEvent, Timing } from '../../src/model/types.js';
import { zonedDateTimeToEpoch } from '../../src/time/zoned.js';

function slot(date: string, begin: string, end: string, zone = 'Europe/Paris'): Timing {
  return { begin: zonedDateTimeToEpoch(date, begin, zone), end: zonedDateTimeToEpoch(date, end, zone) };
}

function event(over: Partial<SdiEvent> = {}): SdiEvent {
  return {
    uid: 4242,
    slug: 'visite-usine-xyz',
    url: 'https://openagenda.com/fr/sdi-2026/events/visite-usine-xyz',
    title: { fr: 'Visite de l’usine XYZ', en: 'XYZ plant tour' },
    summary: { fr: 'Découvrez la **soudure** laser; robots, cobots et métiers.' },
    description: { fr: 'Long texte' },
    conditions: {},
    keywords: [],
    timings: [slot('2026-11-18', '09:00', '12:30'), slot('2026-11-19', '14:00', '17:00')],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    registration: [],
    location: {
      name: 'Usine XYZ',
      address: '12 rue des Forges',
      postalCode: '59000',
      city: 'Lille',
      lat: 50.6292,
      lng: 3.0573,
    },
    types: [],
    audiences: [],
    accessibility: { hi: false, vi: false, pi: false, mi: false, ii: false },
    featured: false,
    ...over,
  };
}

const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);

/** Content lines after unfolding, for assertions on whole values. */
function unfolded(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('eventToIcs', () => {
  const ics = eventToIcs(event(), { lang: 'fr', now: NOW });
  const lines = unfolded(ics);

  it('passes the validator', () => {
    assert.deepEqual(validateIcs(ics), []);
  });

  it('has the calendar header', () => {
    assert.deepEqual(lines.slice(0, 5), [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      "PRODID:-//Semaine de l'industrie widgets//FR",
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    assert.equal(lines[lines.length - 1], 'END:VCALENDAR');
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
  });

  it('describes Paris time with the EU summer-time rules', () => {
    const start = lines.indexOf('BEGIN:VTIMEZONE');
    const end = lines.indexOf('END:VTIMEZONE');
    assert.deepEqual(lines.slice(start, end + 1), [
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Paris',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes one VEVENT per slot, on the event’s clocks', () => {
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
    assert.ok(lines.includes('UID:4242-0@semaine-industrie-widgets'));
    assert.ok(lines.includes('UID:4242-1@semaine-industrie-widgets'));
    assert.ok(lines.includes('DTSTART;TZID=Europe/Paris:20261118T090000'));
    assert.ok(lines.includes('DTEND;TZID=Europe/Paris:20261118T123000'));
    assert.ok(lines.includes('DTSTART;TZID=Europe/Paris:20261119T140000'));
    assert.ok(lines.includes('DTSTAMP:20261101T120000Z'));
    assert.ok(lines.includes('STATUS:CONFIRMED'));
  });

  it('escapes text and strips markup', () => {
    assert.ok(lines.includes('SUMMARY:Visite de l’usine XYZ'));
    assert.ok(
      lines.includes(
        'DESCRIPTION:Découvrez la soudure laser\\; robots\\, cobots et métiers.\\n\\nhttps://openagenda.com/fr/sdi-2026/events/visite-usine-xyz',
      ),
    );
    assert.ok(lines.includes('LOCATION:Usine XYZ\\, 12 rue des Forges\\, 59000 Lille'));
    assert.ok(lines.includes('GEO:50.6292;3.0573'));
    assert.ok(lines.includes('URL:https://openagenda.com/fr/sdi-2026/events/visite-usine-xyz'));
  });

  it('uses the requested language and link', () => {
    const en = unfolded(eventToIcs(event(), { lang: 'en', now: NOW, url: 'https://partner.example/e/1' }));
    assert.ok(en.includes('SUMMARY:XYZ plant tour'));
    assert.ok(en.includes('URL:https://partner.example/e/1'));
  });

  it('marks cancelled and postponed events', () => {
    assert.match(eventToIcs(event({ status: 'cancelled' }), { lang: 'fr', now: NOW }), /\r\nSTATUS:CANCELLED\r\n/);
    assert.match(eventToIcs(event({ status: 'postponed' }), { lang: 'fr', now: NOW }), /\r\nSTATUS:TENTATIVE\r\n/);
    assert.match(eventToIcs(event({ status: 'full' }), { lang: 'fr', now: NOW }), /\r\nSTATUS:CONFIRMED\r\n/);
  });

  it('gives an online event its link as location, without coordinates', () => {
    const online = event({ attendance: 'online', onlineUrl: 'https://visio.example/room?id=1,2', location: undefined });
    const text = eventToIcs(online, { lang: 'fr', now: NOW });
    assert.deepEqual(validateIcs(text), []);
    const l = unfolded(text);
    assert.ok(l.includes('LOCATION:https://visio.example/room?id=1\\,2'));
    assert.equal(
      l.some((x) => x.startsWith('GEO:')),
      false,
    );
  });

  it('mentions the link of a mixed event in the description', () => {
    const mixed = event({ attendance: 'mixed', onlineUrl: 'https://visio.example/r' });
    const description = unfolded(eventToIcs(mixed, { lang: 'fr', now: NOW })).find((l) => l.startsWith('DESCRIPTION:'));
    assert.match(description ?? '', /En ligne\u00a0: https:\/\/visio\.example\/r/);
  });

  it('does not repeat a town the address already contains', () => {
    const e = event({ location: { name: 'Forges', address: '3 rue Haute, 69003 Lyon', postalCode: '69003', city: 'Lyon' } });
    assert.ok(unfolded(eventToIcs(e, { lang: 'fr', now: NOW })).includes('LOCATION:Forges\\, 3 rue Haute\\, 69003 Lyon'));
  });

  it('writes a single STANDARD observance for overseas zones', () => {
    const reunion = event({ timezone: 'Indian/Reunion', timings: [slot('2026-11-18', '09:00', '11:00', 'Indian/Reunion')] });
    const text = eventToIcs(reunion, { lang: 'fr', now: NOW });
    assert.deepEqual(validateIcs(text), []);
    const l = unfolded(text);
    assert.ok(l.includes('TZID:Indian/Reunion'));
    assert.ok(l.includes('TZOFFSETTO:+0400'));
    assert.equal(l.includes('BEGIN:DAYLIGHT'), false);
    assert.ok(l.includes('DTSTART;TZID=Indian/Reunion:20261118T090000'));
    assert.ok(vtimezone('America/Cayenne', NOW).includes('TZOFFSETFROM:-0300'));
  });

  it('derives North American rules for Saint-Pierre-et-Miquelon', () => {
    const lines2 = vtimezone('America/Miquelon', NOW);
    assert.ok(lines2.includes('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU'));
    assert.ok(lines2.includes('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU'));
    assert.ok(lines2.includes('TZOFFSETTO:-0200'));
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const long = event({ summary: { fr: `${'Électricité, énergie ✓ 🏭 '.repeat(20)}fin` } });
    const text = eventToIcs(long, { lang: 'fr', now: NOW });
    assert.deepEqual(validateIcs(text), []);
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
    assert.equal(text.includes('\ufffd'), false);
    const description = unfolded(text).find((l) => l.startsWith('DESCRIPTION:'));
    assert.ok(description?.includes('🏭 Électricité\\, énergie ✓ 🏭'));
  });
});

describe('ICS helpers', () => {
  it('escapes TEXT values', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    assert.equal(escapeText('x\u0007y'), 'xy');
    assert.equal(escapeText('bad \ud800 pair'), 'bad \ufffd pair');
  });

  it('folds by octets', () => {
    assert.equal(foldLine('short'), 'short');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    const parts = folded.split('\r\n');
    assert.ok(parts.every((p) => Buffer.byteLength(p) <= 75));
    assert.ok(parts.slice(1).every((p) => p.startsWith(' ')));
    assert.equal(parts.map((p, i) => (i ? p.slice(1) : p)).join(''), `SUMMARY:${'é'.repeat(60)}`);
  });

  it('never separates an escape from its backslash', () => {
    for (const shift of ['', 'x', 'xy']) {
      const parts = foldLine(`DESCRIPTION:${shift}${'\\,'.repeat(60)}`).split('\r\n');
      for (const part of parts) assert.equal((/\\+$/.exec(part)?.[0].length ?? 0) % 2, 0, part);
    }
  });

  it('names the file after the slug', () => {
    assert.equal(icsFileName(event(), 'fr'), 'visite-usine-xyz.ics');
    assert.equal(icsFileName(event({ slug: '' }), 'fr'), 'visite-de-l-usine-xyz.ics');
    assert.equal(icsFileName(event({ slug: '', title: { fr: '!!!' } }), 'en'), 'event-4242.ics');
    assert.ok(icsFileName(event({ slug: 'a'.repeat(50) + '-' + 'b'.repeat(50) }), 'fr').length <= 84);
  });
});

describe('validateIcs', () => {
  const good = eventToIcs(event(), { lang: 'fr', now: NOW });

  it('accepts a good file', () => {
    assert.deepEqual(validateIcs(good), []);
  });

  it('reports bare line feeds', () => {
    assert.ok(validateIcs(good.replace(/\r\n/g, '\n')).some((p) => /CRLF/.test(p)));
  });

  it('reports long lines', () => {
    assert.ok(validateIcs(good.replace('METHOD:PUBLISH', `X-LONG:${'x'.repeat(80)}`)).some((p) => /octets/.test(p)));
  });

  it('reports unbalanced components', () => {
    assert.ok(validateIcs(good.replace('END:VEVENT\r\n', '')).some((p) => /closes|never closed/.test(p)));
  });

  it('reports missing properties', () => {
    assert.ok(validateIcs(good.replace(/DTSTAMP:[^\r]*\r\n/g, '')).some((p) => /missing DTSTAMP/.test(p)));
    assert.ok(validateIcs(good.replace('VERSION:2.0\r\n', '')).some((p) => /missing VERSION/.test(p)));
  });

  it('reports a TZID without VTIMEZONE', () => {
    assert.ok(validateIcs(good.replace('TZID:Europe/Paris', 'TZID:Europe/Brussels')).some((p) => /no VTIMEZONE/.test(p)));
  });

  it('reports unescaped separators in text', () => {
    assert.ok(validateIcs(good.replace('SUMMARY:Visite', 'SUMMARY:Visite, oui')).some((p) => /unescaped ','/.test(p)));
  });
});
