/**
 * The one guard the mock needs to read records it did not write (test fixtures, generated
 * editions, real recordings); kept local so the dev tool does not depend on the app's model.
 */
import type { JsonObject } from './types.js';

/** A plain JSON object; arrays are excluded because `typeof [] === 'object'`. */
export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
