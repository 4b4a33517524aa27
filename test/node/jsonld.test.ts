import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventToJsonLd, serializeJsonLd } from '../../src/formats/jsonld.js';
import type { FeedSchema, SdiEvent, Timing } from '../../src/model/types.js';
import { zonedDateTimeToEpoch } from '../../src/time/zoned.js';

function slot(date: string, begin: string, end: string, zone = 'Europe/Paris'): Timing {
  return { begin: zonedDateTimeToEpoch(date, begin, zone), end: zonedDateTimeToEpoch(date, end, zone) };
}

function event(over: Partial<SdiEvent> = {}): SdiEvent {
  return {
    uid: 7,
    slug: 'portes-ouvertes',
    url: 'https://openagenda.com/fr/sdi/events/portes-ouvertes',
    title: { fr: 'Portes ouvertes', en: 'Open day' },
    summary: { fr: 'Visitez **nos** ateliers.' },
    description: { fr: '## Détails\n\nTexte long' },
    conditions: {},
    keywords: ['soudure', 'robotique'],
    timings: [slot('2026-11-16', '09:00', '12:00'), slot('2026-11-20', '14:00', '17:00')],
    timezone: 'Europe/Paris',
    status: 'scheduled',
    attendance: 'onsite',
    registration: [],
    location: {
      name: 'Atelier Martin',
      address: '5 quai Perrache',
      postalCode: '69002',
      city: 'Lyon',
      regionName: 'Auvergne-Rhône-Alpes',
      lat: 45.75,
      lng: 4.82,
    },
    types: [1],
    audiences: [10, 11, 99],
    accessibility: { hi: false, vi: false, pi: false, mi: true, ii: false },
    image: { url: 'https://cdn.openagenda.com/main/a.jpg' },
    featured: false,
    ...over,
  };
}

const SCHEMA: FeedSchema = {
  types: [{ id: 1, label: { fr: 'Visite' } }],
  audiences: [
    { id: 10, label: { fr: 'Grand public', en: 'General public' } },
    { id: 11, label: { fr: 'Scolaires' } },
  ],
};

