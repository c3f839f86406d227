/**
 * Records in flight, made readable: tokens that travel together are drawn as one with a count,
 * tokens inside a node (passing through a group on their way to a consumer) are not drawn over its
 * text, and each label goes where it covers neither node text nor another label — or is left out.
 *
 * Pure and in screen (device) pixels: the overlay hands in where the tokens and nodes are this
 * frame; tests hand in numbers.
 */
import type { FlightToken, TokenShape } from './flight-tokens.ts';

export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Tokens on the same route at the same moment, drawn as one. */
export interface TokenGroup {
  /** The newest token of the group (its position and look). */
  token: FlightToken;
  count: number;
  /** The shared key's palette slot, or -1 when the group mixes keys. */
  colour: number;
  label: string;
}

/**
 * Groups the first `n` tokens (newest last) by route, progress and shape; the result is newest
 * first, so when labels compete the newest record wins.
 */
export function groupTokens(tokens: readonly FlightToken[], n: number): TokenGroup[] {
  const routeIds = new Map<readonly string[], number>();
  const byKey = new Map<string, { group: TokenGroup; labels: Set<string> }>();
  const out: Array<{ group: TokenGroup; labels: Set<string> }> = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = tokens[i]!;
    let r = routeIds.get(t.route);
    if (r === undefined) routeIds.set(t.route, (r = routeIds.size));
    const k = `${r}|${Math.round(t.progress * 10_000)}|${t.shape}`;
    const seen = byKey.get(k);
    if (seen) {
      seen.group.count++;
      if (seen.group.colour !== t.colour) seen.group.colour = -1;
      seen.labels.add(t.label);
      continue;
    }
    const entry = { group: { token: t, count: 1, colour: t.colour, label: t.label }, labels: new Set([t.label]) };
    byKey.set(k, entry);
    out.push(entry);
  }
  return out.map(({ group, labels }) => ({
    ...group,
    label: groupLabel(group.token.shape, group.token.label, group.count, labels.size),
  }));
}

/** "order-7", "fetch ×3" (all alike), "3 records" (different keys), "ack +2" (mixed batches). */
export function groupLabel(shape: TokenShape, first: string, count: number, distinct: number): string {
  if (count <= 1) return first;
  if (distinct === 1) return `${first} ×${count}`;
  return shape === 'record' ? `${count} records` : `${first} +${count - 1}`;
}

/**
 * Whether a label would only repeat one already given this frame on the same route (a stream of
 * "event" tokens from one aggregate to its stream): the newest token keeps it, the rest go without.
 * Records the label as given otherwise. `given` is per frame.
 */
export function repeatsOnRoute(given: Map<readonly string[], Set<string>>, route: readonly string[], label: string): boolean {
  let labels = given.get(route);
  if (!labels) given.set(route, (labels = new Set()));
  if (labels.has(label)) return true;
  labels.add(label);
  return false;
}

const overlaps = (a: ScreenRect, b: ScreenRect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** True when the point is inside one of the rectangles (a token inside a node is not drawn). */
export function insideAny(x: number, y: number, rects: readonly ScreenRect[]): boolean {
  for (const r of rects) if (x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) return true;
  return false;
}

/**
 * Where a label of `w` × `h` goes beside a token at (x, y) of radius `r`: right, left, above or
 * below, the first spot that covers no node, no label already placed and stays on the canvas.
 * Returns the label's top-left offset from the token, or null (no label this frame). A placed label
 * is added to `placed`.
 */
export function placeLabel(
  x: number,
  y: number,
  r: number,
  w: number,
  h: number,
  nodes: readonly ScreenRect[],
  placed: ScreenRect[],
  canvas: { w: number; h: number },
): [number, number] | null {
  const gap = r + 2;
  const spots: Array<[number, number]> = [
    [gap, -h / 2],
    [-gap - w, -h / 2],
    [-w / 2, -gap - h],
    [-w / 2, gap],
  ];
  for (const [dx, dy] of spots) {
    const box = { x: x + dx, y: y + dy, w, h };
    if (box.x < 0 || box.y < 0 || box.x + w > canvas.w || box.y + h > canvas.h) continue;
    if (nodes.some((n) => overlaps(box, n)) || placed.some((p) => overlaps(box, p))) continue;
    placed.push(box);
    return [dx, dy];
  }
  return null;
}
