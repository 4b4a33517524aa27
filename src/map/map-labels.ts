/**
 * Names on the map: region names beside their symbols on the national view, department names
 * inside the chosen region. Placed from the real boxes of the symbols and markers drawn (so a name
 * never hides one), measured with the text's own font, and drawn in a pane of their own under the
 * markers. Names are hidden from screen readers: the symbols' accessible names and the region list
 * already say them.
 */
import { L } from './leaflet.js';
import { placeLabels, type Box, type LabelRequest } from './label-placement.js';

export interface NameToPlace {
  key: string;
  text: string;
  /** [lat, lng] of the anchor. */
  at: readonly [number, number];
  /** The symbol the name belongs to (its box is the anchor); none: the name is centred on `at`. */
  symbol?: HTMLElement;
}

const PANE = 'sdiLabels';
/** Line box of a name: 11 px text, a little room for its halo. */
const HEIGHT = 15;

let canvas: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, font: string): number {
  canvas ??= document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 7;
  canvas.font = font;
  // Rounded up, plus the halo: a name measured narrower than drawn could touch a symbol.
  return Math.ceil(canvas.measureText(text).width) + 6;
}

function boxOf(element: Element, origin: DOMRect): Box {
  const r = element.getBoundingClientRect();
  return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
}

export class MapLabels {
  private readonly layer = L.layerGroup();

  constructor(private readonly map: L.Map) {
    map.createPane(PANE);
    this.layer.addTo(map);
  }

  /** Places `names` (most important first) away from every marker now on the map. */
  update(names: readonly NameToPlace[]): void {
    this.layer.clearLayers();
    if (names.length === 0) return;
    const container = this.map.getContainer();
    const origin = container.getBoundingClientRect();
    const obstacles = [...container.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')].map((e) => boxOf(e, origin));
    const font = `600 11px ${getComputedStyle(container).fontFamily || 'sans-serif'}`;
    const requests: LabelRequest[] = names.map((name) => {
      let anchor: Box;
      if (name.symbol?.isConnected) {
        anchor = boxOf(name.symbol, origin);
      } else {
        const p = this.map.latLngToContainerPoint([name.at[0], name.at[1]]);
        anchor = { left: p.x, top: p.y, right: p.x, bottom: p.y };
      }
      return { key: name.key, width: textWidth(name.text, font), height: HEIGHT, anchor };
    });
    const size = this.map.getSize();
    const placed = placeLabels(requests, obstacles, { left: 0, top: 0, right: size.x, bottom: size.y });
    const byKey = new Map(names.map((n) => [n.key, n]));
    for (const { key, box } of placed) {
      const name = byKey.get(key);
      if (!name) continue;
      const span = document.createElement('span');
      span.className = 'sdi-label';
      span.textContent = name.text;
      const centre = this.map.containerPointToLatLng([(box.left + box.right) / 2, (box.top + box.bottom) / 2]);
      const marker = L.marker(centre, {
        icon: L.divIcon({ html: span, className: 'sdi-label-icon', iconSize: [box.right - box.left, box.bottom - box.top] }),
        interactive: false,
        keyboard: false,
        pane: PANE,
      });
      marker.on('add', () => {
        const element = marker.getElement();
        element?.setAttribute('aria-hidden', 'true');
        element?.setAttribute('data-label', key);
      });
      this.layer.addLayer(marker);
    }
  }
}
