/**
 * The topology drawn with React Flow: producers, topics, groups, consumers and brokers as custom
 * nodes, edges for who sends to whom. The layout comes from topology.ts (pure); statuses come from
 * the view through `NodeFaces`: the node list handed to React Flow is rebuilt only when the topology
 * or the highlighted nodes change, and each card re-renders only when its own face changes.
 */
import { ReactFlow, Background, Controls, type Edge, type ColorMode } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type ReactNode } from 'react';
import { NodeFacesContext, type NodeFaces } from './node-face.ts';
import type { Topology } from './topology.ts';
import { TopologyNodeCard, type NodeCard } from './TopologyNodeCard.tsx';
import { RefitOnNewNodes } from './RefitOnNewNodes.tsx';

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
}

export function TopologyView({ topology, faces, highlighted, onSelect, colorMode, overlay }: TopologyViewProps) {
  // A lesson passes a new array each render; the ids are what matter.
  const highlightKey = highlighted.join('\n');
  const nodes = useMemo<NodeCard[]>(() => {
    const lit = new Set(highlightKey.split('\n'));
    return topology.nodes.map((n) => ({
      id: n.id,
      type: 'card',
      position: n.position,
      // The status is the card's own text, so a status change never rebuilds the node list.
      ariaLabel: `${n.kind} ${n.label}`,
      data: { kind: n.kind, shape: n.shape, label: n.label, detail: n.detail, highlighted: lit.has(n.id) },
    }));
  }, [topology, highlightKey]);
  const edges = useMemo<Edge[]>(
    () =>
      topology.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ariaLabel: e.label,
        focusable: false,
        // A short caption drawn on the edge itself (a binding's key), when the model gives one.
        ...(e.caption !== undefined ? { label: e.caption, className: 'edge-captioned' } : {}),
      })),
    [topology],
  );
  return (
    <div className="topology" aria-label="Topology: who sends records to whom">
      <NodeFacesContext value={faces}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          fitView
          fitViewOptions={{ padding: 0.15 }}
          minZoom={0.2}
          colorMode={colorMode}
          proOptions={{ hideAttribution: false }}
          onNodeClick={(_, n) => onSelect(n.id)}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          {overlay}
          <RefitOnNewNodes idsKey={topology.nodes.map((n) => n.id).join('\n')} />
        </ReactFlow>
      </NodeFacesContext>
    </div>
  );
}
