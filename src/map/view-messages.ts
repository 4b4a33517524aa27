/**
 * What the Leaflet view writes, in the map's language: the sentences the element hands it
 * (MapViewMessages, a type only) and the base map's own (the choropleth legend), kept with the
 * lazily loaded view so that pages without a visible map never download them.
 */
import type { Lang } from '../model/types.js';

/**
 * The sentences the Leaflet view writes itself (symbols, clusters, popups, zoom buttons), in the
 * map's language. Declared below the element and free of Leaflet's types: the element's messages
 * extend it, and the package's public types must not reach Leaflet's.
 */
export interface MapViewMessages {
  /** Text on a symbol is the bare number; its accessible name says what it counts. */
  symbolLabel: (name: string, count: string, n: number) => string;
  zoomIn: string;
  zoomOut: string;
  cluster: (count: string) => string;
  event: string;
  popupLoading: string;
  popupUnavailable: string;
  popupLink: string;
  popupClose: string;
  more: (n: number) => string;
}

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
