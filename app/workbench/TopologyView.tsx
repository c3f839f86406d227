/**
 * The topology drawn with React Flow: producers, topics, groups, consumers and brokers as custom
 * nodes, edges for who sends to whom. The layout comes from topology.ts (pure); statuses come from
 * the view. Nodes are memoised and rebuilt only when the topology or a node's status changes.
 */
import { ReactFlow, Background, Controls, type Edge, type ColorMode } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, type ReactNode } from 'react';
import type { NodeView } from './adapter.ts';
import type { Topology } from './topology.ts';
import { TopologyNodeCard, type NodeCard } from './TopologyNodeCard.tsx';

const nodeTypes = { card: TopologyNodeCard };

export interface TopologyViewProps {
  topology: Topology;
  statuses: readonly NodeView[];
  highlighted: readonly string[];
  actionsFor: (nodeId: string) => Array<{ label: string; run: () => void }>;
  onSelect: (nodeId: string) => void;
  colorMode: ColorMode;
  /** Drawn inside the flow pane, above the graph (records in flight). */
  overlay?: ReactNode;
}

export function TopologyView({ topology, statuses, highlighted, actionsFor, onSelect, colorMode, overlay }: TopologyViewProps) {
  const byId = useMemo(() => new Map(statuses.map((s) => [s.id, s])), [statuses]);
  const nodes = useMemo<NodeCard[]>(
    () =>
      topology.nodes.map((n) => {
        const st = byId.get(n.id);
        return {
          id: n.id,
          type: 'card',
          position: n.position,
          ariaLabel: `${n.kind} ${n.label}, ${st?.status ?? 'ok'}`,
          data: {
            kind: n.kind,
            label: n.label,
            detail: n.detail,
            status: st?.status ?? 'ok',
            statusDetail: st?.detail ?? '',
            actions: actionsFor(n.id),
            highlighted: highlighted.includes(n.id),
          },
        };
      }),
    [topology, byId, highlighted, actionsFor],
  );
  const edges = useMemo<Edge[]>(
    () =>
      topology.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ariaLabel: e.label,
        focusable: false,
      })),
    [topology],
  );
  return (
    <div className="topology" aria-label="Topology: who sends records to whom">
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
      </ReactFlow>
    </div>
  );
}
