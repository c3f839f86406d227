/**
 * The simulator's one public surface. The app, the lessons, the CLI and outside checks import
 * from here; folders behind it (core, kafka, eventstore, saga, patterns, scenario) may move.
 *
 * The first block is the stable surface that outside checks call with exactly these names and
 * shapes (Kafka's partitioner, assignors and lag; EventStoreDB's append rules). They are thin
 * entry points over the same code the engine runs, not separate copies.
 */

// Stable surface: Kafka.
export { murmur2, toPositive, partitionForKey } from './kafka/partitioner/index.ts';
export { assignPartitions } from './kafka/assignors/index.ts';
export type { Assignment, AssignmentInput, AssignorMember, TopicPartition } from './kafka/assignors/index.ts';

// Stable surface: event store.
export { createEventStoreState, appendToStream, readStream } from './eventstore/surface.ts';
export type { EventStoreState } from './eventstore/surface.ts';

// Engine core.
export { seedRng, nextU32, nextInt, chance, type RngState } from './core/rng.ts';
export { createTimeline, type Timeline, type TimelineModel } from './core/timeline.ts';
export { createTraceLog, traceEntries, type TraceBase, type TraceLog, type TraceMode } from './core/trace.ts';
export { ErrorCode, ok, fail, type Result, type SimError } from './core/errors.ts';
export type { WorldBase } from './core/world.ts';

// Scenarios.
export { loadScenario, loadCommand, formatScenarioErrors } from './scenario/loader.ts';
export type { ScenarioSpec, SimCommand, GroupSpec, TopicSpec, ProducerSpec, FaultSpec } from './scenario/types.ts';

// Sagas, two-phase commit, outbox and idempotent consumers.
export { createOrchestratedSagaSim, createChoreographySim, createTwoPhaseCommitSim, type ModelSim } from './saga/sims.ts';
export { describeSagaEntry } from './saga/saga-describe.ts';
export { DEFAULT_STEPS, STEP_DEFS } from './saga/saga-types.ts';
export type { SagaWorld, SagaCommand, SagaEntry, SagaConfig, SagaStatus, StepStatus, StepName } from './saga/saga-types.ts';
export { choreographyView, describeChoreographyEntry } from './saga/choreography-view.ts';
export { twoPhaseCommitView, describeTwoPhaseCommitEntry } from './saga/two-phase-commit-view.ts';
export { createIdempotentConsumerSim, createOutboxModelSim } from './patterns/sims.ts';
export { outboxView, describeOutboxEntry } from './patterns/outbox-view.ts';
export { createDedupStore, dedupHas, dedupRecord, type DedupStore } from './patterns/dedup-store.ts';
