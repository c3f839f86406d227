/**
 * The zod schema of the scenario format, and of a single command.
 *
 * types.ts is the contract the engine builds against; this module is its runtime twin, used to
 * turn untrusted JSON (a file, a share link, a fuzzer's output) into a KafkaScenario or a
 * KafkaEngineCommand. Objects are strict, because a misspelt optional field (`partiton`) silently ignored
 * is the worst kind of error for a learner. Every number has an upper bound from limits.ts so
 * that no valid input can make the engine hang or allocate absurdly. Cross-field rules (a group
 * naming a missing topic, a replication factor larger than the cluster) are in semantic-checks.ts
 * and run as a refinement of the whole scenario. Compile-time checks at the end keep the inferred
 * types and the contract types equal.
 */
import { z } from 'zod';
import { NAME_PATTERN, SCENARIO_LIMITS as L, SEED_MAX } from './limits.ts';
import { describeValue } from '../../core/messages.ts';
import { jsonValueProblem } from './json-value.ts';
import { checkScenario } from './semantic-checks.ts';
import { HandlerSpecSchema } from './handler-schema.ts';
import {
  checkSchemaScenario,
  GROUP_SCHEMA_FIELDS,
  KafkaSchemaCommandSchemas,
  PRODUCER_SCHEMA_FIELDS,
  SCENARIO_SCHEMA_FIELDS,
} from '../schema-scenario.ts';
import type {
  CommitPolicy,
  FaultSpec,
  GroupSpec,
  KeyDistribution,
  ProducerSpec,
  KafkaScenario,
  KafkaEngineCommand,
  TopicSpec,
} from './types.ts';

/** An id or a topic name: 1..249 characters from [A-Za-z0-9._-], as Kafka allows for topics. */
const name = (what: string) =>
  z
    .string()
    .min(1, { error: `${what} must not be empty` })
    .max(L.nameLengthMax)
    .regex(NAME_PATTERN, {
      error: (iss) => `${what} may use only letters, digits, ".", "_" and "-", got ${describeValue(iss.input)}`,
    });

/** A point in virtual time or a duration, in whole ms. */
const timeMs = z
  .int()
  .min(0, { error: (iss) => `a time cannot be negative, got ${describeValue(iss.input)}` })
  .max(L.timeMsMax);

/** A duration that must be positive (an interval or a timeout). */
const positiveMs = z
  .int()
  .min(1, { error: (iss) => `must be at least 1 ms, got ${describeValue(iss.input)}` })
  .max(L.timeMsMax);

const count = (max: number) => z.int().min(0).max(max);
const keyText = z.string().max(L.nameLengthMax);

const acks = z.literal([0, 1, 'all']);

export const BrokerSpecSchema = z.strictObject({ id: z.int().min(0).max(L.brokerIdMax) });

export const TopicSpecSchema = z.strictObject({
  name: name('a topic name').refine((s) => s !== '.' && s !== '..', {
    error: 'a topic cannot be named "." or ".." (Kafka forbids it)',
  }),
  partitions: z
    .int()
    .min(1, { error: (iss) => `a topic needs at least 1 partition, got ${String(iss.input)}` })
    .max(L.partitionsMax),
  replicationFactor: z
    .int()
    .min(1, { error: (iss) => `the replication factor must be at least 1 (one copy), got ${String(iss.input)}` })
    .max(L.brokersMax),
  minInsyncReplicas: z
    .int()
    .min(1, { error: (iss) => `min.insync.replicas must be at least 1, got ${String(iss.input)}` })
    .max(L.brokersMax)
    .optional(),
  retentionMs: positiveMs.optional(),
  retentionRecords: z.int().min(1).max(L.countMax).optional(),
  cleanupPolicy: z.enum(['delete', 'compact', 'compact,delete', 'delete,compact']).optional(),
  segmentRecords: z.int().min(1).max(L.countMax).optional(),
  segmentMs: positiveMs.optional(),
  minCleanableDirtyRatio: z.number().min(0).max(1).optional(),
  uncleanLeaderElection: z.boolean().optional(),
});

const prefix = keyText.optional();

