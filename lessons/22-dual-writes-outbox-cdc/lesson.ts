/**
 * L22 · Dual writes, outbox and CDC: a crash between the database write and the publish loses the
 * event (or, publishing first, invents one); the transactional outbox with a polling relay, then a
 * CDC relay, loses nothing; a relay crash publishes twice and the consumer's dedup store makes it
 * harmless — without one, the order is counted twice. Prose in content.md.
 */
import { outboxNode as n, outboxView as view, type OutboxCommand, type OutboxWorld } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import content from './content.md?raw';

const plant = (
  kind: 'service-crash-between-writes' | 'relay-crash-after-publish' | 'consumer-crash-before-commit',
): OutboxCommand => ({
  type: 'plant-fault',
  fault: { kind },
});
const order = (orderId: string): OutboxCommand[] => [{ type: 'place-order', orderId }, { type: 'run-until-idle' }];
const eventOf = (w: OutboxWorld, orderId: string): string | undefined =>
  getStored(w, orderId)?.eventId ?? w.broker.find((r) => r.orderId === orderId)?.eventId;
const getStored = (w: OutboxWorld, orderId: string) => (Object.hasOwn(w.db.orders, orderId) ? w.db.orders[orderId] : undefined);
/** Virtual ms from the order's commit to its event's first publish. */
const commitToPublishMs = (w: OutboxWorld, orderId: string): number => {
  const at = (type: string) => w.trace.entries.find((e) => e.type === type && e.correlationId === orderId)?.atMs ?? NaN;
  return at('event-published') - at('db-committed');
};
const copies = (w: OutboxWorld, orderId: string): number => w.broker.filter((r) => r.orderId === orderId).length;
/** How many times the consumer was handed an event: applied or skipped as a duplicate. */
const deliveries = (w: OutboxWorld, eventId: string): number =>
  w.trace.entries.filter((e) => (e.type === 'event-applied' || e.type === 'duplicate-skipped') && e.eventId === eventId).length;
const skipped = (w: OutboxWorld, orderId?: string): number =>
  w.trace.entries.filter((e) => e.type === 'duplicate-skipped' && (orderId === undefined || e.correlationId === orderId)).length;
const crashed = (w: OutboxWorld, node: 'service' | 'relay' | 'consumer'): boolean =>
  w.trace.entries.some((e) => e.type === 'node-crashed' && e.node === node);
/** The event the consumer was handed most often, and how often. */
const mostDelivered = (w: OutboxWorld): number => Math.max(0, ...w.broker.map((r) => deliveries(w, r.eventId)));

const counters = {
  lost: (w: OutboxWorld) => view(w).lostEventIds.length,
  phantoms: (w: OutboxWorld) => view(w).phantomEventIds.length,
  duplicated: (w: OutboxWorld) => view(w).duplicatedOnBroker.length,
  twice: (w: OutboxWorld) => view(w).appliedTwiceOrMore.length,
};

