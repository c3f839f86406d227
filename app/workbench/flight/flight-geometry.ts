/**
 * Routes → polylines in flow coordinates, and a point at a fraction of one.
 *
 * A token leaves its sender from the side facing the next node, crosses the nodes between (a record
 * fetched from a topic crosses its consumer's group) from the side facing where it came from to the
 * side facing where it goes, and lands on the facing side of its receiver — the same sides React
 * Flow's edges attach to, so tokens run along the edges drawn. Each hop between two nodes takes an
 * equal share of the flight and crossing a node takes none, so a fetch is seen for half its flight
 * between the topic and the group (where fan-out shows: one copy per group) rather than mostly
 * hidden inside the group's card. Pure; the overlay caches one polyline per route until the layout
 * changes.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Polyline {
  /** x0, y0, x1, y1, … */
  xy: Float64Array;
  /** Cumulative share of the flight at each point (cum[0] = 0, the last 1; a node's crossing adds 0). */
  cum: Float64Array;
}

const centre = (r: Rect): [number, number] => [r.x + r.width / 2, r.y + r.height / 2];

/** The middle of the side of `r` that faces `toward`. */
export function facingSide(r: Rect, toward: Rect): [number, number] {
  const [cx, cy] = centre(r);
  const [tx, ty] = centre(toward);
  const dx = tx - cx;
  const dy = ty - cy;
  if (Math.abs(dx) >= Math.abs(dy)) return [dx >= 0 ? r.x + r.width : r.x, cy];
  return [cx, dy >= 0 ? r.y + r.height : r.y];
}

/** The polyline of a route, or undefined when a node on it has no measured rectangle yet. */
export function polylineOf(route: readonly string[], rectOf: (id: string) => Rect | undefined): Polyline | undefined {
  const rects: Rect[] = [];
  for (const id of route) {
    const r = rectOf(id);
    if (!r) return undefined;
    rects.push(r);
  }
  if (rects.length < 2) return undefined;
  const hop = 1 / (rects.length - 1);
  // Each point with the share of the flight spent getting there from the point before.
  const pts: Array<[number, number, number]> = [[...facingSide(rects[0]!, rects[1]!), 0]];
  for (let i = 1; i < rects.length - 1; i++) {
    pts.push([...facingSide(rects[i]!, rects[i - 1]!), hop]);
    pts.push([...facingSide(rects[i]!, rects[i + 1]!), 0]);
  }
  pts.push([...facingSide(rects.at(-1)!, rects.at(-2)!), hop]);
  const xy = new Float64Array(pts.length * 2);
  const cum = new Float64Array(pts.length);
  pts.forEach(([x, y, share], i) => {
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    if (i > 0) cum[i] = cum[i - 1]! + share;
  });
  return { xy, cum };
}

/** Writes the point at fraction `t` (0..1, clamped) of the flight into `out`. */
export function pointAt(p: Polyline, t: number, out: { x: number; y: number }): void {
  const n = p.cum.length;
  const total = p.cum[n - 1]!;
  const d = Math.min(1, Math.max(0, t)) * total;
  let i = 1;
  while (i < n - 1 && p.cum[i]! < d) i++;
  const seg = p.cum[i]! - p.cum[i - 1]!;
  const f = seg > 0 ? (d - p.cum[i - 1]!) / seg : 0;
  out.x = p.xy[2 * (i - 1)]! + (p.xy[2 * i]! - p.xy[2 * (i - 1)]!) * f;
  out.y = p.xy[2 * (i - 1) + 1]! + (p.xy[2 * i + 1]! - p.xy[2 * (i - 1) + 1]!) * f;
}
