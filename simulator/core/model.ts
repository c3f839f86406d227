/**
 * The model contract: the one shape every simulation model (Kafka, the event store, sagas, two-phase
 * commit, the outbox, …) gives the rest of the project.
 *
 * The timeline, the lessons, the workbench, the playground, share links and the CLI all read a
 * model only through this contract, so adding a model never reshapes them. A model has two halves:
 *
 * - `SimModel`, what is true of the model whatever the scenario: its id, its scenario and command
 *   schemas (zod, so files and links are checked the same way everywhere), a sentence for each trace
 *   entry, and which nodes a trace entry touches or moves something between;
 * - `ModelRun`, the model bound to one scenario: build the world for a seed, apply a command (a
 *   `Result`, never a throw), copy it, read its clock and trace, and the commands the transport
 *   uses to step one trace entry and to run to the scenario's end.
 *
 * Nodes are named by `NodeId`s the model builds with `nodeId(kind, name)`: one spelling per node,
 * used by the topology, the records in flight, node actions and the inspector alike. Nothing
 * parses an id back into its parts; a model that needs the parts keeps them in its own data.
 */
import type { z } from 'zod';
import type { Result } from './errors.ts';
import { createTimeline, type Timeline } from './timeline.ts';
import type { TraceBase, TraceLog } from './trace.ts';

declare const nodeIdBrand: unique symbol;

/** A node's id, e.g. `topic:orders` or `broker:1`. Built only by `nodeId`. */
export type NodeId = string & { readonly [nodeIdBrand]: true };

/** The id of the node of `kind` called `name` in its model. */
export function nodeId(kind: string, name: string | number): NodeId {
  return `${kind}:${name}` as NodeId;
}

/** What a trace entry moves, and between which nodes (a record produced, a message delivered). */
export interface EntryRoute {
  from: NodeId;
  to: NodeId;
}

/**
 * The transport's "step": run scheduled tasks until the trace has one more entry, so a step never
 * looks as if nothing happened (heartbeats and timers are tasks too, but not news). Every model
 * accepts it.
 */
export const nextEntryCommand = { type: 'next-entry' } as const;
export type NextEntryCommand = typeof nextEntryCommand;

/** A model bound to one scenario: everything a timeline, a lesson or the workbench runs. */
export interface ModelRun<S, C extends { type: string }, E extends TraceBase = TraceBase> {
  /** A fresh world at virtual time 0 for this scenario and `seed`. */
  init(seed: number): S;
  /** Applies one command in place. An impossible command returns an error value and changes nothing. */
  apply(state: S, command: C): Result<unknown>;
  /** An independent copy. */
  clone(state: S): S;
  /** Virtual time now, in ms. */
  nowMs(state: S): number;
  /**
   * When the next thing that belongs to this run is due, or undefined once the run is over (only
   * background tasks such as heartbeats are left, past the scenario's end).
   */
  nextAtMs(state: S): number | undefined;
  trace(state: S): TraceLog<E>;
  /** The command that runs until one more trace entry is written (`next-entry`). */
  readonly stepCommand: C;
  /** One command that runs to the end of the scenario, when the model has such an end. */
  endCommand?(state: S): C | undefined;
}

/** A simulation model, whatever the scenario. */
export interface SimModel<Scn, S, C extends { type: string }, E extends TraceBase = TraceBase> {
  /** Stable and kebab-case: share links, lessons and the registry use it. */
  readonly id: string;
  /** What a learner reads, e.g. "Kafka" or "Two-phase commit". */
  readonly title: string;
  readonly scenarioSchema: z.ZodType<Scn>;
  readonly commandSchema: z.ZodType<C>;
  /** Validates a scenario from a file or a link (schema plus any cross-checks). Never throws. */
  loadScenario(input: unknown): Result<Scn>;
  /** Validates one command from a link or a script (structure only). Never throws. */
  loadCommand(input: unknown): Result<C>;
  /** The model bound to a scenario. */
  run(scenario: Scn): ModelRun<S, C, E>;
  /** One plain sentence about a trace entry. */
  describe(entry: E): string;
  /**
   * The nodes a trace entry is about (for filters and highlights), in the world it was written in
   * (a model whose entries name nodes by a network address looks the address up there).
   */
  entryNodes(entry: E, state: S): NodeId[];
  /** What the entry moves between two nodes (a token in flight, an arrow in a sequence diagram). */
  route(entry: E, state: S): EntryRoute | undefined;
}

/** Any model, for registries that hold several. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds models of every type
export type AnyModel = SimModel<any, any, any, any>;

export type ScenarioOfModel<M extends AnyModel> = Parameters<M['run']>[0];
export type StateOfModel<M extends AnyModel> = ReturnType<ReturnType<M['run']>['init']>;
export type CommandOfModel<M extends AnyModel> = Parameters<ReturnType<M['run']>['apply']>[1];
export type EntryOfModel<M extends AnyModel> = Parameters<M['describe']>[0];

/** A timeline (checkpoints, seek, fork) over a model run. */
export function createModelTimeline<S, C extends { type: string }>(
  run: ModelRun<S, C, TraceBase>,
  seed: number,
  checkpointEvery?: number,
  commands: readonly C[] = [],
): Timeline<S, C> {
  return createTimeline<S, C>(
    { init: () => run.init(seed), apply: (s, c) => void run.apply(s, c), clone: (s) => run.clone(s) },
    checkpointEvery,
    commands,
  );
}

/**
 * Runs `stepOnce` until the trace grows by one entry, the run has nothing left (`live` false), or
 * `tasksMax` steps: the shared body of every model's `next-entry`.
 */
export function runUntilNextEntry(
  trace: { readonly nextId: number },
  live: () => boolean,
  stepOnce: () => Result<unknown>,
  tasksMax: number,
): Result<unknown> {
  const before = trace.nextId;
  for (let i = 0; i < tasksMax && live(); i++) {
    const r = stepOnce();
    if (!r.ok) return r;
    if (trace.nextId !== before) break;
  }
  return { ok: true, value: null };
}
