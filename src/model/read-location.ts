/**
 * The venue of a raw OpenAgenda record → `SdiLocation`: names, French place codes (INSEE,
 * postcode) resolved to a department and a region, and coordinates. Part of the normaliser.
 */
import {
  departmentOfInsee,
  departmentOfPostcode,
  findDepartment,
  findRegion,
  regionOf,
  type Department,
  type Region,
} from '../geo/admin.js';
import { asNumber, asTrimmedString, isRecord, type UnknownRecord } from './guards.js';
import { cleanText, TITLE_MAX_LENGTH } from './text.js';
import type { SdiLocation } from './types.js';

// Postcodes and INSEE codes only mean French departments in France: a German 5-digit postcode
// would otherwise land in a French department. Overseas places may carry their own ISO code.
const FRENCH_COUNTRY_CODES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC', 'TF']);

function isFrench(location: UnknownRecord): boolean {
  const country = asTrimmedString(location['countryCode']);
  return country === undefined || FRENCH_COUNTRY_CODES.has(country.toUpperCase());
}

function readInsee(raw: unknown): string | undefined {
  // A numeric INSEE code has lost its leading zero in some spreadsheet on the way (01004 → 1004).
  const insee = typeof raw === 'number' ? String(raw).padStart(5, '0') : asTrimmedString(raw)?.toUpperCase();
  return insee && /^(\d{5}|2[AB]\d{3})$/.test(insee) ? insee : undefined;
}

function readPostalCode(raw: unknown): string | undefined {
  const code = cleanText(typeof raw === 'number' ? String(raw) : raw, TITLE_MAX_LENGTH);
  // Longer than any postcode in the world: free text typed in the wrong box.
  return code && code.length <= 12 ? code : undefined;
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = cleanText(value, TITLE_MAX_LENGTH);
    if (text) return text;
  }
  return undefined;
}

/** Codes already read from the location, shared by the lookups. */
interface PlaceCodes {
  insee: string | undefined;
  postalCode: string | undefined;
}

function findDepartmentFor(location: UnknownRecord, { insee, postalCode }: PlaceCodes): Department | undefined {
  return (
    departmentOfInsee(insee) ??
    findDepartment(firstText(location['adminLevel2'])) ??
    findDepartment(firstText(location['department'])) ??
    departmentOfPostcode(postalCode)
  );
}

function findRegionFor(location: UnknownRecord, department: Department | undefined): Region | undefined {
  if (department) return regionOf(department.regionCode);
  return findRegion(firstText(location['adminLevel1'])) ?? findRegion(firstText(location['region']));
}

function readCoordinates(location: UnknownRecord): { lat: number; lng: number } | undefined {
  const lat = asNumber(location['latitude']);
  const lng = asNumber(location['longitude']);
  if (lat === undefined || lng === undefined) return undefined;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return undefined;
  // 0,0 is the default of a geocoder that failed, in the Gulf of Guinea: never a real venue here.
  if (lat === 0 && lng === 0) return undefined;
  return { lat, lng };
}

function readGeography(location: UnknownRecord, codes: PlaceCodes): Partial<SdiLocation> {
  if (!isFrench(location)) return {};
  const department = findDepartmentFor(location, codes);
  const region = findRegionFor(location, department);
  const geo: Partial<SdiLocation> = {};
  if (department) {
    geo.departmentCode = department.code;
    geo.departmentName = department.name;
  }
  if (region) {
    geo.regionCode = region.code;
    geo.regionName = region.name;
  }
  return geo;
}

/** The venue, or undefined when nothing in it could be shown or filtered on. */
export function readLocation(raw: unknown): SdiLocation | undefined {
  if (!isRecord(raw)) return undefined;
  const insee = readInsee(raw['insee']);
  const postalCode = readPostalCode(raw['postalCode']);
  const location: SdiLocation = {};
  const name = firstText(raw['name']);
  const address = firstText(raw['address']);
  // adminLevel4 is the current name of the commune; `city` is its legacy spelling.
  const city = firstText(raw['adminLevel4'], raw['city']);
  if (name) location.name = name;
  if (address) location.address = address;
  if (postalCode) location.postalCode = postalCode;
  if (city) location.city = city;
  if (insee) location.insee = insee;
  Object.assign(location, readGeography(raw, { insee, postalCode }));
  const coordinates = readCoordinates(raw);
  if (coordinates) Object.assign(location, coordinates);
  return Object.keys(location).length > 0 ? location : undefined;
}
