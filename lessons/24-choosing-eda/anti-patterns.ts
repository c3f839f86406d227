/**
 * Two of L24's anti-patterns as scenarios on the Kafka model: event spaghetti (services that each
 * react to the others' events until one order sets off a loop nobody drew) and Kafka as a database
 * (a service that answers a question by reading the topic from the start, after retention has
 * deleted the answer, beside a service that kept its own table). Kept apart from scenarios.ts so
 * each file holds one idea.
 */
import type { KafkaScenario } from '../../simulator/index.ts';

type Group = NonNullable<KafkaScenario['groups']>[number];
type Steps = NonNullable<Group['handler']>['steps'];

/** A group of one consumer, reading from the start and committing after each batch. */
const service = (id: string, topics: string[], processingMs: number, steps?: Steps): Group => ({
  id,
  topics,
  consumers: 1,
  processingMs,
  commit: { type: 'after-process' },
  autoOffsetReset: 'earliest',
  ...(steps === undefined ? {} : { handler: { steps } }),
});

/** The spaghetti's services, each with the one subscription its team thought it needed. */
export const spaghettiServices = ['billing', 'shipping', 'offers', 'email'] as const;

/**
 * The shop writes one order by command. Billing charges a card for every record on `orders` and
 * announces the payment; shipping sends a parcel for every payment; offers re-prices every
 * shipped order and writes the order back to `orders`; email writes to the customer about all of
 * it. Each hop takes a quarter of a second, so a lap of the loop can be watched.
 */
export const spaghetti: KafkaScenario = {
  version: 1,
  name: 'Event spaghetti',
  brokers: [{ id: 1 }],
  topics: ['orders', 'payments', 'shipments'].map((name) => ({ name, partitions: 1, replicationFactor: 1 })),
  producers: [{ id: 'shop', topic: 'orders', ratePerSec: 0, keys: { type: 'none' }, eventType: 'OrderPlaced' }],
  groups: [
    service('billing', ['orders'], 250, [
      { type: 'side-effect', name: 'charge-card' },
      { type: 'produce', topic: 'payments' },
    ]),
    service('shipping', ['payments'], 250, [
      { type: 'side-effect', name: 'send-parcel' },
      { type: 'produce', topic: 'shipments' },
    ]),
    service('offers', ['shipments'], 250, [{ type: 'produce', topic: 'orders' }]),
    service('email', ['orders', 'payments', 'shipments'], 20, [{ type: 'side-effect', name: 'send-email' }]),
  ],
  trace: { mode: 'full' },
};

/** How long `orders` keeps a record in the Kafka-as-a-database run, ms. */
export const ordersRetentionMs = 20_000;

/**
 * The order service writes 4 orders a second, each carrying the order, to a topic that keeps
 * records for 20 seconds in segments of 20. Shipping keeps its own table of orders, a row per key.
 * Support, added by a command, has no table: it reads the topic from the start to find an order.
 */
export const ordersLog: KafkaScenario = {
  version: 1,
  name: 'Kafka as a database',
  brokers: [{ id: 1 }],
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 1, retentionMs: ordersRetentionMs, segmentRecords: 20 }],
  producers: [
    {
      id: 'order-service',
      topic: 'orders',
      ratePerSec: 4,
      keys: { type: 'uniform', keys: 100_000, prefix: 'order-' },
      eventType: 'OrderPlaced',
      payload: { status: 'placed' },
    },
  ],
  groups: [service('shipping', ['orders'], 10, [{ type: 'store', op: 'set' }])],
  trace: { mode: 'full' },
};

/** The group support starts, by command, to look an order up in the topic. */
export const supportGroup: Group = service('support', ['orders'], 50);
