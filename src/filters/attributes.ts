/**
 * Filters a partner sets in HTML attributes (`region="Hauts-de-France" type="visite"`). Partners
 * write names, codes and labels by hand, so this is forgiving about form (accents, case, codes or
 * names) but reports every value it cannot use, keeping the ones it can.
 */
import type { AccessibilityKey, AttendanceFilter, FilterState } from './filter-state.js';
import { cleanFilters } from './filter-state.js';
import { QUERY_MAX_LENGTH } from './query.js';
import { findDepartment, findRegion } from '../geo/admin.js';
import { fold } from '../geo/fold.js';
import type { Choice, FeedSchema, Lang } from '../model/types.js';
import { formatIsoDate, parseIsoDate } from '../time/iso-date.js';

export type FilterAttribute =
  'region' | 'department' | 'city' | 'type' | 'audience' | 'from' | 'to' | 'attendance' | 'accessibility' | 'q';

export interface FilterProblem {
  attribute: FilterAttribute;
  value: string;
  reason:
    | 'unknown-region'
    | 'unknown-department'
    | 'bad-date'
    | 'from-after-to'
    | 'unknown-type'
    | 'unknown-audience'
    | 'bad-attendance'
    | 'bad-accessibility'
    | 'department-not-in-region'
    | 'long-query';
}

type Attrs = Partial<Record<FilterAttribute, string | null | undefined>>;

const ATTENDANCE: Record<string, AttendanceFilter> = {
  onsite: 'onsite',
  'on site': 'onsite',
  'sur place': 'onsite',
  presentiel: 'onsite',
  'in person': 'onsite',
  online: 'online',
  'en ligne': 'online',
  distanciel: 'online',
};

// Codes are OpenAgenda's; the words are what a partner is likely to type instead, in either language.
const ACCESSIBILITY: Record<string, AccessibilityKey> = {
  hi: 'hi',
  auditif: 'hi',
  auditive: 'hi',
  hearing: 'hi',
  vi: 'vi',
  visuel: 'vi',
  visuelle: 'vi',
  visual: 'vi',
  pi: 'pi',
  psychique: 'pi',
  psychic: 'pi',
  mi: 'mi',
  moteur: 'mi',
  motrice: 'mi',
  motor: 'mi',
  ii: 'ii',
  mental: 'ii',
  intellectuel: 'ii',
  intellectuelle: 'ii',
  intellectual: 'ii',
};

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function filtersFromAttributes(attrs: Attrs, schema?: FeedSchema): { filters: FilterState; problems: FilterProblem[] } {
  const filters: FilterState = {};
  const problems: FilterProblem[] = [];
  readGeography(attrs, filters, problems);
  const city = present(attrs.city);
  if (city) filters.city = city;
  const types = readChoices(attrs.type, schema?.types, schema !== undefined, 'type', 'unknown-type', problems);
  if (types.length > 0) filters.types = types;
  const audiences = readChoices(
    attrs.audience,
    schema?.audiences,
    schema !== undefined,
    'audience',
    'unknown-audience',
    problems,
  );
  if (audiences.length > 0) filters.audiences = audiences;
  readDates(attrs, filters, problems);
  const attendance = present(attrs.attendance);
  if (attendance) {
    const value = ATTENDANCE[fold(attendance)];
    if (value) filters.attendance = value;
    else problems.push({ attribute: 'attendance', value: attendance, reason: 'bad-attendance' });
  }
  const accessibility = readAccessibility(attrs.accessibility, problems);
  if (accessibility.length > 0) filters.accessibility = accessibility;
  const q = present(attrs.q);
  if (q) {
    filters.q = q;
    // Kept, cut to its beginning by cleanFilters; the partner is told, with only that beginning quoted.
    if (q.replace(/\s+/g, ' ').length > QUERY_MAX_LENGTH)
      problems.push({ attribute: 'q', value: `${q.slice(0, 40)}…`, reason: 'long-query' });
  }
  return { filters: cleanFilters(filters), problems };
}

