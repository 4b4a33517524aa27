// Leaflet ships its ES module build without types; they are the same API as the UMD build that
// @types/leaflet describes. The ESM build is imported because the UMD one assigns a global `L`
// on partner pages and cannot be split into a lazily loaded chunk as cleanly.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
