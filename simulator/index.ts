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
export { consumerLag, groupLag } from './kafka/lag.ts';

// Stable surface: event store.
export { createEventStoreState, appendToStream, readStream } from './eventstore/surface.ts';
export type { EventStoreState } from './eventstore/surface.ts';

// The model contract and every model behind it.
export {
  nodeId,
  nextEntryCommand,
  createModelTimeline,
  runUntilNextEntry,
  type NodeId,
  type EntryRoute,
  type ModelRun,
  type SimModel,
  type AnyModel,
  type NextEntryCommand,
  type ScenarioOfModel,
  type StateOfModel,
  type CommandOfModel,
  type EntryOfModel,
} from './core/model.ts';
export { simModels, simModelById, type ModelId } from './models.ts';
export { kafkaModel, kafkaNode, KafkaCommandSchema, type KafkaCommand, type KafkaScenario } from './kafka/model.ts';
export { kafkaRead } from './kafka/reads.ts';
export { kafkaAppRead } from './kafka/app-reads.ts';
export { kafkaAppCardLine, kafkaAppsView, type KafkaAppView } from './kafka/app-view.ts';
export { deadLetterTopicName, retryTopicName } from './kafka/scenario/handler-schema.ts';
export {
  consumerStatus,
  cutOffFrom,
  fetchedRecords,
  isSlowed,
  newestRecords,
  rebalanceMoves,
  slowProcessingMs,
  type KafkaConsumerStatus,
  type RebalanceMove,
  type StripRecord,
} from './kafka/view-reads.ts';
export { eventStoreModel } from './eventstore/model.ts';
export {
  bankNode,
  bankRead,
  isAccountStream,
  newestEvents,
  projectionLag,
  projections,
  readModelRows,
  streamNames,
  type ReadModelRow,
  type StreamCell,
} from './eventstore/bank-reads.ts';
export { projectionProcessingMs, type BankState, type LoadRecord } from './eventstore/bank-model.ts';
export { busyDepositsMax, type BankCommand, type BankScenario } from './eventstore/bank-commands.ts';
export type { Subscriber } from './eventstore/subscriptions.ts';
export { allSize, eventAt } from './eventstore/store.ts';
export { sagaModel, type SagaScenario } from './saga/saga-model.ts';
export { choreographyModel, choreographyNode, type ChoreographyScenario } from './saga/choreography-model.ts';
export {
  kafkaChoreographyModel,
  kafkaChoreographyNode,
  type KafkaChoreographyScenario,
} from './saga/choreography-kafka-model.ts';
export { twoPhaseCommitModel, tpcNode, type TpcScenario } from './saga/two-phase-commit-model.ts';
export { outboxModel, outboxNode, type OutboxScenario } from './patterns/outbox-model.ts';
export {
  idempotentConsumerModel,
  idempotentNode,
  type IdempotentConsumerScenario,
} from './patterns/idempotent-consumer-model.ts';

export { feedModel, feedNode, type FeedScenario } from './patterns/cqrs-feed-model.ts';
export { feedUsers, type FeedCommand, type FeedEntry, type FeedWorld, type FeedUser } from './patterns/cqrs-feed.ts';

// Engine core.
export { seedRng, nextU32, nextInt, chance, type RngState } from './core/rng.ts';
export { createTimeline, type Handed, type Timeline, type TimelineModel } from './core/timeline.ts';
export { approxBytes } from './core/approx-size.ts';
export { createTraceLog, traceEntries, type TraceBase, type TraceLog, type TraceMode } from './core/trace.ts';
export { ErrorCode, ok, fail, type Result, type SimError } from './core/errors.ts';
export { createWorldBase, nextTaskAtMs, runNext, schedule, type WorldBase, type TaskBase } from './core/world.ts';
export { traceEmit } from './core/trace.ts';
export { getName, setName } from './core/name-index.ts';

// The Kafka engine beneath the Kafka model. `createSim` is kept as an alias for callers written
// before it was named for Kafka.
export {
  createKafkaSim,
  createKafkaSim as createSim,
  createKafkaTimeline,
  kafkaTimelineModel,
  applyCommand,
} from './kafka/kafka-sim.ts';
export type { KafkaSim, KafkaSimOptions, ApplyOutcome } from './kafka/kafka-sim.ts';
export { summary as kafkaSummary, type KafkaSummary, type PartitionSummary, type GroupSummary } from './kafka/lag.ts';
export { describeEntry as describeKafkaEntry } from './kafka/describe.ts';
export type { KafkaState, KafkaTuning } from './kafka/state.ts';
export type { KafkaTraceEntry } from './kafka/trace-types.ts';

