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
  /** Records the group carries in all (fetches of several partitions to one consumer add up). */
  records: number;
}

/**
 * Groups the first `n` tokens (newest last) by route, progress and shape; the result is newest
 * first, so when labels compete the newest record wins.
 */
export function groupTokens(tokens: readonly FlightToken[], n: number): TokenGroup[] {
  const routeIds = new Map<readonly string[], number>();
  type Entry = { group: TokenGroup; labels: Set<string>; carrying: boolean; head: string };
  const byKey = new Map<string, Entry>();
  const out: Entry[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const t = tokens[i]!;
    let r = routeIds.get(t.route);
    if (r === undefined) routeIds.set(t.route, (r = routeIds.size));
    const k = `${r}|${Math.round(t.progress * 10_000)}|${t.shape}`;
    const seen = byKey.get(k);
    if (seen) {
      seen.group.count++;
      seen.group.records += t.records;
      if (seen.group.colour !== t.colour) seen.group.colour = -1;
      seen.labels.add(t.label);
      seen.carrying &&= t.records > 0;
      // Walking newest to oldest: the head ends as the oldest token's first record.
      seen.head = t.head;
      continue;
    }
    const group = { token: t, count: 1, colour: t.colour, label: t.label, records: t.records };
    const entry = { group, labels: new Set([t.label]), carrying: t.records > 0, head: t.head };
    byKey.set(k, entry);
    out.push(entry);
  }
  return out.map(({ group, labels, carrying, head }) => ({
    ...group,
    label:
      carrying && group.count > 1 && labels.size > 1 && group.token.shape === 'batch'
        ? `${head} +${group.records - 1}`
        : groupLabel(group.token.shape, group.token.label, group.count, labels.size),
  }));
}

/**
 * "order-7", "fetch ×3" (all alike), "3 records" (different keys), "ack +2" (mixed batches).
 * Fetches of several partitions to one consumer read as the records they carry: "order-2 +10"
 * (groupTokens), the same label for every group that fetched the same records.
 */
export function groupLabel(shape: TokenShape, first: string, count: number, distinct: number): string {
  if (count <= 1) return first;
  if (distinct === 1) return `${first} ×${count}`;
  return shape === 'record' ? `${count} records` : `${first} +${count - 1}`;
}

/** Tokens in the same few device px (one bucket of this size) are drawn as one. */
export const togetherPx = 4;

/** A token as drawn this frame: where, its look, and the routes of the tokens merged into it. */
export interface DrawnToken {
  x: number;
  y: number;
  group: TokenGroup;
  /** How many route groups it stands for (copies of one record leaving for several receivers). */
  copies: number;
  routes: Array<readonly string[]>;
}

/**
 * Copies of the same records on different routes that are still at the same spot (leaving their
 * topic together, one per group) are drawn as one token with a count, "order-1 ×3"; as the routes
 * part, each copy goes on as its own token with the same label. `drawn` is in draw order (newest
 * first); the result keeps that order.
 */
export function mergeCopies(drawn: readonly DrawnToken[]): DrawnToken[] {
  const out: DrawnToken[] = [];
  // Bucketed by position (a lookup per token, not a scan: a frame may hold thousands).
  const at = new Map<string, DrawnToken>();
  for (const d of drawn) {
    const k = `${d.group.label}\u0000${d.group.token.shape}\u0000${Math.round(d.x / togetherPx)}\u0000${Math.round(d.y / togetherPx)}`;
    const same = at.get(k);
    if (same) {
      same.copies += d.copies;
      same.routes.push(...d.routes);
      continue;
    }
    const mine = { ...d, routes: [...d.routes] };
    at.set(k, mine);
    out.push(mine);
  }
  return out;
}

/** The label a drawn token carries: its group's, with "×n" when copies travel together. */
export const drawnLabel = (d: DrawnToken): string => (d.copies > 1 ? `${d.group.label} ×${d.copies}` : d.group.label);

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

/** One set of records in flight and the receivers its copies fly to this frame. */
export interface RecordCopies {
  label: string;
  /** The node the copies leave (the topic). */
  from: string;
  /** The last node of each route a copy is on (distinct), e.g. each group's consumer. */
  to: string[];
  /** Every node the copies pass (a consumer's group is on its route). */
  via: string[];
}

/**
 * Records flying to more than one receiver at once — the fan-out, seen in the picture — most
 * receivers first. Only tokens that carry records count (not acks or commits).
 */
export function copiesInFlight(drawn: readonly DrawnToken[]): RecordCopies[] {
  // Keyed by label and sender: the record flying in from its producer is not one of its copies.
  const by = new Map<string, { label: string; from: string; to: Set<string>; via: Set<string> }>();
  for (const d of drawn) {
    if (d.group.records === 0) continue;
    for (const route of d.routes) {
      const k = `${d.group.label}\u0000${route[0]!}`;
      let c = by.get(k);
      if (!c) by.set(k, (c = { label: d.group.label, from: route[0]!, to: new Set(), via: new Set() }));
      c.to.add(route.at(-1)!);
      for (const id of route) c.via.add(id);
    }
  }
  const out: RecordCopies[] = [];
  for (const c of by.values()) if (c.to.size > 1) out.push({ label: c.label, from: c.from, to: [...c.to], via: [...c.via] });
  return out.sort((a, b) => b.to.length - a.to.length);
}
