/**
 * Dual write versus the transactional outbox, behind the model contract (simulator/core/model.ts):
 * its schemas, its run, one sentence per trace entry, and the nodes each entry touches or moves
 * something between — the client, the order service, its database (the orders table and the
 * outbox table), the relay, the broker and the downstream consumer.
 *
 * One model with three modes (`dual-write`, `outbox-polling`, `outbox-cdc`), so the same nodes
 * appear in each and a lesson can show where the event goes missing or goes twice. The outbox
 * table and the relay take no part in `dual-write`; a topology may leave them out there.
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, nodeId, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { clockCommandSchemas, timeMs } from '../saga/saga-schemas.ts';
import { applyOutboxCommand, cloneOutboxSim, createOutboxSim, OUTBOX_FAULT_KINDS } from './outbox.ts';
import type { OutboxCommand, OutboxEntry, OutboxFault, OutboxNode, OutboxOptions, OutboxWorld } from './outbox-types.ts';
import { describeOutboxEntry } from './outbox-view.ts';

/** How an outbox lesson or playground run starts: the model's options without the seed. */
export type OutboxScenario = Omit<OutboxOptions, 'seed'>;

/** The one place the outbox model's node ids are spelled. */
export const outboxNode = {
  client: nodeId('client', 'customer'),
  service: nodeId('service', 'order-service'),
  /** The orders table (with the write-ahead log a CDC relay tails). */
  database: nodeId('database', 'orders'),
  /** The outbox table, written in the same local transaction as the order. */
  outbox: nodeId('table', 'outbox'),
  relay: nodeId('relay', 'outbox-relay'),
  broker: nodeId('broker', 'order-events'),
  consumer: nodeId('consumer', 'order-consumer'),
} as const;

/** The node for a runtime the model can crash. */
function nodeOf(n: OutboxNode): NodeId {
  return outboxNode[n];
}

/** Where each planted fault strikes. */
const faultNode: Record<OutboxFault['kind'], NodeId> = {
  'service-crash-between-writes': outboxNode.service,
  'relay-crash-after-publish': outboxNode.relay,
  'consumer-crash-before-commit': outboxNode.consumer,
};

const OutboxFaultSchema = z.strictObject({
  kind: z.enum(OUTBOX_FAULT_KINDS),
  times: z.int().min(1).max(1000).optional(),
  restartAfterMs: timeMs.optional(),
});

export const OutboxScenarioSchema = z.strictObject({
  mode: z.enum(['dual-write', 'outbox-polling', 'outbox-cdc']).optional(),
  dualWriteOrder: z.enum(['db-first', 'publish-first']).optional(),
  processingMs: timeMs.optional(),
  dualWriteGapMs: timeMs.optional(),
  // At least 1 ms: the next poll is the next multiple of the interval.
  pollIntervalMs: timeMs.min(1).optional(),
  cdcLagMs: timeMs.optional(),
  relayBatchMax: z.int().min(1).max(10_000).optional(),
  consumerProcessingMs: timeMs.optional(),
  consumerDedup: z.boolean().optional(),
  retentionMs: timeMs.optional(),
  restartAfterMs: timeMs.optional(),
  tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
  faults: z.array(OutboxFaultSchema).max(100).optional(),
});

/** The clock commands, placing an order, planting a fault and crashing a node. */
export const OutboxCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  z.strictObject({
    type: z.literal('place-order'),
    orderId: z.string().min(1).max(64),
    amountCents: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  }),
  z.strictObject({ type: z.literal('plant-fault'), fault: OutboxFaultSchema }),
  z.strictObject({
    type: z.literal('crash'),
    node: z.enum(['service', 'relay', 'consumer']),
    restartAfterMs: timeMs.optional(),
  }),
]);

function entryNodes(e: OutboxEntry): NodeId[] {
  const n = outboxNode;
  switch (e.type) {
    case 'order-received':
      return [n.client, n.service];
    case 'request-lost':
    case 'event-lost':
      return [n.service];
    case 'db-committed':
      return e.outboxRow ? [n.service, n.database, n.outbox] : [n.service, n.database];
    case 'event-published':
      return [e.publisher === 'relay' ? n.relay : n.service, n.broker];
    case 'phantom-event':
      return [n.service, n.broker];
    case 'outbox-rows-marked-sent':
      return [n.relay, n.outbox];
    case 'cdc-offset-committed':
      return [n.relay, n.database];
    case 'node-crashed':
    case 'node-restarted':
      return [nodeOf(e.node)];
    case 'event-applied':
    case 'duplicate-skipped':
    case 'consumer-offset-committed':
      return [n.broker, n.consumer];
    case 'fault-planted':
      return [faultNode[e.fault.kind]];
  }
}

function route(e: OutboxEntry): EntryRoute | undefined {
  const n = outboxNode;
  switch (e.type) {
    case 'order-received':
      return { from: n.client, to: n.service };
    case 'db-committed':
      return { from: n.service, to: n.database };
    case 'event-published':
      return { from: e.publisher === 'relay' ? n.relay : n.service, to: n.broker };
    case 'outbox-rows-marked-sent':
      return { from: n.relay, to: n.outbox };
    case 'event-applied':
    case 'duplicate-skipped':
      return { from: n.broker, to: n.consumer };
    case 'consumer-offset-committed':
      return { from: n.consumer, to: n.broker };
    default:
      return undefined;
  }
}

export const outboxModel: SimModel<OutboxScenario, OutboxWorld, OutboxCommand, OutboxEntry> = {
  id: 'outbox',
  title: 'Dual write vs transactional outbox',
  scenarioSchema: OutboxScenarioSchema as z.ZodType<OutboxScenario>,
  commandSchema: OutboxCommandSchema as z.ZodType<OutboxCommand>,
  loadScenario: (input) =>
    parseWithSchema(OutboxScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario') as Result<OutboxScenario>,
  loadCommand: (input) =>
    parseWithSchema(OutboxCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<OutboxCommand>,
  run: (scenario) => ({
    init: (seed) => createOutboxSim({ ...scenario, seed }),
    apply: applyOutboxCommand,
    clone: cloneOutboxSim,
    nowMs: (w) => w.nowMs,
    nextAtMs: nextTaskAtMs,
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeOutboxEntry,
  entryNodes,
  route,
};

// Compile-time checks: what the schemas accept is exactly what the model's types describe.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameScenario: Same<z.infer<typeof OutboxScenarioSchema>, OutboxScenario> = true;
const sameCommand: Same<z.infer<typeof OutboxCommandSchema>, OutboxCommand> = true;
void [sameScenario, sameCommand];