// The event store beyond the stable surface.
export { createEventStore, appendEvents, readStreamEvents, readAllEvents, streamRevision } from './eventstore/store.ts';
export type { ExpectedRevision, EventData, RecordedEvent, AppendResult } from './eventstore/types.ts';
export { loadAggregate, saveSnapshot, latestSnapshot } from './eventstore/aggregates.ts';
export { createUpcasterRegistry, noUpcasters } from './eventstore/upcasters.ts';
export { createEsWorld, esAppend, esLoad, esExecute, esRun } from './eventstore/world.ts';
export { esSubscribe, esAddProjection, esResetProjection } from './eventstore/subscription-commands.ts';
export type { EsTraceEntry } from './eventstore/trace-entries.ts';
export { bankModel, accountAggregate, seedBusyAccount } from './eventstore/demo-bank.ts';

// Scenarios.
export { loadScenario, loadCommand, formatScenarioErrors } from './kafka/scenario/loader.ts';
export type { KafkaEngineCommand, GroupSpec, TopicSpec, ProducerSpec, FaultSpec, AssignorName } from './kafka/scenario/types.ts';
export type { ScheduledCommand, KeyDistribution, CommitPolicy } from './kafka/scenario/types.ts';
export type { HandlerSpec, HandlerStep, ErrorPolicy, FailWhen } from './kafka/scenario/types.ts';
export type { KafkaBuildCommand, TopicConfigChange } from './kafka/scenario/types.ts';
export type { LoadResult, ScenarioLoadError, ScenarioIssue } from './kafka/scenario/loader.ts';
export { runScenario, type RunOptions, type RunResult, type RunSummary, type StoppedBy } from './kafka/scenario/runner.ts';
export { KafkaScenarioSchema, KafkaEngineCommandSchema } from './kafka/scenario/schema.ts';
export { SCENARIO_LIMITS, SEED_MAX } from './kafka/scenario/limits.ts';
export { SCENARIO_DEFAULTS } from './kafka/scenario/defaults.ts';

// Sagas, two-phase commit, outbox and idempotent consumers.
export { describeSagaEntry } from './saga/saga-describe.ts';
export { DEFAULT_STEPS, STEP_DEFS, compensationOf } from './saga/saga-types.ts';
export type {
  SagaWorld,
  SagaCommand,
  SagaEntry,
  SagaConfig,
  SagaStatus,
  StepStatus,
  StepName,
  SagaInstance,
  SagaStep,
} from './saga/saga-types.ts';
export { ACTIONS, SERVICE_NAMES, type ActionName, type ServiceName } from './saga/services.ts';
export { sagaNode, sagaRead } from './saga/saga-reads.ts';
export { choreographyView, describeChoreographyEntry } from './saga/choreography-view.ts';
export { BUS_MESSAGE_NAMES, reactionsOf } from './saga/choreography-reactions.ts';
export type {
  ChoreographyWorld,
  ChoreographyCommand,
  ChoreographyEntry,
  ChoreographyView,
  Reaction,
} from './saga/choreography-types.ts';
export { twoPhaseCommitView, describeTwoPhaseCommitEntry, type TpcTxView } from './saga/two-phase-commit-view.ts';
export type { TpcWorld, TpcCommand, TpcEntry } from './saga/two-phase-commit-types.ts';
export { kafkaChoreographyView, describeKafkaChoreographyEntry } from './saga/choreography-kafka-view.ts';
export {
  deadLetterDepth,
  eventCatalog,
  eventCausationTree,
  observedEvents,
  serviceHealth,
  type CatalogRow,
  type HandledOutcome,
  type ObservedEvent,
  type ServiceHealth,
} from './saga/choreography-kafka-observe.ts';
export {
  causationPath,
  causationTree,
  eventsOfFlow,
  flattenTree,
  treeSize,
  type CausalEvent,
  type CausationNode,
} from './core/causation-tree.ts';
export { createKafkaChoreography, applyKafkaChoreographyCommand } from './saga/choreography-kafka.ts';
export type {
  KafkaChoreographyWorld,
  KafkaChoreographyCommand,
  KafkaChoreographyEntry,
  KafkaChoreographyView,
} from './saga/choreography-kafka-types.ts';
export { outboxView, describeOutboxEntry, type OutboxView } from './patterns/outbox-view.ts';
export type { OutboxWorld, OutboxCommand, OutboxEntry, OutboxMode, OutboxFault } from './patterns/outbox-types.ts';
export {
  describeIdempotentConsumerEntry,
  type IdempotentConsumerWorld,
  type IdempotentConsumerCommand,
  type IdempotentConsumerEntry,
} from './patterns/idempotent-consumer.ts';
export { createDedupStore, dedupHas, dedupRecord, type DedupStore } from './patterns/dedup-store.ts';

