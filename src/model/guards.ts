/**
 * Small type guards for reading untrusted JSON. The feed is someone else's data (and, in live
 * mode, arrives straight from the network), so the normaliser never trusts a field's type.
 */

export type UnknownRecord = Record<string, unknown>;

/** A plain JSON object; arrays are excluded because `typeof [] === 'object'` fools naive checks. */
export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The string itself, or undefined for anything else (numbers are not silently stringified). */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string with content once trimmed, trimmed; undefined for blank strings and non-strings. */
export function asTrimmedString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A finite number, also from a numeric string: exports and older API versions write
 * coordinates and ids as strings. `Number('')` is 0 and `Number(' 1 ')` is 1, hence the regex.
 */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!NUMERIC.test(trimmed)) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A positive safe integer (ids, uids), from a number or a string of digits. */
export function asPositiveInteger(value: unknown): number | undefined {
  let parsed: number | undefined;
  if (typeof value === 'number') parsed = value;
  else if (typeof value === 'string' && /^\d{1,16}$/.test(value.trim())) parsed = Number(value.trim());
  return parsed !== undefined && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** An array, or an empty one: lets callers iterate without a separate type check. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Only a real `true` counts: "false", 0 or a missing flag must not switch a badge on. */
export function isTrue(value: unknown): boolean {
  return value === true;
}
