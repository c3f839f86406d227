/**
 * What the workbench needs from a simulation model, and what it draws.
 *
 * The workbench is model-agnostic: Kafka today, the event store and sagas next. A model plugs in
 * through a `SimAdapter`, which turns its plain-data state into a `WorkbenchView` — nodes with a
 * status, partition strips, group panels, recent happenings in plain language. Components read only
 * the view, so they never compute domain behaviour themselves (DESIGN.md: data flows one way).
 */
import type { Result } from '../../simulator/core/errors.ts';
import type { Topology } from './topology.ts';

export type NodeStatus = 'ok' | 'crashed' | 'slow' | 'idle' | 'busy' | 'rebalancing' | 'offline' | 'error';

export interface NodeView {
  id: string;
  status: NodeStatus;
  /** One short line under the name, e.g. "owns orders-0, orders-2". */
  detail: string;
}

export interface StripCell {
  offset: number;
  key: string | null;
}

export interface StripPointer {
  /** Who the pointer belongs to, e.g. a group id. */
  label: string;
  offset: number | null;
  /** Lag at this pointer (HW − committed), null when unknown. */
  lag: number | null;
}

export interface PartitionView {
  id: string;
  /**
   * What the strip is: a Kafka partition (the default), or an event-store stream, where offsets
   * are revisions and replication words (leader, ISR, high watermark) do not apply.
   */
  kind?: 'partition' | 'stream';
  topic: string;
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  leader: string | null;
  isr: string[];
  /** The newest cells (a window; `logEndOffset - cells.length` says how many more there are). */
  cells: StripCell[];
  pointers: StripPointer[];
}

export interface MemberView {
  consumer: string;
  status: NodeStatus;
  partitions: string[];
  /** Partitions this member gave up in the group's latest rebalance, if any. */
  revoked?: string[];
  /** Partitions this member was handed in the group's latest rebalance, if any. */
  assigned?: string[];
}

export interface GroupView {
  id: string;
  phase: string;
  generation: number;
  members: MemberView[];
  lag: number | null;
}

export interface HappeningView {
  id: number;
  atMs: number;
  type: string;
  text: string;
  /** Node ids this happening touches (for filters and highlights). */
  nodes: string[];
  correlationId?: string;
  /** For sequence diagrams: who sent what to whom. */
  from?: string;
  to?: string;
  /** The record's key, for happenings about one record (null: a record without a key). */
  key?: string | null;
}

/**
 * One row of a model-specific section: a thing with a status (shown as icon + word) and a line of
 * detail, e.g. a saga step "charge-payment · failed · card declined".
 */
export interface SectionRow {
  label: string;
  /** Picks the icon (and the colour on top of it); the word comes from `statusWord` when set. */
  status: NodeStatus;
  /** The model's own word for the status (a saga step's "compensated"); defaults to the status's word. */
  statusWord?: string;
  detail: string;
  /** The topology node the row is about, when there is one (for highlights and the inspector). */
  nodeId?: string;
}

/**
 * A titled list of rows for what partitions and groups cannot say: a saga's steps, an event
 * store's projections, the last load of an aggregate. Models add these without new panels.
 */
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
  partitions: PartitionView[];
  groups: GroupView[];
  /** Recent happenings, oldest first. */
  happenings: HappeningView[];
  /** Headline numbers, e.g. produced / delivered / lost. */
  counters: Array<{ label: string; value: number }>;
  /** Model-specific sections (saga steps, projections…); absent for models that need none. */
  sections?: ViewSection[];
}

/** A learner action on a node, offered as a button and in the node's menu. */
export interface NodeAction<C> {
  label: string;
  command: C;
}

export interface SimAdapter<S, C extends { type: string }> {
  /** Builds the initial state for a seed. */
  init(seed: number): S;
  /** Applies one command in place; an impossible command returns an error value. */
  apply(state: S, command: C): Result<unknown>;
  clone(state: S): S;
  /** The static picture: which nodes and edges exist. */
  topology(state: S): Topology;
  view(state: S): WorkbenchView;
  /** Virtual time now (cheaper than building the view, for the play clock). */
  nowMs?(state: S): number;
  /** Virtual time of the next scheduled happening, or undefined when nothing is scheduled. */
  nextAtMs(state: S): number | undefined;
  /** How many trace entries the run has produced so far (entry ids are 0..n-1). */
  traceLength(state: S): number;
  /**
   * One command that runs to the end of the scenario, when the model has such an end (the
   * transport's End button). Without it, End steps happening by happening up to a bound.
   */
  runToEndCommand?(state: S): C | undefined;
  /** The command that runs one happening. */
  stepCommand: C;
  /** Actions offered on a node in this state (crash, restart, slow down, …). */
  nodeActions(state: S, nodeId: string): Array<NodeAction<C>>;
}
