import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSkipped, normaliseEvent, normaliseEvents, type NormaliseContext } from '../../src/model/normalise.js';
import { cleanText, localText, pickText, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../src/model/text.js';
import type { FeedSchema, SdiEvent, SdiLocation } from '../../src/model/types.js';
import { safeHttpUrl } from '../../src/model/url.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: hand-written records shaped like detailed OpenAgenda v2 events.

const SCHEMA: FeedSchema = {
  typeField: 'types-devenement',
  audienceField: 'type-de-public',
  types: [
    { id: 3, label: { fr: 'Visite' } },
    { id: 4, label: { fr: 'Atelier' } },
  ],
  audiences: [
    { id: 36, label: { fr: 'Scolaires' } },
    { id: 40, label: { fr: 'Tout public' } },
  ],
};

const CTX: NormaliseContext = { schema: SCHEMA, agendaSlug: 'semaine-industrie-2026' };

// 2026-11-16T08:00:00Z, i.e. 09:00 in Paris.
const NOV16_0800Z = 1794816000000;
const HOUR = 3_600_000;

const SECRET_NAME = 'Jeanne Organisatrice';
const SECRET_EMAIL = 'jeanne.perso@example.org';

type Raw = Record<string, unknown>;

function rawEvent(overrides: Raw = {}): Raw {
  return {
    uid: 51234567,
    slug: 'visite-usine-4821',
    title: { fr: "Visite de l'usine", en: 'Factory tour', de: 'Werksbesichtigung' },
    description: { fr: 'Découvrez la chaîne de production.', en: 'See the production line.' },
    longDescription: { fr: '## Programme\n\nVisite guidée.\tDurée 1 h.' },
    conditions: { fr: 'Gratuit, sur inscription' },
    keywords: { fr: ['industrie', 'usine', 'Industrie'], en: ['factory'] },
    timings: [
      { begin: '2026-11-17T09:00:00+0100', end: '2026-11-17T10:00:00+0100' },
      { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' },
    ],
    firstTiming: { begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' },
    timezone: 'Europe/Paris',
    status: 1,
    attendanceMode: 1,
    onlineAccessLink: null,
    registration: [
      { type: 'link', value: 'https://example.fr/inscription' },
      { type: 'email', value: 'contact@usine.example.fr' },
      { type: 'phone', value: '01 23 45 67 89' },
    ],
    location: {
      uid: 998877,
      name: 'Usine Exemple',
      address: '12 rue de la Forge, 69007 Lyon',
      postalCode: '69007',
      city: 'Lyon',
      adminLevel1: 'Auvergne-Rhône-Alpes',
      adminLevel2: 'Rhône',
      adminLevel4: 'Lyon',
      insee: '69123',
      countryCode: 'FR',
      latitude: 45.73,
      longitude: 4.84,
      timezone: 'Europe/Paris',
      email: 'lieu@example.fr',
      phone: '0400000000',
    },
    'types-devenement': 3,
    'type-de-public': [36, 40],
    accessibility: { hi: true, vi: false, pi: false, mi: true, ii: false },
    age: { min: 12, max: null },
    image: {
      base: 'https://cdn.openagenda.com/main/',
      filename: 'abc.base.image.jpg',
      size: { width: 700, height: 467 },
      variants: [
        { filename: 'abc.full.image.jpg', size: { width: 2000, height: 1334 }, type: 'full' },
        { filename: 'abc.thumb.image.jpg', size: { width: 200, height: 200 }, type: 'thumbnail' },
      ],
    },
    imageCredits: '© Usine Exemple',
    featured: true,
    updatedAt: '2026-09-01T12:00:00.000Z',
    createdAt: '2026-08-01T12:00:00.000Z',
    member: { name: SECRET_NAME, email: SECRET_EMAIL, phone: '0611223344' },
    originAgenda: { uid: 123, title: 'Semaine de l’industrie 2026' },
    ...overrides,
  };
}

function withLocation(location: unknown, overrides: Raw = {}): Raw {
  return rawEvent({ location, ...overrides });
}

/** Normalises a record that must be usable, failing the test with the skip reason otherwise. */
function ok(raw: unknown, ctx: NormaliseContext = CTX): SdiEvent {
  const result = normaliseEvent(raw, ctx);
  if (isSkipped(result)) assert.fail(`skipped: ${result.skip}`);
  return result;
}

function locationOf(location: unknown): SdiLocation | undefined {
  return ok(withLocation(location)).location;
}

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUndefined);
  return false;
}

// ---------------------------------------------------------------------------------------------

describe('normaliseEvent: a complete record', () => {
  it('maps every field', () => {
    assert.deepEqual(ok(rawEvent()), {
      uid: 51234567,
      slug: 'visite-usine-4821',
      url: 'https://openagenda.com/semaine-industrie-2026/events/visite-usine-4821',
      title: { fr: "Visite de l'usine", en: 'Factory tour' },
      summary: { fr: 'Découvrez la chaîne de production.', en: 'See the production line.' },
      description: { fr: '## Programme\n\nVisite guidée.\tDurée 1 h.' },
      conditions: { fr: 'Gratuit, sur inscription' },
      keywords: ['industrie', 'usine', 'factory'],
      timings: [
        { begin: NOV16_0800Z, end: NOV16_0800Z + HOUR },
        { begin: NOV16_0800Z + 24 * HOUR, end: NOV16_0800Z + 25 * HOUR },
      ],
      timezone: 'Europe/Paris',
      status: 'scheduled',
      attendance: 'onsite',
      registration: [
        { type: 'url', value: 'https://example.fr/inscription' },
        { type: 'email', value: 'contact@usine.example.fr' },
        { type: 'phone', value: '01 23 45 67 89' },
      ],
      location: {
        name: 'Usine Exemple',
        address: '12 rue de la Forge, 69007 Lyon',
        postalCode: '69007',
        city: 'Lyon',
        insee: '69123',
        departmentCode: '69',
        departmentName: 'Rhône',
        regionCode: '84',
        regionName: 'Auvergne-Rhône-Alpes',
        lat: 45.73,
        lng: 4.84,
      },
      types: [3],
      audiences: [36, 40],
      accessibility: { hi: true, vi: false, pi: false, mi: true, ii: false },
      age: { min: 12 },
      image: {
        url: 'https://cdn.openagenda.com/main/abc.base.image.jpg',
        thumbnail: 'https://cdn.openagenda.com/main/abc.thumb.image.jpg',
        width: 700,
        height: 467,
        credits: '© Usine Exemple',
      },
      featured: true,
      updatedAt: Date.UTC(2026, 8, 1, 12),
    });
  });

  it('never copies `member` or any other unlisted raw field', () => {
    const json = JSON.stringify(ok(rawEvent()));
    for (const secret of [SECRET_NAME, SECRET_EMAIL, '0611223344', 'member', 'originAgenda', 'createdAt', 'lieu@example.fr']) {
      assert.ok(!json.includes(secret), `${secret} leaked`);
    }
  });

  it('leaves no undefined value and omits empty optional fields', () => {
    const event = ok({
      uid: 1,
      title: 'Titre',
      timings: [{ begin: '2026-11-16T09:00:00+01:00', end: '2026-11-16T10:00:00+01:00' }],
    });
    assert.equal(hasUndefined(event), false);
    assert.deepEqual(Object.keys(event).sort(), [
      'accessibility',
      'attendance',
      'audiences',
      'conditions',
      'description',
      'featured',
      'keywords',
      'registration',
      'slug',
      'status',
      'summary',
      'timezone',
      'timings',
      'title',
      'types',
      'uid',
    ]);
    assert.equal(event.slug, '');
    assert.deepEqual(event.accessibility, { hi: false, vi: false, pi: false, mi: false, ii: false });
    assert.equal(event.featured, false);
    assert.equal(hasUndefined(ok(rawEvent())), false);
  });
});

describe('normaliseEvent: identity and page URL', () => {
  it('accepts a numeric-string uid', () => {
    assert.equal(ok(rawEvent({ uid: '51234567' })).uid, 51234567);
  });

  it('builds the URL only when both slugs are known', () => {
    assert.equal(ok(rawEvent(), { schema: SCHEMA }).url, undefined);
    assert.equal(ok(rawEvent({ slug: null })).url, undefined);
    assert.equal(ok(rawEvent({ slug: null })).slug, '');
    assert.equal(ok(rawEvent(), { schema: SCHEMA, agendaSlug: '  ' }).url, undefined);
  });

  it('escapes odd slugs instead of letting them change the path', () => {
    const url = ok(rawEvent({ slug: '../../evil?x=1' })).url;
    assert.equal(url, 'https://openagenda.com/semaine-industrie-2026/events/..%2F..%2Fevil%3Fx%3D1');
  });
});

describe('normaliseEvent: texts', () => {
  it('keeps fr/en only and lets a single language through', () => {
    const event = ok(
      rawEvent({ title: { en: 'Only English', de: 'Nur Deutsch' }, description: { it: 'Solo' }, conditions: null }),
    );
    assert.deepEqual(event.title, { en: 'Only English' });
    assert.deepEqual(event.summary, {});
    assert.deepEqual(event.conditions, {});
    assert.equal(pickText(event.title, 'fr'), 'Only English');
    assert.equal(pickText(event.summary, 'fr'), '');
  });

  it('treats a plain string as French (monolingual responses)', () => {
    const event = ok(rawEvent({ title: 'Visite', description: 'Court', keywords: ['a', 'b'] }));
    assert.deepEqual(event.title, { fr: 'Visite' });
    assert.deepEqual(event.summary, { fr: 'Court' });
    assert.deepEqual(event.keywords, ['a', 'b']);
  });

  it('strips bidi overrides and control characters', () => {
    const event = ok(
      rawEvent({
        title: { fr: 'Visite \u202Egnirts\u202C de l\u2066usine\u2069\u0007', en: '\u202D\u0000Tour' },
        longDescription: { fr: 'Ligne 1\r\nLigne 2\tfin\u001b[31m' },
      }),
    );
    assert.deepEqual(event.title, { fr: 'Visite gnirts de lusine', en: 'Tour' });
    assert.deepEqual(event.description, { fr: 'Ligne 1\nLigne 2\tfin[31m' });
  });

  it('caps titles at 300 characters and other texts at 20,000', () => {
    const event = ok(rawEvent({ title: { fr: 'T'.repeat(1000) }, longDescription: { fr: 'D'.repeat(50_000) } }));
    assert.equal(event.title.fr?.length, TITLE_MAX_LENGTH);
    assert.ok(event.title.fr?.endsWith('…'));
    assert.equal(event.description.fr?.length, TEXT_MAX_LENGTH);
  });

  it('dedupes keywords case-insensitively, drops non-strings and caps at 30', () => {
    const many = Array.from({ length: 50 }, (_, i) => `mot${i}`);
    const event = ok(rawEvent({ keywords: { fr: ['  Acier ', 'acier', 42, null, '', ...many], en: ['steel'] } }));
    assert.equal(event.keywords.length, 30);
    assert.deepEqual(event.keywords.slice(0, 3), ['Acier', 'mot0', 'mot1']);
    assert.deepEqual(ok(rawEvent({ keywords: 'x' })).keywords, []);
  });
});

describe('localText / pickText / cleanText', () => {
  it('localText keeps non-empty trimmed fr/en strings only', () => {
    assert.deepEqual(localText({ fr: '  a  ', en: '   ', de: 'x' }), { fr: 'a' });
    assert.deepEqual(localText({ fr: 42, en: ['x'] }), {});
    assert.deepEqual(localText(null), {});
    assert.deepEqual(localText(42), {});
    assert.deepEqual(localText(' texte '), { fr: 'texte' });
  });

  it('pickText falls back to the other language, then to ""', () => {
    assert.equal(pickText({ fr: 'Bonjour', en: 'Hello' }, 'en'), 'Hello');
    assert.equal(pickText({ fr: 'Bonjour' }, 'en'), 'Bonjour');
    assert.equal(pickText({ en: 'Hello' }, 'fr'), 'Hello');
    assert.equal(pickText({}, 'fr'), '');
  });

  it('cleanText never splits a surrogate pair when truncating', () => {
    const text = cleanText('a'.repeat(8) + '😀😀', 10);
    assert.equal(text, 'aaaaaaaa…');
  });
});

describe('normaliseEvent: time zone, status, attendance', () => {
  it('reads the event zone, then the location zone, else Europe/Paris', () => {
    assert.equal(ok(rawEvent({ timezone: 'Indian/Reunion' })).timezone, 'Indian/Reunion');
    const loc = { name: 'Port', timezone: 'America/Cayenne' };
    assert.equal(ok(withLocation(loc, { timezone: null })).timezone, 'America/Cayenne');
    assert.equal(ok(rawEvent({ timezone: 'Mars/Olympus' })).timezone, 'Europe/Paris');
    assert.equal(ok(withLocation(null, { timezone: 42 })).timezone, 'Europe/Paris');
    assert.equal(ok(withLocation({ timezone: 'nope' }, { timezone: 'Not/AZone' })).timezone, 'Europe/Paris');
  });

  it('maps status codes 1..6 and defaults the rest to scheduled', () => {
    const expected = ['scheduled', 'rescheduled', 'moved-online', 'postponed', 'full', 'cancelled'];
    expected.forEach((status, i) => assert.equal(ok(rawEvent({ status: i + 1 })).status, status));
    assert.equal(ok(rawEvent({ status: '6' })).status, 'cancelled');
    for (const status of [0, 7, -1, 'x', null, undefined, 2.5]) {
      assert.equal(ok(rawEvent({ status })).status, 'scheduled', String(status));
    }
  });

  it('maps attendanceMode 1/2/3', () => {
    assert.equal(ok(rawEvent({ attendanceMode: 1 })).attendance, 'onsite');
    assert.equal(ok(rawEvent({ attendanceMode: 2 })).attendance, 'online');
    assert.equal(ok(rawEvent({ attendanceMode: '3' })).attendance, 'mixed');
  });

  it('defaults to onsite, or online when there is a link and no venue', () => {
    assert.equal(ok(rawEvent({ attendanceMode: undefined })).attendance, 'onsite');
    assert.equal(ok(rawEvent({ attendanceMode: 9, onlineAccessLink: 'https://visio.example' })).attendance, 'onsite');
    const online = ok(withLocation(null, { attendanceMode: null, onlineAccessLink: 'https://visio.example/room' }));
    assert.equal(online.attendance, 'online');
    assert.equal(online.onlineUrl, 'https://visio.example/room');
    assert.equal(online.location, undefined);
  });

  it('keeps only http(s) online links', () => {
    for (const link of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      ' javascript:alert(1)',
      'visio.example',
      42,
    ]) {
      assert.equal(ok(rawEvent({ attendanceMode: 2, onlineAccessLink: link })).onlineUrl, undefined, String(link));
    }
  });
});

