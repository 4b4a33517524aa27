import type { TemplateResult } from 'lit';
import type { Lang } from '../../model/types.js';
import type { TileProblem } from '../../map/tiles.js';
import type { MapViewMessages } from '../../map/view-messages.js';

/** A piece of a sentence: text, or the edition's ordinal as the view sets it (15<sup>e</sup>). */
export type Piece = string | TemplateResult;

/** Where the edition whose events the map counts stands: its week ahead, under way, or over. */
export type CaptionTime = 'ahead' | 'now' | 'over';

export interface MapMessages extends MapViewMessages {
  mapLabel: string;
  mapHelp: string;
  skip: string;
  switcher: string;
  metropole: string;
  listTitle: string;
  /** "Hauts-de-France, 348 événements" */
  regionButton: (name: string, count: string, n: number) => string;
  all: string;
  loading: string;
  empty: string;
  error: string;
  /** No snapshot where the widget looked: the operator's problem, not the visitor's connection. */
  unavailable: string;
  retry: string;
  unplaced: (count: string, n: number) => string;
  selected: (name: string) => string;
  stale: string;
  tiles: Record<TileProblem['reason'], string>;
  height: (value: string) => string;
  regionsGeojson: string;
  regionsGeojsonFailed: string;
  /** "15e édition (16–22 novembre 2026)", "…, en cours", "…, terminée". */
  captionEdition: (ordinal: Piece, dates: string | undefined, time: CaptionTime) => Piece[];
  /** Data named by its events' dates only: "Programme du 2 au 9 mars 2023". */
  captionProgramme: (dates: string, time: CaptionTime) => string;
  /** The label, then the figure the map shows: "… — Corse : 25 événements". */
  caption: (label: Piece[], count: string, n: number, place: string | undefined) => Piece[];
  /** The edition ahead has no event published yet. */
  captionAwaited: (label: Piece[]) => Piece[];
  /** "du 16 au 22 novembre 2026" */
  span: (start: string, end: string) => string;
}

const NBSP = '\u00a0';

