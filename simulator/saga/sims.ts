/**
 * One object per saga-folder model with the same five members — init, apply, runTask, clone,
 * describeEntry — the shape the Kafka model's `createKafkaSim` has, so the workbench can wrap any
 * of them in its adapter the same way and a lesson can swap models without learning a new API.
 */
import type { Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import type { TraceBase } from '../core/trace.ts';
import type { TaskBase } from '../core/world.ts';
import { applyChoreographyCommand, cloneChoreography, createChoreography, runChoreographyTask } from './choreography.ts';
import type {
  ChoreographyCommand,
  ChoreographyEntry,
  ChoreographyOptions,
  ChoreographyTask,
  ChoreographyWorld,
} from './choreography-types.ts';
import { describeChoreographyEntry } from './choreography-view.ts';
import {
  applyKafkaChoreographyCommand,
  cloneKafkaChoreography,
  createKafkaChoreography,
  runKafkaChoreographyTask,
} from './choreography-kafka.ts';
import type {
  KafkaChoreographyCommand,
  KafkaChoreographyEntry,
  KafkaChoreographyOptions,
  KafkaChoreographyTask,
  KafkaChoreographyWorld,
} from './choreography-kafka-types.ts';
import { describeKafkaChoreographyEntry } from './choreography-kafka-view.ts';
import { applySagaCommand, cloneSagaWorld, createOrchestratedSaga, runSagaTask } from './orchestrated-saga.ts';
import { describeSagaEntry } from './saga-describe.ts';
import type { SagaCommand, SagaEntry, SagaOptions, SagaTask, SagaWorld } from './saga-types.ts';
import {
  applyTwoPhaseCommitCommand,
  cloneTwoPhaseCommit,
  createTwoPhaseCommit,
  runTwoPhaseCommitTask,
} from './two-phase-commit.ts';
import type { TpcCommand, TpcEntry, TpcOptions, TpcTask, TpcWorld } from './two-phase-commit-types.ts';
import { describeTwoPhaseCommitEntry } from './two-phase-commit-view.ts';
import type { RunReport } from './world-kit.ts';

/** A model as a bundle of pure functions over its plain-data state. */
export interface ModelSim<S, C, T extends TaskBase, E extends TraceBase> {
  /** A fresh world at virtual time 0 for the options the sim was created with. */
  init(): S;
  /** Applies one command in place; an impossible command returns an error value and changes nothing. */
  apply(state: S, command: C): Result<RunReport>;
  /** Runs one scheduled task (for callers driving the core scheduler themselves). */
  runTask(state: S, task: T & Scheduled): void;
  /** An independent deep copy. */
  clone(state: S): S;
  /** One human sentence for a trace entry. */
  describeEntry(entry: E): string;
}

export function createOrchestratedSagaSim(opts: SagaOptions): ModelSim<SagaWorld, SagaCommand, SagaTask, SagaEntry> {
  return {
    init: () => createOrchestratedSaga(opts),
    apply: applySagaCommand,
    runTask: runSagaTask,
    clone: cloneSagaWorld,
    describeEntry: describeSagaEntry,
  };
}

export function createChoreographySim(
  opts: ChoreographyOptions,
): ModelSim<ChoreographyWorld, ChoreographyCommand, ChoreographyTask, ChoreographyEntry> {
  return {
    init: () => createChoreography(opts),
    apply: applyChoreographyCommand,
    runTask: runChoreographyTask,
    clone: cloneChoreography,
    describeEntry: describeChoreographyEntry,
  };
}

/**
 * The choreography over the Kafka model. Its world is not a core WorldBase: the one clock and
 * queue are the Kafka world's (`state.kafka`), so a caller driving the scheduler itself runs
 * `runNext(state.kafka, (_, t) => sim.runTask(state, t))`.
 */
export function createKafkaChoreographySim(
  opts: KafkaChoreographyOptions,
): ModelSim<KafkaChoreographyWorld, KafkaChoreographyCommand, KafkaChoreographyTask, KafkaChoreographyEntry> {
  return {
    init: () => createKafkaChoreography(opts),
    apply: applyKafkaChoreographyCommand,
    runTask: runKafkaChoreographyTask,
    clone: cloneKafkaChoreography,
    describeEntry: describeKafkaChoreographyEntry,
  };
}

export function createTwoPhaseCommitSim(opts: TpcOptions): ModelSim<TpcWorld, TpcCommand, TpcTask, TpcEntry> {
  return {
    init: () => createTwoPhaseCommit(opts),
    apply: applyTwoPhaseCommitCommand,
    runTask: runTwoPhaseCommitTask,
    clone: cloneTwoPhaseCommit,
    describeEntry: describeTwoPhaseCommitEntry,
  };
}
