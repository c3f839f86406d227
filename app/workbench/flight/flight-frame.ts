/**
 * One frame of the records-in-flight layer laid out: where each group of tokens is on the canvas
 * (device pixels), which ones are hidden inside a node, which copies still travel together and are
 * drawn as one with a count (mergeCopies), and where each label goes so it covers no node and no
 * other label — as the drawing operations the painter takes (flight-paint.ts).
 */
import { pointAt, type Polyline } from './flight-geometry.ts';
import {
  drawnLabel,
  insideAny,
  mergeCopies,
  placeLabel,
  repeatsOnRoute,
  type DrawnToken,
  type ScreenRect,
  type TokenGroup,
} from './flight-labels.ts';
import { opStride, spriteSlot } from './flight-paint.ts';
import { labelSize } from './label-size.ts';
import { tokenRadiusPx } from './sprites.ts';

export interface FrameSetup {
  polylineFor(route: readonly string[]): Polyline | undefined;
  /** React Flow's pan and zoom: x, y, zoom. */
  transform: readonly [number, number, number];
  ratio: number;
  canvas: { w: number; h: number };
  /** Node cards in device pixels: tokens inside are hidden, labels keep off. */
  nodes: ScreenRect[];
  showLabels: boolean;
  /** Filled: the label texts drawn this frame, and where each went. */
  labels: string[];
  placed: ScreenRect[];
}

export interface FrameOps {
  ops: Float32Array;
  count: number;
  /** Tokens drawn (a group counts its members), and how many of them are records. */
  drawn: number;
  records: number;
  merged: DrawnToken[];
}

const point = { x: 0, y: 0 };

export function layoutTokens(groups: readonly TokenGroup[], f: FrameSetup): FrameOps {
  const [tx, ty, zoom] = f.transform;
  const { ratio, canvas, nodes } = f;
  const r = (tokenRadiusPx + 1) * ratio;
  let drawn = 0;
  let records = 0;
  // Where each group is this frame; copies of one record still together become one token.
  const at: DrawnToken[] = [];
  for (const g of groups) {
    const t = g.token;
    const p = f.polylineFor(t.route);
    if (!p) continue;
    pointAt(p, t.progress, point);
    // Whole device pixels: a sprite copied to an integer position is a plain blit, no filtering.
    const x = Math.round((point.x * zoom + tx) * ratio);
    const y = Math.round((point.y * zoom + ty) * ratio);
    if (x < -r || y < -r || x > canvas.w + r || y > canvas.h + r) continue;
    // Passing through a node (a record crossing its group): inside it, not over its text.
    if (insideAny(x, y, nodes)) continue;
    drawn += g.count;
    if (t.shape === 'record') records += g.count;
    at.push({ x, y, group: g, copies: 1, routes: [t.route] });
  }
  const merged = mergeCopies(at);
  const ops = new Float32Array(merged.length * opStride);
  const given = new Map<readonly string[], Set<string>>();
  let count = 0;
  // Newest first, so when labels compete for room the newest record gets one.
  for (const d of merged) {
    const { x, y, group: g } = d;
    const text = drawnLabel(d);
    let label = -1;
    let dx = 0;
    let dy = 0;
    if (f.showLabels && !repeatsOnRoute(given, g.token.route, text)) {
      const [w, h] = labelSize(text, ratio);
      const spot = placeLabel(x, y, r, w, h, nodes, f.placed, canvas);
      if (spot) {
        [dx, dy] = spot;
        label = f.labels.push(text) - 1;
      }
    }
    const o = count * opStride;
    ops[o] = x;
    ops[o + 1] = y;
    ops[o + 2] = spriteSlot(g.token.shape, g.colour);
    ops[o + 3] = label;
    ops[o + 4] = dx;
    ops[o + 5] = dy;
    count++;
  }
  return { ops, count, drawn, records, merged };
}
