/**
 * The idempotent consumer behind the model contract (simulator/core/model.ts): its schemas, its
 * run, one sentence per trace entry, and the nodes each entry touches or moves something between —
 * the broker that delivers OrderShipped events, the notification service that consumes them, its
 * dedup store, and the SMS gateway whose messages are the effect a duplicate repeats.
 *
 * The run ends when the last dedup entry has expired: forgetting is part of what the model shows
 * (a copy arriving after its id expired is applied again).
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, nodeId, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { clockCommandSchemas, timeMs } from '../saga/saga-schemas.ts';
import {
  applyIdempotentConsumerCommand,
  cloneIdempotentConsumer,
  createIdempotentConsumer,
  describeIdempotentConsumerEntry,
  type IdempotentConsumerCommand,
  type IdempotentConsumerEntry,
  type IdempotentConsumerOptions,
  type IdempotentConsumerWorld,
} from './idempotent-consumer.ts';

/** How an idempotent-consumer run starts: the model's options without the seed. */
export type IdempotentConsumerScenario = Omit<IdempotentConsumerOptions, 'seed'>;

/** The one place the idempotent consumer's node ids are spelled. */
export const idempotentNode = {
  broker: nodeId('broker', 'shipping-events'),
  consumer: nodeId('service', 'notification-service'),
  dedup: nodeId('store', 'dedup-store'),
  sms: nodeId('gateway', 'sms-gateway'),
} as const;

export const IdempotentConsumerScenarioSchema = z.strictObject({
  dedup: z.boolean().optional(),
  retentionMs: timeMs.optional(),
  processingMs: timeMs.optional(),
  deliveryDelayMs: timeMs.optional(),
  tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
});

const id = z.string().min(1).max(64);

/** The clock commands, a first delivery and a redelivery of an event already delivered. */
export const IdempotentConsumerCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  z.strictObject({ type: z.literal('deliver'), eventId: id, customerId: id.optional() }),
  z.strictObject({ type: z.literal('redeliver'), eventId: id }),
]);

function entryNodes(e: IdempotentConsumerEntry): NodeId[] {
  const n = idempotentNode;
  switch (e.type) {
    case 'message-received':
      return [n.broker, n.consumer];
    case 'event-applied':
      // Without a dedup store the effect is all there is; with one, the id is written beside it.
      return e.rememberedUntilMs === undefined ? [n.consumer, n.sms] : [n.consumer, n.sms, n.dedup];
    case 'duplicate-skipped':
      return [n.consumer, n.dedup];
    case 'dedup-entry-expired':
      return [n.dedup];
  }
}

/** A delivery flies from the broker, an SMS to the gateway, and a caught duplicate into the store. */
function route(e: IdempotentConsumerEntry): EntryRoute | undefined {
  const n = idempotentNode;
  switch (e.type) {
    case 'message-received':
      return { from: n.broker, to: n.consumer };
    case 'event-applied':
      return { from: n.consumer, to: n.sms };
    case 'duplicate-skipped':
      return { from: n.consumer, to: n.dedup };
    default:
      return undefined;
  }
}

export const idempotentConsumerModel: SimModel<
  IdempotentConsumerScenario,
  IdempotentConsumerWorld,
  IdempotentConsumerCommand,
  IdempotentConsumerEntry
> = {
  id: 'idempotent-consumer',
  title: 'Idempotent consumer',
  scenarioSchema: IdempotentConsumerScenarioSchema as z.ZodType<IdempotentConsumerScenario>,
  commandSchema: IdempotentConsumerCommandSchema as z.ZodType<IdempotentConsumerCommand>,
  loadScenario: (input) =>
    parseWithSchema(
      IdempotentConsumerScenarioSchema,
      input,
      ErrorCode.ScenarioInvalid,
      'scenario',
    ) as Result<IdempotentConsumerScenario>,
  loadCommand: (input) =>
    parseWithSchema(
      IdempotentConsumerCommandSchema,
      input,
      ErrorCode.InvalidCommand,
      'command',
    ) as Result<IdempotentConsumerCommand>,
  run: (scenario) => ({
    init: (seed) => createIdempotentConsumer({ ...scenario, seed }),
    apply: applyIdempotentConsumerCommand,
    clone: cloneIdempotentConsumer,
    nowMs: (w) => w.nowMs,
    nextAtMs: nextTaskAtMs,
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeIdempotentConsumerEntry,
  entryNodes,
  route,
};

// Compile-time checks: what the schemas accept is exactly what the model's types describe.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameScenario: Same<z.infer<typeof IdempotentConsumerScenarioSchema>, IdempotentConsumerScenario> = true;
const sameCommand: Same<z.infer<typeof IdempotentConsumerCommandSchema>, IdempotentConsumerCommand> = true;
void [sameScenario, sameCommand];
