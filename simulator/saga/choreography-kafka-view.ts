/**
 * How the choreographed saga over Kafka looks from outside: one order pieced together from the
 * services' tables, the topic and the groups' committed offsets, and one sentence per trace entry.
 *
 * Nothing in the world says where an order is. An operator has to read every service's database
 * (what was done), the topic (what was announced) and every group's committed offset (who has not
 * yet read what was announced) — which is the contrast with the orchestrated saga's one table.
 */
import {
  groupOf,
  type KafkaChoreographyEntry,
  type KafkaChoreographyView,
  type KafkaChoreographyWorld,
} from './choreography-kafka-types.ts';
import { progressFromTables } from './choreography-view.ts';
import { orderRecords } from './kafka-bridge.ts';
import { SERVICE_NAMES, type ServiceName } from './services.ts';

/** Reconstructs one order's progress by reading the services, the topic and the offsets. */
export function kafkaChoreographyView(w: KafkaChoreographyWorld, orderId: string): KafkaChoreographyView {
  const records = orderRecords(w.kafka, orderId);
  const messages = records.map((r) => r.value.name);
  const unreadBy = {} as Record<ServiceName, number>;
  for (const s of SERVICE_NAMES) {
    const g = w.kafka.k.groups[w.kafka.k.groupIndex[groupOf(s)]!]!;
    unreadBy[s] = records.filter((r) => r.offset >= (g.committed[r.pid] ?? 0)).length;
  }
  return {
    orderId,
    ...progressFromTables(w.services.tables, orderId, messages),
    messages,
    partition: records[0]?.partition ?? null,
    offsets: records.map((r) => r.offset),
    unreadBy,
  };
}

/** A human sentence for one of the services' trace entries (Kafka's own are in `kafka.trace`). */
export function describeKafkaChoreographyEntry(e: KafkaChoreographyEntry): string {
  const order = e.correlationId === undefined ? '' : ` for ${e.correlationId}`;
  switch (e.type) {
    case 'event-produced':
      if (e.publisher === 'client') return `A customer placed an order: PlaceOrder${order} was produced as ${e.recordId}.`;
      return e.afterRedelivery
        ? `The ${e.publisher} service produced ${e.name}${order} as ${e.recordId} on a redelivery, after a crash had stopped the first attempt.`
        : `The ${e.publisher} service produced ${e.name}${order} as ${e.recordId}.`;
    case 'local-transaction-committed':
      return `The ${e.service} service read ${e.eventId} and committed ${e.action}${order} in its own database.`;
    case 'local-transaction-failed':
      return `The ${e.service} service read ${e.eventId} and did not apply ${e.action}${order}: ${e.reason}.`;
    case 'record-deduplicated':
      return `The ${e.service} service read ${e.eventId} again and had already done ${e.action}${order}, so the redelivery changed nothing.`;
    case 'record-dead-lettered':
      return `The ${e.service} service could not read ${e.eventId} (${e.reason}) and produced it to the dead-letter topic as ${e.deadLetterRecordId}, so its consumer moves on.`;
    case 'service-crashed':
      return e.afterCommit
        ? `The ${e.service} service crashed after its local commit and before producing or committing its offset; ${e.consumer} restarts at ${e.restartAtMs} ms.`
        : `The ${e.service} service crashed; ${e.consumer} stops without committing and restarts at ${e.restartAtMs} ms.`;
    case 'service-restarted':
      return `The ${e.service} service is running again; ${e.consumer} resumes from its group's committed offset.`;
    case 'fault-injected':
      return `Planted a ${e.fault.kind} fault on ${e.fault.action} at the ${e.fault.service} service.`;
  }
}