describe('normaliseEvent: registration', () => {
  it('keeps valid links, e-mails and phones, deduped', () => {
    const event = ok(
      rawEvent({
        registration: [
          { type: 'link', value: 'https://example.fr/a' },
          { type: 'link', value: ' https://example.fr/a ' },
          { type: 'email', value: 'Contact@Example.fr' },
          { type: 'email', value: 'contact@example.fr' },
          { type: 'email', value: 'mailto:autre@example.fr' },
          { type: 'email', value: "o'neil@example.ie" },
          { type: 'phone', value: '+33 (0)1 23 45 67 89' },
          { type: 'phone', value: '+33 (0)1.23.45.67.89' },
          { type: 'phone', value: 'tel:0549743224' },
        ],
      }),
    );
    assert.deepEqual(event.registration, [
      { type: 'url', value: 'https://example.fr/a' },
      { type: 'email', value: 'Contact@Example.fr' },
      { type: 'email', value: 'autre@example.fr' },
      { type: 'email', value: "o'neil@example.ie" },
      { type: 'phone', value: '+33 (0)1 23 45 67 89' },
      { type: 'phone', value: '0549743224' },
    ]);
  });

  it('rejects dangerous links, malformed e-mails and phones, unknown types and garbage', () => {
    const event = ok(
      rawEvent({
        registration: [
          { type: 'link', value: 'javascript:alert(document.cookie)' },
          { type: 'link', value: 'JaVaScRiPt:alert(1)' },
          { type: 'link', value: 'java\tscript:alert(1)' },
          { type: 'link', value: 'data:text/html;base64,PHNjcmlwdD4=' },
          { type: 'link', value: 'vbscript:msgbox(1)' },
          { type: 'link', value: '/relative/path' },
          { type: 'link', value: 'https://trusted.fr@evil.example/' },
          { type: 'email', value: 'a b@example.fr' },
          { type: 'email', value: 'a@b@example.fr' },
          { type: 'email', value: '"><script>@x.fr' },
          { type: 'email', value: 'no-at-sign.fr' },
          { type: 'phone', value: '12345' },
          { type: 'phone', value: '1'.repeat(21) },
          { type: 'phone', value: '01 23 45 67 89 <b>' },
          { type: 'phone', value: 'call me' },
          { type: 'fax', value: '0123456789' },
          { type: 'link', value: 42 },
          null,
          'https://example.fr',
        ],
      }),
    );
    assert.deepEqual(event.registration, []);
    assert.deepEqual(ok(rawEvent({ registration: 'x' })).registration, []);
  });
});

