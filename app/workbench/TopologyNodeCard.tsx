/**
 * One node of the topology: an icon and a shape per kind (never colour alone), the name as text,
 * its status as a word, a detail line, and its actions (crash, restart, slow down…) behind a
 * visible button that also opens on right-click, so touch, mouse and keyboard all reach them.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { NodeStatus } from './view.ts';
import { useNodeFace } from './node-face.ts';
import type { NodeShape } from './topology.ts';

/** What does not change while the simulation runs; the rest comes from `useNodeFace`. */
export interface NodeCardData extends Record<string, unknown> {
  /** The model's word for the node. */
  kind: string;
  shape: NodeShape;
  label: string;
  detail: string;
  highlighted: boolean;
}

export type NodeCard = Node<NodeCardData, 'card'>;

const icons: Record<NodeShape, string> = {
  producer: '⇢',
  topic: '☰',
  group: '⊞',
  consumer: '◉',
  broker: '▣',
  store: '▦',
  stream: '≡',
  aggregate: '◆',
  projection: '▤',
  snapshot: '◈',
  service: '◐',
  orchestrator: '✱',
  exchange: '⇉',
  queue: '⋮',
  database: '⛁',
};

const statusWords: Record<NodeStatus, string> = {
  ok: 'running',
  crashed: 'crashed',
  left: 'left the group',
  slow: 'slow',
  idle: 'idle',
  busy: 'processing',
  rebalancing: 'rebalancing',
  offline: 'offline',
  error: 'error',
};

function NodeCardView({ id, data }: NodeProps<NodeCard>) {
  const [menuOpen, setMenuOpen] = useState(false);
  const face = useNodeFace(id);
  return (
    <div
      className={`node-card node-${data.shape} status-${face.status}${data.highlighted ? ' highlighted' : ''}`}
      onContextMenu={(e) => {
        if (face.actions.length === 0) return;
        e.preventDefault();
        setMenuOpen(true);
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="node-title">
        <span className="node-icon" aria-hidden="true">
          {icons[data.shape]}
        </span>
        <span className="node-label">{data.label}</span>
      </div>
      <div className="node-status">
        <span className="node-kind">{data.kind}</span> · <strong>{statusWords[face.status]}</strong>
      </div>
      {(face.detail || data.detail) && <div className="node-detail">{face.detail || data.detail}</div>}
      {face.actions.length > 0 && (
        <details className="node-actions nodrag nopan" open={menuOpen} onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
          <summary aria-label={`Actions for ${data.label}`}>Actions</summary>
          <div className="node-actions-list">
            {face.actions.map((label) => (
              <button
                key={label}
                type="button"
                onClick={() => {
                  setMenuOpen(false);
                  face.run(label);
                }}
              >
                {label}
              </button>
            ))}
          </div>
        </details>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

export const TopologyNodeCard = memo(NodeCardView);
