/**
 * One node of the topology: an icon and a shape per kind (never colour alone), the name as text,
 * its status as a word, a detail line, and its actions (crash, restart, slow down…) behind a
 * visible button that also opens on right-click, so touch, mouse and keyboard all reach them.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { NodeStatus } from './adapter.ts';
import type { TopologyNodeKind } from './topology.ts';

export interface NodeCardData extends Record<string, unknown> {
  kind: TopologyNodeKind;
  label: string;
  detail: string;
  status: NodeStatus;
  statusDetail: string;
  actions: Array<{ label: string; run: () => void }>;
  highlighted: boolean;
}

export type NodeCard = Node<NodeCardData, 'card'>;

const icons: Record<TopologyNodeKind, string> = {
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
};

const statusWords: Record<NodeStatus, string> = {
  ok: 'running',
  crashed: 'crashed',
  slow: 'slow',
  idle: 'idle',
  busy: 'processing',
  rebalancing: 'rebalancing',
  offline: 'offline',
  error: 'error',
};

function NodeCardView({ data }: NodeProps<NodeCard>) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div
      className={`node-card node-${data.kind} status-${data.status}${data.highlighted ? ' highlighted' : ''}`}
      onContextMenu={(e) => {
        if (data.actions.length === 0) return;
        e.preventDefault();
        setMenuOpen(true);
      }}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="node-title">
        <span className="node-icon" aria-hidden="true">
          {icons[data.kind]}
        </span>
        <span className="node-label">{data.label}</span>
      </div>
      <div className="node-status">
        <span className="node-kind">{data.kind}</span> · <strong>{statusWords[data.status]}</strong>
      </div>
      {(data.statusDetail || data.detail) && <div className="node-detail">{data.statusDetail || data.detail}</div>}
      {data.actions.length > 0 && (
        <details className="node-actions nodrag nopan" open={menuOpen} onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
          <summary aria-label={`Actions for ${data.label}`}>Actions</summary>
          <div className="node-actions-list">
            {data.actions.map((a) => (
              <button
                key={a.label}
                type="button"
                onClick={() => {
                  setMenuOpen(false);
                  a.run();
                }}
              >
                {a.label}
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
