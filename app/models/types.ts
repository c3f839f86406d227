/**
 * What a model gives the app: its simulator half (the `SimModel` contract, simulator/core/model.ts)
 * plus how it looks — its view, its topology, the actions on its nodes, its own panels and its
 * built-in scenarios. One of these per model in `app/models/<id>/`, listed once in
 * `app/models/index.ts`, which the playground, the lesson player and share links read. Nothing else
 * in the app knows which models exist.
 */
import type { ComponentType, ReactNode } from 'react';
import type { NodeId, SimModel, TraceBase } from '../../simulator/index.ts';
import type { Fact, Inspection, InspectTarget } from '../workbench/panels/inspect.ts';
import type { WorkbenchStore } from '../workbench/store.ts';
import type { FlightLegendWords } from '../workbench/flight/flight-tokens.ts';
import type { Topology } from '../workbench/topology.ts';
import type { NodeAction, WorkbenchView } from '../workbench/view.ts';

/** A scenario the playground offers for a model. */
export interface BuiltInScenario {
  /** Stable: links carry it. Letters, digits, dots, dashes, underscores. */
  id: string;
  title: string;
  /** Untrusted until the model's `loadScenario` has checked it (a bad edit shows an error, not a crash). */
  raw: unknown;
}

/** What a model's panel is handed. */
export interface PanelProps {
  store: WorkbenchStore<{ type: string }>;
  onInspect: (target: InspectTarget) => void;
  selected: InspectTarget | null;
}

/** A tab only this model shows (Kafka's partition strips, the event store's streams). */
export interface ModelPanel {
  id: string;
  label: string;
  render: (props: PanelProps) => ReactNode;
}

/** Extra controls a model puts in the playground's head (Kafka: produce a record). */
export type ModelTools = ComponentType<{ store: WorkbenchStore<{ type: string }>; scenario: unknown }>;

export interface ModelUi<Scn, S, C extends { type: string }, E extends TraceBase> {
  readonly model: SimModel<Scn, S, C, E>;
  /** The playground's choices; the first is the default. At least one. */
  readonly scenarios: readonly BuiltInScenario[];
  view(state: S): WorkbenchView;
  /** Which nodes and edges exist now (nodes may appear as the run goes on). */
  topology(state: S, scenario: Scn): Topology;
  /** What the learner can do to a node right now. */
  actions(state: S, node: NodeId, scenario: Scn): Array<NodeAction<C>>;
  /** Tabs only this model shows, in order, before the shared ones (trace, sequence, inspector). */
  readonly panels: readonly ModelPanel[];
  /** Describes a target one of this model's panels selected (a partition, a stream, …). */
  inspect?(view: WorkbenchView, target: InspectTarget): Inspection | undefined;
  /** Facts this model adds when a node is inspected (a consumer's group memberships). */
  nodeFacts?(view: WorkbenchView, node: NodeId): Fact[];
  /**
   * What the shapes in flight mean, in this model's words (flight-tokens.ts); without it, each
   * token is a message labelled with what it is.
   */
  readonly flightLegend?: FlightLegendWords;
  /** Checkpoint interval of the timeline: every command for models whose commands are heavy. */
  readonly checkpointEvery: number;
  /** Starts whatever the model's panels sample from the first moment (Kafka's chart history). */
  attach?(store: WorkbenchStore<{ type: string }>): void;
  readonly Tools?: ModelTools;
  /**
   * The model's controls as keyboard-usable forms (produce, set a processing time, deposit an
   * amount, reorder saga steps…), each sending one model command; a lesson's challenge shows them.
   */
  readonly Controls?: ModelControls;
}

/** A model's control forms; they read the state at the cursor and dispatch commands to the store. */
export type ModelControls = ComponentType<{ store: WorkbenchStore<{ type: string }>; only?: readonly string[] }>;

/** Any model's entry, for the registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds entries of every model's types
export type AnyModelUi = ModelUi<any, any, any, any>;
