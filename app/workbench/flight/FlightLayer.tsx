/**
 * Records in flight: one canvas over the React Flow pane, drawn from the workbench store with
 * requestAnimationFrame. Nothing here re-renders React per frame: the component mounts a canvas
 * once, then `subscribe`s to the workbench store (clock, view) and to React Flow's store (pan,
 * zoom, node sizes) and redraws on the next frame when either changes — and not at all while
 * nothing does. Tokens are shaped by kind (round: a record; square: a batch; diamond: a commit or
 * assignment), coloured by key and labelled with it, so colour is never the only cue.
 *
 * Each frame this works out where the tokens are and passes them, as numbers, to a painter
 * (flight-surface.ts): a worker that owns the canvas where the browser allows, so that copying the
 * sprites and committing the canvas happen off the main thread.
 *
 * Tokens on the same route at the same moment are drawn once with a count; a token inside a node
 * is not drawn over its text; labels go where they cover no node and no other label, or are left
 * out (flight-labels.ts). A one-line legend under the diagram says what the shapes mean.
 *
 * With reduced motion nothing flies: the nodes the last step touched get an outline for a moment,
 * and the records it moved are held still near where each arrived, labelled (fan-out: one copy
 * before each group).
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { TraceEntryView } from '../view.ts';
import type { WorkbenchStore } from '../store.ts';
import type { Topology } from '../topology.ts';
import { createRouteTable, type RouteTable } from './flight-map.ts';
import { polylineOf, type Polyline, type Rect } from './flight-geometry.ts';
import {
  carriedSince,
  changedNodes,
  FlightBuffer,
  flightSpanMs,
  flightVirtualMs,
  messageLegend,
  tokensAt,
  tokenStyle,
  type FlightLegendWords,
  type FlightToken,
} from './flight-tokens.ts';
import { isMotionReduced, watchMotion } from './motion.ts';
import { rectStride, type FrameMsg } from './flight-paint.ts';
import { copiesInFlight, groupTokens, type RecordCopies, type ScreenRect } from './flight-labels.ts';
import { layoutTokens } from './flight-frame.ts';
import { acquireSurface, releaseSurface } from './flight-surface.ts';
import './flight.css';

/** How long a reduced-motion highlight stays, in real ms. */
export const highlightMs = 900;
/** Reduced motion: records held still at this share of their first hop (just short of the node). */
const heldAt = 0.85;
/** Reduced motion: records held at most per step (the newest). */
const heldMax = 120;
/** Below this zoom, labels would be unreadable smudges: draw shapes only. */
const labelZoomMin = 0.45;
const pixelRatioMax = 2;

/** What the canvas tells tests about its labels (an expando property: no DOM write per frame). */
type LabelledCanvas = HTMLCanvasElement & {
  flightLabels?: Array<{ x: number; y: number; w: number; h: number }>;
  flightCopies?: RecordCopies[];
};