export const KeyDistributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('fixed'), key: keyText }),
  z.strictObject({
    type: z.literal('uniform'),
    keys: z
      .int()
      .min(1, { error: (iss) => `a uniform distribution needs at least 1 key, got ${String(iss.input)}` })
      .max(L.keysMax),
    prefix,
  }),
  z.strictObject({
    type: z.literal('weighted'),
    keys: z
      .array(
        z.strictObject({
          key: keyText,
          weight: z
            .int()
            .min(0, { error: (iss) => `a weight cannot be negative, got ${String(iss.input)}` })
            .max(L.weightMax),
        }),
      )
      .min(1, { error: 'a weighted distribution needs at least 1 key' })
      .max(L.weightedKeysMax),
  }),
  z.strictObject({
    type: z.literal('hot'),
    hotKey: keyText,
    hotPerMille: z
      .int()
      .min(0, { error: (iss) => hotMessage(iss.input) })
      .max(1000, { error: (iss) => hotMessage(iss.input) }),
    keys: count(L.keysMax),
    prefix,
  }),
]);

function hotMessage(got: unknown): string {
  return `does not sum up: hotPerMille is the hot key's share of all records in thousandths, so it must be between 0 and 1000, got ${String(got)}`;
}

const payloadValue = z.union([z.string().max(L.payloadStringLengthMax), z.number(), z.boolean()], {
  error: (iss) => `a payload value must be text, a number or true/false, got ${describeValue(iss.input)}`,
});

export const ProducerSpecSchema = z.strictObject({
  id: name('a producer id'),
  topic: name('a topic name'),
  ratePerSec: count(L.ratePerSecMax),
  count: count(L.countMax).optional(),
  startAtMs: timeMs.optional(),
  stopAtMs: timeMs.optional(),
  keys: KeyDistributionSchema,
  eventType: name('an event type').optional(),
  payload: z
    .record(name('a payload field name'), payloadValue)
    .refine((p) => Object.keys(p).length <= L.payloadFieldsMax, {
      error: `a payload may have at most ${L.payloadFieldsMax} fields (the simulator's limit)`,
    })
    .optional(),
  acks: acks.optional(),
  retries: count(L.retriesMax).optional(),
  idempotent: z.boolean().optional(),
  stickyBatchSize: z.int().min(1).max(L.batchMax).optional(),
  transactionalId: name('a transactional id').optional(),
  transactionRecords: z.int().min(1).max(L.batchMax).optional(),
  ...PRODUCER_SCHEMA_FIELDS,
});

export const CommitPolicySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auto'), intervalMs: positiveMs }),
  z.strictObject({ type: z.literal('after-process') }),
  z.strictObject({ type: z.literal('before-process') }),
  z.strictObject({ type: z.literal('after-record') }),
  z.strictObject({ type: z.literal('transaction') }),
]);

export const GroupSpecSchema = z.strictObject({
  id: name('a group id'),
  topics: z.array(name('a topic name')).min(1, { error: 'a group must subscribe to at least 1 topic' }).max(L.topicsMax),
  consumers: count(L.consumersMax),
  consumerIds: z.array(name('a consumer id')).max(L.consumersMax).optional(),
  groupInstanceIds: z.array(name('a group instance id')).max(L.consumersMax).optional(),
  assignor: z.enum(['range', 'roundrobin', 'sticky', 'cooperative-sticky']).optional(),
  commit: CommitPolicySchema.optional(),
  processingMs: timeMs.optional(),
  autoOffsetReset: z.enum(['earliest', 'latest', 'none']).optional(),
  sessionTimeoutMs: positiveMs.optional(),
  heartbeatIntervalMs: positiveMs.optional(),
  maxPollRecords: z.int().min(1).max(L.batchMax).optional(),
  startAtMs: timeMs.optional(),
  isolationLevel: z.enum(['read_uncommitted', 'read_committed']).optional(),
  handler: HandlerSpecSchema.optional(),
  ...GROUP_SCHEMA_FIELDS,
});

const nodeName = name('a node name');
const consumerRef = name('a consumer id');