describe('safeHttpUrl', () => {
  it('accepts absolute http and https URLs and returns the href', () => {
    assert.equal(safeHttpUrl('https://example.fr'), 'https://example.fr/');
    assert.equal(safeHttpUrl('HTTP://Example.fr/a%20b'), 'http://example.fr/a%20b');
    assert.equal(safeHttpUrl('  https://example.fr/x?y=1#z  '), 'https://example.fr/x?y=1#z');
  });

  it('rejects other schemes, relative URLs and whitespace or invisible tricks', () => {
    for (const value of [
      'javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'ftp://example.fr',
      '//example.fr',
      '/path',
      'example.fr',
      'https:example.fr',
      'https://',
      'https://exa\nmple.fr',
      'java\nscript:alert(1)',
      '\u0001https://example.fr',
      'https://example.fr/\u202Eevil',
      'https://exa mple.fr',
      'https://u:p@example.fr',
      '',
      null,
      42,
      {},
    ]) {
      assert.equal(safeHttpUrl(value), undefined, JSON.stringify(value));
    }
  });
});

describe('normaliseEvent: location', () => {
  it('is undefined for null, garbage or a location with nothing useful', () => {
    assert.equal(locationOf(null), undefined);
    assert.equal(locationOf('Lyon'), undefined);
    assert.equal(locationOf([]), undefined);
    assert.equal(locationOf({ uid: 1, countryCode: 'FR', timezone: 'Europe/Paris', latitude: 0, longitude: 0 }), undefined);
  });

  it('keeps an online event without a venue location-less', () => {
    const event = ok(withLocation(null, { attendanceMode: 2, onlineAccessLink: 'https://visio.example' }));
    assert.equal(event.attendance, 'online');
    assert.equal('location' in event, false);
  });

  it('reads the current adminLevel fields', () => {
    assert.deepEqual(locationOf({ name: 'Atelier', adminLevel1: 'Normandie', adminLevel2: 'Calvados', adminLevel4: 'Caen' }), {
      name: 'Atelier',
      city: 'Caen',
      departmentCode: '14',
      departmentName: 'Calvados',
      regionCode: '28',
      regionName: 'Normandie',
    });
  });

  it('reads the legacy region/department/city fields', () => {
    assert.deepEqual(locationOf({ name: 'Musée', region: 'Nouvelle-Aquitaine', department: 'Deux-Sèvres', city: 'Bressuire' }), {
      name: 'Musée',
      city: 'Bressuire',
      departmentCode: '79',
      departmentName: 'Deux-Sèvres',
      regionCode: '75',
      regionName: 'Nouvelle-Aquitaine',
    });
  });

  it('prefers adminLevel4 over the legacy city', () => {
    assert.equal(locationOf({ adminLevel4: 'Lyon', city: 'LYON 7E' })?.city, 'Lyon');
  });

  it('finds regions from names in any case or accent form', () => {
    const cases: Array<[string, string, string]> = [
      ['ILE-DE-FRANCE', '11', 'Île-de-France'],
      ['Auvergne-Rhone-Alpes', '84', 'Auvergne-Rhône-Alpes'],
      ['la réunion', '04', 'La Réunion'],
      ["provence-alpes-cote-d'azur", '93', "Provence-Alpes-Côte d'Azur"],
    ];
    for (const [name, code, canonical] of cases) {
      const location = locationOf({ adminLevel1: name });
      assert.equal(location?.regionCode, code, name);
      assert.equal(location?.regionName, canonical, name);
      assert.equal(location?.departmentCode, undefined);
    }
    assert.equal(locationOf({ region: 'ILE DE FRANCE' })?.regionCode, '11');
  });

  it('derives department then region from the INSEE code, over conflicting names', () => {
    const location = locationOf({ insee: '59350', adminLevel1: 'Bretagne', adminLevel2: 'Finistère', postalCode: '29000' });
    assert.equal(location?.departmentCode, '59');
    assert.equal(location?.departmentName, 'Nord');
    assert.equal(location?.regionCode, '32');
    assert.equal(location?.regionName, 'Hauts-de-France');
  });

  it('handles Corsica 2A/2B by INSEE code and by postcode', () => {
    assert.deepEqual(
      [locationOf({ insee: '2A004' })?.departmentCode, locationOf({ insee: '2b033' })?.departmentCode],
      ['2A', '2B'],
    );
    assert.equal(locationOf({ insee: '2A004' })?.insee, '2A004');
    assert.equal(locationOf({ postalCode: '20000' })?.departmentCode, '2A');
    assert.equal(locationOf({ postalCode: '20200' })?.departmentCode, '2B');
    assert.equal(locationOf({ postalCode: '20200' })?.regionCode, '94');
    assert.equal(locationOf({ adminLevel2: 'Haute-Corse' })?.departmentCode, '2B');
  });

  it('handles overseas departments (97411 → 974 → region 04)', () => {
    const location = locationOf({ insee: '97411', city: 'Saint-Denis', countryCode: 'RE' });
    assert.equal(location?.departmentCode, '974');
    assert.equal(location?.departmentName, 'La Réunion');
    assert.equal(location?.regionCode, '04');
    assert.equal(locationOf({ postalCode: '97300' })?.departmentCode, '973');
    assert.equal(locationOf({ postalCode: '97300' })?.regionCode, '03');
  });

  it('falls back from department name to postcode', () => {
    assert.equal(locationOf({ adminLevel2: 'Loiret' })?.departmentCode, '45');
    assert.equal(locationOf({ department: 'COTE D OR' })?.departmentCode, '21');
    assert.equal(locationOf({ postalCode: '45800', adminLevel2: 'Inconnu' })?.departmentCode, '45');
    assert.equal(locationOf({ postalCode: 69007 })?.postalCode, '69007');
  });

  it('restores the leading zero of a numeric INSEE code', () => {
    assert.deepEqual(locationOf({ insee: 1004 }), {
      insee: '01004',
      departmentCode: '01',
      departmentName: 'Ain',
      regionCode: '84',
      regionName: 'Auvergne-Rhône-Alpes',
    });
  });

  it('ignores a malformed INSEE code but keeps deriving from the rest', () => {
    const location = locationOf({ insee: '123', postalCode: '35000' });
    assert.equal(location?.insee, undefined);
    assert.equal(location?.departmentCode, '35');
  });

  it('derives no French codes for a venue abroad', () => {
    assert.deepEqual(locationOf({ name: 'Werk', postalCode: '10115', city: 'Berlin', countryCode: 'DE', region: 'Centre' }), {
      name: 'Werk',
      postalCode: '10115',
      city: 'Berlin',
    });
  });

  it('keeps coordinates only when valid', () => {
    assert.deepEqual(locationOf({ latitude: '48.85', longitude: '2.35' }), { lat: 48.85, lng: 2.35 });
    assert.deepEqual(locationOf({ latitude: -21.1, longitude: 55.5 }), { lat: -21.1, lng: 55.5 });
    for (const [latitude, longitude] of [
      [0, 0],
      [91, 2],
      [-91, 2],
      [45, 181],
      [45, -181],
      [45, null],
      [null, 2],
      ['x', 2],
      [Number.NaN, 2],
      [45, Infinity],
      ['', ''],
    ]) {
      assert.equal(locationOf({ name: 'X', latitude, longitude })?.lat, undefined, `${latitude},${longitude}`);
    }
  });

  it('cleans location texts', () => {
    assert.equal(locationOf({ name: '  Usine\u202E  ', address: '\u0000' })?.name, 'Usine');
    assert.equal(locationOf({ name: 'x', address: '\u0000' })?.address, undefined);
  });
});

