/**
 * How many events of what the map shows it cannot place. Nationally, each region's symbol counts
 * all of its events, placed or not: only those of no region (online, abroad, unknown place) are
 * missing. With a region chosen the map shows its events one by one: those of the region without
 * coordinates are the ones missing, and the online events of the whole of France are not its own.
 */
import { NO_REGION } from '../../feed/snapshot-format.js';
import type { MapData } from '../../map/map-data.js';

export function unplacedCount(data: MapData, selection: string | undefined): number {
  if (selection === undefined) return data.counts[NO_REGION] ?? 0;
  let placed = 0;
  for (const point of data.points) if (point.region === selection) placed += 1;
  return Math.max(0, (data.counts[selection] ?? 0) - placed);
}