export const FaultSpecSchemas = [
  z.strictObject({ type: z.literal('crash-broker'), broker: z.int().min(0).max(L.brokerIdMax) }),
  z.strictObject({ type: z.literal('restart-broker'), broker: z.int().min(0).max(L.brokerIdMax) }),
  z.strictObject({ type: z.literal('crash-consumer'), consumer: consumerRef }),
  z.strictObject({ type: z.literal('restart-consumer'), consumer: consumerRef }),
  z.strictObject({ type: z.literal('slow-consumer'), consumer: consumerRef, processingMs: timeMs }),
  z.strictObject({ type: z.literal('delay-link'), from: nodeName, to: nodeName, latencyMs: timeMs }),
  z.strictObject({ type: z.literal('cut-link'), from: nodeName, to: nodeName }),
  z.strictObject({ type: z.literal('heal-link'), from: nodeName, to: nodeName }),
] as const;

/** A produce command's value: any JSON value, bounded in depth and size. */
const commandValue = z.unknown().superRefine((v, ctx) => {
  const problem = jsonValueProblem(v);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

const resetTarget = z.union(
  [
    z.literal(['earliest', 'latest']),
    z.strictObject({ offset: z.int().min(0).max(Number.MAX_SAFE_INTEGER) }),
    z.strictObject({ timestampMs: timeMs }),
  ],
  {
    error: (iss) =>
      `expected "earliest", "latest", {"offset": <whole number ≥ 0>} or {"timestampMs": <ms ≥ 0>}, got ${describeValue(iss.input)}`,
  },
);

/** The build commands (types.ts, KafkaBuildCommand): a cluster grown and changed while it runs. */
export const TopicConfigChangeSchema = z.strictObject({
  minInsyncReplicas: TopicSpecSchema.shape.minInsyncReplicas,
  retentionMs: TopicSpecSchema.shape.retentionMs,
  retentionRecords: TopicSpecSchema.shape.retentionRecords,
  cleanupPolicy: TopicSpecSchema.shape.cleanupPolicy,
  segmentRecords: TopicSpecSchema.shape.segmentRecords,
  segmentMs: TopicSpecSchema.shape.segmentMs,
});
const buildCommandSchemas = [
  z.strictObject({ type: z.literal('add-broker'), broker: BrokerSpecSchema.shape.id }),
  z.strictObject({ type: z.literal('create-topic'), topic: TopicSpecSchema }),
  z.strictObject({
    type: z.literal('create-partitions'),
    topic: name('a topic name'),
    partitions: TopicSpecSchema.shape.partitions,
  }),
  z.strictObject({ type: z.literal('alter-topic-config'), topic: name('a topic name'), config: TopicConfigChangeSchema }),
  z.strictObject({ type: z.literal('add-producer'), producer: ProducerSpecSchema }),
  z.strictObject({ type: z.literal('stop-producer'), producer: name('a producer id') }),
  z.strictObject({
    type: z.literal('alter-producer'),
    producer: name('a producer id'),
    config: z.strictObject({
      acks: ProducerSpecSchema.shape.acks,
      keys: KeyDistributionSchema.optional(),
      stickyBatchSize: ProducerSpecSchema.shape.stickyBatchSize,
    }),
  }),
  z.strictObject({
    type: z.literal('alter-group'),
    group: name('a group id'),
    config: z.strictObject({ assignor: GroupSpecSchema.shape.assignor, commit: GroupSpecSchema.shape.commit }),
  }),
  z.strictObject({ type: z.literal('delete-topic'), topic: name('a topic name') }),
  z.strictObject({ type: z.literal('delete-group'), group: name('a group id') }),
] as const;

/** Schema for one command, as a share link or a script carries it (structure only). */
export const KafkaEngineCommandSchema = z.discriminatedUnion('type', [
  ...FaultSpecSchemas,
  z.strictObject({
    type: z.literal('produce'),
    producer: name('a producer id').optional(),
    topic: name('a topic name'),
    key: keyText.nullable().optional(),
    partition: z
      .int()
      .min(0)
      .max(L.partitionsMax - 1)
      .optional(),
    value: commandValue.optional(),
    acks: acks.optional(),
  }),
  z.strictObject({
    type: z.literal('add-consumer'),
    group: name('a group id'),
    consumer: consumerRef.optional(),
    groupInstanceId: name('a group instance id').optional(),
  }),
  z.strictObject({ type: z.literal('remove-consumer'), consumer: consumerRef }),
  z.strictObject({ type: z.literal('add-group'), group: GroupSpecSchema }),
  z.strictObject({ type: z.literal('reset-offsets'), group: name('a group id'), topic: name('a topic name'), to: resetTarget }),
  z.strictObject({ type: z.literal('commit'), consumer: consumerRef }),
  z.strictObject({ type: z.literal('init-transactions'), producer: name('a producer id') }),
  z.strictObject({ type: z.literal('begin-transaction'), producer: name('a producer id') }),
  z.strictObject({ type: z.literal('commit-transaction'), producer: name('a producer id') }),
  z.strictObject({ type: z.literal('abort-transaction'), producer: name('a producer id') }),
  z.strictObject({ type: z.literal('send-offsets-to-transaction'), producer: name('a producer id'), group: name('a group id') }),
  z.strictObject({ type: z.literal('fix-handler'), group: name('a group id') }),
  z.strictObject({ type: z.literal('replay-dead-letters'), group: name('a group id'), topic: name('a topic name') }),
  ...buildCommandSchemas,
  z.strictObject({ type: z.literal('step') }),
  z.strictObject({ type: z.literal('advance'), untilMs: timeMs }),
  z.strictObject({ type: z.literal('run-until-idle') }),
  ...KafkaSchemaCommandSchemas,
]);

export const ScheduledCommandSchema = z.strictObject({ atMs: timeMs, command: KafkaEngineCommandSchema });

/** Schema for a whole scenario: structure, bounds, and the cross-field rules of semantic-checks.ts. */
export const KafkaScenarioSchema = z
  .strictObject({
    version: z.literal(1, {
      error: (iss) => `the format version must be 1 (the only version so far), got ${describeValue(iss.input)}`,
    }),
    name: z.string().min(1, { error: 'a scenario needs a name' }).max(L.nameLengthMax),
    description: z.string().max(L.descriptionLengthMax).optional(),
    seed: z.int().min(0).max(SEED_MAX).optional(),
    networkLatencyMs: timeMs.optional(),
    brokers: z.array(BrokerSpecSchema).min(1, { error: 'a cluster needs at least 1 broker' }).max(L.brokersMax),
    topics: z.array(TopicSpecSchema).max(L.topicsMax),
    producers: z.array(ProducerSpecSchema).max(L.producersMax).optional(),
    groups: z.array(GroupSpecSchema).max(L.groupsMax).optional(),
    schedule: z.array(ScheduledCommandSchema).max(L.scheduleMax).optional(),
    durationMs: timeMs.optional(),
    tasksMax: z.int().min(1).max(L.tasksMax).optional(),
    trace: z.strictObject({ mode: z.enum(['full', 'summary']), keepLast: count(L.keepLastMax).optional() }).optional(),
    ...SCENARIO_SCHEMA_FIELDS,
  })
  .superRefine((spec, ctx) => {
    for (const p of checkScenario(spec)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
    for (const p of checkSchemaScenario(spec)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
  });

// Compile-time checks: each inferred type and its contract type are assignable both ways, so the
// schema can neither accept a value the engine's types do not describe nor reject one they do.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function assertSame<T extends true>(): T | undefined {
  return undefined;
}
assertSame<Same<z.infer<typeof KafkaScenarioSchema>, KafkaScenario>>();
assertSame<Same<z.infer<typeof KafkaEngineCommandSchema>, KafkaEngineCommand>>();
assertSame<Same<z.infer<typeof TopicSpecSchema>, TopicSpec>>();
assertSame<Same<z.infer<typeof ProducerSpecSchema>, ProducerSpec>>();
assertSame<Same<z.infer<typeof GroupSpecSchema>, GroupSpec>>();
assertSame<Same<z.infer<typeof KeyDistributionSchema>, KeyDistribution>>();
assertSame<Same<z.infer<typeof CommitPolicySchema>, CommitPolicy>>();
assertSame<Same<z.infer<(typeof FaultSpecSchemas)[number]>, FaultSpec>>();
