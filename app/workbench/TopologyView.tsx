/**
 * The topology drawn with React Flow: producers, topics, groups, consumers and brokers as custom
 * nodes, edges for who sends to whom. The layout comes from topology.ts (pure); statuses come from
 * the view through `NodeFaces`: the node list handed to React Flow is rebuilt only when the topology
 * or the highlighted nodes change, and each card re-renders only when its own face changes.
 *
 * A lesson step names the nodes it is about: those are outlined, their neighbours drawn in full,
 * and the rest folded to one line and dimmed, and the camera (camera.ts) frames the step's nodes at
 * a zoom where node text stays readable — re-framing when nodes appear or the pane changes size.
 * Nothing shrinks below that zoom, not even the learner's own zooming out: they pan instead. With
 * nothing in focus (the playground) the camera shows the whole graph, as before.
 */
import { ReactFlow, Background, Controls, useStore as useFlowStore, useStoreApi, type Edge, type ColorMode } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, type ReactNode } from 'react';
import { bestArea, boundsOf, clearAreas, focusRingPx, frameIn, framedIds, grow, zoomFloor, type Box } from './camera.ts';
import { FlightLegend } from './flight/FlightLayer.tsx';
import type { FlightLegendWords } from './flight/flight-tokens.ts';
import { isMotionReduced } from './flight/motion.ts';
import { NodeFacesContext, type NodeFaces } from './node-face.ts';
import type { Topology } from './topology.ts';
import { TopologyNodeCard, type Emphasis, type NodeCard } from './TopologyNodeCard.tsx';

const nodeTypes = { card: TopologyNodeCard };

export interface TopologyViewProps {
  topology: Topology;
  /** Each node's status, detail and actions, read by the cards themselves. */
  faces: NodeFaces;
  highlighted: readonly string[];
  onSelect: (nodeId: string) => void;
  colorMode: ColorMode;
  /** Drawn inside the flow pane, above the graph (records in flight). */
  overlay?: ReactNode;
  /** Presentation mode: text must read from the back of a room, so the camera zooms in further. */
  presenting?: boolean;
  /** What the shapes in flight mean, in the model's words (ModelUi.flightLegend). */
  legend?: FlightLegendWords;
}

/** Node ids one edge away from any of `ids`: downstream (`after`) and upstream (`before`). */
export function neighboursOf(topology: Topology, ids: ReadonlySet<string>): { after: string[]; before: string[] } {
  const after = new Set<string>();
  const before = new Set<string>();
  for (const e of topology.edges) {
    if (ids.has(e.source) && !ids.has(e.target)) after.add(e.target);
    if (ids.has(e.target) && !ids.has(e.source)) before.add(e.source);
  }
  return { after: [...after], before: [...before].filter((id) => !after.has(id)) };
}

export function TopologyView({
  topology,
  faces,
  highlighted,
  onSelect,
  colorMode,
  overlay,
  presenting = false,
  legend,
}: TopologyViewProps) {
  // A lesson passes a new array each render; the ids are what matter.
  const highlightKey = highlighted.join('\n');
  const { nodes, focus, near } = useMemo(() => {
    const present = new Set<string>(topology.nodes.map((n) => n.id));
    const lit = new Set<string>(highlightKey.split('\n').filter((id) => present.has(id)));
    const around = neighboursOf(topology, lit);
    const near = new Set([...around.after, ...around.before]);
    const downOut = new Set(topology.edges.filter((e) => e.down === true).map((e) => e.source));
    const downIn = new Set(topology.edges.filter((e) => e.down === true).map((e) => e.target));
    const emphasisOf = (id: string): Emphasis => (lit.size === 0 ? 'all' : lit.has(id) ? 'focus' : near.has(id) ? 'near' : 'far');
    const list = topology.nodes.map<NodeCard>((n) => ({
      id: n.id,
      type: 'card',
      position: n.position,
      // The status is the card's own text, so a status change never rebuilds the node list.
      ariaLabel: `${n.kind} ${n.label}`,
      data: {
        kind: n.kind,
        shape: n.shape,
        label: n.label,
        detail: n.detail,
        emphasis: emphasisOf(n.id),
        ...(downOut.has(n.id) || downIn.has(n.id) ? { down: { out: downOut.has(n.id), in: downIn.has(n.id) } } : {}),
      },
    }));
    return { nodes: list, focus: [...lit], near: around };
  }, [topology, highlightKey]);
  const edges = useMemo<Edge[]>(
    () =>
      topology.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.down === true ? 'bottom' : 'right',
        targetHandle: e.down === true ? 'top' : 'left',
        ariaLabel: e.label,
        focusable: false,
        className: [
          focus.length > 0 && !focus.includes(e.source) && !focus.includes(e.target) ? 'edge-far' : '',
          e.caption !== undefined ? 'edge-captioned' : '',
        ]
          .filter(Boolean)
          .join(' '),
        // A short caption drawn on the edge itself (a binding's key), when the model gives one.
        ...(e.caption !== undefined ? { label: e.caption } : {}),
      })),
    [topology, focus],
  );
  const zoomMin = zoomFloor(highlightKey !== '', presenting);
  return (
    <div className="topology" aria-label="Topology: who sends records to whom" data-zoom-min={zoomMin}>
      <NodeFacesContext value={faces}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          minZoom={zoomMin}
          maxZoom={2.5}
          colorMode={colorMode}
          // React Flow's credit is drawn in the legend row under the pane (FlightLegend), not in a
          // corner of the pane, where it covered cards and cost the camera a strip of the picture.
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, n) => onSelect(n.id)}
        >
          <Camera focus={focus} near={near} zoomMin={zoomMin} presenting={presenting} />
          <Background gap={24} />
          <Controls showInteractive={false} fitViewOptions={{ minZoom: zoomMin }} />
          {overlay}
        </ReactFlow>
      </NodeFacesContext>
      {overlay !== undefined && <FlightLegend {...(legend ? { words: legend } : {})} />}
    </div>
  );
}

