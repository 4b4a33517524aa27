/**
 * Bounds on what one event, or one edition, may carry once read, shared by the normaliser (API
 * records) and the snapshot reader (shard records), so that both sources are held to one rule.
 */

/**
 * Slots kept per event. The most a real Semaine de l'industrie event has had is a few hundred (a
 * daily visit over a month, several times a day); a record with 50,000 slots froze a visitor's
 * tab for 5.6 s when opened and made a 19.5 MB calendar file. Which ones are kept: the slots a
 * visitor can still attend, upcoming first (cap-timings.ts, the one implementation).
 */
export const MAX_TIMINGS_PER_EVENT = 1_000;

/**
 * The largest event count shown or trusted from an index: a hundred times a national edition
 * (8,000 events). Beyond it the number is damage (`total: 1e308` was printed in full).
 */
export const MAX_EVENT_COUNT = 1_000_000;
