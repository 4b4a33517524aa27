/**
 * Where names go on the map without hiding a symbol: each name tries a few places around its
 * anchor (below, above, right, left of its own symbol, or centred on a point) and takes the first
 * that overlaps no symbol and no name already placed; a name that fits nowhere is left out, as
 * the region list and the symbols' accessible names still say it. Pure: boxes in CSS pixels.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelRequest {
  key: string;
  width: number;
  height: number;
  /** The anchor: a symbol's box (the name goes around it) or a point (zero-size box, centred first). */
  anchor: Box;
}

export interface PlacedLabel {
  key: string;
  box: Box;
}

/** Gap between a symbol and its name. */
const GAP = 3;

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function candidates(request: LabelRequest): Box[] {
  const { width: w, height: h, anchor } = request;
  const cx = (anchor.left + anchor.right) / 2;
  const cy = (anchor.top + anchor.bottom) / 2;
  const at = (left: number, top: number): Box => ({ left, top, right: left + w, bottom: top + h });
  const point = anchor.right - anchor.left === 0 && anchor.bottom - anchor.top === 0;
  // Around a point, the other places are beside the name's own centred box.
  const a = point ? at(cx - w / 2, cy - h / 2) : anchor;
  const around = [
    at(cx - w / 2, a.bottom + GAP),
    at(cx - w / 2, a.top - GAP - h),
    at(a.right + GAP, cy - h / 2),
    at(a.left - GAP - w, cy - h / 2),
  ];
  return point ? [at(cx - w / 2, cy - h / 2), ...around] : around;
}

/**
 * Places names in the order given (the caller puts the more important first), inside `view`
 * (names crossing the edge are left out), away from every box of `obstacles`.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], view?: Box): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    const box = candidates(request).find(
      (c) =>
        (!view || (c.left >= view.left && c.top >= view.top && c.right <= view.right && c.bottom <= view.bottom)) &&
        !obstacles.some((o) => overlaps(c, o)) &&
        !placed.some((p) => overlaps(c, p.box)),
    );
    if (box) placed.push({ key: request.key, box });
  }
  return placed;
}