let framings = 0;

interface CameraProps {
  focus: string[];
  near: { after: string[]; before: string[] };
  zoomMin: number;
  presenting: boolean;
}

/** What the camera keeps clear of: React Flow's panels (the zoom buttons) and a minimap. */
const overlaySelector = '.react-flow__panel, .react-flow__minimap';

/** The diagram's own overlays as boxes in pane px. */
function overlayBoxes(pane: HTMLElement | null): Box[] {
  if (!pane) return [];
  const p = pane.getBoundingClientRect();
  const out: Box[] = [];
  for (const el of pane.querySelectorAll(overlaySelector)) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push({ x: r.left - p.left, y: r.top - p.top, width: r.width, height: r.height });
  }
  return out;
}

function Camera({ focus, near, zoomMin, presenting }: CameraProps) {
  const flow = useStoreApi();
  // Each node's place and measured size, and the pane's: a card that grows (a far node brought into
  // focus unfolds its status and detail lines) is framed at its new size, not the one it had.
  const measuredKey = useFlowStore((s) => {
    const parts: string[] = [];
    for (const [id, n] of s.nodeLookup) {
      const { width, height } = n.measured;
      if (!width || !height) continue;
      const { x, y } = n.internals.positionAbsolute;
      parts.push(`${id}@${Math.round(x)},${Math.round(y)}:${Math.round(width)}x${Math.round(height)}`);
    }
    return `${parts.join('\n')}|${Math.round(s.width)}x${Math.round(s.height)}`;
  });
  const focusKey = focus.join('\n');
  const nearKey = `${near.after.join('\n')}|${near.before.join('\n')}`;
  useEffect(() => {
    const s = flow.getState();
    if (!s.width || !s.height) return;
    const boxes = new Map<string, Box>();
    for (const [id, n] of s.nodeLookup) {
      const { width, height } = n.measured;
      if (!width || !height) continue;
      // The focus ring is part of the card as drawn.
      boxes.set(id, grow({ ...n.internals.positionAbsolute, width, height }, focusRingPx));
    }
    if (boxes.size === 0) return;
    const split = (k: string): string[] => (k ? k.split('\n') : []);
    const [after = '', before = ''] = nearKey.split('|');
    const around = { after: split(after), before: split(before) };
    const areas = clearAreas(s.width, s.height, overlayBoxes(s.domNode));
    const ids = framedIds(boxes, split(focusKey), around, areas, zoomMin);
    const b = boundsOf(ids.map((id) => boxes.get(id)!));
    if (!b) return;
    const zoomMax = presenting ? 1.6 : 1.15;
    const v = frameIn(b, bestArea(b, areas, zoomMin, zoomMax), zoomMin, zoomMax);
    let live = true;
    // Tests wait for this mark before measuring what the camera shows. Linear, not d3's smooth
    // zoom, which zooms out mid-move on a long pan: both ends are readable, so every frame between is.
    void s.panZoom?.setViewport(v, { duration: isMotionReduced() ? 0 : 250, interpolate: 'linear' }).then(() => {
      if (live) s.domNode?.setAttribute('data-framed', String(++framings));
    });
    return () => {
      live = false;
    };
  }, [flow, measuredKey, focusKey, nearKey, zoomMin, presenting]);
  return null;
}
