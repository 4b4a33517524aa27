/**
 * Clustering of event points for zoomed-in views, over supercluster: the map asks for what to draw
 * in its visible box at its zoom, and gets clusters (with a count) and single events.
 */
import Supercluster from 'supercluster';

export interface MapPoint {
  uid: number;
  lat: number;
  lng: number;
  /** INSEE region code, or `none`. */
  region: string;
}

export type ClusterItem =
  | { kind: 'cluster'; id: number; lat: number; lng: number; count: number }
  | { kind: 'point'; lat: number; lng: number; point: MapPoint };

interface PointProps {
  index: number;
}

export interface ClusterOptions {
  /** Above this zoom every event is its own marker. */
  maxZoom: number;
  /** Cluster radius in pixels. */
  radius: number;
}

/**
 * The index is built on first use, not on construction: the national view draws region symbols
 * and needs no clusters, and building them was most of the time to the first drawn map (40% at
 * 8,000 points, two thirds at 50,000). The view builds it in idle time after the first paint.
 */
export class PointClusters {
  private built?: Supercluster<PointProps, Supercluster.AnyProps>;

  constructor(
    private readonly points: readonly MapPoint[],
    private readonly options: ClusterOptions = { maxZoom: 15, radius: 60 },
  ) {}

  private get index(): Supercluster<PointProps, Supercluster.AnyProps> {
    if (!this.built) {
      const index = new Supercluster<PointProps, Supercluster.AnyProps>({
        maxZoom: this.options.maxZoom,
        radius: this.options.radius,
        minPoints: 2,
      });
      index.load(
        this.points.map((p, i) => ({
          type: 'Feature' as const,
          properties: { index: i },
          geometry: { type: 'Point' as const, coordinates: [p.lng, p.lat] },
        })),
      );
      this.built = index;
    }
    return this.built;
  }

  /** Builds the index now (in idle time), so the first zoom past the national view does not stall. */
  prepare(): void {
    void this.index;
  }

  get ready(): boolean {
    return this.built !== undefined;
  }

  get size(): number {
    return this.points.length;
  }

  /** What to draw in [west, south, east, north] at an integer zoom. */
  at(bbox: readonly [number, number, number, number], zoom: number): ClusterItem[] {
    const [west, south, east, north] = bbox;
    // Supercluster wants longitudes in [-180, 180]; a view can extend beyond after panning.
    const box: [number, number, number, number] = [
      Math.max(-180, west),
      Math.max(-85, south),
      Math.min(180, east),
      Math.min(85, north),
    ];
    return this.index.getClusters(box, Math.floor(zoom)).map((f): ClusterItem => {
      const [lng, lat] = f.geometry.coordinates as [number, number];
      const props = f.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
      if (props.cluster && typeof props.cluster_id === 'number') {
        return { kind: 'cluster', id: props.cluster_id, lat, lng, count: props.point_count ?? 0 };
      }
      return { kind: 'point', lat, lng, point: this.points[props.index ?? 0] as MapPoint };
    });
  }

  /** The zoom at which a cluster splits. */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }

  /** Events of a cluster, e.g. those sharing one address, which no zoom separates. */
  leaves(clusterId: number, limit = 20): MapPoint[] {
    return this.index.getLeaves(clusterId, limit).map((f) => this.points[(f.properties as PointProps).index] as MapPoint);
  }
}
