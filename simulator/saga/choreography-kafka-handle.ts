/**
 * The services' side of the Kafka choreography: what a service does with a record its consumer is
 * processing, and how a service crashes and comes back.
 *
 * A handler applies the service's reaction as one local transaction, reports it in the trace and
 * produces the outcome event with the service's own producer. A crash is reported back (false) so
 * the caller stops the consumer before it finishes processing and commits: that is what turns a
 * crash into a redelivery from the committed offset rather than a lost event.
 */
import { traceEmit } from '../core/trace.ts';
import { applyCommand as applyKafkaCommand } from '../kafka/kafka-sim.ts';
import { recordId, scheduleTask as scheduleKafkaTask } from '../kafka/net.ts';
import type { KafkaTask } from '../kafka/tasks.ts';
import type { KafkaEngineCommand } from '../kafka/scenario/types.ts';
import {
  DEAD_LETTER_TOPIC,
  ORDER_EVENTS_TOPIC,
  consumerOf,
  type KafkaChoreographyEntry,
  type KafkaChoreographyTask,
  type KafkaChoreographyWorld,
  type SagaEventValue,
} from './choreography-kafka-types.ts';
import { REACTIONS } from './choreography-types.ts';
import { sagaEventOf } from './kafka-bridge.ts';
import { crashService, handleAction, type ServiceName } from './services.ts';
import type { EntryDraft } from './world-kit.ts';
import { getName, setName } from '../core/name-index.ts';

export function say(w: KafkaChoreographyWorld, entry: EntryDraft<KafkaChoreographyEntry>): void {
  traceEmit(w.trace, { ...entry, atMs: w.kafka.nowMs } as Omit<KafkaChoreographyEntry, 'id'>);
}

/** A Kafka command the bridge issues; a refusal here is a bug in the bridge, not a user error. */
function kafka(w: KafkaChoreographyWorld, c: KafkaEngineCommand): unknown {
  const r = applyKafkaCommand(w.kafka, c);
  if (!r.ok) throw new Error(`kafka choreography: ${c.type} refused: ${r.error.message}`);
  return r.value.detail;
}

export function produce(w: KafkaChoreographyWorld, value: SagaEventValue, afterRedelivery: boolean, cause?: string): string {
  const producer = value.publisher;
  const detail = kafka(w, { type: 'produce', producer, topic: ORDER_EVENTS_TOPIC, key: value.orderId, value });
  const rid = (detail as { recordId: string }).recordId;
  say(w, {
    type: 'event-produced',
    eventId: value.eventId,
    name: value.name,
    publisher: value.publisher,
    recordId: rid,
    afterRedelivery,
    correlationId: value.orderId,
    ...(cause === undefined ? {} : { causationId: cause }),
  });
  return rid;
}

export function crash(
  w: KafkaChoreographyWorld,
  service: ServiceName,
  restartAfterMs: number | undefined,
  afterCommit: boolean,
  ref: { correlationId?: string; causationId?: string } = {},
): void {
  const incarnation = crashService(w.services, service);
  const restartAtMs = w.kafka.nowMs + (restartAfterMs ?? w.config.restartAfterMs);
  kafka(w, { type: 'crash-consumer', consumer: consumerOf(service) });
  const task: KafkaChoreographyTask = { type: 'restart-service', service, incarnation };
  scheduleKafkaTask(w.kafka, restartAtMs, task as unknown as KafkaTask, true);
  say(w, { type: 'service-crashed', service, consumer: consumerOf(service), restartAtMs, afterCommit, ...ref });
}

export function restart(w: KafkaChoreographyWorld, service: ServiceName): void {
  w.services.runtime[service].up = true;
  kafka(w, { type: 'restart-consumer', consumer: consumerOf(service) });
  say(w, { type: 'service-restarted', service, consumer: consumerOf(service) });
}

