/**
 * The Leaflet side of `<sdi-region-map>`, loaded with a dynamic import once the element scrolls
 * into view, so it (with Leaflet, supercluster and the coastline) is a separate chunk that pages
 * without a visible map never download. Everything feed-related arrives as plain data; the view
 * writes no feed text into HTML strings.
 */
import { L } from './leaflet.js';
import { Credits, DomPopup, isActivation, textSpan, toBounds, ZoomButtons, zoomWheelWhenEngaged } from './leaflet-dom.js';
import { COASTLINE_CREDIT, LEAFLET_CREDIT } from './tiles.js';
import { neighbourLand } from './coastline.js';
import { PointClusters, type ClusterItem, type MapPoint } from './clusters.js';
import { whenIdle } from '../time/when-idle.js';
import { pointsBounds, type MapData } from './map-data.js';
import { METROPOLE_BOUNDS, REGION_PLACES, TERRITORIES, type LatLngBox } from './regions.js';
import { AdminLayers, type MapMode, type OverseasLayout } from './admin-layers.js';
import { NATIONAL_WITH_INSETS } from './insets.js';
import { MapLabels } from './map-labels.js';
import { namesToPlace, regionSymbols } from './region-symbols.js';
import { clusterDiameter } from './symbols.js';
import { formatCount } from '../i18n/format.js';
import { adoptStyles } from './map-view-styles.js';
import { fillEvents, fillLoading, popupRoot } from './popup.js';
import { MAP_VIEW_LOADED, type MapView, type MapViewOptions } from './view-contract.js';
import { fetchOutlines } from './outline-fetch.js';

(globalThis as unknown as Record<symbol, boolean>)[MAP_VIEW_LOADED] = true;

/** From this zoom on, counts per region give way to clustered events. */
export const CLUSTER_ZOOM = 7;
/** Without tiles the coastline is all there is to see; closer than this it is only coarse lines. */
const VECTOR_MAX_ZOOM = 16;
/** Events sharing one address are listed in one popup, this many at most. */
const GROUP_POPUP_LIMIT = 8;

class LeafletMapView implements MapView {
  readonly map: L.Map;
  private readonly o: MapViewOptions;
  private readonly listeners = new AbortController();
  private readonly symbols = L.layerGroup();
  private readonly clusterLayer = L.layerGroup();
  private clusterMarkers = new Map<string, L.Marker>();
  private clusters?: PointClusters;
  private data?: MapData;
  private selection?: string;
  private returnFocus?: HTMLElement;
  private destroyed = false;
  private pendingFrame = 0;
  private readonly originalClass: string;
  private readonly animate: boolean;
  private readonly admin: AdminLayers;
  private readonly labels: MapLabels;
  /** The national view: the mainland, with the column of overseas insets when they are drawn. */
  private readonly national: LatLngBox;
  private symbolMarkers = new Map<string, L.Marker>();
  private readonly overseas: OverseasLayout;
  private readonly mode: MapMode;

  constructor(options: MapViewOptions) {
    this.o = options;
    this.animate = !options.reducedMotion;
    this.originalClass = options.container.className;
    this.overseas = options.overseas ?? 'insets';
    this.mode = options.mode ?? 'symbols';
    const maxZoom = options.tiles.kind === 'tiles' ? options.tiles.maxZoom : VECTOR_MAX_ZOOM;
    this.map = L.map(options.container, {
      zoomControl: false,
      keyboard: true,
      // The page scrolls past the map until the visitor shows interest in it (focus or click).
      scrollWheelZoom: false,
      // A ResizeObserver on the container does this job, and also catches layout changes.
      trackResize: false,
      // Leaflet's own writes HTML strings, which Trusted Types refuse: see Credits.
      attributionControl: false,
      zoomSnap: 0.5,
      // Without tiles there is nothing to see beyond the coastline's boxes; overseas regions are one
      // click away in the switcher rather than a zoom out to the whole world.
      minZoom: options.tiles.kind === 'tiles' ? 2 : 4,
      maxZoom,
      zoomAnimation: this.animate,
      fadeAnimation: this.animate,
      markerZoomAnimation: this.animate,
      inertia: this.animate,
    });
    const m = options.messages;
    const zoom = new ZoomButtons({ zoomIn: m.zoomIn, zoomOut: m.zoomOut });
    // Leaflet moves focus to the map after a mouse click on a zoom button, and tells a keyboard
    // click by its zero screen coordinates, which WebKit fills in: Enter on «Zoomer» then threw the
    // keyboard onto the map. A keyboard click has detail 0 in every engine.
    const control = zoom as unknown as { _refocusOnMap: (event?: MouseEvent) => void };
    const refocusOnMap = control._refocusOnMap;
    control._refocusOnMap = (event) => {
      if (event && event.detail > 0) refocusOnMap.call(zoom, event);
    };
    zoom.addTo(this.map);
    this.addBase();
    this.national = this.overseas === 'insets' ? NATIONAL_WITH_INSETS : METROPOLE_BOUNDS;
    this.labels = new MapLabels(this.map);
    new Credits([LEAFLET_CREDIT, options.tiles.kind === 'tiles' ? options.tiles.credit : COASTLINE_CREDIT]).addTo(this.map);
    this.symbols.addTo(this.map);
    this.clusterLayer.addTo(this.map);
    this.map.fitBounds(toBounds(this.national), { animate: false });
    // After the first view: Leaflet draws layers only once the map has one.
    this.admin = new AdminLayers(this.map, {
      lang: options.lang,
      overseas: this.overseas,
      mode: this.mode,
      filled: options.tiles.kind !== 'tiles',
      select: (code) => this.o.callbacks.selectRegion(code),
    });
    this.map.on('moveend', this.refresh, this);
    this.map.on('popupopen', this.onPopupOpen, this);
    this.map.on('popupclose', this.onPopupClose, this);
    zoomWheelWhenEngaged(this.map, this.o.container, this.listeners.signal);
    this.drawOutlines();
  }