describe('normaliseEvent: custom fields', () => {
  it('reads a single id, a numeric string, an array and {id,label} objects', () => {
    assert.deepEqual(ok(rawEvent({ 'types-devenement': 4 })).types, [4]);
    assert.deepEqual(ok(rawEvent({ 'types-devenement': '4' })).types, [4]);
    assert.deepEqual(ok(rawEvent({ 'types-devenement': [4, '3', 4] })).types, [4, 3]);
    assert.deepEqual(ok(rawEvent({ 'type-de-public': [{ id: 40, label: 'Tout public' }] })).audiences, [40]);
  });

  it('drops ids the schema does not know, and garbage, without failing', () => {
    const event = ok(rawEvent({ 'types-devenement': [999, 3, -1, 'x', null, {}, [4]], 'type-de-public': 'beaucoup' }));
    assert.deepEqual(event.types, [3]);
    assert.deepEqual(event.audiences, []);
    assert.deepEqual(ok(rawEvent({ 'types-devenement': { weird: true } })).types, []);
  });

  it('gives no ids when the schema has no such field', () => {
    const event = ok(rawEvent(), { schema: { types: [], audiences: [] } });
    assert.deepEqual(event.types, []);
    assert.deepEqual(event.audiences, []);
  });
});

describe('normaliseEvent: accessibility, age, image, flags', () => {
  it('reads accessibility flags; anything but true is false', () => {
    assert.deepEqual(ok(rawEvent({ accessibility: { hi: 'true', vi: 1, pi: true } })).accessibility, {
      hi: false,
      vi: false,
      pi: true,
      mi: false,
      ii: false,
    });
    assert.deepEqual(ok(rawEvent({ accessibility: null })).accessibility, {
      hi: false,
      vi: false,
      pi: false,
      mi: false,
      ii: false,
    });
  });

  it('keeps age bounds that are numbers, omits the rest', () => {
    assert.deepEqual(ok(rawEvent({ age: { min: 6, max: '18' } })).age, { min: 6, max: 18 });
    assert.deepEqual(ok(rawEvent({ age: { min: null, max: 99 } })).age, { max: 99 });
    for (const age of [{ min: null, max: null }, {}, null, 'x', { min: -3 }, { min: 'six' }, { min: 18, max: 6 }]) {
      assert.equal('age' in ok(rawEvent({ age })), false, JSON.stringify(age));
    }
  });

  it('builds the image from base + filename, without optional parts when missing', () => {
    const event = ok(rawEvent({ image: { base: 'https://cdn.openagenda.com/main/', filename: 'x.jpg' }, imageCredits: null }));
    assert.deepEqual(event.image, { url: 'https://cdn.openagenda.com/main/x.jpg' });
    assert.equal('image' in ok(rawEvent({ image: null })), false);
    assert.equal('image' in ok(rawEvent({ image: { base: 'https://cdn.openagenda.com/main/' } })), false);
  });

  it('accepts an image given as a URL string (older exports)', () => {
    assert.deepEqual(ok(rawEvent({ image: 'https://cdn.openagenda.com/main/old.jpg', imageCredits: 'SLG' })).image, {
      url: 'https://cdn.openagenda.com/main/old.jpg',
      credits: 'SLG',
    });
  });

  it('rejects javascript: and data: images, and unsafe thumbnails', () => {
    for (const base of ['javascript:alert(1)//', 'data:image/svg+xml,', '//cdn.example/', '']) {
      assert.equal('image' in ok(rawEvent({ image: { base, filename: 'x.jpg' } })), false, base);
    }
    assert.equal('image' in ok(rawEvent({ image: 'data:image/png;base64,AAAA' })), false);
    const event = ok(
      rawEvent({
        image: {
          base: 'https://cdn.openagenda.com/main/',
          filename: 'x.jpg',
          size: { width: -5, height: 'big' },
          variants: [{ type: 'thumbnail', filename: 'a b.jpg' }],
        },
      }),
    );
    assert.deepEqual(event.image, { url: 'https://cdn.openagenda.com/main/x.jpg', credits: '© Usine Exemple' });
  });

  it('reads featured and updatedAt', () => {
    assert.equal(ok(rawEvent({ featured: 'yes' })).featured, false);
    assert.equal(ok(rawEvent({ updatedAt: '2026-11-16T09:00:00+0100' })).updatedAt, NOV16_0800Z);
    assert.equal('updatedAt' in ok(rawEvent({ updatedAt: 'hier' })), false);
  });
});

