/**
 * Where the topology's camera looks: pure arithmetic, so the framing rules are tested without a
 * browser. The camera frames the nodes a lesson step is about (and their neighbours when they fit)
 * at a zoom that keeps node text readable; when even the step's own nodes do not fit at that zoom
 * it stays readable and shows their start (top left, where the flow begins, with the padding cut to
 * a few px) rather than shrinking the text to smudges; the learner can pan to the rest. The nodes
 * are framed in the part of the pane that the diagram's own overlays (zoom buttons, a minimap)
 * leave clear, focus ring included, so a framed card is never under a button or cut by the edge.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The smallest text a node card draws, in CSS px at zoom 1 (workbench.css: .node-card and below). */
export const nodeTextMinPx = 12;
/** Node text on screen is at least this many px at a desk (1280×800) and when presenting. */
export const screenTextMinPx = { desk: 11, present: 16 } as const;

/**
 * The lowest zoom at which the smallest node text is still `screenPx` on screen, with a little
 * room so rounding never lands a hair below it.
 */
export function readableZoom(presenting: boolean): number {
  const px = presenting ? screenTextMinPx.present : screenTextMinPx.desk;
  return Math.ceil(((px + 0.2) / nodeTextMinPx) * 100) / 100;
}

/** The lowest zoom when nothing is in focus (the playground's overview). */
export const overviewZoomMin = 0.2;

/**
 * The zoom the camera never goes below. A lesson step (or a projector) keeps node text readable
 * and pans; the playground, naming no nodes, first shows the whole graph, as small as it must be.
 * A step is about its nodes even before they exist (one that opens the account its stream belongs
 * to), so `stepNamesNodes` is whether the step names any, present or not.
 */
export function zoomFloor(stepNamesNodes: boolean, presenting: boolean): number {
  return stepNamesNodes || presenting ? readableZoom(presenting) : overviewZoomMin;
}