  private addBase(): void {
    const tiles = this.o.tiles;
    if (tiles.kind === 'tiles') {
      L.tileLayer(tiles.url, { maxZoom: tiles.maxZoom }).addTo(this.map);
      return;
    }
    // France's land is the regions' outlines (AdminLayers), drawn over the neighbours.
    L.polygon(neighbourLand(), { interactive: false, className: 'sdi-neighbour' }).addTo(this.map);
  }

  /** The partner's own region outlines, fetched only when `regions-geojson` is set. */
  private drawOutlines(): void {
    const url = this.o.regionsGeojson;
    if (!url) return;
    const signal = this.listeners.signal;
    fetchOutlines(url, signal)
      .then((geojson) => {
        if (this.destroyed) return;
        // Outlines only: no popup, no tooltip, so nothing of the file is ever written as HTML.
        L.geoJSON(geojson as Parameters<typeof L.geoJSON>[0], {
          interactive: false,
          style: () => ({ className: 'sdi-outline', fill: false }),
        }).addTo(this.map);
      })
      .catch(() => {
        if (!this.destroyed && !signal.aborted) this.o.callbacks.outlinesFailed();
      });
  }

  setData(data: MapData): void {
    this.data = data;
    // Clustering up to the last zoom keeps events sharing one address together; that cluster then
    // opens as a list instead of zooming.
    const clusters = new PointClusters(data.points, { maxZoom: this.map.getMaxZoom(), radius: 60 });
    this.clusters = clusters;
    this.clearClusterMarkers();
    this.admin.update(data.counts, data.points, this.selection);
    this.renderSymbols();
    this.refresh();
    this.cancelIdle?.();
    this.cancelIdle = whenIdle(() => clusters.prepare());
  }

  private cancelIdle?: () => void;

  setSelection(region: string | undefined, options: { fit: boolean; animate?: boolean }): void {
    const changed = region !== this.selection;
    this.selection = region;
    if (changed) {
      this.admin.update(this.data?.counts ?? {}, this.data?.points ?? [], region);
      this.renderSymbols();
      this.clearClusterMarkers();
      this.refresh();
    }
    if (options.fit) this.fitRegion(region, options.animate ?? this.animate);
  }

  frameAll(): void {
    const box = pointsBounds(this.data?.points ?? []);
    if (box) this.frame(box, { animate: false, padding: [24, 24], maxZoom: 12 });
  }

  showTerritory(id: string): void {
    const territory = TERRITORIES.find((t) => t.id === id);
    const box = id === 'metropole' ? this.national : territory?.bounds;
    if (box) this.frame(box, { animate: this.animate, padding: [8, 8] });
  }

  /**
   * Leaflet drops a new view asked for while a zoom animation runs; ending that animation first
   * (as its own transitionend handler would) lets the visitor's latest choice win.
   */
  private settleAnimation(): void {
    this.map.stop();
    const internal = this.map as unknown as { _animatingZoom?: boolean; _onZoomTransitionEnd?: () => void };
    if (internal._animatingZoom) internal._onZoomTransitionEnd?.();
  }

