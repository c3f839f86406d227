/**
 * Where the topology's camera looks: pure arithmetic, so the framing rules are tested without a
 * browser. The camera frames the nodes a lesson step is about (and their neighbours when they fit)
 * at a zoom that keeps node text readable; when even the step's own nodes do not fit at that zoom
 * it stays readable and shows their start (top left, where the flow begins, with the padding cut to
 * a few px) rather than shrinking the text to smudges. The learner can pan to the rest, and the minimap shows the whole.
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
 * The viewport that frames `b` in the pane: as large as fits up to `zoomMax`, never below
 * `zoomMin`. Along an axis, a box that fits the pane (with the padding, else with less) is
 * centred; one that still does not fit shows its start, a few px from the edge.
 */
export function frame(b: Box, width: number, height: number, zoomMin: number, zoomMax: number, padPx = 24): Viewport {
  const zoom = Math.min(zoomMax, Math.max(zoomMin, fitZoom(b, width, height, padPx)));
  const axis = (start: number, size: number, pane: number): number =>
    size * zoom <= pane ? (pane - size * zoom) / 2 - start * zoom : tightPadPx - start * zoom;
  return { x: axis(b.x, b.width, width), y: axis(b.y, b.height, height), zoom };
}

/**
 * Which nodes the camera frames: the focused ones with as many of their neighbours as still fit at
 * a readable zoom — all of them, else those downstream (where the step's records go next), else
 * those upstream, else the focused ones alone; everything when nothing is focused (the playground).
 */
export function framedIds(
  boxes: ReadonlyMap<string, Box>,
  focus: readonly string[],
  around: { after: readonly string[]; before: readonly string[] },
  width: number,
  height: number,
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
    if (b && fitZoom(b, width, height, padPx) >= zoomMin) return [...new Set(ids)];
  }
  return present;
}