// Stable surface: schema registry (Avro compatibility and Confluent's levels).
export { checkAvroCompatibility, checkRegistryCompatibility } from './schema/surface.ts';
export type { CompatibilityAnswer } from './schema/surface.ts';
export type { AvroSchema } from './schema/types.ts';
export type { CompatibilityLevel } from './schema/levels.ts';
export { parseAvroSchema } from './schema/parse.ts';
export { kafkaSchemaView } from './kafka/schema-reads.ts';
export type {
  KafkaSchemaView,
  SchemaGroupView,
  SchemaProducerView,
  SchemaSubjectView,
  SchemaVersionView,
  UnreadableRecordView,
} from './kafka/schema-reads.ts';
export type { KafkaSchemaCommand } from './kafka/schema-types.ts';
export { createDatumReader, type DatumReader } from './schema/resolve-datum.ts';
export {
  createSchemaRegistry,
  applySchemaCommand,
  cloneSchemaRegistry,
  latestVersion as latestSchemaVersion,
  schemaById,
  subjectLevel,
  topicSubject,
} from './schema/registry.ts';
export { describeSchemaEntry, loadSchemaScenario, loadSchemaCommand } from './schema/registry-describe.ts';
export { SchemaScenarioSchema, SchemaCommandSchema } from './schema/registry-types.ts';
export type {
  SchemaRegistryState,
  SchemaCommand,
  SchemaScenario,
  SchemaTraceEntry,
  Registration,
} from './schema/registry-types.ts';
export { COMPATIBILITY_LEVELS } from './schema/levels.ts';

// Stable surface: AMQP 0-9-1 routing as RabbitMQ does it.
export { amqpTopicMatches, amqpHeadersMatch, routeAmqp } from './amqp/surface.ts';
export type { AmqpTopology } from './amqp/surface.ts';

// The AMQP 0-9-1 model (RabbitMQ 3.10 semantics): world, commands, schemas, sim bundle, view.
export { createAmqpWorld, applyAmqpCommand, cloneAmqpWorld, runAmqpTask } from './amqp/world.ts';
export type { AmqpRunReport, AmqpWorldOptions } from './amqp/world.ts';
export { createAmqpSim, amqpTimelineModel, type AmqpSim } from './amqp/sim.ts';
export { describeAmqpEntry } from './amqp/describe.ts';
export { amqpView } from './amqp/view.ts';
export type { AmqpView, AmqpQueueView, AmqpConsumerView, AmqpEdgeView } from './amqp/view.ts';
export { AmqpScenarioSchema, AmqpCommandSchema } from './amqp/schema.ts';
export type { AmqpScenario, AmqpCommand, AmqpCommandInput } from './amqp/schema.ts';
export { amqpNodeId } from './amqp/types.ts';
export type { AmqpWorld, AmqpNodeId, AmqpNodeKind, AmqpTask, ExchangeType, DeathReason } from './amqp/types.ts';
export type { AmqpEntry, AmqpEntryType } from './amqp/trace-entries.ts';
export { runAmqpScriptOnModel, receivedMessage } from './amqp/script.ts';
export type { AmqpScript, AmqpScriptStep, AmqpScriptReport, ReceivedMessage } from './amqp/script.ts';
export { DIFFERENTIAL_SCRIPTS as AMQP_DIFFERENTIAL_SCRIPTS } from './amqp/differential-scenarios.ts';
export { amqpScenarioToScript, type ScriptFromScenario } from './amqp/script-from-scenario.ts';

// The AMQP model behind the contract.
export { amqpModel, type AmqpModelCommand } from './amqp/model.ts';

// Graded practice: designs, graders and the scenarios a design describes.
export {
  parseDesign,
  gradeDesign,
  previewDesign,
  graderVersion,
  gradedExerciseIds,
  isGradedExercise,
  classifyItems,
  messageKinds,
  orderEventFields,
  x03RatePerSec,
  x03ProcessingMs,
  x03LagBound,
  sagaStepNames,
  sagaCompensationNames,
  brokersX09,
  refusedMsMaxOneDown,
  type Design,
  type DesignPreview,
  type GradedExerciseId,
  type Verdict,
  type GradedCheck,
  type GradedRun,
  type ClassifyItem,
  type MessageKind,
  type X01Design,
  type X02Design,
  type X03Design,
  type X05Design,
  type X06Design,
  type X08Design,
  type X09Design,
} from './practice/index.ts';
