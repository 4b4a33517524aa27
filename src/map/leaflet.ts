/**
 * Leaflet's ES module, for every module of the map view: imported through here so that it is
 * evaluated between the two halves of ./leaflet-svg-probe.ts, on pages with Trusted Types too.
 * (The UMD build would assign a global `L` on partner pages; see ./leaflet-esm.d.ts.)
 */
import { endLeafletSvgProbe } from './leaflet-svg-probe.js';
export * as L from 'leaflet/dist/leaflet-src.esm.js';

endLeafletSvgProbe();
