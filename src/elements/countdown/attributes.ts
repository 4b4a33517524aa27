/**
 * The countdown's attributes checked: the valid ones kept, the others reported (once each, in the
 * widget's language). An invalid value falls back to the built-in facts rather than breaking the
 * partner's page.
 */
import type { EditionOverrides } from '../../editions/editions.js';
import { partnerLink } from '../../security/link-policy.js';
import { formatIsoDate, parseIsoDate, parseWallTime } from '../../time/iso-date.js';
import type { AttributeProblems } from '../shared/attribute-problems.js';
import type { CountdownMessages } from './messages.js';

/** Beyond this an "edition number" is a typo, and a year far in the future is no use to anyone. */
const MAX_EDITION = 999;

export interface CountdownAttributes {
  edition?: number | null | undefined;
  start?: string | null | undefined;
  end?: string | null | undefined;
  startTime?: string | null | undefined;
  href?: string | null | undefined;
  getAttribute(name: string): string | null;
}

export interface ValidAttributes {
  overrides: Partial<EditionOverrides>;
  startTime?: string;
  href?: string;
}

/** Attribute text, or undefined when absent or blank (templating tools often emit `start=""`). */
export function present(value: unknown): string | undefined {
  // Properties can be set from script with any type; coercing keeps "never throw" true.
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed ? trimmed : undefined;
}

/** The date as YYYY-MM-DD when the attribute is valid, undefined when absent or reported. */
function checkDate(
  attribute: 'start' | 'end',
  value: unknown,
  problems: AttributeProblems,
  message: (value: string) => string,
): string | undefined {
  const raw = present(value);
  const date = parseIsoDate(raw);
  if (raw === undefined || date) {
    problems.clear(attribute);
    return date ? formatIsoDate(date) : undefined;
  }
  problems.report({ attribute, value: raw, message: message(raw) });
  return undefined;
}

export function validateAttributes(el: CountdownAttributes, problems: AttributeProblems, m: CountdownMessages): ValidAttributes {
  const valid: ValidAttributes = { overrides: {} };

  const edition = el.edition;
  const rawEdition = el.getAttribute('edition');
  if (edition === undefined || edition === null || (rawEdition !== null && !present(rawEdition))) {
    problems.clear('edition');
  } else if (Number.isInteger(edition) && edition >= 1 && edition <= MAX_EDITION) {
    problems.clear('edition');
    valid.overrides.edition = edition;
  } else {
    const value = rawEdition ?? String(edition);
    problems.report({ attribute: 'edition', value, message: m.problems.edition(value) });
  }

  const start = checkDate('start', el.start, problems, m.problems.start);
  const end = checkDate('end', el.end, problems, m.problems.end);
  if (start && end && start > end) {
    problems.report({ attribute: 'end', value: end, message: m.problems.endBeforeStart(start, end) });
  } else {
    if (start) valid.overrides.start = start;
    if (end) valid.overrides.end = end;
  }

  const startTime = present(el.startTime);
  if (!startTime) {
    problems.clear('start-time');
  } else if (parseWallTime(startTime)) {
    problems.clear('start-time');
    valid.startTime = startTime;
  } else {
    problems.report({ attribute: 'start-time', value: startTime, message: m.problems.startTime(startTime) });
  }

  const href = present(el.href);
  // The library's one link policy: http(s) only, relative paths resolved against the page.
  const link = href ? partnerLink(href, document.baseURI) : undefined;
  if (!href) {
    problems.clear('href');
  } else if (link) {
    problems.clear('href');
    valid.href = link;
  } else {
    problems.report({ attribute: 'href', value: href, message: m.problems.href(href) });
  }
  return valid;
}