function readGeography(attrs: Attrs, filters: FilterState, problems: FilterProblem[]): void {
  const regionValue = present(attrs.region);
  const region = regionValue ? findRegion(regionValue) : undefined;
  if (regionValue && !region) problems.push({ attribute: 'region', value: regionValue, reason: 'unknown-region' });
  if (region) filters.region = region.code;
  const departmentValue = present(attrs.department);
  const department = departmentValue ? findDepartment(departmentValue) : undefined;
  if (departmentValue && !department) {
    problems.push({ attribute: 'department', value: departmentValue, reason: 'unknown-department' });
  }
  if (!department || !departmentValue) return;
  // Both together can only match nothing; the region, the wider of the two, is kept so the
  // widget still shows something sensible while the partner fixes the snippet.
  if (region && department.regionCode !== region.code) {
    problems.push({ attribute: 'department', value: departmentValue, reason: 'department-not-in-region' });
    return;
  }
  filters.department = department.code;
}

/**
 * Ids or labels, separated by commas; a comma-free part may also hold space-separated ids or
 * one-word labels ("1 4", "visite atelier"), since labels themselves contain spaces.
 */
function readChoices(
  raw: string | null | undefined,
  choices: readonly Choice[] | undefined,
  haveSchema: boolean,
  attribute: 'type' | 'audience',
  reason: 'unknown-type' | 'unknown-audience',
  problems: FilterProblem[],
): number[] {
  const value = present(raw);
  if (!value) return [];
  const ids: number[] = [];
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const whole = resolveChoice(part, choices, haveSchema);
    if (whole !== undefined) {
      ids.push(whole);
      continue;
    }
    const words = part.split(/\s+/);
    const each = words.map((word) => resolveChoice(word, choices, haveSchema));
    if (words.length > 1 && each.some((id) => id !== undefined)) {
      each.forEach((id, i) => {
        if (id !== undefined) ids.push(id);
        else problems.push({ attribute, value: words[i] as string, reason });
      });
    } else {
      problems.push({ attribute, value: part, reason });
    }
  }
  return ids;
}

function resolveChoice(text: string, choices: readonly Choice[] | undefined, haveSchema: boolean): number | undefined {
  if (/^\d{1,9}$/.test(text)) {
    const id = Number(text);
    // Without a schema there is nothing to check an id against; trust it.
    if (!haveSchema) return id;
    return choices?.some((c) => c.id === id) ? id : undefined;
  }
  if (!choices) return undefined;
  const wanted = fold(text);
  return choices.find((c) => (c.label.fr && fold(c.label.fr) === wanted) || (c.label.en && fold(c.label.en) === wanted))?.id;
}

function readDates(attrs: Attrs, filters: FilterState, problems: FilterProblem[]): void {
  const from = readDate(attrs.from, 'from', problems);
  const to = readDate(attrs.to, 'to', problems);
  if (from && to && from > to) {
    // Either date could be the typo; guessing would hide the mistake, so neither is applied.
    problems.push({ attribute: 'from', value: `${from}/${to}`, reason: 'from-after-to' });
    return;
  }
  if (from) filters.from = from;
  if (to) filters.to = to;
}

function readDate(raw: string | null | undefined, attribute: 'from' | 'to', problems: FilterProblem[]): string | undefined {
  const value = present(raw);
  if (!value) return undefined;
  const date = parseIsoDate(value);
  if (!date) {
    problems.push({ attribute, value, reason: 'bad-date' });
    return undefined;
  }
  return formatIsoDate(date);
}

function readAccessibility(raw: string | null | undefined, problems: FilterProblem[]): AccessibilityKey[] {
  const value = present(raw);
  if (!value) return [];
  const keys: AccessibilityKey[] = [];
  for (const word of value.split(/[\s,;]+/).filter(Boolean)) {
    const key = ACCESSIBILITY[fold(word)];
    if (key) keys.push(key);
    else problems.push({ attribute: 'accessibility', value: word, reason: 'bad-accessibility' });
  }
  return keys;
}

