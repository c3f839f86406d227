/**
 * The choreographed order saga over the Kafka model, behind the model contract
 * (simulator/core/model.ts): its schemas, its run, one sentence per trace entry, and the nodes each
 * entry touches or moves a record between — the customer, the `order-events` topic and the four
 * services (each one a consumer group with one consumer).
 *
 * The run's clock is the Kafka world's (`w.kafka`), and its trace is the services' own
 * (`w.trace`); Kafka's appends, fetches and commits stay in `w.kafka.trace` for a view to show.
 * A live cluster is never idle (heartbeats), so the run is over when no foreground work is left.
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { heapPeek } from '../core/heap.ts';
import { nextEntryCommand, nodeId, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { parseWithSchema } from '../core/parse.ts';
import {
  applyKafkaChoreographyCommand,
  cloneKafkaChoreography,
  createKafkaChoreography,
  faultRefusal,
  KAFKA_CHOREOGRAPHY_DEFAULTS,
} from './choreography-kafka.ts';
import {
  DEAD_LETTER_TOPIC,
  ORDER_EVENTS_TOPIC,
  type KafkaChoreographyCommand,
  type KafkaChoreographyEntry,
  type KafkaChoreographyOptions,
  type KafkaChoreographyWorld,
} from './choreography-kafka-types.ts';
import { describeKafkaChoreographyEntry } from './choreography-kafka-view.ts';
import { clockCommandSchemas, orderCommandSchemas, refuseFaults, servicesOptionsShape, timeMs } from './saga-schemas.ts';
import { SERVICE_NAMES, type ServiceName } from './services.ts';

/** How a Kafka choreography run starts: the model's options without the seed. */
export type KafkaChoreographyScenario = Omit<KafkaChoreographyOptions, 'seed'>;

/** The one place the Kafka choreography's node ids are spelled. */
export const kafkaChoreographyNode = {
  client: nodeId('client', 'customer'),
  topic: nodeId('topic', ORDER_EVENTS_TOPIC),
  /** The dead-letter topic, drawn once a record has been dead-lettered. */
  deadLetters: nodeId('topic', DEAD_LETTER_TOPIC),
  service: (s: ServiceName): NodeId => nodeId('service', s),
} as const;

const latencyMs = z.int().min(0).max(3_600_000);
const waitMs = z.int().min(1).max(86_400_000);
const records = z.int().min(1).max(100_000);

/** Kafka settings a lesson may change; the Kafka model's defaults otherwise. */
const KafkaTuningSchema = z.strictObject({
  networkLatencyMs: latencyMs.optional(),
  lingerMs: latencyMs.optional(),
  maxBatchRecords: records.optional(),
  replicaFetchMaxRecords: records.optional(),
  replicaLagTimeMaxMs: waitMs.optional(),
  requestTimeoutMs: waitMs.optional(),
  retryBackoffMs: latencyMs.optional(),
  deliveryTimeoutMs: waitMs.optional(),
  initialRebalanceDelayMs: latencyMs.optional(),
  maxPollIntervalMs: waitMs.optional(),
  cleanerIntervalMs: waitMs.optional(),
  deleteRetentionMs: waitMs.optional(),
  stickyBatchSize: records.optional(),
});

export const KafkaChoreographyScenarioSchema = z
  .strictObject({
    ...servicesOptionsShape,
    // At least 1 ms: with 0 the Kafka consumer processes a batch inside another task, out of sight.
    processingMs: z.partialRecord(z.enum(SERVICE_NAMES), timeMs.min(1)).optional(),
    brokers: z.int().min(1).max(9).optional(),
    partitions: z.int().min(1).max(64).optional(),
    replicationFactor: z.int().min(1).max(9).optional(),
    restartAfterMs: timeMs.optional(),
    tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
    kafkaTuning: KafkaTuningSchema.optional(),
  })
  .superRefine(refuseFaults(faultRefusal))
  .superRefine((s, ctx) => {
    const brokers = s.brokers ?? KAFKA_CHOREOGRAPHY_DEFAULTS.brokers;
    const rf = s.replicationFactor ?? KAFKA_CHOREOGRAPHY_DEFAULTS.replicationFactor;
    if (rf > brokers) {
      const message = `cannot be more than the number of brokers (${brokers}), got ${rf}`;
      ctx.addIssue({ code: 'custom', message, path: ['replicationFactor'] });
    }
  });