export function FlightLayer<C>({ store, topology }: { store: WorkbenchStore<C>; topology: Topology }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const surface = canvas ? acquireSurface(canvas) : null;
    if (!canvas || !surface) return;
    canvas.dataset.painter = surface.offThread ? 'worker' : 'main';
    const routes: RouteTable = createRouteTable(topology);
    const buffer = new FlightBuffer();
    const tokens: FlightToken[] = [];
    const placed: ScreenRect[] = [];
    const labels: string[] = [];
    let polylines = new Map<readonly string[], Polyline | undefined>();
    let lookup = flow.getState().nodeLookup;
    let lookupSize = -1;
    const highlights = new Map<string, number>();
    const held = new Map<TraceEntryView, number>();
    let lastId = store.getState().view.entries.at(-1)?.id ?? -1;
    let reduced = isMotionReduced();
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const shown: Record<string, number> = {};
    let textColour = '#111';
    let haloColour = '#fff';
    // The canvas's CSS size, from the ResizeObserver (reading it each frame would force a layout).
    let cssWidth = 0;
    let cssHeight = 0;

    const readColours = (): void => {
      const cs = getComputedStyle(canvas);
      textColour = cs.color || textColour;
      haloColour = cs.getPropertyValue('--surface').trim() || haloColour;
    };
    const rectOf = (id: string): Rect | undefined => {
      const n = lookup.get(id);
      const w = n?.measured.width;
      const h = n?.measured.height;
      if (!n || !w || !h) return undefined;
      return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: w, height: h };
    };
    /** Every node's card, in device pixels of the canvas: tokens hide inside, labels keep off. */
    const nodeRects = (ratio: number, tx: number, ty: number, zoom: number): ScreenRect[] => {
      const out: ScreenRect[] = [];
      for (const n of lookup.values()) {
        const w = n.measured.width;
        const h = n.measured.height;
        if (!w || !h) continue;
        const { x, y } = n.internals.positionAbsolute;
        out.push({ x: (x * zoom + tx) * ratio, y: (y * zoom + ty) * ratio, w: w * zoom * ratio, h: h * zoom * ratio });
      }
      return out;
    };
    const polylineFor = (route: readonly string[]): Polyline | undefined => {
      // A route drawn before React Flow measured its nodes has no polyline yet: try again later.
      if (polylines.get(route) === undefined) polylines.set(route, polylineOf(route, rectOf));
      return polylines.get(route);
    };
    const report = (counts: {
      tokens: number;
      highlights: number;
      records?: number;
      labels?: number;
      groups?: number;
      fanout?: number;
      held?: number;
    }): void => {
      // Exposed for tests and the benchmark; each attribute is written only when it changes.
      for (const [k, v] of Object.entries(counts)) if (shown[k] !== v) canvas.dataset[k] = String((shown[k] = v));
    };

    /** Outlines, in device pixels, of the nodes the last step touched (reduced motion). */
    const highlightRects = (ratio: number, tx: number, ty: number, zoom: number): Float32Array => {
      const now = performance.now();
      let next = Infinity;
      const out: number[] = [];
      for (const [id, until] of highlights) {
        if (until <= now) {
          highlights.delete(id);
          continue;
        }
        next = Math.min(next, until);
        const r = rectOf(id);
        if (!r) continue;
        out.push(((r.x - 5) * zoom + tx) * ratio, ((r.y - 5) * zoom + ty) * ratio);
        out.push((r.width + 10) * zoom * ratio, (r.height + 10) * zoom * ratio);
      }
      if (next < Infinity) {
        clearTimeout(timer);
        timer = setTimeout(schedule, next - now + 5);
      }
      return new Float32Array(out);
    };

    /**
     * Reduced motion: the records the last step moved, held still near where each arrives (a fetch
     * just before its group), for as long as the outlines show — one copy per group, each with the
     * record's label, without motion. Fills `tokens`; returns how many.
     */
    const heldTokens = (): number => {
      const now = performance.now();
      let k = 0;
      for (const [h, until] of held) {
        if (until <= now) {
          held.delete(h);
          continue;
        }
        const route = routes.routeOf(h);
        if (!route) continue;
        tokens[k++] = { id: h.id, route, progress: heldAt / Math.max(1, route.length - 1), ...tokenStyle(h) };
      }
      return k;
    };

    const draw = (): void => {
      frame = 0;
      const fs = flow.getState();
      if (fs.nodeLookup !== lookup || fs.nodeLookup.size !== lookupSize) {
        // Node sizes arrive after the first render: rebuild polylines when React Flow measured.
        lookup = fs.nodeLookup;
        lookupSize = lookup.size;
        polylines = new Map();
      }
      const ratio = Math.min(window.devicePixelRatio || 1, pixelRatioMax);
      const cw = Math.round(cssWidth * ratio);
      const ch = Math.round(cssHeight * ratio);
      const [tx, ty, zoom] = fs.transform;
      const s = store.getState();
      const msg: FrameMsg = {
        type: 'frame',
        width: cw,
        height: ch,
        ratio,
        text: textColour,
        halo: haloColour,
        ops: new Float32Array(0),
        opCount: 0,
        labels,
        rects: new Float32Array(0),
        rectCount: 0,
      };
      labels.length = 0;

      let n: number;
      if (reduced) {
        msg.rects = highlightRects(ratio, tx, ty, zoom);
        msg.rectCount = msg.rects.length / rectStride;
        n = heldTokens();
      } else {
        n = tokensAt(buffer.items, s.clockMs, flightVirtualMs(s.speed), routes, tokens);
      }
      placed.length = 0;
      const frameOps = layoutTokens(groupTokens(tokens, n), {
        polylineFor,
        transform: [tx, ty, zoom],
        ratio,
        canvas: { w: cw, h: ch },
        nodes: nodeRects(ratio, tx, ty, zoom),
        showLabels: zoom >= labelZoomMin,
        labels,
        placed,
      });
      const { ops, count, drawn, records, merged } = frameOps;
      // For tests: where the labels went this frame, in CSS px of the canvas, and which records
      // fly to how many receivers at once (fan-out: one record's copies, one per group).
      (canvas as LabelledCanvas).flightLabels = placed.map((b) => ({
        x: b.x / ratio,
        y: b.y / ratio,
        w: b.w / ratio,
        h: b.h / ratio,
      }));
      const copies = copiesInFlight(merged);
      (canvas as LabelledCanvas).flightCopies = copies;
      msg.ops = ops;
      msg.opCount = count;
      surface.paint(msg);
      report({
        // With reduced motion nothing flies: the records a step moved are held still, outlined.
        tokens: reduced ? 0 : drawn,
        held: reduced ? drawn : 0,
        highlights: reduced ? highlights.size : 0,
        records,
        labels: labels.length,
        groups: count,
        fanout: copies[0]?.to.length ?? 0,
      });
    };
    function schedule(): void {
      if (!frame) frame = requestAnimationFrame(draw);
    }

    const take = (entries: readonly TraceEntryView[], cursor: number): void => {
      const back = buffer.merge(entries, cursor);
      const newest = entries.at(-1)?.id ?? -1;
      if (reduced && !back) {
        const until = performance.now() + highlightMs;
        for (const id of changedNodes(entries, lastId, routes)) highlights.set(id, until);
        for (const h of carriedSince(entries, lastId, heldMax)) held.set(h, until);
      }
      lastId = newest;
    };
    take(store.getState().view.entries, store.getState().cursor);
    highlights.clear();
    readColours();

    const unsubStore = store.subscribe((s, prev) => {
      if (s.view !== prev.view) take(s.view.entries, s.cursor);
      if (s.view !== prev.view || s.clockMs !== prev.clockMs || s.speed !== prev.speed) {
        // Keep the buffer short: nothing older than the longest flight can show again.
        buffer.prune(s.clockMs - flightSpanMs(flightVirtualMs(s.speed)) - 1);
        schedule();
      }
    });
    const unsubFlow = flow.subscribe((s, prev) => {
      if (
        s.transform !== prev.transform ||
        s.nodeLookup !== prev.nodeLookup ||
        s.width !== prev.width ||
        s.height !== prev.height
      )
        schedule();
    });
    const unwatch = watchMotion(() => {
      reduced = isMotionReduced();
      highlights.clear();
      held.clear();
      schedule();
    });
    const themeWatch = new MutationObserver(() => {
      readColours();
      schedule();
    });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
    const ro = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box) [cssWidth, cssHeight] = [box.width, box.height];
      schedule();
    });
    ro.observe(canvas);
    schedule();
    return () => {
      unsubStore();
      unsubFlow();
      unwatch();
      themeWatch.disconnect();
      ro.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      releaseSurface(canvas);
    };
  }, [store, topology, flow]);

  return <canvas ref={canvasRef} className="flight-layer" aria-hidden="true" data-tokens="0" data-highlights="0" />;
}

/**
 * What the token shapes mean, in words beside each shape the model draws (the canvas draws the
 * same shapes), in the model's own words: Kafka's batches and commits are not a two-phase
 * commit's. One line under the diagram rather than over it, so it never covers a node; it also
 * carries React Flow's credit, which would otherwise sit over the pane's corner.
 */
export function FlightLegend({ words = messageLegend }: { words?: FlightLegendWords }) {
  return (
    <p className="flight-legend">
      <span className="flight-legend-title">In flight:</span>
      {(['record', 'batch', 'control'] as const).map(
        (shape) =>
          words[shape] !== undefined && (
            <span key={shape}>
              <span className={`flight-swatch swatch-${shape}`} aria-hidden="true" /> {words[shape]}
            </span>
          ),
      )}
      <span>
        <strong>×3</strong> travelling together
      </span>
      {/* The diagram library's credit, here rather than over a corner of the picture. */}
      <a className="flight-legend-credit" href="https://reactflow.dev" target="_blank" rel="noopener">
        Diagram: React Flow
      </a>
    </p>
  );
}
