import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  frame,
  framedIds,
  nodeTextMinPx,
  overviewZoomMin,
  readableZoom,
  screenTextMinPx,
  tightPadPx,
  zoomFloor,
  type Box,
} from './camera.ts';

const box = (x: number, y: number, width = 180, height = 70): Box => ({ x, y, width, height });

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
    const ids = framedIds(boxes, ['topic', 'group'], { after: ['consumer'], before: ['producer'] }, 700, 400, 0.94);
    expect(ids.sort()).toEqual(['consumer', 'group', 'topic']);
    // Room for everything: everything.
    expect(framedIds(boxes, ['topic', 'group'], { after: ['consumer'], before: ['producer'] }, 1400, 400, 0.94)).toHaveLength(4);
    // Nothing focused (the playground): the whole graph.
    expect(framedIds(boxes, [], { after: [], before: [] }, 700, 400, 0.94)).toHaveLength(4);
    // A focused node that is not drawn (yet) is ignored rather than framing nothing.
    expect(framedIds(boxes, ['nope', 'group'], { after: [], before: [] }, 700, 400, 0.94)).toEqual(['group']);
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