describe('eventToJsonLd', () => {
  it('describes an on-site event as a schema.org Event', () => {
    assert.deepEqual(eventToJsonLd(event(), 'fr'), {
      '@context': 'https://schema.org',
      '@type': 'Event',
      name: 'Portes ouvertes',
      description: 'Visitez nos ateliers.',
      startDate: '2026-11-16T09:00:00+01:00',
      endDate: '2026-11-20T17:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Atelier Martin',
        address: {
          '@type': 'PostalAddress',
          streetAddress: '5 quai Perrache',
          postalCode: '69002',
          addressLocality: 'Lyon',
          addressRegion: 'Auvergne-Rhône-Alpes',
          addressCountry: 'FR',
        },
        geo: { '@type': 'GeoCoordinates', latitude: 45.75, longitude: 4.82 },
      },
      image: 'https://cdn.openagenda.com/main/a.jpg',
      url: 'https://openagenda.com/fr/sdi/events/portes-ouvertes',
      isAccessibleForFree: true,
      inLanguage: 'fr',
      keywords: 'soudure, robotique',
    });
  });

  it('uses the requested language and says which one the text is in', () => {
    assert.equal(eventToJsonLd(event(), 'en')['name'], 'Open day');
    assert.equal(eventToJsonLd(event(), 'en')['inLanguage'], 'en');
    // No English title: the French one is used, and labelled French.
    const frOnly = eventToJsonLd(event({ title: { fr: 'Portes ouvertes' } }), 'en');
    assert.equal(frOnly['name'], 'Portes ouvertes');
    assert.equal(frOnly['inLanguage'], 'fr');
  });

  it('maps every status', () => {
    const cases: [SdiEvent['status'], string][] = [
      ['scheduled', 'EventScheduled'],
      ['full', 'EventScheduled'],
      ['rescheduled', 'EventRescheduled'],
      ['moved-online', 'EventMovedOnline'],
      ['postponed', 'EventPostponed'],
      ['cancelled', 'EventCancelled'],
    ];
    for (const [status, expected] of cases) {
      assert.equal(eventToJsonLd(event({ status }), 'fr')['eventStatus'], `https://schema.org/${expected}`);
    }
  });

  it('gives an online event a VirtualLocation', () => {
    const online = eventToJsonLd(
      event({ attendance: 'online', onlineUrl: 'https://visio.example/r', location: undefined }),
      'fr',
    );
    assert.equal(online['eventAttendanceMode'], 'https://schema.org/OnlineEventAttendanceMode');
    assert.deepEqual(online['location'], { '@type': 'VirtualLocation', url: 'https://visio.example/r' });
    // Without a link of its own, the event page stands in.
    const noLink = eventToJsonLd(event({ attendance: 'online', location: undefined }), 'fr');
    assert.deepEqual(noLink['location'], {
      '@type': 'VirtualLocation',
      url: 'https://openagenda.com/fr/sdi/events/portes-ouvertes',
    });
  });

  it('gives a mixed event both locations', () => {
    const mixed = eventToJsonLd(event({ attendance: 'mixed', onlineUrl: 'https://visio.example/r' }), 'fr');
    assert.equal(mixed['eventAttendanceMode'], 'https://schema.org/MixedEventAttendanceMode');
    const location = mixed['location'];
    assert.ok(Array.isArray(location));
    assert.deepEqual(
      location.map((l: { '@type': string }) => l['@type']),
      ['Place', 'VirtualLocation'],
    );
  });

  it('lists audiences by label when a schema is given, skipping unknown ids', () => {
    assert.equal(eventToJsonLd(event(), 'fr')['audience'], undefined);
    assert.deepEqual(eventToJsonLd(event(), 'en', SCHEMA)['audience'], [
      { '@type': 'Audience', audienceType: 'General public' },
      { '@type': 'Audience', audienceType: 'Scolaires' },
    ]);
    assert.deepEqual(eventToJsonLd(event({ audiences: [11] }), 'fr', SCHEMA)['audience'], {
      '@type': 'Audience',
      audienceType: 'Scolaires',
    });
  });

  it('omits what is unknown rather than writing empty values', () => {
    const bare = eventToJsonLd(
      event({ summary: {}, description: {}, keywords: [], image: undefined, url: undefined, location: { city: 'Lyon' } }),
      'fr',
    );
    assert.equal('description' in bare, false);
    assert.equal('image' in bare, false);
    assert.equal('url' in bare, false);
    assert.equal('keywords' in bare, false);
    assert.deepEqual(bare['location'], {
      '@type': 'Place',
      name: 'Lyon',
      address: { '@type': 'PostalAddress', addressLocality: 'Lyon', addressCountry: 'FR' },
    });
  });

  it('uses the plain description when there is no summary', () => {
    assert.equal(eventToJsonLd(event({ summary: {} }), 'fr')['description'], 'Détails\nTexte long');
  });

  it('never includes the organiser', () => {
    const json = JSON.stringify(eventToJsonLd(event(), 'fr', SCHEMA));
    assert.equal(/organi[sz]er|contact|email/i.test(json), false);
  });

  it('writes offsets of overseas zones', () => {
    const reunion = eventToJsonLd(
      event({ timezone: 'Indian/Reunion', timings: [slot('2026-11-18', '09:00', '11:00', 'Indian/Reunion')] }),
      'fr',
    );
    assert.equal(reunion['startDate'], '2026-11-18T09:00:00+04:00');
    assert.equal(reunion['endDate'], '2026-11-18T11:00:00+04:00');
  });
});

describe('serializeJsonLd', () => {
  it('cannot close its script element or open a comment', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>', d: '<!-- a & b -->' });
    assert.equal(/[<>&]/.test(text), false);
    assert.deepEqual(JSON.parse(text), { name: '</script><script>alert(1)</script>', d: '<!-- a & b -->' });
  });

  it('escapes the line and paragraph separators', () => {
    const text = serializeJsonLd({ a: 'x\u2028y\u2029z' });
    assert.equal(text, '{"a":"x\\u2028y\\u2029z"}');
    assert.deepEqual(JSON.parse(text), { a: 'x\u2028y\u2029z' });
  });

  it('round-trips a whole event', () => {
    const data = eventToJsonLd(event(), 'fr', SCHEMA);
    assert.deepEqual(JSON.parse(serializeJsonLd(data)), data);
  });
});