describe('normaliseEvent: timings', () => {
  it('parses all offset forms and sorts', () => {
    const event = ok(
      rawEvent({
        timings: [
          { begin: '2026-11-16T10:00:00.000+01:00', end: '2026-11-16T11:00:00.000+01:00' },
          { begin: '2026-11-16T08:00:00Z', end: '2026-11-16T09:00:00Z' },
          { begin: '2026-11-16T12:00:00+04:00', end: '2026-11-16T13:00:00+0400' },
        ],
      }),
    );
    assert.deepEqual(event.timings, [
      { begin: NOV16_0800Z, end: NOV16_0800Z + HOUR },
      { begin: NOV16_0800Z + 1 * HOUR, end: NOV16_0800Z + 2 * HOUR },
    ]);
  });

  it('falls back to first/last timing only when `timings` is absent', () => {
    const { timings: _omit, ...noTimings } = rawEvent({
      lastTiming: { begin: '2026-11-20T09:00:00+01:00', end: '2026-11-20T10:00:00+01:00' },
    });
    assert.deepEqual(ok(noTimings).timings, [
      { begin: NOV16_0800Z, end: NOV16_0800Z + HOUR },
      { begin: NOV16_0800Z + 96 * HOUR, end: NOV16_0800Z + 97 * HOUR },
    ]);
    assert.deepEqual(normaliseEvent(rawEvent({ timings: [] }), CTX), { skip: 'timings' });
  });
});

