/**
 * schema.org Event data for search engines, written into partner pages next to the list. The
 * organiser is left out on purpose: OpenAgenda's contact fields are personal data the partner did
 * not choose to publish.
 */
import { pickText } from '../model/text.js';
import type { Choice, FeedSchema, Lang, SdiEvent, SdiLocation } from '../model/types.js';
import { safeHttpUrl } from '../model/url.js';
import { plainText } from '../model/plain-text.js';
import { slotDateTimeAttr } from '../time/local-day.js';

// Reached by the list through this lazily loaded module, so the Trusted Types code stays off the
// first load of a page (src/elements/event-list/seo.ts loads this module at idle).
export { setJsonScriptText } from '../security/trusted-types.js';

const SCHEMA = 'https://schema.org/';
const MAX_DESCRIPTION = 5000;

// Maps: an event's status comes from a file, and "constructor" must not find Object's.
const STATUS: ReadonlyMap<string, string> = new Map([
  ['scheduled', 'EventScheduled'],
  // Being full changes nothing about whether the event happens.
  ['full', 'EventScheduled'],
  ['rescheduled', 'EventRescheduled'],
  ['moved-online', 'EventMovedOnline'],
  ['postponed', 'EventPostponed'],
  ['cancelled', 'EventCancelled'],
]);

const ATTENDANCE: ReadonlyMap<string, string> = new Map([
  ['onsite', 'OfflineEventAttendanceMode'],
  ['online', 'OnlineEventAttendanceMode'],
  ['mixed', 'MixedEventAttendanceMode'],
]);

type Json = Record<string, unknown>;

/** Drops undefined and empty-string fields, so the output never claims "" for a property. */
function compact(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

export function eventToJsonLd(event: SdiEvent, lang: Lang, schema?: FeedSchema): Record<string, unknown> {
  const first = event.timings[0];
  const last = event.timings[event.timings.length - 1];
  const zone = event.timezone;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: pickText(event.title, lang),
    description: description(event, lang),
    startDate: first ? slotDateTimeAttr(first.begin, zone) : undefined,
    endDate: last ? slotDateTimeAttr(last.end, zone) : undefined,
    eventStatus: SCHEMA + (STATUS.get(event.status) ?? 'EventScheduled'),
    eventAttendanceMode: SCHEMA + (ATTENDANCE.get(event.attendance) ?? 'OfflineEventAttendanceMode'),
    location: location(event),
    // Checked again here, whatever the event's source: search engines and the page read these.
    image: safeHttpUrl(event.image?.url),
    url: safeHttpUrl(event.url),
    isAccessibleForFree: true,
    inLanguage: textLanguage(event, lang),
    keywords: event.keywords.length > 0 ? event.keywords.join(', ') : undefined,
    audience: audience(event, lang, schema),
  });
}

function description(event: SdiEvent, lang: Lang): string | undefined {
  const text = plainText(pickText(event.summary, lang) || pickText(event.description, lang));
  if (!text) return undefined;
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…` : text;
}

/** The language the name is actually in: `pickText` falls back to the other one. */
function textLanguage(event: SdiEvent, lang: Lang): Lang {
  if (event.title[lang]) return lang;
  return lang === 'fr' ? 'en' : 'fr';
}

function location(event: SdiEvent): Json | Json[] | undefined {
  const place = event.attendance !== 'online' && event.location ? placeOf(event.location) : undefined;
  // Online events need a location too for rich results; the event page stands in for a missing link.
  const link = event.attendance !== 'onsite' ? (safeHttpUrl(event.onlineUrl) ?? safeHttpUrl(event.url)) : undefined;
  const virtual = link ? { '@type': 'VirtualLocation', url: link } : undefined;
  if (place && virtual) return [place, virtual];
  return place ?? virtual;
}

function placeOf(location: SdiLocation): Json {
  const address = compact({
    '@type': 'PostalAddress',
    streetAddress: location.address,
    postalCode: location.postalCode,
    addressLocality: location.city,
    addressRegion: location.regionName,
    addressCountry: 'FR',
  });
  const hasGeo = Number.isFinite(location.lat) && Number.isFinite(location.lng);
  return compact({
    '@type': 'Place',
    name: location.name ?? location.city,
    address: address,
    geo: hasGeo ? { '@type': 'GeoCoordinates', latitude: location.lat, longitude: location.lng } : undefined,
  });
}

function audience(event: SdiEvent, lang: Lang, schema: FeedSchema | undefined): Json | Json[] | undefined {
  if (!schema || event.audiences.length === 0) return undefined;
  const labels = event.audiences
    .map((id) => schema.audiences.find((choice: Choice) => choice.id === id))
    .map((choice) => (choice ? pickText(choice.label, lang) : ''))
    .filter(Boolean);
  const audiences = labels.map((label) => ({ '@type': 'Audience', audienceType: label }));
  if (audiences.length === 0) return undefined;
  return audiences.length === 1 ? audiences[0] : audiences;
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON that cannot end its `<script>` element early ("</script>", "<!--") nor break older
 * JavaScript parsers (U+2028/2029), whatever the event texts contain.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
