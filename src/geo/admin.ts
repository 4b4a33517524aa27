/**
 * French regions and departments by INSEE code, and the lookups that turn whatever the feed
 * says (a name in any accent or case, a legacy name, a commune INSEE code, a postcode) into codes.
 */
import { DEPARTMENTS, REGIONS } from './admin-data.js';
import { fold } from './fold.js';

export interface Region {
  code: string;
  name: string;
}
export interface Department {
  code: string;
  name: string;
  regionCode: string;
}

export const regions: readonly Region[] = REGIONS.map(([code, name]) => ({ code, name }));
export const departments: readonly Department[] = DEPARTMENTS.map(([code, name, regionCode]) => ({
  code,
  name,
  regionCode,
}));

const regionByCode = new Map(regions.map((r) => [r.code, r]));
const departmentByCode = new Map(departments.map((d) => [d.code, d]));

// Names the feed may still carry for a region: pre-2016 regions are mapped to their successor
// only when the successor is unambiguous; organisers also write common short forms.
const REGION_ALIASES: Record<string, string> = {
  reunion: '04',
  'ile de la reunion': '04',
  'la guyane': '03',
  paca: '93',
  'provence alpes cote d azur': '93',
  'region sud': '93',
  sud: '93',
  aura: '84',
  idf: '11',
  aquitaine: '75',
  'nouvelle aquitaine': '75',
  'aquitaine limousin poitou charentes': '75',
  'alsace champagne ardenne lorraine': '44',
  'nord pas de calais picardie': '32',
  'languedoc roussillon midi pyrenees': '76',
  centre: '24',
  'bourgogne franche comte': '27',
  corse: '94',
};

const regionByFoldedName = new Map<string, Region>();
for (const r of regions) regionByFoldedName.set(fold(r.name), r);
for (const [alias, code] of Object.entries(REGION_ALIASES)) {
  const r = regionByCode.get(code);
  if (r) regionByFoldedName.set(alias, r);
}

const departmentByFoldedName = new Map<string, Department>();
for (const d of departments) departmentByFoldedName.set(fold(d.name), d);

export function regionOf(code: string | undefined | null): Region | undefined {
  return code == null ? undefined : regionByCode.get(String(code));
}

export function departmentOf(code: string | undefined | null): Department | undefined {
  return code == null ? undefined : departmentByCode.get(String(code).toUpperCase());
}

/** A region from its name in any accent/case form, or from its INSEE code. */
export function findRegion(nameOrCode: string | undefined | null): Region | undefined {
  if (nameOrCode == null) return undefined;
  const raw = String(nameOrCode).trim();
  if (!raw) return undefined;
  return regionByCode.get(raw) ?? regionByFoldedName.get(fold(raw));
}

/** A department from its name in any accent/case form, or from its code ("2a", "01", "1"). */
export function findDepartment(nameOrCode: string | undefined | null): Department | undefined {
  if (nameOrCode == null) return undefined;
  const raw = String(nameOrCode).trim();
  if (!raw) return undefined;
  const asCode = /^\d$/.test(raw) ? `0${raw}` : raw.toUpperCase();
  return departmentByCode.get(asCode) ?? departmentByFoldedName.get(fold(raw));
}

/** The department of a commune's INSEE code ("69123" → 69, "2A004" → 2A, "97411" → 974). */
export function departmentOfInsee(insee: string | undefined | null): Department | undefined {
  if (!insee) return undefined;
  const code = String(insee).trim().toUpperCase();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return undefined;
  return departmentByCode.get(code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
}

/**
 * The department of a postcode. Corsica's 20xxx postcodes are split by number (200-201 → 2A,
 * 202-206 → 2B); overseas postcodes start with the department code (974xx → 974).
 */
export function departmentOfPostcode(postcode: string | undefined | null): Department | undefined {
  if (!postcode) return undefined;
  const code = String(postcode).trim();
  if (!/^\d{5}$/.test(code)) return undefined;
  if (code.startsWith('20')) return departmentByCode.get(Number(code.slice(0, 3)) < 202 ? '2A' : '2B');
  if (code.startsWith('97')) return departmentByCode.get(code.slice(0, 3));
  return departmentByCode.get(code.slice(0, 2));
}