/** The box around some boxes, or undefined for none. */
export function boundsOf(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** The zoom at which `b` fills a `width` × `height` pane with `padPx` to spare on each side. */
export function fitZoom(b: Box, width: number, height: number, padPx: number): number {
  const w = Math.max(1, width - 2 * padPx);
  const h = Math.max(1, height - 2 * padPx);
  return Math.min(w / Math.max(1, b.width), h / Math.max(1, b.height));
}

/** The margin kept at the pane's edge when the box does not fit with the usual padding. */
export const tightPadPx = 6;

/**
 * The focus ring drawn around a step's node (workbench.css, .node-card.highlighted: a 3 px outline
 * 3 px out), in flow px: part of the card as the learner sees it, so the camera frames it too.
 */
export const focusRingPx = 6;

/** `b` grown by `by` on every side. */
export function grow(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

/** Room kept between a node and an overlay drawn over the pane, in screen px. */
export const overlayGapPx = 4;

/** A cap on the overlays considered: each multiplies the areas tried by four. */
const overlaysMax = 4;

/**
 * The areas of a `width` × `height` pane that none of `overlays` covers (the zoom buttons, a
 * corner panel, a minimap: boxes in pane px). Each overlay is kept out by cutting the pane
 * along one of its four sides — every combination is tried, so a tall corner panel can cost a
 * strip of width and a wide one a strip of height — and an area inside another is left out.
 */
export function clearAreas(width: number, height: number, overlays: readonly Box[]): Box[] {
  const inPane = overlays
    .map((o) => grow(o, overlayGapPx))
    .filter((o) => o.x < width && o.y < height && o.x + o.width > 0 && o.y + o.height > 0)
    .slice(0, overlaysMax);
  let areas: Array<{ x0: number; y0: number; x1: number; y1: number }> = [{ x0: 0, y0: 0, x1: width, y1: height }];
  for (const o of inPane) {
    const next: typeof areas = [];
    for (const a of areas) {
      const clear = o.x >= a.x1 || o.x + o.width <= a.x0 || o.y >= a.y1 || o.y + o.height <= a.y0;
      if (clear) {
        next.push(a);
        continue;
      }
      next.push({ ...a, x1: Math.min(a.x1, o.x) });
      next.push({ ...a, x0: Math.max(a.x0, o.x + o.width) });
      next.push({ ...a, y1: Math.min(a.y1, o.y) });
      next.push({ ...a, y0: Math.max(a.y0, o.y + o.height) });
    }
    areas = next.filter((a) => a.x1 > a.x0 && a.y1 > a.y0);
  }
  const inside = (a: (typeof areas)[number], b: (typeof areas)[number]): boolean =>
    a.x0 >= b.x0 && a.y0 >= b.y0 && a.x1 <= b.x1 && a.y1 <= b.y1;
  const kept = areas.filter((a, i) => !areas.some((b, j) => j !== i && inside(a, b) && (!inside(b, a) || j < i)));
  return kept.map((a) => ({ x: a.x0, y: a.y0, width: a.x1 - a.x0, height: a.y1 - a.y0 }));
}

/**
 * The area that shows `b` best: the one that shows the most of it at `zoomMin` (all of it, when it
 * fits), then draws it largest (up to `zoomMax`), then the roomier one, so the picture keeps the
 * most around it. With no areas, a 1 px one: nothing fits, as in a pane of no size.
 */
export function bestArea(b: Box, areas: readonly Box[], zoomMin: number, zoomMax: number, padPx = 24): Box {
  let best: Box = { x: 0, y: 0, width: 1, height: 1 };
  let bestScore = [-Infinity, -Infinity, -Infinity];
  const shown = (room: number, size: number): number => Math.min(1, room / Math.max(1, size * zoomMin));
  for (const a of areas) {
    const score = [
      shown(a.width, b.width) * shown(a.height, b.height),
      Math.min(zoomMax, fitZoom(b, a.width, a.height, padPx)),
      a.width * a.height,
    ];
    const i = score.findIndex((v, k) => Math.abs(v - bestScore[k]!) > 1e-9);
    if (i >= 0 && score[i]! > bestScore[i]!) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The viewport that frames `b` in the pane area `area` (pane px): as large as fits up to
 * `zoomMax`, never below `zoomMin`. Along an axis, a box that fits the area (with the padding,
 * else with less) is centred in it; one that still does not fit shows its start, a few px in.
 */
export function frameIn(b: Box, area: Box, zoomMin: number, zoomMax: number, padPx = 24): Viewport {
  const zoom = Math.min(zoomMax, Math.max(zoomMin, fitZoom(b, area.width, area.height, padPx)));
  const axis = (start: number, size: number, from: number, room: number): number =>
    size * zoom <= room ? from + (room - size * zoom) / 2 - start * zoom : from + tightPadPx - start * zoom;
  return { x: axis(b.x, b.width, area.x, area.width), y: axis(b.y, b.height, area.y, area.height), zoom };
}

/** `frameIn` for the whole of a `width` × `height` pane. */
export function frame(b: Box, width: number, height: number, zoomMin: number, zoomMax: number, padPx = 24): Viewport {
  return frameIn(b, { x: 0, y: 0, width, height }, zoomMin, zoomMax, padPx);
}

/**
 * Which nodes the camera frames: the focused ones with as many of their neighbours as still fit
 * (in one of the pane's clear `areas`) at a readable zoom — all of them, else those downstream
 * (where the step's records go next), else those upstream, else the focused ones alone; everything
 * when nothing is focused (the playground).
 */
export function framedIds(
  boxes: ReadonlyMap<string, Box>,
  focus: readonly string[],
  around: { after: readonly string[]; before: readonly string[] },
  areas: readonly Box[],
  zoomMin: number,
  padPx = 24,
): string[] {
  const present = focus.filter((id) => boxes.has(id));
  if (present.length === 0) return [...boxes.keys()];
  const after = around.after.filter((id) => boxes.has(id));
  const before = around.before.filter((id) => boxes.has(id));
  const tries = [
    [...present, ...after, ...before],
    [...present, ...after],
    [...present, ...before],
  ];
  for (const ids of tries) {
    const b = boundsOf(ids.map((id) => boxes.get(id)!));
    if (b && areas.some((a) => fitZoom(b, a.width, a.height, padPx) >= zoomMin)) return [...new Set(ids)];
  }
  return present;
}