/** The orchestrated saga's commands (transient faults are refused when applied: see the README). */
export const KafkaChoreographyCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  ...orderCommandSchemas,
  z.strictObject({ type: z.literal('place-malformed-order'), orderId: z.string().min(1).max(64) }),
]);

function publisherNode(p: ServiceName | 'client'): NodeId {
  return p === 'client' ? kafkaChoreographyNode.client : kafkaChoreographyNode.service(p);
}

function entryNodes(e: KafkaChoreographyEntry): NodeId[] {
  const n = kafkaChoreographyNode;
  switch (e.type) {
    case 'event-produced':
      return [publisherNode(e.publisher), n.topic];
    case 'local-transaction-committed':
    case 'local-transaction-failed':
    case 'record-deduplicated':
      return [n.topic, n.service(e.service)];
    case 'record-dead-lettered':
      return [n.topic, n.service(e.service), n.deadLetters];
    case 'fault-injected':
      return [n.service(e.fault.service)];
    case 'service-crashed':
    case 'service-restarted':
      return [n.service(e.service)];
  }
}

/** A record flies to the topic when produced, and from it to the service that read it. */
function route(e: KafkaChoreographyEntry): EntryRoute | undefined {
  const n = kafkaChoreographyNode;
  switch (e.type) {
    case 'event-produced':
      return { from: publisherNode(e.publisher), to: n.topic };
    case 'local-transaction-committed':
    case 'local-transaction-failed':
    case 'record-deduplicated':
      return { from: n.topic, to: n.service(e.service) };
    case 'record-dead-lettered':
      return { from: n.service(e.service), to: n.deadLetters };
    default:
      return undefined;
  }
}

export const kafkaChoreographyModel: SimModel<
  KafkaChoreographyScenario,
  KafkaChoreographyWorld,
  KafkaChoreographyCommand,
  KafkaChoreographyEntry
> = {
  id: 'kafka-choreography',
  title: 'Choreographed saga over Kafka',
  scenarioSchema: KafkaChoreographyScenarioSchema as z.ZodType<KafkaChoreographyScenario>,
  commandSchema: KafkaChoreographyCommandSchema as z.ZodType<KafkaChoreographyCommand>,
  loadScenario: (input) =>
    parseWithSchema(
      KafkaChoreographyScenarioSchema,
      input,
      ErrorCode.ScenarioInvalid,
      'scenario',
    ) as Result<KafkaChoreographyScenario>,
  loadCommand: (input) =>
    parseWithSchema(
      KafkaChoreographyCommandSchema,
      input,
      ErrorCode.InvalidCommand,
      'command',
    ) as Result<KafkaChoreographyCommand>,
  run: (scenario) => ({
    init: (seed) => createKafkaChoreography({ ...scenario, seed }),
    apply: applyKafkaChoreographyCommand,
    clone: cloneKafkaChoreography,
    nowMs: (w) => w.kafka.nowMs,
    // Heartbeats keep the queue busy for ever; what belongs to the run is foreground work.
    nextAtMs: (w) => (w.kafka.k.fg > 0 ? heapPeek(w.kafka.queue)?.atMs : undefined),
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.kafka.k.fg > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeKafkaChoreographyEntry,
  entryNodes,
  route,
};

// Compile-time checks: what the schemas accept is exactly what the model's types describe.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameScenario: Same<z.infer<typeof KafkaChoreographyScenarioSchema>, KafkaChoreographyScenario> = true;
const sameCommand: Same<z.infer<typeof KafkaChoreographyCommandSchema>, KafkaChoreographyCommand> = true;
void [sameScenario, sameCommand];
