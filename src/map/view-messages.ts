/**
 * What the base map itself writes (the choropleth legend), in the map's language. Kept with the
 * lazily loaded view: pages without a visible map never download these strings.
 */
import type { Lang } from '../model/types.js';

export interface BaseMapMessages {
  /** Legend title: what the shades count, by region or by department. */
  legendTitle: (level: 'region' | 'department') => string;
  /** "1 à 12" */
  range: (from: string, to: string) => string;
  none: string;
}

export const BASE_MAP_MESSAGES: Record<Lang, BaseMapMessages> = {
  fr: {
    legendTitle: (level) => (level === 'region' ? 'Événements par région' : 'Événements placés par département'),
    range: (from, to) => (from === to ? from : `${from} à ${to}`),
    none: 'Aucun',
  },
  en: {
    legendTitle: (level) => (level === 'region' ? 'Events per region' : 'Placed events per department'),
    range: (from, to) => (from === to ? from : `${from} to ${to}`),
    none: 'None',
  },
};
