/**
 * The administrative base map: region outlines on the national view, the chosen region's
 * departments over it, the overseas insets beside the mainland, and, as an option, the shading of
 * regions (or of the chosen region's departments) by their number of events with its legend.
 * Shapes come from outline-data.ts; classes carry every colour, so the partner's --sdi-map-*
 * properties theme them and no style attribute is written (strict CSP).
 */
import { L } from './leaflet.js';
import { formatCount } from '../i18n/format.js';
import type { Lang } from '../model/types.js';
import type { MapPoint } from './clusters.js';
import { choroplethClasses, CHOROPLETH_COLOURS, colourOf, type ChoroplethClass } from './choropleth.js';
import { toBounds } from './leaflet-dom.js';
import { insets, placePolygons } from './insets.js';
import { contains, departmentOutlines, regionOutlines, type Outline } from './outlines.js';
import { BASE_MAP_MESSAGES } from './view-messages.js';

import type { MapMode, OverseasLayout } from './base-map-options.js';

export type { MapMode, OverseasLayout };

export interface AdminLayersOptions {
  lang: Lang;
  overseas: OverseasLayout;
  mode: MapMode;
  /** Land is drawn by the outlines (no tiles): they are filled, not only stroked. */
  filled: boolean;
  /** An inset was clicked. */
  select(code: string): void;
}

function classIndex(classes: readonly ChoroplethClass[], n: number): number {
  const colour = colourOf(classes, n);
  return colour ? CHOROPLETH_COLOURS.indexOf(colour as (typeof CHOROPLETH_COLOURS)[number]) : -1;
}

function setShade(layer: L.Path, index: number): void {
  const element = layer.getElement();
  if (!element) return;
  for (let i = 0; i < CHOROPLETH_COLOURS.length; i++) element.classList.toggle(`sdi-shade-${i}`, i === index);
  element.classList.toggle('sdi-shade-none', index < 0);
}

export class AdminLayers {
  private readonly regions = new Map<string, L.Polygon>();
  private readonly insetShapes = new Map<string, L.Polygon>();
  private readonly departments = L.layerGroup();
  private legendBody?: HTMLElement;
  private departmentsOf?: string;

  constructor(
    private readonly map: L.Map,
    private readonly o: AdminLayersOptions,
  ) {
    const base = o.filled ? 'sdi-region is-filled' : 'sdi-region';
    for (const outline of regionOutlines()) {
      const layer = L.polygon(outline.polygons, { interactive: false, className: base }).addTo(map);
      this.tag(layer, outline.code);
      this.regions.set(outline.code, layer);
    }
    if (o.overseas === 'insets') this.drawInsets();
    this.departments.addTo(map);
    const legend = new L.Control({ position: 'bottomleft' });
    legend.onAdd = () => {
      const box = L.DomUtil.create('div', 'sdi-legend');
      this.legendBody = box;
      return box;
    };
    if (o.mode === 'choropleth') legend.addTo(map);
  }

  private tag(layer: L.Path, code: string): void {
    layer.getElement()?.setAttribute('data-region', code);
  }

  private drawInsets(): void {
    const byCode = new Map(regionOutlines().map((r) => [r.code, r]));
    for (const inset of insets()) {
      const outline = byCode.get(inset.code);
      const frame = L.rectangle(toBounds(inset.frame), { className: 'sdi-inset-frame', interactive: true }).addTo(this.map);
      const shape = L.polygon(outline ? placePolygons(inset, outline.polygons) : [], {
        className: 'sdi-inset-region',
        interactive: true,
      }).addTo(this.map);
      for (const layer of [frame, shape]) {
        this.tag(layer, inset.code);
        layer.on('click', () => this.o.select(inset.code));
      }
      this.insetShapes.set(inset.code, shape);
    }
  }

  /** Restyles for new counts or a new selection; draws the chosen region's departments. */
  update(counts: Record<string, number>, points: readonly MapPoint[], selection: string | undefined): void {
    for (const [code, layer] of [...this.regions, ...this.insetShapes]) {
      layer.getElement()?.classList.toggle('is-selected', code === selection);
      // Its thick border over the neighbours' thin ones.
      if (code === selection) layer.bringToFront();
    }
    if (selection !== this.departmentsOf) this.drawDepartments(selection);
    if (this.o.mode !== 'choropleth') return;
    const regionClasses = choroplethClasses([...this.regions.keys()].map((code) => counts[code] ?? 0));
    for (const [code, layer] of [...this.regions, ...this.insetShapes])
      setShade(layer, classIndex(regionClasses, counts[code] ?? 0));
    const departments = this.departments.getLayers() as L.Polygon[];
    if (selection && departments.length > 0) {
      const byDepartment = this.countByDepartment(selection, points);
      const classes = choroplethClasses([...byDepartment.values()]);
      for (const layer of departments) {
        const code = layer.getElement()?.getAttribute('data-department') ?? '';
        setShade(layer, classIndex(classes, byDepartment.get(code) ?? 0));
      }
      this.fillLegend(
        'department',
        classes,
        [...byDepartment.values()].some((n) => n === 0),
      );
    } else {
      this.fillLegend(
        'region',
        regionClasses,
        [...this.regions.keys()].some((code) => !(counts[code] ?? 0)),
      );
    }
  }

  private drawDepartments(region: string | undefined): void {
    this.departments.clearLayers();
    this.departmentsOf = region;
    if (!region) return;
    for (const outline of departmentOutlines(region)) {
      const layer = L.polygon(outline.polygons, { interactive: false, className: 'sdi-department' });
      this.departments.addLayer(layer);
      layer.getElement()?.setAttribute('data-department', outline.code);
    }
  }

  /** Located events of the chosen region per department (the counts per region come from the feed). */
  private countByDepartment(region: string, points: readonly MapPoint[]): Map<string, number> {
    const outlines: Outline[] = departmentOutlines(region);
    const counts = new Map(outlines.map((d) => [d.code, 0]));
    for (const p of points) {
      if (p.region !== region) continue;
      const home = outlines.find((d) => contains(d.polygons, p.lat, p.lng));
      if (home) counts.set(home.code, (counts.get(home.code) ?? 0) + 1);
    }
    return counts;
  }

  private fillLegend(level: 'region' | 'department', classes: readonly ChoroplethClass[], withNone: boolean): void {
    const body = this.legendBody;
    if (!body) return;
    const m = BASE_MAP_MESSAGES[this.o.lang];
    const title = document.createElement('p');
    title.className = 'sdi-legend-title';
    title.textContent = m.legendTitle(level);
    const list = document.createElement('ul');
    const row = (shade: string, text: string) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = `sdi-swatch ${shade}`;
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, text);
      list.append(item);
    };
    if (withNone) row('sdi-shade-none', m.none);
    for (const c of classes) {
      const index = CHOROPLETH_COLOURS.indexOf(c.colour as (typeof CHOROPLETH_COLOURS)[number]);
      row(`sdi-shade-${index}`, m.range(formatCount(c.from, this.o.lang), formatCount(c.to, this.o.lang)));
    }
    body.replaceChildren(title, list);
  }

  /** Departments of the chosen region (for the labels). */
  shownDepartments(): Outline[] {
    return this.departmentsOf ? departmentOutlines(this.departmentsOf) : [];
  }
}
