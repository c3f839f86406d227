/**
 * Observing the choreographed saga over Kafka from outside, as an operator would: the events and
 * their ids (to stitch any event's consequences into one tree), an event catalog of who produces
 * and who consumes each event type, and the health signals of each service's consumer group.
 *
 * Everything here is read from what ran — the services' trace entries and the Kafka groups'
 * committed offsets — not from a declared design: the catalog lists an event type once it has been
 * produced, and names a service as a consumer once its handler acted on one. A catalog built this
 * way cannot drift from the running system, but it also knows nothing that has not happened yet.
 */
import { causationTree, type CausalEvent, type CausationNode } from '../core/causation-tree.ts';
import { summary } from '../kafka/lag.ts';
import {
  DEAD_LETTER_TOPIC,
  ORDER_EVENTS_TOPIC,
  consumerOf,
  groupOf,
  type KafkaChoreographyWorld,
} from './choreography-kafka-types.ts';
import { REACTIONS } from './choreography-types.ts';
import type { BusMessageName } from './event-bus.ts';
import { SERVICE_NAMES, type ActionName, type ServiceName } from './services.ts';

/** What a service did with a record it read and reacts to. */
export type HandledOutcome = 'committed' | 'refused' | 'already done' | 'crashed' | 'dead-lettered';

/** One record on the topic as a traced event: its ids, who produced it and who acted on it. */
export interface ObservedEvent extends CausalEvent {
  /** The record's id (`rec-7`), the id causation points at. */
  id: string;
  /** The event's own id (`PaymentCharged:order-1`), stable across re-publication. */
  eventId: string;
  name: BusMessageName;
  /** `customer` for the client's PlaceOrder. */
  producer: ServiceName | 'customer';
  correlationId: string;
  afterRedelivery: boolean;
  /** Each handling by a service that reacts to this event type, in the order they happened. */
  handledBy: Array<{ service: ServiceName; action: ActionName; outcome: HandledOutcome; atMs: number }>;
  /**
   * The services that react to this event type (by the flow's reactions) and have not yet handled
   * it, a crash not counting: [] once every reacting service has acted, and for end events.
   */
  awaitedBy: ServiceName[];
}

/** Every event produced so far, oldest first, with what each service did with it. */
export function observedEvents(w: KafkaChoreographyWorld): ObservedEvent[] {
  const out: ObservedEvent[] = [];
  const byRecord = new Map<string, ObservedEvent>();
  for (const e of w.trace.entries) {
    if (e.type === 'event-produced') {
      const ev: ObservedEvent = {
        id: e.recordId,
        atMs: e.atMs,
        eventId: e.eventId,
        name: e.name,
        producer: e.publisher === 'client' ? 'customer' : e.publisher,
        correlationId: e.correlationId ?? '',
        ...(e.causationId === undefined ? {} : { causationId: e.causationId }),
        afterRedelivery: e.afterRedelivery,
        handledBy: [],
        awaitedBy: [],
      };
      out.push(ev);
      byRecord.set(ev.id, ev);
      continue;
    }
    const on = e.causationId === undefined ? undefined : byRecord.get(e.causationId);
    if (on === undefined) continue;
    if (e.type === 'local-transaction-committed' || e.type === 'local-transaction-failed' || e.type === 'record-deduplicated') {
      const outcome: HandledOutcome =
        e.type === 'local-transaction-committed'
          ? 'committed'
          : e.type === 'local-transaction-failed'
            ? 'refused'
            : 'already done';
      on.handledBy.push({ service: e.service, action: e.action, outcome, atMs: e.atMs });
    } else if (e.type === 'record-dead-lettered') {
      on.handledBy.push({ service: e.service, action: e.action, outcome: 'dead-lettered', atMs: e.atMs });
    } else if (e.type === 'service-crashed') {
      const action = on.handledBy.findLast((h) => h.service === e.service)?.action;
      on.handledBy.push({ service: e.service, action: action ?? 'create-order', outcome: 'crashed', atMs: e.atMs });
    }
  }
  for (const ev of out) {
    const done = new Set(ev.handledBy.filter((h) => h.outcome !== 'crashed').map((h) => h.service));
    for (const r of REACTIONS) if (r.on === ev.name && !done.has(r.service)) ev.awaitedBy.push(r.service);
  }
  return out;
}

/** The tree of everything the event on record `recordId` caused; undefined for an unknown record. */
export function eventCausationTree(w: KafkaChoreographyWorld, recordId: string): CausationNode<ObservedEvent> | undefined {
  return causationTree(observedEvents(w), recordId);
}

/** One row of the event catalog. */
export interface CatalogRow {
  name: BusMessageName;
  topic: string;
  /** Who produced it, in order of first production. */
  producers: Array<ServiceName | 'customer'>;
  /** The services whose handlers acted on it, in order of first handling; [] when nobody reacts. */
  consumers: ServiceName[];
  /** Records of this type produced so far. */
  records: number;
}

/** Who produces and who consumes each event type, from what has run; types in order of first sighting. */
export function eventCatalog(w: KafkaChoreographyWorld): CatalogRow[] {
  const rows = new Map<BusMessageName, CatalogRow>();
  for (const ev of observedEvents(w)) {
    let row = rows.get(ev.name);
    if (row === undefined) {
      row = { name: ev.name, topic: ORDER_EVENTS_TOPIC, producers: [], consumers: [], records: 0 };
      rows.set(ev.name, row);
    }
    row.records++;
    if (!row.producers.includes(ev.producer)) row.producers.push(ev.producer);
    for (const h of ev.handledBy) if (!row.consumers.includes(h.service)) row.consumers.push(h.service);
  }
  return [...rows.values()];
}

/** One service's health as its consumer group shows it. */
export interface ServiceHealth {
  service: ServiceName;
  group: string;
  consumer: string;
  up: boolean;
  /**
   * Kafka's consumer lag of the group: records on the topic at or after its committed offsets,
   * summed over partitions; null until the group has committed on every partition.
   */
  lag: number | null;
}

/** The consumer lag of each service's group, the signal that a service has stopped keeping up. */
export function serviceHealth(w: KafkaChoreographyWorld): ServiceHealth[] {
  const sum = summary(w.kafka);
  const hw = (topic: string, partition: number): number =>
    sum.partitions.find((p) => p.topic === topic && p.partition === partition)?.highWatermark ?? 0;
  return SERVICE_NAMES.map((service) => {
    const g = sum.groups.find((x) => x.group === groupOf(service));
    // A partition nothing was ever written to has nothing to lag behind, committed or not; one with
    // records and no committed offset has an unknown lag, as Kafka's own tool shows it ("-").
    let lag: number | null = g === undefined ? null : 0;
    for (const p of g?.partitions ?? []) {
      if (lag === null) break;
      if (p.lag !== null) lag += p.lag;
      else if (hw(p.topic, p.partition) > 0) lag = null;
    }
    return { service, group: groupOf(service), consumer: consumerOf(service), up: w.services.runtime[service].up, lag };
  });
}

/**
 * Records waiting on the dead-letter topic (its high watermark; nothing here consumes it), the
 * second health signal: lag stays 0 while a consumer skips what it cannot read, so only this
 * number says records are being set aside. 0 while the topic does not exist.
 */
export function deadLetterDepth(w: KafkaChoreographyWorld): number {
  return summary(w.kafka)
    .partitions.filter((p) => p.topic === DEAD_LETTER_TOPIC)
    .reduce((sum, p) => sum + p.highWatermark, 0);
}
