import { describe, expect, it } from 'vitest';
import {
  bestArea,
  boundsOf,
  clearAreas,
  focusRingPx,
  frame,
  frameIn,
  grow,
  framedIds,
  nodeTextMinPx,
  overviewZoomMin,
  readableZoom,
  screenTextMinPx,
  overlayGapPx,
  tightPadPx,
  zoomFloor,
  type Box,
} from './camera.ts';

const box = (x: number, y: number, width = 180, height = 70): Box => ({ x, y, width, height });
const pane = (width: number, height: number): Box => ({ x: 0, y: 0, width, height });

describe('the camera', () => {
  it('never zooms below the zoom at which node text is 11 px (desk) and 16 px (presenting)', () => {
    expect(nodeTextMinPx * readableZoom(false)).toBeGreaterThanOrEqual(screenTextMinPx.desk);
    expect(nodeTextMinPx * readableZoom(true)).toBeGreaterThanOrEqual(screenTextMinPx.present);
    // A graph far too big for the pane still gets the readable zoom, showing its start (top left).
    const huge = boundsOf([box(0, 0), box(3000, 2000)])!;
    const v = frame(huge, 700, 400, readableZoom(false), 1.2);
    expect(v.zoom).toBe(readableZoom(false));
    expect(v.x).toBe(tightPadPx);
    expect(v.y).toBe(tightPadPx);
  });

  it('gives up the padding before it gives up a node: a box that fits the pane but not the padding is centred in full', () => {
    // L02's live-only step: the focused nodes are 445 flow px high; at zoom 0.94 that is 418 px,
    // in a 425 px pane — not with 24 px padding on each side, but whole without it.
    const tall = box(0, 0, 600, 445);
    const v = frame(tall, 720, 425, 0.94, 1.15);
    expect(v.zoom).toBe(0.94);
    expect(v.y).toBeGreaterThanOrEqual(0);
    expect(v.y + 445 * v.zoom).toBeLessThanOrEqual(425);
  });

  it('centres what fits, up to the largest zoom', () => {
    const one = box(100, 100, 200, 100);
    const v = frame(one, 800, 400, 0.9, 1.2);
    expect(v.zoom).toBe(1.2);
    // The box's centre lands on the pane's centre.
    expect(200 * v.zoom + v.x).toBeCloseTo(400);
    expect(150 * v.zoom + v.y).toBeCloseTo(200);
  });

  it('frames the focus with its downstream neighbours when all neighbours do not fit', () => {
    const boxes = new Map<string, Box>([
      ['producer', box(0, 100)],
      ['topic', box(230, 100)],
      ['group', box(460, 100)],
      ['consumer', box(690, 100)],
    ]);
    // 700 px wide at zoom ≥ 0.94 shows about 690 flow px: topic→consumer fits, producer→consumer does not.
    const ids = framedIds(boxes, ['topic', 'group'], { after: ['consumer'], before: ['producer'] }, [pane(700, 400)], 0.94);
    expect(ids.sort()).toEqual(['consumer', 'group', 'topic']);
    // Room for everything: everything.
    expect(
      framedIds(boxes, ['topic', 'group'], { after: ['consumer'], before: ['producer'] }, [pane(1400, 400)], 0.94),
    ).toHaveLength(4);
    // Nothing focused (the playground): the whole graph.
    expect(framedIds(boxes, [], { after: [], before: [] }, [pane(700, 400)], 0.94)).toHaveLength(4);
    // A focused node that is not drawn (yet) is ignored rather than framing nothing.
    expect(framedIds(boxes, ['nope', 'group'], { after: [], before: [] }, [pane(700, 400)], 0.94)).toEqual(['group']);
  });
});

describe('the zoom floor', () => {
  it('stays readable on a step that names nodes, even before they exist, and when presenting', () => {
    // L13's first step names account-42's stream, which the step itself creates: at its start the
    // picture holds the commands node alone, and a floor of the overview's let text fall to 8.6 px.
    expect(zoomFloor(true, false) * nodeTextMinPx).toBeGreaterThanOrEqual(screenTextMinPx.desk);
    expect(zoomFloor(true, true) * nodeTextMinPx).toBeGreaterThanOrEqual(screenTextMinPx.present);
    expect(zoomFloor(false, true) * nodeTextMinPx).toBeGreaterThanOrEqual(screenTextMinPx.present);
    // The playground names nothing: its first view shows the whole graph, however small.
    expect(zoomFloor(false, false)).toBe(overviewZoomMin);
  });
});

