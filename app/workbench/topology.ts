/**
 * The topology the workbench draws with React Flow: nodes and edges, as plain data a model's
 * registry entry builds from its state (app/models/<id>/).
 *
 * A node carries the model's own word for what it is (`kind`: "topic", "exchange", "participant")
 * and one of the workbench's shapes to draw it with, so each kind looks different without colour
 * and the workbench needs no list of every model's kinds. Positions come from the model, laid out
 * left to right in the direction messages flow, because a learner reads the flow as the story.
 */
import type { NodeId } from '../../simulator/index.ts';

/** The outlines and icons the workbench can draw (workbench.css `.node-<shape>`). */
export const nodeShapes = [
  'producer',
  'topic',
  'group',
  'consumer',
  'broker',
  'store',
  'stream',
  'aggregate',
  'projection',
  'snapshot',
  'service',
  'orchestrator',
  'exchange',
  'queue',
  'database',
] as const;
export type NodeShape = (typeof nodeShapes)[number];

export interface TopologyNode {
  id: NodeId;
  /** The model's word for the node, shown on its card ("topic", "participant"). */
  kind: string;
  /** How the workbench draws it. */
  shape: NodeShape;
  /** The name a learner reads, shown as text (never as HTML). */
  label: string;
  /** Extra facts for the node's face, e.g. "3 partitions · RF 2". */
  detail: string;
  position: { x: number; y: number };
}

export interface TopologyEdge {
  id: string;
  source: NodeId;
  target: NodeId;
  /** What travels along the edge, for its accessible name. */
  label: string;
  /** A few words drawn on the edge (a binding's routing key), when what it carries needs saying. */
  caption?: string;
  /**
   * Drawn from the bottom of the source to the top of the target, for a target laid out under its
   * source (a producer above its topic); otherwise from the source's right to the target's left.
   */
  down?: boolean;
}

export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}
