/**
 * The active filters in words, for the empty state: « Aucun événement ne correspond à vos filtres
 * (région Bretagne, format Atelier) » tells the visitor which one to loosen.
 */
import { cleanFilters } from '../../filters/apply.js';
import type { FilterState } from '../../filters/filter-state.js';
import { departmentOf, regionOf } from '../../geo/admin.js';
import { formatDate, formatDateRange } from '../../i18n/format.js';
import { intlLocale } from '../../i18n/locale.js';
import { pickText } from '../../model/text.js';
import type { Choice, FeedSchema, Lang } from '../../model/types.js';
import type { ListMessages } from './messages.js';

function labels(ids: readonly number[], choices: readonly Choice[] | undefined, lang: Lang): string {
  const names = ids.map((id) => {
    const choice = choices?.find((c) => c.id === id);
    return choice ? pickText(choice.label, lang) : String(id);
  });
  return listFormat(names, lang, 'disjunction');
}

function listFormat(items: string[], lang: Lang, type: 'conjunction' | 'disjunction'): string {
  try {
    return new Intl.ListFormat(intlLocale(lang), { type }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function describeFilters(state: FilterState, schema: FeedSchema | undefined, lang: Lang, m: ListMessages): string[] {
  const clean = cleanFilters(state);
  const out: string[] = [];
  if (clean.region) out.push(m.criteria.region(regionOf(clean.region)?.name ?? clean.region));
  if (clean.department) out.push(m.criteria.department(departmentOf(clean.department)?.name ?? clean.department));
  if (clean.city) out.push(m.criteria.city(clean.city));
  if (clean.types) out.push(m.criteria.types(labels(clean.types, schema?.types, lang)));
  if (clean.audiences) out.push(m.criteria.audiences(labels(clean.audiences, schema?.audiences, lang)));
  if (clean.from && clean.to) out.push(m.criteria.dates(formatDateRange(clean.from, clean.to, lang)));
  else if (clean.from) out.push(m.criteria.dates(`${m.from.toLowerCase()} ${formatDate(clean.from, lang)}`));
  else if (clean.to) out.push(m.criteria.dates(`${m.to.toLowerCase()} ${formatDate(clean.to, lang)}`));
  if (clean.attendance) out.push(m.criteria.attendance(clean.attendance === 'online' ? m.online : m.onsite));
  if (clean.accessibility) {
    out.push(
      m.criteria.accessibility(
        listFormat(
          clean.accessibility.map((k) => m.access[k].toLowerCase()),
          lang,
          'conjunction',
        ),
      ),
    );
  }
  if (clean.q) out.push(m.criteria.q(clean.q));
  return out;
}