describe('normaliseEvent / normaliseEvents: skipping', () => {
  it('skips records without a usable uid, timing or title', () => {
    assert.deepEqual(normaliseEvent(rawEvent({ uid: undefined }), CTX), { skip: 'uid' });
    for (const uid of [0, -4, 1.5, 'abc', '12a', null, {}, Number.MAX_SAFE_INTEGER + 2]) {
      assert.deepEqual(normaliseEvent(rawEvent({ uid }), CTX), { skip: 'uid' }, String(uid));
    }
    for (const timings of [
      'x',
      42,
      [{ begin: 'x', end: 'y' }],
      [{ begin: '2026-11-16T10:00:00+01:00', end: '2026-11-16T09:00:00+01:00' }],
    ]) {
      assert.deepEqual(normaliseEvent(rawEvent({ timings }), CTX), { skip: 'timings' }, JSON.stringify(timings));
    }
    for (const title of [undefined, null, {}, { de: 'Nur Deutsch' }, { fr: '   ', en: '\u202E' }, 42]) {
      assert.deepEqual(normaliseEvent(rawEvent({ title }), CTX), { skip: 'title' }, JSON.stringify(title));
    }
  });

  it('skips anything that throws as invalid instead of crashing', () => {
    const trap = rawEvent();
    Object.defineProperty(trap, 'location', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    assert.deepEqual(normaliseEvent(trap, CTX), { skip: 'invalid' });
    const proxy = new Proxy(rawEvent(), {
      get() {
        throw new Error('boom');
      },
    });
    assert.deepEqual(normaliseEvent(proxy, CTX), { skip: 'invalid' });
  });

  it('counts garbage records by reason and keeps the good ones', () => {
    const result = normaliseEvents(
      [
        null,
        42,
        'x',
        [],
        [rawEvent()],
        {},
        rawEvent({ uid: undefined }),
        rawEvent({ uid: 2, timings: 'garbage' }),
        rawEvent({ uid: 3, title: null }),
        rawEvent({ uid: 10 }),
        rawEvent({ uid: 11 }),
      ],
      CTX,
    );
    assert.deepEqual(
      result.events.map((e) => e.uid),
      [10, 11],
    );
    assert.equal(result.skipped, 9);
    assert.deepEqual(result.skippedReasons, { invalid: 5, uid: 2, timings: 1, title: 1 });
  });

  it('keeps the first usable record of a duplicated uid', () => {
    const result = normaliseEvents(
      [
        rawEvent({ uid: 7, title: null }),
        rawEvent({ uid: 7, title: { fr: 'Premier' } }),
        rawEvent({ uid: '7', title: { fr: 'Second' } }),
        rawEvent({ uid: 8 }),
        rawEvent({ uid: 8 }),
      ],
      CTX,
    );
    assert.deepEqual(
      result.events.map((e) => [e.uid, e.title.fr]),
      [
        [7, 'Premier'],
        [8, "Visite de l'usine"],
      ],
    );
    assert.deepEqual(result.skippedReasons, { title: 1, duplicate: 2 });
    assert.equal(result.skipped, 3);
  });

  it('returns an empty result for an empty or non-array batch', () => {
    assert.deepEqual(normaliseEvents([], CTX), { events: [], skipped: 0, skippedReasons: {} });
    assert.deepEqual(normaliseEvents('x' as unknown as unknown[], CTX), { events: [], skipped: 0, skippedReasons: {} });
  });

  it('produces JSON-safe output with no personal data for a whole batch', () => {
    const result = normaliseEvents([rawEvent({ uid: 1 }), rawEvent({ uid: 2, location: null })], CTX);
    const json = JSON.stringify(result);
    assert.ok(!json.includes(SECRET_EMAIL) && !json.includes(SECRET_NAME) && !json.includes('"member"'));
    assert.deepEqual(JSON.parse(json), result);
  });
});
