/**
 * What the workbench draws, whatever the model: nodes with a status and a line of detail, the
 * recent trace entries in plain words, headline counters, titled sections of rows, and — for the
 * panels a model registers itself (app/models/<id>/) — a slice only that model reads.
 *
 * A model turns its plain-data state into this view (DESIGN.md: data flows one way), so the
 * components never compute domain behaviour and never learn a model's words: no model fakes
 * another model's fields to fit a panel.
 */
import type { NodeId, Result } from '../../simulator/index.ts';
import type { MomentView } from './moment.ts';
import type { Topology } from './topology.ts';

export type NodeStatus = 'ok' | 'crashed' | 'left' | 'slow' | 'idle' | 'busy' | 'rebalancing' | 'offline' | 'error';

export interface NodeView {
  id: NodeId;
  status: NodeStatus;
  /** The model's own word for the status (a 2PC participant "blocked"); defaults to the status's word. */
  statusWord?: string;
  /** One short line under the name, e.g. "owns orders-0, orders-2". */
  detail: string;
  /** What the node holds, drawn as chips on its card (a consumer's partitions), if the model says. */
  chips?: NodeChip[];
  /** The card's line under the chips, when the chips already say part of `detail` (default: detail). */
  cardDetail?: string;
}

/** One thing a node holds; 'assigned' and 'revoked' mark what the latest change moved. */
export interface NodeChip {
  label: string;
  state: 'kept' | 'assigned' | 'revoked';
}

/** One trace entry as the trace log, the narration, the sequence diagram and the flight layer show it. */
export interface TraceEntryView {
  id: number;
  atMs: number;
  type: string;
  text: string;
  /** Nodes this entry touches (for filters and highlights). */
  nodes: NodeId[];
  correlationId?: string;
  /** What the entry moves: from one node to another (tokens in flight, sequence-diagram arrows). */
  from?: NodeId;
  to?: NodeId;
  /** The record's key, for entries about one record (null: a record without a key). */
  key?: string | null;
}

/**
 * One row of a section: a thing with a status (shown as icon + word) and a line of detail, e.g. a
 * saga step "charge-payment · failed · card declined".
 */
export interface SectionRow {
  label: string;
  /** Picks the icon (and the colour on top of it); the word comes from `statusWord` when set. */
  status: NodeStatus;
  /** The model's own word for the status (a saga step's "compensated"); defaults to the status's word. */
  statusWord?: string;
  detail: string;
  /** The topology node the row is about, when there is one (for highlights and the inspector). */
  nodeId?: NodeId;
}

/** A titled list of rows: a saga's steps, an event store's projections, a 2PC transaction's votes. */
export interface ViewSection {
  /** Unique within the view; the title is used when absent. */
  id?: string;
  title: string;
  /** One sentence under the title, e.g. "compensated — charge-payment failed: card declined". */
  summary?: string;
  rows: SectionRow[];
}

export interface WorkbenchView {
  nowMs: number;
  nodes: NodeView[];
  /** Recent trace entries, oldest first. */
  entries: TraceEntryView[];
  /** Headline numbers, e.g. produced / delivered / lost. */
  counters: Array<{ label: string; value: number }>;
  sections?: ViewSection[];
  /** What only the model's own panels read (Kafka: partitions and groups; the event store: streams). */
  model?: unknown;
  /** The key moment to draw under the topology now (a saga compensating, a replay…), if any. */
  moment?: MomentView;
}

/**
 * Every entry a run keeps, oldest first, each with the way the workbench shows it. `total` counts
 * every entry ever written: a scenario that asked for a summary trace keeps only the newest.
 */
export interface FullTrace {
  total: number;
  kept: readonly object[];
  show(entry: object): TraceEntryView;
}

/** A learner action on a node, offered as a button and in the node's menu. */
export interface NodeAction<C> {
  label: string;
  command: C;
}

/**
 * A model bound to one scenario, as the workbench store drives it (app/models/bind.ts builds it
 * from a model's registry entry). The store never sees a model's own types beyond `S` and `C`.
 */
export interface BoundModel<S, C extends { type: string }> {
  /** Builds the initial state for a seed. */
  init(seed: number): S;
  /** Applies one command in place; an impossible command returns an error value. */
  apply(state: S, command: C): Result<unknown>;
  clone(state: S): S;
  /** Which nodes and edges exist. */
  topology(state: S): Topology;
  view(state: S): WorkbenchView;
  /** Virtual time now (cheaper than building the view, for the play clock). */
  nowMs(state: S): number;
  /** Virtual time of the next thing that belongs to the run, or undefined when it is over. */
  nextAtMs(state: S): number | undefined;
  /** How many trace entries the run has written so far (entry ids are 0..n-1). */
  traceLength(state: S): number;
  /** One command that runs to the end of the scenario, when the model has such an end. */
  runToEndCommand?(state: S): C | undefined;
  /** The command that runs one trace entry. */
  stepCommand: C;
  /** The whole trace the run keeps at `state`, for an export (not the view's newest entries only). */
  fullTrace?(state: S): FullTrace;
  /** Actions offered on a node in this state (crash, restart, slow down, …). */
  nodeActions(state: S, nodeId: string): Array<NodeAction<C>>;
}
