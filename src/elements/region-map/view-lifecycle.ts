/**
 * The life of the map's Leaflet view: nothing until the element nears the viewport, then the view's
 * chunk (Leaflet) fetched, the view created once the data and the container are there, fed the
 * data and selection the element holds after each update, resized with its box, re-created when
 * the language or the base map changes, and released when the element leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapData } from '../../map/map-data.js';
import type { MapView, MapViewModule, MapViewOptions } from '../../map/view-contract.js';
import { whenVisible } from './when-visible.js';

type Host = ReactiveControllerHost &
  HTMLElement & { readonly hasUpdated: boolean; readonly renderRoot: HTMLElement | DocumentFragment };

/** What the element shows, read after each of its updates. */
export interface MapViewState {
  data: MapData | undefined;
  selection: string | undefined;
  territory: string;
  /** The partner narrowed the map to one department: open on its events rather than on France. */
  department: boolean;
  /** A change of this key (language, base map, outlines) needs a new view. */
  key: string;
  /** The view's options, when one is created. */
  options: (container: HTMLElement) => MapViewOptions;
}

export interface MapViewControllerOptions {
  /** Fetches the view's chunk. */
  load: () => Promise<MapViewModule>;
  state: () => MapViewState;
  tag: string;
}

export class MapViewController implements ReactiveController {
  /** The element came near the viewport: its data and the view's code are wanted. */
  visible = false;
  /** The view's code could not be loaded, or the view could not start. */
  failed = false;
  private module?: MapViewModule;
  private moduleLoading = false;
  private stopWatching?: () => void;
  private current?: MapView;
  private key?: string;
  private data?: MapData;
  private selection?: string;
  private resizeObserver?: ResizeObserver;
  private resizeFrame = 0;

  constructor(
    private readonly host: Host,
    private readonly options: MapViewControllerOptions,
  ) {
    host.addController(this);
  }

  /** The Leaflet view once created; undefined before. */
  get view(): MapView | undefined {
    return this.current;
  }

  get ready(): boolean {
    return this.current !== undefined;
  }

  /** The retry button: the view's code is fetched again if it failed. */
  retry(): void {
    if (!this.failed) return;
    this.failed = false;
    this.host.requestUpdate();
    void this.loadModule();
  }

  private watchVisibility(): void {
    // The first update also comes for a map removed before its first render; hostConnected
    // watches if it comes back.
    if (this.visible || this.stopWatching || !this.host.isConnected) return;
    this.stopWatching = whenVisible(this.host, () => {
      this.stopWatching = undefined;
      this.visible = true;
      this.host.requestUpdate();
      void this.loadModule();
    });
  }

  private async loadModule(): Promise<void> {
    if (this.module || this.moduleLoading) return;
    this.moduleLoading = true;
    this.failed = false;
    try {
      this.module = await this.options.load();
    } catch (error) {
      console.warn(`[semaine-industrie-widgets] <${this.options.tag}> could not load the map:`, error);
      this.failed = true;
    } finally {
      this.moduleLoading = false;
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {
    if (!this.host.hasUpdated) return;
    this.watchVisibility();
    // Back on the page after a move: the view the removal released is drawn again.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.watchVisibility();
    try {
      this.sync();
    } catch (error) {
      // A map that cannot start (a broken browser feature, an exotic layout) must not break the page.
      console.warn(`[semaine-industrie-widgets] <${this.options.tag}> could not draw the map:`, error);
      this.destroy();
      this.failed = true;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.destroy();
  }

  /** Creates, updates or re-creates the view to match the element's state. */
  private sync(): void {
    const container = this.host.renderRoot.querySelector<HTMLElement>('#map');
    if (!this.visible || !this.module || !container || !this.host.isConnected || this.failed) return;
    const state = this.options.state();
    const data = state.data;
    if (!data) return;
    if (this.current && this.key !== state.key) this.destroy();
    if (!this.current) {
      this.create(this.module, container, state, data);
      return;
    }
    if (data !== this.data) {
      this.current.setData(data);
      this.data = data;
    }
    if (state.selection !== this.selection) {
      this.current.setSelection(state.selection, { fit: true });
      this.selection = state.selection;
    }
  }

  private create(module: MapViewModule, container: HTMLElement, state: MapViewState, data: MapData): void {
    const view = module.createMapView(state.options(container));
    this.current = view;
    this.key = state.key;
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(() => {
        // Next frame: a redraw inside the observer's callback can resize things again in the same
        // frame, which browsers report to the page as a "ResizeObserver loop" error.
        cancelAnimationFrame(this.resizeFrame);
        this.resizeFrame = requestAnimationFrame(() => this.current?.invalidateSize());
      });
      this.resizeObserver.observe(container);
    }
    view.setData(data);
    this.data = data;
    // The map opens on the mainland; only a selected region (or another territory) moves it.
    if (state.selection) view.setSelection(state.selection, { fit: true, animate: false });
    this.selection = state.selection;
    // A partner's department is a small part of the map: open on it rather than on France.
    if (!state.selection && state.department && data.points.length > 0) view.frameAll();
    else if (!state.selection && state.territory !== 'metropole') view.showTerritory(state.territory);
    // The overlay ("Chargement…") goes with the view's creation.
    this.host.requestUpdate();
  }

  private destroy(): void {
    cancelAnimationFrame(this.resizeFrame);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    const had = this.current !== undefined;
    this.current?.destroy();
    this.current = undefined;
    this.key = undefined;
    this.data = undefined;
    this.selection = undefined;
    if (had && this.host.isConnected) this.host.requestUpdate();
  }
}
