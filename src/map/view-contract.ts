/**
 * What the light element and the lazily loaded Leaflet view say to each other. Types only: the
 * element imports this file, never map-view.ts, so a page without a visible map never downloads
 * Leaflet.
 */
import type { Map as LeafletMap } from 'leaflet';
import type { MapPoint } from './clusters.js';
import type { MapMode, OverseasLayout } from './base-map-options.js';
import type { MapData } from './map-data.js';
import type { TileChoice } from './tiles.js';
import type { Lang, SdiEvent } from '../model/types.js';
import type { MapViewMessages } from './view-messages.js';

export interface MapViewCallbacks {
  /** A region symbol was chosen on the map. */
  selectRegion(code: string): void;
  /** An event marker was opened: the element finds the event's details and announces the opening. */
  openEvent(point: MapPoint): Promise<SdiEvent | undefined>;
  /** Several events no zoom can separate (one address): details for the popup, no announcement. */
  describeEvents(points: readonly MapPoint[]): Promise<SdiEvent[]>;
  /** The partner's `regions-geojson` could not be drawn. */
  outlinesFailed(): void;
}

export interface MapViewOptions {
  root: ShadowRoot;
  container: HTMLElement;
  lang: Lang;
  messages: MapViewMessages;
  tiles: TileChoice;
  /** Overseas regions as insets beside the mainland (all of France at once; the default), or only behind the switcher's tabs. */
  overseas?: OverseasLayout;
  /** Proportional symbols, or regions (departments of the chosen one) shaded by their number of events; default symbols. */
  mode?: MapMode;
  /** Absolute URL of region outlines to draw, only when the partner gave one. */
  regionsGeojson?: string;
  reducedMotion: boolean;
  callbacks: MapViewCallbacks;
}

export interface MapView {
  /** The Leaflet map, for tests and for apps that extend the view. */
  readonly map: LeafletMap;
  setData(data: MapData): void;
  /**
   * Highlights a region (undefined: none) and, with `fit`, frames it (all of metropolitan France
   * for none); `animate: false` jumps there, as when the map first appears.
   */
  setSelection(region: string | undefined, options: { fit: boolean; animate?: boolean }): void;
  /** Frames every event shown, e.g. those of the one department a partner asked for. */
  frameAll(): void;
  /** Frames the mainland (`metropole`) or an overseas region, by INSEE code. */
  showTerritory(id: string): void;
  invalidateSize(): void;
  destroy(): void;
}

export interface MapViewModule {
  createMapView(options: MapViewOptions): MapView;
}

/** Set by map-view.ts when it is evaluated, so tests can tell whether Leaflet was loaded at all. */
export const MAP_VIEW_LOADED = Symbol.for('semaine-industrie-widgets.map-view-loaded');