export const MAP_MESSAGES: Record<Lang, MapMessages> = {
  fr: {
    mapLabel: "Carte des événements de la Semaine de l'industrie",
    mapHelp: 'Flèches pour déplacer la carte, + et − pour zoomer.',
    skip: 'Passer la carte',
    switcher: 'Territoire affiché',
    metropole: 'France métropolitaine',
    listTitle: 'Événements par région',
    regionButton: (name, count, n) => `${name}, ${count} ${n > 1 ? 'événements' : 'événement'}`,
    symbolLabel: (name, count, n) => `${name}${NBSP}: ${count} ${n > 1 ? 'événements' : 'événement'}`,
    all: 'Toute la France',
    loading: 'Chargement de la carte…',
    empty: 'Aucun événement à afficher sur la carte',
    error: "La carte n'a pas pu être chargée.",
    unavailable: "Le programme n'est pas disponible pour le moment.",
    retry: 'Réessayer',
    unplaced: (count, n) =>
      n > 1
        ? `${count} événements en ligne ou sans lieu précis ne figurent pas sur la carte.`
        : `${count} événement en ligne ou sans lieu précis ne figure pas sur la carte.`,
    selected: (name) => `Région sélectionnée${NBSP}: ${name}`,
    zoomIn: 'Zoomer',
    zoomOut: 'Dézoomer',
    cluster: (count) => `${count} événements ici${NBSP}: zoomer`,
    event: 'Événement',
    popupLoading: 'Chargement…',
    popupUnavailable: "Détails de l'événement indisponibles pour le moment.",
    popupLink: "Voir l'événement sur OpenAgenda",
    popupClose: 'Fermer',
    more: (n) => `et ${n} autre${n > 1 ? 's' : ''}`,
    stale: 'Données de la dernière mise à jour.',
    tiles: {
      'unknown-tiles': `fond de carte inconnu (valeurs possibles${NBSP}: none, ign, osm ou une adresse https://…/{z}/{x}/{y}.png)`,
      'insecure-tiles': `adresse de tuiles refusée${NBSP}: seules les adresses https sont acceptées`,
      'bad-template': `modèle de tuiles invalide${NBSP}: il doit contenir {z}, {x} et {y}`,
      'missing-attribution': 'indiquez le crédit du fournisseur de tuiles dans l’attribut attribution',
    },
    height: (value) => `hauteur invalide « ${value} » (ex. 480 ou 30rem)`,
    regionsGeojson: 'adresse de contours de régions invalide (URL http ou https attendue)',
    regionsGeojsonFailed: 'les contours de régions n’ont pas pu être chargés',
    captionEdition: (ordinal, dates, time) => [
      ordinal,
      time === 'now' ? ' édition, en cours' : ' édition',
      dates ? ` (${dates})` : '',
      time === 'over' ? ', terminée' : '',
    ],
    captionProgramme: (dates, time) => `Programme ${dates}${time === 'over' ? ', terminé' : time === 'now' ? ', en cours' : ''}`,
    caption: (label, count, n, place) => [
      ...label,
      place ? ` — ${place}` : '',
      `${NBSP}: ${count} ${n > 1 ? 'événements' : 'événement'}`,
    ],
    captionAwaited: (label) => [...label, `${NBSP}: programme à venir`],
    span: (start, end) => (start === end ? `le ${start}` : `du ${start} au ${end}`),
  },
  en: {
    mapLabel: 'Map of the French Industry Week events',
    mapHelp: 'Arrow keys move the map, + and − zoom.',
    skip: 'Skip the map',
    switcher: 'Territory shown',
    metropole: 'Metropolitan France',
    listTitle: 'Events by region',
    regionButton: (name, count, n) => `${name}, ${count} ${n === 1 ? 'event' : 'events'}`,
    symbolLabel: (name, count, n) => `${name}: ${count} ${n === 1 ? 'event' : 'events'}`,
    all: 'All of France',
    loading: 'Loading the map…',
    empty: 'No event to show on the map',
    error: 'The map could not be loaded.',
    unavailable: 'The programme is not available for now.',
    retry: 'Try again',
    unplaced: (count, n) =>
      n === 1
        ? `${count} event online or without a precise place is not on the map.`
        : `${count} events online or without a precise place are not on the map.`,
    selected: (name) => `Selected region: ${name}`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    cluster: (count) => `${count} events here: zoom in`,
    event: 'Event',
    popupLoading: 'Loading…',
    popupUnavailable: 'Event details are unavailable for now.',
    popupLink: 'See the event on OpenAgenda',
    popupClose: 'Close',
    more: (n) => `and ${n} more`,
    stale: 'Data from the last update.',
    tiles: {
      'unknown-tiles': 'unknown base map (possible values: none, ign, osm or an https://…/{z}/{x}/{y}.png address)',
      'insecure-tiles': 'tile address refused: only https addresses are accepted',
      'bad-template': 'invalid tile template: it must contain {z}, {x} and {y}',
      'missing-attribution': 'give the tile provider’s credit in the attribution attribute',
    },
    height: (value) => `invalid height "${value}" (e.g. 480 or 30rem)`,
    regionsGeojson: 'invalid region outlines address (an http or https URL is expected)',
    regionsGeojsonFailed: 'the region outlines could not be loaded',
    captionEdition: (ordinal, dates, time) => [
      ordinal,
      time === 'now' ? ' edition, under way' : ' edition',
      dates ? ` (${dates})` : '',
      time === 'over' ? ', now over' : '',
    ],
    captionProgramme: (dates, time) =>
      `Programme ${dates}${time === 'over' ? ', now over' : time === 'now' ? ', under way' : ''}`,
    caption: (label, count, n, place) => [...label, place ? ` — ${place}` : '', `: ${count} ${n === 1 ? 'event' : 'events'}`],
    captionAwaited: (label) => [...label, ': programme coming soon'],
    span: (start, end) => (start === end ? `on ${start}` : `from ${start} to ${end}`),
  },
};