export const lesson = defineLesson({
  id: 'L22',
  title: 'Dual writes, outbox and CDC',
  minutes: 16,
  model: 'outbox',
  scenario: { mode: 'dual-write' },
  content,
  steps: [
    {
      id: 'dual-write-crash',
      title: 'Database first: a crash loses the event',
      scenario: { mode: 'dual-write', dualWriteOrder: 'db-first' },
      commands: [plant('service-crash-between-writes'), ...order('order-1'), ...order('order-2')],
      highlight: [n.service, n.database, n.broker],
      claims: [
        { id: 'stored', text: '2 orders stored', value: (w) => view(w).ordersInDb, expected: 2 },
        { id: 'published', text: 'The broker holds 1 event', value: (w) => w.broker.length, expected: 1 },
        { id: 'which', text: 'the one for order-2', value: (w) => w.broker[0]?.orderId ?? '', expected: 'order-2' },
        { id: 'lost', text: 'the lost-events counter reads 1', value: counters.lost, expected: 1 },
        {
          id: 'lost-which',
          text: 'The event for order-1 is lost',
          value: (w) => view(w).lostEventIds.join() === eventOf(w, 'order-1'),
          expected: true,
        },
        { id: 'applied', text: 'applied 1 order', value: (w) => w.consumer.ordersCounted, expected: 1 },
      ],
    },
    {
      id: 'publish-first',
      title: 'Publish first: a crash announces an order never stored',
      scenario: { mode: 'dual-write', dualWriteOrder: 'publish-first' },
      commands: [plant('service-crash-between-writes'), ...order('order-1'), ...order('order-2')],
      highlight: [n.service, n.database, n.broker],
      claims: [
        { id: 'events', text: 'The broker has 2 events', value: (w) => w.broker.length, expected: 2 },
        {
          id: 'stored',
          text: 'the orders table holds only 1 order, order-2',
          value: (w) => `${view(w).ordersInDb} order, ${Object.keys(w.db.orders).join()}`,
          expected: '1 order, order-2',
        },
        { id: 'phantom', text: 'The phantom-events counter reads 1', value: counters.phantoms, expected: 1 },
        {
          id: 'phantom-which',
          text: 'told about order-1, an order that does not exist',
          value: (w) => view(w).phantomEventIds.join() === eventOf(w, 'order-1') && getStored(w, 'order-1') === undefined,
          expected: true,
        },
        { id: 'applied', text: 'it applied 2 orders', value: (w) => w.consumer.ordersCounted, expected: 2 },
      ],
    },
    {
      id: 'polling-outbox',
      title: 'The outbox and a polling relay: the crash costs nothing',
      scenario: { mode: 'outbox-polling' },
      commands: [plant('service-crash-between-writes'), ...order('order-1'), ...order('order-2')],
      highlight: [n.service, n.database, n.outbox, n.relay, n.broker],
      claims: [
        { id: 'crashed', text: "right after order-1's transaction", value: (w) => crashed(w, 'service'), expected: true },
        { id: 'lost', text: 'Events lost: 0', value: counters.lost, expected: 0 },
        { id: 'phantoms', text: 'Phantom events: 0', value: counters.phantoms, expected: 0 },
        {
          id: 'both',
          text: 'Both orders are stored and both events are on the broker',
          value: (w) => `${view(w).ordersInDb} ${view(w).eventsPublished}`,
          expected: '2 2',
        },
        { id: 'poll', text: 'The relay polls every 100 ms', value: (w) => w.config.pollIntervalMs, expected: 100 },
        {
          id: 'delay',
          text: 'the event for order-1 reached the broker 90 ms after its transaction committed',
          value: (w) => commitToPublishMs(w, 'order-1'),
          expected: 90,
        },
      ],
    },
    {
      id: 'cdc-relay',
      title: 'A CDC relay reads the database log',
      scenario: { mode: 'outbox-cdc' },
      commands: order('order-1'),
      highlight: [n.database, n.relay, n.broker],
      claims: [
        {
          id: 'delay',
          text: 'The event for order-1 reached the broker 10 ms after its transaction committed',
          value: (w) => commitToPublishMs(w, 'order-1'),
          expected: 10,
        },
        {
          id: 'no-marking',
          text: 'without a single query against the outbox table',
          value: (w) => w.trace.counts['outbox-rows-marked-sent'] ?? 0,
          expected: 0,
        },
        { id: 'position', text: 'it has read up to position 2', value: (w) => w.relay.cdcOffset, expected: 2 },
      ],
    },
    {
      id: 'relay-crash',
      title: 'The relay crashes after publishing: at least once',
      commands: [plant('relay-crash-after-publish'), ...order('order-2')],
      highlight: [n.relay, n.broker, n.consumer],
      claims: [
        {
          id: 'position',
          text: "The relay's position was still 2 when it crashed",
          value: (w) => {
            const crash = w.trace.entries.find((e) => e.type === 'node-crashed' && e.node === 'relay');
            const before = w.trace.entries.flatMap((e) =>
              e.type === 'cdc-offset-committed' && crash !== undefined && e.id < crash.id ? [e.lsn] : [],
            );
            return before.at(-1) ?? -1;
          },
          expected: 2,
        },
        {
          id: 'copies',
          text: 'the broker holds 2 copies of the event for order-2',
          value: (w) => copies(w, 'order-2'),
          expected: 2,
        },
        { id: 'duplicated', text: 'the counter duplicated on the broker reads 1', value: counters.duplicated, expected: 1 },
        { id: 'lost', text: 'Nothing was lost', value: counters.lost, expected: 0 },
        { id: 'skipped', text: '1 duplicate skipped', value: (w) => skipped(w), expected: 1 },
        { id: 'twice', text: 'applied twice or more still reads 0', value: counters.twice, expected: 0 },
        { id: 'once-each', text: 'billing counts every order exactly once', value: (w) => w.consumer.ordersCounted, expected: 2 },
      ],
    },
    {
      id: 'no-dedup',
      title: 'Without a dedup store, the copy is counted',
      scenario: { mode: 'outbox-cdc', consumerDedup: false },
      commands: [plant('relay-crash-after-publish'), ...order('order-1')],
      highlight: [n.relay, n.broker, n.consumer],
      claims: [
        {
          id: 'copies',
          text: 'The broker again holds 2 copies of the event for order-1',
          value: (w) => copies(w, 'order-1'),
          expected: 2,
        },
        { id: 'twice', text: 'the counter applied twice or more reads 1', value: counters.twice, expected: 1 },
        {
          id: 'counted',
          text: 'billing counted 2 orders where there was 1',
          value: (w) => `${w.consumer.ordersCounted} ${view(w).ordersInDb}`,
          expected: '2 1',
        },
      ],
    },
  ],
  predict: { stepId: 'relay-crash', answer: 'b' },
  challenge: {
    solution: {
      scenario: { mode: 'outbox-cdc' },
      commands: [
        ...order('order-1'),
        ...order('order-2'),
        plant('relay-crash-after-publish'),
        plant('consumer-crash-before-commit'),
        ...order('order-3'),
      ],
      claims: [
        { id: 'copies', text: 'the broker ends up with 2 copies of it', value: (w) => copies(w, 'order-3'), expected: 2 },
        {
          id: 'three',
          text: 'the event reached the consumer 3 times',
          value: (w) => deliveries(w, eventOf(w, 'order-3') ?? ''),
          expected: 3,
        },
        { id: 'skipped', text: '2 duplicates skipped for order-3', value: (w) => skipped(w, 'order-3'), expected: 2 },
        {
          id: 'once',
          text: 'the event was applied once',
          value: (w) => w.consumer.appliedTimes[eventOf(w, 'order-3') ?? ''] ?? 0,
          expected: 1,
        },
        { id: 'lost', text: 'Events lost: 0', value: counters.lost, expected: 0 },
      ],
    },
    setupCommands: 4,
    controls: ['faults', 'orders'],
    goals: [
      { id: 'relay', text: 'the relay crashed after publishing', pass: (w) => crashed(w, 'relay') },
      { id: 'consumer', text: 'the consumer crashed before committing its offset', pass: (w) => crashed(w, 'consumer') },
      { id: 'three', text: "one order's event reached the consumer at least 3 times", pass: (w) => mostDelivered(w) >= 3 },
      {
        id: 'once',
        text: 'that event was still applied exactly once, and no event is lost',
        pass: (w) => {
          const v = view(w);
          const hit = w.broker.filter((r) => deliveries(w, r.eventId) >= 3);
          return (
            hit.length > 0 &&
            hit.every((r) => w.consumer.appliedTimes[r.eventId] === 1) &&
            v.lostEventIds.length === 0 &&
            v.appliedTwiceOrMore.length === 0
          );
        },
      },
    ],
  },
});
