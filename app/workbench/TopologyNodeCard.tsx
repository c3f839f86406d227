/**
 * One node of the topology: an icon and a shape per kind (never colour alone), the name as text,
 * its status as a word, a detail line, and its actions (crash, restart, slow down…) behind a
 * visible button that also opens on right-click, so touch, mouse and keyboard all reach them.
 *
 * While a lesson step focuses some nodes, the others are drawn quieter: neighbours in full, the
 * rest folded to their name alone ('far'). Text never goes below 12 px at zoom 1 (camera.ts relies
 * on it: nodeTextMinPx); the full detail is in the card's tooltip and the inspector.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import type { NodeChip, NodeStatus } from './view.ts';
import { useNodeFace } from './node-face.ts';
import type { NodeShape } from './topology.ts';
import { shortLabel } from './short-label.ts';

/** What does not change while the simulation runs; the rest comes from `useNodeFace`. */
export interface NodeCardData extends Record<string, unknown> {
  /** The model's word for the node. */
  kind: string;
  shape: NodeShape;
  label: string;
  detail: string;
  /** How much the current lesson step cares about this node ('all' when no step focuses any). */
  emphasis: Emphasis;
  /** Whether an edge leaves this card downwards (`out`) or arrives from above (`in`): see `down` in topology.ts. */
  down?: { out: boolean; in: boolean };
}

export type Emphasis = 'all' | 'focus' | 'near' | 'far';

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
  const detail = face.detail || data.detail;
  const line = face.cardDetail ?? detail;
  const chips = face.chips ?? [];
  return (
    <div
      className={`node-card node-${data.shape} status-${face.status} emphasis-${data.emphasis}${data.emphasis === 'focus' ? ' highlighted' : ''}`}
      title={`${data.kind} ${data.label} · ${face.statusWord ?? statusWords[face.status]}${detail ? ` · ${detail}` : ''}`}
      onContextMenu={(e) => {
        if (face.actions.length === 0) return;
        e.preventDefault();
        setMenuOpen(true);
      }}
    >
      <Handle type="target" id="left" position={Position.Left} isConnectable={false} />
      {/* For an edge drawn downwards, from a card to the one under it (topology.ts: `down`). */}
      <Handle
        type="target"
        id="top"
        position={Position.Top}
        isConnectable={false}
        className={data.down?.in === true ? '' : 'handle-idle'}
      />
      <div className="node-title">
        <span className="node-icon" aria-hidden="true">
          {icons[data.shape]}
        </span>
        <span className="node-label">{shortLabel(data.label)}</span>
      </div>
      <div className="node-status">
        <span className="node-kind">{data.kind}</span> · <strong>{face.statusWord ?? statusWords[face.status]}</strong>
      </div>
      {chips.length > 0 && <ChipRow chips={chips} />}
      {line && <div className={`node-detail${chips.length > 0 ? ' node-detail-short' : ''}`}>{line}</div>}
      {face.actions.length > 0 && (
        <details className="node-actions nodrag nopan" open={menuOpen} onToggle={(e) => setMenuOpen(e.currentTarget.open)}>
          <summary aria-label={`Actions for ${data.label}`}>
            <span aria-hidden="true">⋯</span>
          </summary>
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
      <Handle type="source" id="right" position={Position.Right} isConnectable={false} />
      <Handle
        type="source"
        id="bottom"
        position={Position.Bottom}
        isConnectable={false}
        className={data.down?.out === true ? '' : 'handle-idle'}
      />
    </div>
  );
}

/**
 * What a node holds, as chips (a consumer's partitions): one just handed over is marked "+" and
 * outlined, one just taken away "−" and struck through, so a rebalance reads as partitions moving
 * from one card to another — by sign and line, not colour alone.
 */
function ChipRow({ chips }: { chips: readonly NodeChip[] }) {
  return (
    <ul className="node-chips" aria-label="holds">
      {chips.map((c) => (
        <li key={`${c.state}:${c.label}`} className={`node-chip chip-${c.state}`}>
          {c.state === 'assigned' ? '+' : c.state === 'revoked' ? '−' : ''}
          {c.label}
          {c.state !== 'kept' && (
            <span className="visually-hidden">{c.state === 'assigned' ? ' (just assigned)' : ' (just revoked)'}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export const TopologyNodeCard = memo(NodeCardView);