/** Whether `inner` (flow px, drawn through viewport `v`) lies wholly inside `area` (pane px). */
function drawnInside(inner: Box, v: { x: number; y: number; zoom: number }, area: Box): boolean {
  const left = inner.x * v.zoom + v.x;
  const top = inner.y * v.zoom + v.y;
  return (
    left >= area.x - 1e-6 &&
    top >= area.y - 1e-6 &&
    left + inner.width * v.zoom <= area.x + area.width + 1e-6 &&
    top + inner.height * v.zoom <= area.y + area.height + 1e-6
  );
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('framing around the overlays', () => {
  // React Flow's zoom buttons (bottom left, 15 px in) and its attribution (bottom right), in a
  // 723 × 513 pane: the desk's lesson pane at 1280 × 800.
  const controls: Box = { x: 15, y: 513 - 15 - 110, width: 28, height: 110 };
  const attribution: Box = { x: 723 - 62, y: 513 - 18, width: 62, height: 18 };

  it('finds the areas no overlay covers, each as large as it can be', () => {
    const areas = clearAreas(723, 513, [controls, attribution]);
    expect(areas.length).toBeGreaterThan(1);
    for (const a of areas) {
      expect(overlaps(a, grow(controls, overlayGapPx - 0.01))).toBe(false);
      expect(overlaps(a, grow(attribution, overlayGapPx - 0.01))).toBe(false);
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(723);
      // None lies inside another.
      for (const b of areas)
        if (b !== a)
          expect(a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height).toBe(false);
    }
    // The full height right of the buttons, above the attribution; the full width above both.
    expect(areas).toContainEqual({ x: 47, y: 0, width: 723 - 47, height: 513 - 18 - overlayGapPx });
    expect(areas).toContainEqual({ x: 0, y: 0, width: 723, height: 388 - overlayGapPx });
    // No overlays: the whole pane.
    expect(clearAreas(723, 513, [])).toEqual([{ x: 0, y: 0, width: 723, height: 513 }]);
    // An overlay outside the pane changes nothing.
    expect(clearAreas(723, 513, [{ x: 800, y: 0, width: 20, height: 20 }])).toEqual([{ x: 0, y: 0, width: 723, height: 513 }]);
  });

  it('frames a wide row beside the buttons and a tall column above them, every card wholly clear of both', () => {
    const areas = clearAreas(723, 513, [controls, attribution]);
    // A row of four cards 10 flow px apart: 716 px wide at zoom 0.94, too wide for the strip
    // beside the buttons (676 px), so the camera gives up a strip of height, not of width.
    const row = [box(0, 0), box(190, 0), box(380, 0), box(570, 0)].map((b) => grow(b, focusRingPx));
    const wide = boundsOf(row)!;
    const a = bestArea(wide, areas, 0.94, 1.15);
    expect(a.width).toBe(723);
    const v = frameIn(wide, a, 0.94, 1.15);
    expect(v.zoom).toBeGreaterThanOrEqual(0.94);
    for (const b of row) {
      expect(drawnInside(b, v, { x: 0, y: 0, width: 723, height: 513 })).toBe(true);
      const drawn = { x: b.x * v.zoom + v.x, y: b.y * v.zoom + v.y, width: b.width * v.zoom, height: b.height * v.zoom };
      expect(overlaps(drawn, controls)).toBe(false);
      expect(overlaps(drawn, attribution)).toBe(false);
    }
    // A column of four services (L20's saga, as the tall case): height is short, width is not.
    const column = [box(0, 0, 180, 82), box(0, 100, 180, 82), box(0, 200, 180, 82), box(0, 300, 180, 82)].map((b) =>
      grow(b, focusRingPx),
    );
    const tall = boundsOf(column)!;
    const ta = bestArea(tall, areas, 0.94, 1.15);
    // The full height, between the buttons and the attribution.
    expect(ta).toEqual({ x: 47, y: 0, width: 723 - 62 - overlayGapPx - 47, height: 513 });
    const t = frameIn(tall, ta, 0.94, 1.15);
    for (const b of column) {
      const drawn = { x: b.x * t.zoom + t.x, y: b.y * t.zoom + t.y, width: b.width * t.zoom, height: b.height * t.zoom };
      expect(drawnInside(b, t, { x: 0, y: 0, width: 723, height: 513 })).toBe(true);
      expect(overlaps(drawn, controls)).toBe(false);
      expect(overlaps(drawn, attribution)).toBe(false);
    }
  });

  it('takes the roomier area when both show the box at the largest zoom', () => {
    const small = box(0, 0, 100, 50);
    const a = bestArea(small, [pane(300, 300), pane(600, 400)], 0.5, 1.15);
    expect(a).toEqual(pane(600, 400));
    // A box is centred in its area, not in the pane.
    const v = frameIn(small, { x: 100, y: 0, width: 400, height: 200 }, 0.5, 1);
    expect(50 * v.zoom + v.x).toBeCloseTo(300);
    expect(25 * v.zoom + v.y).toBeCloseTo(100);
  });

  it('shows the most of a box too big for any area: a tall one gets the tall area, not the wide one', () => {
    // L05's too-many when presenting: the billing group and its ninth consumer, 4 rows apart.
    const tall = box(0, 0, 500, 600);
    const areas = [
      { x: 47, y: 0, width: 1200, height: 545 },
      { x: 0, y: 0, width: 1247, height: 410 },
    ];
    expect(bestArea(tall, areas, 1.35, 1.6)).toEqual(areas[0]);
  });
});