// Same conventions as the other widgets' notices: JSON quotes show stray spaces, French
// punctuation keeps its non-breaking space.
const NBSP = '\u00a0';
const q = (value: string): string => JSON.stringify(value);

type Messages = Record<FilterProblem['reason'], (value: string) => string>;

const MESSAGES: Record<Lang, Messages> = {
  fr: {
    'unknown-region': (v) => `Région inconnue${NBSP}: ${q(v)}. Indiquez un code INSEE (ex. 84) ou un nom de région.`,
    'unknown-department': (v) =>
      `Département inconnu${NBSP}: ${q(v)}. Indiquez un code (ex. 69, 2A, 974) ou un nom de département.`,
    'department-not-in-region': (v) =>
      `Le département ${q(v)} n’est pas dans la région indiquée${NBSP}; seule la région est appliquée.`,
    'bad-date': (v) => `Date invalide${NBSP}: ${q(v)}. Indiquez une date au format AAAA-MM-JJ (ex. 2026-11-18).`,
    'from-after-to': (v) => {
      const [from, to] = v.split('/');
      return `La date de début (${from}) est après la date de fin (${to})${NBSP}; aucune des deux n’est appliquée.`;
    },
    'unknown-type': (v) =>
      `Type d’événement inconnu${NBSP}: ${q(v)}. Indiquez un identifiant ou un libellé de la liste des types.`,
    'unknown-audience': (v) => `Public inconnu${NBSP}: ${q(v)}. Indiquez un identifiant ou un libellé de la liste des publics.`,
    'bad-attendance': (v) => `Mode de participation inconnu${NBSP}: ${q(v)}. Valeurs possibles${NBSP}: sur-place, en-ligne.`,
    'bad-accessibility': (v) =>
      `Accessibilité inconnue${NBSP}: ${q(v)}. Valeurs possibles${NBSP}: auditif, visuel, psychique, moteur, mental (ou hi, vi, pi, mi, ii).`,
    'long-query': (v) =>
      `Recherche trop longue${NBSP}: ${q(v)}. Seuls ses ${QUERY_MAX_LENGTH} premiers caractères sont utilisés.`,
  },
  en: {
    'unknown-region': (v) => `Unknown region: ${q(v)}. Use an INSEE code (e.g. 84) or a region name.`,
    'unknown-department': (v) => `Unknown department: ${q(v)}. Use a code (e.g. 69, 2A, 974) or a department name.`,
    'department-not-in-region': (v) => `The department ${q(v)} is not in the given region; only the region is applied.`,
    'bad-date': (v) => `Invalid date: ${q(v)}. Use the YYYY-MM-DD format (e.g. 2026-11-18).`,
    'from-after-to': (v) => {
      const [from, to] = v.split('/');
      return `The start date (${from}) is after the end date (${to}); neither is applied.`;
    },
    'unknown-type': (v) => `Unknown event type: ${q(v)}. Use an id or a label from the list of types.`,
    'unknown-audience': (v) => `Unknown audience: ${q(v)}. Use an id or a label from the list of audiences.`,
    'bad-attendance': (v) => `Unknown attendance: ${q(v)}. Possible values: onsite, online.`,
    'bad-accessibility': (v) =>
      `Unknown accessibility: ${q(v)}. Possible values: hi (hearing), vi (visual), pi (psychic), mi (motor), ii (intellectual).`,
    'long-query': (v) => `Search too long: ${q(v)}. Only its first ${QUERY_MAX_LENGTH} characters are used.`,
  },
};

/** A sentence for the widget's notice; the attribute's name is added by the console warning. */
export function filterProblemMessage(problem: FilterProblem, lang: Lang = 'fr'): string {
  const messages = MESSAGES[lang] ?? MESSAGES.fr;
  return messages[problem.reason](problem.value);
}
