/**
 * The programme facts of a data source, from its summary (a snapshot's index, or the live API's
 * count). Typed by shape, not by the feed's types: editions sit below the feed in the layers.
 */
import type { ProgrammeFacts } from './phase.js';

export interface SummaryLike {
  edition?: { number?: number; year?: number; theme?: string; start?: string; end?: string };
  total?: number;
  counts?: { day?: Record<string, number> };
}

export function programmeFactsOf(summary: SummaryLike): ProgrammeFacts {
  const facts: ProgrammeFacts = {};
  if (summary.edition) facts.edition = { ...summary.edition };
  if (typeof summary.total === 'number' && Number.isFinite(summary.total)) facts.total = summary.total;
  // Live mode has no day table: `days` stays unknown rather than empty, which would read as "no event".
  const day = summary.counts?.day;
  if (day && typeof day === 'object') facts.days = Object.keys(day).filter((key) => (day[key] ?? 0) > 0);
  return facts;
}
