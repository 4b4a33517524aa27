/**
 * Reads polygon features of a GeoPackage layer through the `sqlite3` command-line tool (Node 20 has
 * no SQLite module, and the generator must not pull a native addon into the project for a file it
 * reads once a year). GeoPackage geometries are a small header followed by standard WKB.
 */
import { execFileSync } from 'node:child_process';

/** [lng, lat] rings: outer ring first, then holes. */
export type Polygon = [number, number][][];

export interface GpkgFeature {
  properties: Record<string, string | number | null>;
  polygons: Polygon[];
}

/** Bytes of the envelope after the header, by the envelope code of the flags byte. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

class WkbReader {
  private offset = 0;
  private little = true;
  constructor(private readonly view: DataView) {}

  polygons(): Polygon[] {
    this.little = this.view.getUint8(this.offset) === 1;
    this.offset += 1;
    const type = this.uint() % 1000;
    if (type === 3) return [this.polygon()];
    if (type === 6) {
      const n = this.uint();
      const out: Polygon[] = [];
      for (let i = 0; i < n; i++) out.push(...this.polygons());
      return out;
    }
    throw new Error(`unsupported WKB geometry type ${type}`);
  }

  private polygon(): Polygon {
    const rings: Polygon = [];
    const n = this.uint();
    for (let r = 0; r < n; r++) {
      const count = this.uint();
      const ring: [number, number][] = [];
      for (let i = 0; i < count; i++) ring.push([this.double(), this.double()]);
      rings.push(ring);
    }
    return rings;
  }

  private uint(): number {
    const value = this.view.getUint32(this.offset, this.little);
    this.offset += 4;
    return value;
  }

  private double(): number {
    const value = this.view.getFloat64(this.offset, this.little);
    this.offset += 8;
    return value;
  }
}

/** Decodes one GeoPackage geometry blob (header + WKB) into polygons. */
export function decodeGpkgGeometry(bytes: Uint8Array): Polygon[] {
  if (bytes[0] !== 0x47 || bytes[1] !== 0x50) throw new Error('not a GeoPackage geometry');
  const flags = bytes[3] ?? 0;
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111];
  if (envelope === undefined) throw new Error('bad GeoPackage envelope code');
  const start = 8 + envelope;
  return new WkbReader(new DataView(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start)).polygons();
}

/** Features of `layer` matching `where` (SQL, written by the generator, never from input). */
export function readGpkgLayer(file: string, layer: string, columns: readonly string[], where: string): GpkgFeature[] {
  const sql = `select ${columns.join(', ')}, hex(geom) as __geom from ${layer} where ${where}`;
  const json = execFileSync('sqlite3', ['-json', '-readonly', file, sql], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const rows = JSON.parse(json || '[]') as Record<string, string | number | null>[];
  return rows.map((row) => {
    const { __geom: hex, ...properties } = row;
    if (typeof hex !== 'string') throw new Error('row without geometry');
    return { properties, polygons: decodeGpkgGeometry(Buffer.from(hex, 'hex')) };
  });
}
