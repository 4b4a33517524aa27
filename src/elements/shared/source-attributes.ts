/**
 * The attributes every data-driven widget accepts to say where its data comes from, and the
 * glue that turns them into a source (reporting a bad value in the widget and the console).
 */
import { resolveSource, type SourceConfig } from '../../feed/source.js';
import type { Lang } from '../../model/types.js';
import type { AttributeProblems } from './attribute-problems.js';

export interface SourceHost {
  src?: string;
  agenda?: string;
  apiKey?: string;
  api?: string;
}

const MESSAGES: Record<Lang, Record<'src' | 'agenda' | 'api', string>> = {
  fr: {
    src: 'adresse de snapshot invalide (URL http ou https attendue)',
    agenda: "identifiant d'agenda invalide (nombre attendu)",
    api: "adresse d'API invalide (URL http ou https attendue)",
  },
  en: {
    src: 'invalid snapshot address (an http or https URL is expected)',
    agenda: 'invalid agenda id (a number is expected)',
    api: 'invalid API address (an http or https URL is expected)',
  },
};

export function sourceOf(host: SourceHost, problems: AttributeProblems, lang: Lang): SourceConfig {
  const { source, problem } = resolveSource({
    src: host.src ?? null,
    agenda: host.agenda ?? null,
    apiKey: host.apiKey ?? null,
    api: host.api ?? null,
  });
  for (const attribute of ['src', 'agenda', 'api'] as const) problems.clear(attribute);
  if (problem) {
    problems.report({ attribute: problem.attribute, value: problem.value, message: MESSAGES[lang][problem.attribute] });
  }
  return source;
}