  invalidateSize(): void {
    if (!this.destroyed) this.map.invalidateSize({ pan: false });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.cancelIdle?.();
    cancelAnimationFrame(this.pendingFrame);
    this.listeners.abort();
    // Leaflet ends a zoom animation from a 250 ms timer that map.remove() does not cancel; the
    // timer then moves panes that no longer exist and throws into the page. With the flag down,
    // that late call returns at once.
    (this.map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
    this.map.stop();
    this.map.remove();
    // Leaflet leaves its classes and tabindex; a later map on this container starts clean.
    this.o.container.className = this.originalClass;
    this.o.container.removeAttribute('tabindex');
  }

  private fitRegion(region: string | undefined, animate: boolean): void {
    const box = region ? (pointsBounds(this.data?.points ?? [], region) ?? REGION_PLACES.get(region)?.bounds) : this.national;
    if (box) this.frame(box, { animate: animate && this.animate, padding: [24, 24], maxZoom: 12 });
  }

  /**
   * Frames a box; the latest request wins. Leaflet starts an animated zoom on the next animation
   * frame and drops views asked for while one runs, so a quick second choice (a region chosen in
   * the list just after another) would lose to the first: animated frames are asked for one
   * animation frame later, after Leaflet's own, and end whatever animation is then running.
   */
  private frame(box: LatLngBox, options: L.FitBoundsOptions): void {
    cancelAnimationFrame(this.pendingFrame);
    const fit = () => {
      if (this.destroyed) return;
      this.settleAnimation();
      this.map.fitBounds(toBounds(box), options);
    };
    if (options.animate) this.pendingFrame = requestAnimationFrame(fit);
    else fit();
  }

  private refresh(): void {
    if (this.destroyed) return;
    const clustered = this.map.getZoom() >= CLUSTER_ZOOM;
    if (clustered) {
      if (this.map.hasLayer(this.symbols)) this.symbols.remove();
      this.renderClusters();
    } else {
      if (!this.map.hasLayer(this.symbols)) this.symbols.addTo(this.map);
      this.clearClusterMarkers();
    }
    this.tabOnlyInView();
    this.placeNames();
  }

  /**
   * Markers outside the view leave the Tab order: from the mainland view, Tab would otherwise
   * stop on the overseas symbols (and on clusters drawn just beyond the edges), focused but unseen.
   */
  private tabOnlyInView(): void {
    const view = this.map.getBounds();
    for (const group of [this.symbols, this.clusterLayer]) {
      for (const layer of group.getLayers()) {
        if (!(layer instanceof L.Marker)) continue;
        const element = layer.getElement();
        if (element) element.tabIndex = view.contains(layer.getLatLng()) ? 0 : -1;
      }
    }
  }

  private placeNames(): void {
    const departments = this.selection ? this.admin.shownDepartments() : undefined;
    const national = !this.selection && this.map.getZoom() < CLUSTER_ZOOM;
    this.labels.update(namesToPlace(departments, national, this.data?.counts ?? {}, this.symbolMarkers, this.overseas));
  }

  /** The focused element if it is inside this map, so redraws can give focus back. */
  private focused(): HTMLElement | undefined {
    const active = this.o.root.activeElement;
    return active instanceof HTMLElement && this.o.container.contains(active) ? active : undefined;
  }

  private renderSymbols(): void {
    const focusedRegion = this.focused()?.dataset.region;
    this.symbols.clearLayers();
    this.symbolMarkers = regionSymbols({
      counts: this.data?.counts ?? {},
      selection: this.selection,
      lang: this.o.lang,
      symbolLabel: (name, count, n) => this.o.messages.symbolLabel(name, count, n),
      mode: this.mode,
      overseas: this.overseas,
      focusedRegion,
      choose: (code) => this.o.callbacks.selectRegion(code),
    });
    for (const marker of this.symbolMarkers.values()) this.symbols.addLayer(marker);
  }

  private clearClusterMarkers(): void {
    this.clusterLayer.clearLayers();
    this.clusterMarkers = new Map();
  }

  private renderClusters(): void {
    if (!this.clusters) return;
    const focused = this.focused();
    const zoom = this.map.getZoom();
    const b = this.map.getBounds().pad(0.25);
    const items = this.clusters.at([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    const next = new Map<string, L.Marker>();
    for (const item of items) {
      const key = item.kind === 'cluster' ? `c${item.id}` : `p${item.point.uid}`;
      const marker = this.clusterMarkers.get(key) ?? this.createMarker(item);
      next.set(key, marker);
      if (!this.clusterLayer.hasLayer(marker)) this.clusterLayer.addLayer(marker);
    }
    for (const [key, marker] of this.clusterMarkers) if (!next.has(key)) this.clusterLayer.removeLayer(marker);
    this.clusterMarkers = next;
    // A keyboard user who opened a cluster must not be thrown back to the top of the page.
    if (focused && !focused.isConnected) this.o.container.focus({ preventScroll: true });
  }

  private createMarker(item: ClusterItem): L.Marker {
    const m = this.o.messages;
    if (item.kind === 'cluster') {
      const text = formatCount(item.count, this.o.lang);
      const size = clusterDiameter(item.count);
      const label = m.cluster(text);
      const marker = L.marker([item.lat, item.lng], {
        icon: L.divIcon({ html: textSpan('sdi-cluster', text), className: 'sdi-cluster-icon', iconSize: [size, size] }),
        keyboard: true,
        title: label,
        riseOnHover: true,
      });
      this.labelOnAdd(marker, label);
      const open = () => this.expandCluster(item, marker);
      marker.on('click', open);
      marker.on('keydown', (event) => {
        const e = event as L.LeafletKeyboardEvent;
        if (isActivation(e)) {
          e.originalEvent.preventDefault();
          this.returnFocus = marker.getElement();
          open();
        }
      });
      return marker;
    }
    const point = item.point;
    const inSelection = this.selection !== undefined && point.region === this.selection;
    const marker = L.marker([item.lat, item.lng], {
      icon: L.divIcon({
        html: textSpan('sdi-marker', ''),
        className: `sdi-marker-icon${inSelection ? ' is-in-selection' : ''}`,
        iconSize: [22, 22],
        iconAnchor: [11, 27],
        popupAnchor: [0, -24],
      }),
      keyboard: true,
      riseOnHover: true,
    });
    this.labelOnAdd(marker, m.event);
    marker.on('click', () => this.openEvent(point, false));
    marker.on('keydown', (event) => {
      const e = event as L.LeafletKeyboardEvent;
      if (isActivation(e)) {
        e.originalEvent.preventDefault();
        this.returnFocus = marker.getElement();
        this.openEvent(point, true);
      }
    });
    return marker;
  }

  private labelOnAdd(marker: L.Marker, label: string): void {
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
  }

  private expandCluster(item: Extract<ClusterItem, { kind: 'cluster' }>, marker: L.Marker): void {
    if (!this.clusters) return;
    const target = this.clusters.expansionZoom(item.id);
    if (target <= this.map.getMaxZoom() && target > this.map.getZoom()) {
      this.returnFocus = undefined;
      this.map.setView([item.lat, item.lng], target, { animate: this.animate });
      return;
    }
    // Events no zoom can separate (one address): list them.
    const leaves = this.clusters.leaves(item.id, GROUP_POPUP_LIMIT);
    const root = popupRoot();
    fillLoading(root, this.o.messages);
    const popup = this.openPopup(root, marker.getLatLng());
    const keyboard = this.returnFocus !== undefined;
    this.o.callbacks.describeEvents(leaves).then(
      (events) => this.fill(popup, root, events, item.count - events.length, keyboard),
      () => this.fill(popup, root, [], 0, keyboard),
    );
  }

  private openEvent(point: MapPoint, keyboard: boolean): void {
    if (!keyboard) this.returnFocus = undefined;
    const root = popupRoot();
    fillLoading(root, this.o.messages);
    const popup = this.openPopup(root, L.latLng(point.lat, point.lng));
    this.o.callbacks.openEvent(point).then(
      (event) => this.fill(popup, root, event ? [event] : [], 0, keyboard),
      () => this.fill(popup, root, [], 0, keyboard),
    );
  }

  private openPopup(root: HTMLElement, at: L.LatLng): L.Popup {
    const popup = new DomPopup({ maxWidth: 300, minWidth: 180, autoPanPadding: [16, 16], className: 'sdi-popup-frame' })
      .setLatLng(at)
      .setContent(root)
      .openOn(this.map);
    // On the whole popup, not only its content: the close button, where Tab goes last, is outside it.
    popup.getElement()?.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.map.closePopup();
    });
    return popup;
  }

  private fill(
    popup: L.Popup,
    root: HTMLElement,
    events: Parameters<typeof fillEvents>[1],
    more: number,
    keyboard: boolean,
  ): void {
    if (this.destroyed || !popup.isOpen()) return;
    fillEvents(root, events, this.o.lang, this.o.messages, Math.max(0, more));
    popup.update();
    if (keyboard) root.focus({ preventScroll: true });
  }

  /** Leaflet's close button is labelled in English; the map speaks the page's language. */
  private onPopupOpen(event: L.PopupEvent): void {
    const close = event.popup.getElement()?.querySelector('.leaflet-popup-close-button');
    if (close) {
      close.setAttribute('aria-label', this.o.messages.popupClose);
      close.setAttribute('title', this.o.messages.popupClose);
    }
  }

  private onPopupClose(): void {
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }
}

export function createMapView(options: MapViewOptions): MapView {
  adoptStyles(options.root);
  return new LeafletMapView(options);
}
