/**
 * The parts of Leaflet's interface that it writes as HTML strings (`innerHTML`): the zoom
 * buttons, the attribution line and the popup's close button. A page enforcing Trusted Types
 * refuses every string written that way, fixed or not, so these are built with DOM calls, with
 * the markup and classes of Leaflet's own (its CSS and our tests keep working).
 */
import { L } from './leaflet.js';
import type { LatLngBox } from './regions.js';
import type { TileCredit } from './tiles.js';

function hidden(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.setAttribute('aria-hidden', 'true');
  span.textContent = text;
  return span;
}

/** A link acting as a button, as Leaflet makes them: its text hidden from screen readers, which read the label. */
function linkButton(className: string, container: HTMLElement, href: string, label: string, text: string): HTMLAnchorElement {
  const link = L.DomUtil.create('a', className, container) as HTMLAnchorElement;
  link.href = href;
  link.setAttribute('role', 'button');
  link.setAttribute('aria-label', label);
  link.append(hidden(text));
  return link;
}

/** Leaflet's zoom control; only the building of its two buttons differs. */
export class ZoomButtons extends L.Control.Zoom {
  constructor(titles: { zoomIn: string; zoomOut: string }) {
    super({ zoomInText: '+', zoomInTitle: titles.zoomIn, zoomOutText: '−', zoomOutTitle: titles.zoomOut });
  }

  /** Called by Leaflet's onAdd in place of its own, which sets the text with innerHTML. */
  protected _createButton(
    text: string,
    title: string,
    className: string,
    container: HTMLElement,
    fn: (event: Event) => void,
  ): HTMLElement {
    const link = linkButton(className, container, '#', title, text);
    link.title = title;
    L.DomEvent.disableClickPropagation(link);
    L.DomEvent.on(link, 'click', L.DomEvent.stop);
    L.DomEvent.on(link, 'click', fn, this);
    L.DomEvent.on(link, 'click', (this as unknown as { _refocusOnMap(event: Event): void })._refocusOnMap, this);
    return link;
  }
}

/** "Leaflet | credits", as Leaflet's attribution control shows it (use with `attributionControl: false`). */
export class Credits extends L.Control {
  private readonly credits: readonly TileCredit[];

  constructor(credits: readonly TileCredit[]) {
    super({ position: 'bottomright' });
    this.credits = credits;
  }

  override onAdd(): HTMLElement {
    const container = L.DomUtil.create('div', 'leaflet-control-attribution');
    L.DomEvent.disableClickPropagation(container);
    this.credits.forEach(({ text, href }, i) => {
      if (i) container.append(...(i === 1 ? [' ', hidden('|'), ' '] : [', ']));
      if (!href) return container.append(text);
      const link = L.DomUtil.create('a', '', container) as HTMLAnchorElement;
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = text;
    });
    return container;
  }
}

interface PopupInternals {
  _container: HTMLElement;
  _closeButton?: HTMLElement;
  _initLayout(): void;
}

const leafletPopupLayout = (L.Popup.prototype as unknown as PopupInternals)._initLayout;

/** Leaflet's popup, whose close button Leaflet would fill with innerHTML. */
export class DomPopup extends L.Popup {
  protected _initLayout(): void {
    const wanted = this.options.closeButton !== false;
    this.options.closeButton = false;
    leafletPopupLayout.call(this);
    this.options.closeButton = wanted;
    if (!wanted) return;
    const internals = this as unknown as PopupInternals;
    internals._closeButton = linkButton('leaflet-popup-close-button', internals._container, '#close', 'Close popup', '×');
    L.DomEvent.on(internals._closeButton, 'click', (event) => {
      L.DomEvent.preventDefault(event);
      this.close();
    });
  }
}

/** A box of the region tables as Leaflet bounds. */
export function toBounds(box: LatLngBox): L.LatLngBounds {
  return L.latLngBounds([box[0][0], box[0][1]], [box[1][0], box[1][1]]);
}

export function textSpan(className: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

/** Enter or Space on a focused marker: what a click is for a mouse. */
export function isActivation(event: L.LeafletKeyboardEvent): boolean {
  const key = event.originalEvent.key;
  return key === 'Enter' || key === ' ' || key === 'Spacebar';
}

/** The wheel zooms only once the visitor engages the map (focus or pointer), not while they scroll the page past it. */
export function zoomWheelWhenEngaged(map: L.Map, container: HTMLElement, signal: AbortSignal): void {
  const enable = () => map.scrollWheelZoom.enable();
  const disable = () => map.scrollWheelZoom.disable();
  container.addEventListener('focusin', enable, { signal });
  container.addEventListener('pointerdown', enable, { signal });
  container.addEventListener(
    'focusout',
    (event) => {
      if (!container.contains(event.relatedTarget as Node | null)) disable();
    },
    { signal },
  );
  container.addEventListener('mouseleave', disable, { signal });
}