/** Why a record's order cannot be handled (a payload another client wrote wrongly), if it cannot. */
function unreadableOrder(e: SagaEventValue): string | undefined {
  const amount: unknown = e.order.amountCents;
  return Number.isInteger(amount) ? undefined : `amountCents is ${JSON.stringify(amount)}, not a whole number of cents`;
}

/**
 * Parks a record the service cannot read on the dead-letter topic (created on first use) and lets
 * the consumer move past it: retrying a malformed payload would fail the same way for ever, and
 * would hold up every record behind it in the partition.
 */
function deadLetter(w: KafkaChoreographyWorld, service: ServiceName, e: SagaEventValue, rn: number, reason: string): void {
  if (w.kafka.k.topicIndex[DEAD_LETTER_TOPIC] === undefined) {
    const rf = Math.min(w.config.replicationFactor, w.config.brokers);
    kafka(w, { type: 'create-topic', topic: { name: DEAD_LETTER_TOPIC, partitions: 1, replicationFactor: rf } });
  }
  const value = { ...e, deadLetter: { service, reason, from: recordId(rn) } };
  const detail = kafka(w, { type: 'produce', producer: service, topic: DEAD_LETTER_TOPIC, key: e.orderId, value });
  const action = REACTIONS.find((r) => r.on === e.name && r.service === service)!.action;
  say(w, {
    type: 'record-dead-lettered',
    service,
    action,
    eventId: e.eventId,
    reason,
    deadLetterRecordId: (detail as { recordId: string }).recordId,
    correlationId: e.orderId,
    causationId: recordId(rn),
  });
}

/**
 * The service's handler for one record, run while its consumer processes it. Returns false when
 * the service crashed, so the consumer must not finish processing (and must not commit).
 */
export function handle(w: KafkaChoreographyWorld, service: ServiceName, rn: number): boolean {
  const e = sagaEventOf(w.kafka, rn);
  const reaction = e && REACTIONS.find((r) => r.on === e.name && r.service === service);
  if (e === undefined || reaction === undefined) return true; // read, not for this service
  const { action } = reaction;
  const ref = { correlationId: e.orderId, causationId: recordId(rn) };
  const unreadable = unreadableOrder(e);
  if (unreadable !== undefined) {
    deadLetter(w, service, e, rn, `${action}: ${unreadable}`);
    return true;
  }
  const r = handleAction(w.services, action, { ...e.order });
  if (r.kind === 'crashed-before-commit') {
    crash(w, service, r.fault.restartAfterMs, false, ref);
    return false;
  }
  if (r.kind === 'deduplicated') say(w, { type: 'record-deduplicated', service, action, eventId: e.eventId, ...ref });
  else if (r.outcome.kind === 'ok') say(w, { type: 'local-transaction-committed', service, action, eventId: e.eventId, ...ref });
  else say(w, { type: 'local-transaction-failed', service, action, eventId: e.eventId, reason: r.outcome.reason, ...ref });
  // Committed locally, then dead: the outcome is stored but not produced, the offset not committed.
  if (r.kind === 'crashed-after-commit') {
    crash(w, service, r.fault.restartAfterMs, true, ref);
    return false;
  }
  const name = r.outcome.kind === 'ok' ? reaction.ok : r.outcome.kind === 'rejected' ? reaction.rejected : undefined;
  const key = `${e.orderId}/${action}`;
  if (name === undefined || (getName(w.published, key) && w.services.idempotentHandlers)) return true;
  setName(w.published, key, true);
  const value: SagaEventValue = {
    eventId: `${name}:${e.orderId}`,
    name,
    orderId: e.orderId,
    order: { ...e.order },
    publisher: service,
    causationId: e.eventId,
    ...(r.outcome.kind === 'rejected' ? { reason: r.outcome.reason } : {}),
  };
  // Produced on a redelivery: the first handling committed but crashed before producing.
  produce(w, value, r.kind === 'deduplicated', recordId(rn));
  return true;
}
