/**
 * L24's scenarios, all on the Kafka model: one change announced thin (the consumers call back) and
 * fat (the event carries the order); a god topic every service reads whole; a payment consumer on
 * auto-commit; and a checkout asking for a price over a request topic and a reply topic, quiet and
 * under a backlog. Kept apart from lesson.ts so the lesson file stays a readable script.
 */
import type { KafkaScenario } from '../../simulator/index.ts';

type Group = NonNullable<KafkaScenario['groups']>[number];
type Steps = NonNullable<Group['handler']>['steps'];

/** A group of one consumer reading one topic from the start, committing after each batch, with an optional handler. */
const reader = (id: string, topic: string, processingMs: number, steps?: Steps): Group => ({
  id,
  topics: [topic],
  consumers: 1,
  processingMs,
  commit: { type: 'after-process' },
  autoOffsetReset: 'earliest',
  ...(steps === undefined ? {} : { handler: { steps } }),
});

/** The services that react to an order change, in every scenario that has them. */
export const orderReaders = ['shipping', 'billing', 'email'] as const;

/** What a fat `OrderChanged` carries besides its type: the order as it now is. */
export const orderPayload = {
  status: 'placed',
  customer: 'cust-17',
  address: '12 Quay Street, Leith',
  items: 3,
  totalCents: 4250,
};

/**
 * The order service announces each change to an order. Thin: the event says only which order
 * changed, and each reader calls the order service back for the rest (its handler's one external
 * call, and 30 ms more processing for the round trip). Fat: the event carries the order, and each
 * reader keeps its own copy.
 */
export const orderChanges = (fat: boolean): KafkaScenario => ({
  version: 1,
  name: fat ? 'Event-carried state transfer' : 'Event notification',
  brokers: [{ id: 1 }],
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
  producers: [
    {
      id: 'order-service',
      topic: 'orders',
      ratePerSec: 4,
      keys: { type: 'uniform', keys: 1000, prefix: 'order-' },
      eventType: 'OrderChanged',
      ...(fat ? { payload: orderPayload } : {}),
    },
  ],
  groups: orderReaders.map((g) =>
    fat
      ? reader(g, 'orders', 10, [{ type: 'store', op: 'set' }])
      : reader(g, 'orders', 40, [{ type: 'side-effect', name: 'call-order-service' }]),
  ),
  trace: { mode: 'full' },
});

/** Who needs what from the one topic everything is written to. */
export const godTopicNeeds = [
  { group: 'shipping', producer: 'orders', eventType: 'OrderPlaced' },
  { group: 'billing', producer: 'payments', eventType: 'PaymentTaken' },
  { group: 'email', producer: 'shipments', eventType: 'ShipmentSent' },
] as const;

/** Three producers write three kinds of event to one topic; each service wants one kind but reads all. */
export const godTopic: KafkaScenario = {
  version: 1,
  name: 'The god topic',
  brokers: [{ id: 1 }],
  topics: [{ name: 'all-events', partitions: 1, replicationFactor: 1 }],
  producers: godTopicNeeds.map((n) => ({
    id: n.producer,
    topic: 'all-events',
    ratePerSec: 5,
    keys: { type: 'uniform' as const, keys: 1000, prefix: `${n.producer}-` },
    eventType: n.eventType,
  })),
  groups: godTopicNeeds.map((n) => reader(n.group, 'all-events', 80)),
  trace: { mode: 'full' },
};

/**
 * Billing charges a card for every payment request and lets the client commit its offsets every
 * 5 seconds (Kafka's default auto-commit); a crashed member is noticed after 6 seconds.
 */
export const payments: KafkaScenario = {
  version: 1,
  name: 'Charging cards on auto-commit',
  brokers: [{ id: 1 }],
  topics: [{ name: 'payments', partitions: 2, replicationFactor: 1 }],
  producers: [
    {
      id: 'checkout',
      topic: 'payments',
      ratePerSec: 4,
      keys: { type: 'uniform', keys: 1000, prefix: 'order-' },
      eventType: 'PaymentRequested',
    },
  ],
  groups: [
    {
      id: 'billing',
      topics: ['payments'],
      consumers: 2,
      processingMs: 20,
      commit: { type: 'auto', intervalMs: 5_000 },
      sessionTimeoutMs: 6_000,
      heartbeatIntervalMs: 2_000,
      autoOffsetReset: 'earliest',
      handler: { steps: [{ type: 'side-effect', name: 'charge-card' }] },
    },
  ],
  trace: { mode: 'full' },
};

/**
 * Checkout asks pricing for a price by writing a request; pricing answers by writing the reply to
 * a reply topic that checkout reads (checkout is both a producer and a group). With `busy`, a catalogue sync writes price requests of its own
 * faster than pricing can answer them (12 a second against 10).
 */
export const pricing = (busy: boolean): KafkaScenario => ({
  version: 1,
  name: busy ? 'Request and reply behind a backlog' : 'Request and reply on a quiet topic',
  brokers: [{ id: 1 }],
  topics: [
    { name: 'requests', partitions: 1, replicationFactor: 1 },
    { name: 'replies', partitions: 1, replicationFactor: 1 },
  ],
  producers: [
    { id: 'checkout', topic: 'requests', ratePerSec: 0, keys: { type: 'none' }, eventType: 'PriceRequested' },
    ...(busy
      ? [
          {
            id: 'catalog-sync',
            topic: 'requests',
            ratePerSec: 12,
            keys: { type: 'uniform' as const, keys: 1000, prefix: 'sku-' },
            eventType: 'PriceRequested',
          },
        ]
      : []),
  ],
  groups: [reader('pricing', 'requests', 100, [{ type: 'produce', topic: 'replies' }]), reader('checkout', 'replies', 0)],
  trace: { mode: 'full' },
});
