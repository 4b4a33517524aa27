/**
 * The page's one programme: what the first data widget of a page read of its source (the
 * snapshot's edition record, the days its events run, their number), published page-wide so every
 * widget derives the same edition phase from it, including the countdown, which reads no data.
 *
 * How widgets use it (stable API, issue #13):
 * - a data widget (banner, list, map) that has read its source's summary calls
 *   `pageEditionPhase({ now, programme: programmeFactsOf(summary), source: sourceKey(source) })`:
 *   the facts are published (the first source of the page wins; the same source may refresh them)
 *   and the phase of its own data is returned;
 * - the countdown calls `pageEditionPhase({ now })`: the phase of the page's programme when one is
 *   published, else of the calendar; it re-renders on `onPageProgramme`.
 * The `overrides` input takes the widget's validated attributes (`edition`, `start`, `end`, `theme`).
 *
 * The registry lives on `globalThis` under a registered symbol, not in this module's scope: a page
 * may load the countdown's bundle and the list's from two script tags, and they must still agree.
 * Kept tiny on purpose: it ships in the countdown's bundle.
 */
import { editionPhase, type EditionPhase, type PhaseInputs, type ProgrammeFacts } from './phase.js';

interface Registry {
  source?: string;
  facts?: ProgrammeFacts;
  listeners: Set<() => void>;
}

const KEY = Symbol.for('semaine-industrie-widgets.page-programme');

function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  return (holder[KEY] ??= { listeners: new Set() });
}

/** The programme published on this page, if a data widget has read one. */
export function pageProgramme(): ProgrammeFacts | undefined {
  return registry().facts;
}

/**
 * Publishes what a data widget read of `source` (a source key). The first source of the page is
 * the page's: a second widget reading another source keeps its own phase but does not re-label
 * the countdown. Listeners hear only real changes, so two widgets of one source cost one render.
 */
export function publishProgramme(source: string, facts: ProgrammeFacts): void {
  const page = registry();
  if (page.source !== undefined && page.source !== source) return;
  if (page.facts && sameFacts(page.facts, facts)) return;
  page.source = source;
  page.facts = facts;
  for (const listener of [...page.listeners]) listener();
}

/** Calls `listener` when the page's programme changes; returns the unsubscribe. */
export function onPageProgramme(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface PagePhaseInputs extends Omit<PhaseInputs, 'programme'> {
  /** What this widget read of its source; absent for a widget that reads none (the countdown). */
  programme?: ProgrammeFacts;
  /** The key of the source `programme` was read from (`sourceKey`): needed to publish it. */
  source?: string;
}

/** The edition phase a widget renders: of its own data when it reads some, else the page's. */
export function pageEditionPhase(inputs: PagePhaseInputs): EditionPhase {
  const { programme, source, ...rest } = inputs;
  if (programme && source !== undefined) publishProgramme(source, programme);
  const facts = programme ?? pageProgramme();
  return editionPhase(facts ? { ...rest, programme: facts } : rest);
}

function sameFacts(a: ProgrammeFacts, b: ProgrammeFacts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Forget the page's programme (tests that build several pages in one document). */
export function resetPageProgramme(): void {
  const page = registry();
  delete page.source;
  delete page.facts;
}
