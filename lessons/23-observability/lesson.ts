/**
 * L23 · Observability: the choreographed order saga of L21, over the Kafka model, watched from
 * outside. correlationId gathers one order's events; causationId gives them their shape, so any
 * event's consequences stitch into one tree across services (the Causation tree tab draws it as a
 * list and a sequence diagram). The event catalog is built from what ran. A service that is down
 * raises no error at all: its group's consumer lag is the signal, and it drains when the service
 * is back. A record nobody can read leaves lag at 0: the dead-letter topic's depth is the signal
 * then. Prose in content.md.
 */
import {
  deadLetterDepth,
  eventCatalog,
  eventCausationTree,
  eventsOfFlow,
  flattenTree,
  kafkaChoreographyNode as n,
  kafkaChoreographyView as view,
  observedEvents,
  serviceHealth,
  treeSize,
  type KafkaChoreographyCommand,
  type KafkaChoreographyWorld,
  type ObservedEvent,
  type ServiceName,
} from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import content from './content.md?raw';

type W = KafkaChoreographyWorld;
const order = (orderId: string): KafkaChoreographyCommand[] => [{ type: 'place-order', orderId }, { type: 'run-until-idle' }];
const place = (orderId: string): KafkaChoreographyCommand => ({ type: 'place-order', orderId });
const advance = (untilMs: number): KafkaChoreographyCommand => ({ type: 'advance', untilMs });
const refuseShipping: KafkaChoreographyCommand = {
  type: 'inject-fault',
  fault: { service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier can collect' },
};
const declineCard: KafkaChoreographyCommand = {
  type: 'inject-fault',
  fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' },
};

/** The event of this name in this order's flow (the first, if several). */
const find = (w: W, orderId: string, name: string): ObservedEvent | undefined =>
  observedEvents(w).find((e) => e.correlationId === orderId && e.name === name);
const treeNames = (w: W, orderId: string, name: string): string[] => {
  const e = find(w, orderId, name);
  const t = e && eventCausationTree(w, e.id);
  return t === undefined ? [] : flattenTree(t).map((x) => `${'  '.repeat(x.depth)}${x.event.name}`);
};
const sizeOf = (w: W, orderId: string, name: string): number => {
  const e = find(w, orderId, name);
  const t = e && eventCausationTree(w, e.id);
  return t === undefined ? 0 : treeSize(t);
};
const lagOf = (w: W, s: ServiceName): number => serviceHealth(w).find((h) => h.service === s)?.lag ?? -1;
const lags = (w: W): string =>
  serviceHealth(w)
    .map((h) => `${h.service} ${h.lag ?? 'unknown'}`)
    .join(', ');
const catalogRow = (w: W, name: string) => eventCatalog(w).find((r) => r.name === name);
/** How many times the trace switches from one order to the other (two interleaved flows). */
const switches = (w: W, a: string, b: string): number => {
  const seq = observedEvents(w)
    .filter((e) => e.correlationId === a || e.correlationId === b)
    .map((e) => e.correlationId);
  return seq.filter((c, i) => i > 0 && c !== seq[i - 1]).length;
};
const lessonOrders = new Set(['order-1', 'order-2', 'order-3', 'order-4', 'order-5', 'order-6', 'order-7', 'order-8', 'order-9']);
/** Orders placed after the lesson's steps (the challenge's). */
const newOrders = (w: W): string[] => Object.keys(w.placed).filter((id) => !lessonOrders.has(id));
/** When the payment service crashed (Infinity before it has). */
const crashedAt = (w: W): number =>
  w.trace.entries.find((e) => e.type === 'service-crashed' && e.service === 'payment')?.atMs ?? Infinity;
const declinedNew = (w: W): string[] => newOrders(w).filter((id) => find(w, id, 'PaymentFailed') !== undefined);

export const lesson = defineLesson({
  id: 'L23',
  title: 'Observability',
  minutes: 15,
  model: 'kafka-choreography',
  scenario: {},
  content,
  steps: [
    {
      id: 'one-order',
      title: 'One order, one tree',
      panel: 'causation-tree',
      commands: order('order-1'),
      highlight: [n.client, n.topic, n.service('order'), n.service('payment'), n.service('inventory'), n.service('shipping')],
      claims: [
        {
          id: 'size',
          text: 'The tree of PlaceOrder holds 6 events',
          value: (w) => sizeOf(w, 'order-1', 'PlaceOrder'),
          expected: 6,
        },
        {
          id: 'correlation',
          text: 'every one of them carries the correlationId order-1',
          value: (w) => eventsOfFlow(observedEvents(w), 'order-1').length === 6 && observedEvents(w).length === 6,
          expected: true,
        },
        {
          id: 'cause',
          text: "OrderPlaced's causationId is rec-0, the record of the PlaceOrder",
          value: (w) => `${find(w, 'order-1', 'OrderPlaced')?.causationId}, ${find(w, 'order-1', 'PlaceOrder')?.id}`,
          expected: 'rec-0, rec-0',
        },
        {
          id: 'chain',
          text: 'a chain 5 levels deep, with no fork',
          value: (w) => {
            const names = treeNames(w, 'order-1', 'PlaceOrder');
            const depths = names.map((x) => (x.length - x.trimStart().length) / 2);
            return `${Math.max(...depths)} ${depths.every((d, i) => d === i) ? 'no fork' : 'forked'}`;
          },
          expected: '5 no fork',
        },
        {
          id: 'nobody',
          text: 'OrderApproved, which no service reacts to',
          value: (w) => find(w, 'order-1', 'OrderApproved')?.handledBy.length ?? -1,
          expected: 0,
        },
      ],
    },
    {
      id: 'fork',
      title: 'A failure forks the tree',
      panel: 'causation-tree',
      commands: [refuseShipping, ...order('order-2')],
      highlight: [n.topic, n.service('shipping'), n.service('inventory'), n.service('payment'), n.service('order')],
      claims: [
        {
          id: 'size',
          text: 'Its tree holds 4 events',
          value: (w) => sizeOf(w, 'order-2', 'ShippingFailed'),
          expected: 4,
        },
        {
          id: 'shape',
          text: 'ShippingFailed, then InventoryReleased and PaymentRefunded side by side, then OrderCancelled under PaymentRefunded',
          value: (w) => treeNames(w, 'order-2', 'ShippingFailed').join('/'),
          expected: 'ShippingFailed/  InventoryReleased/  PaymentRefunded/    OrderCancelled',
        },
        {
          id: 'flow',
          text: 'order-2 has 8 events in all',
          value: (w) => eventsOfFlow(observedEvents(w), 'order-2').length,
          expected: 8,
        },
        {
          id: 'causes',
          text: 'Caused by: PlaceOrder → OrderPlaced → PaymentCharged → InventoryReserved',
          value: (w) => {
            const events = observedEvents(w);
            const path: string[] = [];
            for (let e = find(w, 'order-2', 'ShippingFailed'); e?.causationId !== undefined;) {
              e = events.find((x) => x.id === e!.causationId);
              if (e !== undefined) path.unshift(e.name);
            }
            return `Caused by: ${path.join(' → ')}`;
          },
          expected: 'Caused by: PlaceOrder → OrderPlaced → PaymentCharged → InventoryReserved',
        },
      ],
    },
    {
      id: 'interleaved',
      title: 'Two orders at once: correlation pulls them apart',
      panel: 'causation-tree',
      commands: [place('order-3'), ...order('order-4')],
      highlight: [n.client, n.topic, n.service('order'), n.service('payment'), n.service('inventory'), n.service('shipping')],
      claims: [
        {
          id: 'switches',
          text: 'switches from one order to the other 11 times',
          value: (w) => switches(w, 'order-3', 'order-4'),
          expected: 11,
        },
        {
          id: 'each',
          text: 'each gives a tree of 6 events',
          value: (w) => `${sizeOf(w, 'order-3', 'PlaceOrder')} ${sizeOf(w, 'order-4', 'PlaceOrder')}`,
          expected: '6 6',
        },
        {
          id: 'partitions',
          text: 'partition 0 and partition 2',
          value: (w) => `partition ${view(w, 'order-3').partition} and partition ${view(w, 'order-4').partition}`,
          expected: 'partition 0 and partition 2',
        },
      ],
    },
    {
      id: 'catalog',
      title: 'The event catalog, built from what ran',
      panel: 'catalog',
      commands: [],
      highlight: [n.topic, n.service('order'), n.service('payment'), n.service('inventory'), n.service('shipping')],
      claims: [
        { id: 'types', text: 'lists 10 event types', value: (w) => eventCatalog(w).length, expected: 10 },
        {
          id: 'two',
          text: 'ShippingFailed is consumed by inventory and payment',
          value: (w) =>
            `ShippingFailed is consumed by ${[...(catalogRow(w, 'ShippingFailed')?.consumers ?? [])].sort().join(' and ')}`,
          expected: 'ShippingFailed is consumed by inventory and payment',
        },
        {
          id: 'nobody',
          text: 'Nobody reacts to 3 of them: OrderApproved, InventoryReleased and OrderCancelled',
          value: (w) => {
            const none = eventCatalog(w).filter((r) => r.consumers.length === 0);
            return `${none.length} of them: ${none.map((r) => r.name).join(', ')}`;
          },
          expected: '3 of them: OrderApproved, InventoryReleased, OrderCancelled',
        },
        {
          id: 'missing',
          text: 'PaymentFailed is not in it',
          value: (w) => catalogRow(w, 'PaymentFailed') === undefined,
          expected: true,
        },
      ],
    },
    {
      id: 'service-down',
      title: 'A service is down: no error, only lag',
      panel: 'catalog',
      commands: [
        { type: 'crash-service', service: 'payment', restartAfterMs: 4_000 },
        place('order-5'),
        advance(4_500),
        place('order-6'),
        advance(5_500),
        place('order-7'),
        advance(7_000),
      ],
      highlight: [n.client, n.topic, n.service('order'), n.service('payment')],
      claims: [
        { id: 'lag', text: "the payment service's lag reads 6", value: (w) => lagOf(w, 'payment'), expected: 6 },
        {
          id: 'others',
          text: 'every other group is at 0',
          value: lags,
          expected: 'order 0, inventory 0, payment 6, shipping 0',
        },
        {
          id: 'stuck',
          text: 'order-5, order-6 and order-7 all stop at OrderPlaced',
          value: (w) => {
            const last = ['order-5', 'order-6', 'order-7'].map((id) => view(w, id).messages.at(-1));
            return `order-5, order-6 and order-7 all stop at ${[...new Set(last)].join(' / ')}`;
          },
          expected: 'order-5, order-6 and order-7 all stop at OrderPlaced',
        },
        {
          id: 'quiet',
          text: 'not one failure event',
          value: (w) => observedEvents(w).filter((e) => e.atMs >= crashedAt(w) && e.name.endsWith('Failed')).length,
          expected: 0,
        },
        { id: 'time', text: 'At 7 seconds', value: (w) => w.kafka.nowMs / 1000, expected: 7 },
      ],
    },
    {
      id: 'recovered',
      title: 'Back up: the lag drains',
      commands: [advance(8_500)],
      // The catch-up takes about 300 ms of virtual time: slowed down so each record can be followed.
      playSpeed: 0.1,
      highlight: [n.topic, n.service('payment'), n.service('inventory'), n.service('shipping'), n.service('order')],
      claims: [
        {
          id: 'restart',
          text: 'restarts 4 seconds after its crash',
          value: (w) => {
            const restarted = w.trace.entries.find((e) => e.type === 'service-restarted' && e.service === 'payment');
            return ((restarted?.atMs ?? 0) - crashedAt(w)) / 1000;
          },
          expected: 4,
        },
        {
          id: 'lag',
          text: 'the lag is 0 on every group again',
          value: lags,
          expected: 'order 0, inventory 0, payment 0, shipping 0',
        },
        {
          id: 'approved',
          text: 'all 3 orders are approved',
          value: (w) => ['order-5', 'order-6', 'order-7'].filter((id) => view(w, id).status === 'completed').length,
          expected: 3,
        },
      ],
    },
    {
      id: 'dead-letter',
      title: 'A record nobody can read: lag 0, one dead letter',
      panel: 'catalog',
      commands: [{ type: 'place-malformed-order', orderId: 'order-8' }, place('order-9'), advance(9_000)],
      // The order service handles both within about 200 ms of virtual time: slowed down to follow.
      playSpeed: 0.1,
      highlight: [n.topic, n.service('order'), n.deadLetters],
      claims: [
        { id: 'depth', text: 'The dead-letter topic now holds 1 record', value: deadLetterDepth, expected: 1 },
        {
          id: 'why',
          text: 'amountCents is "25,00", not a whole number of cents',
          value: (w) => {
            const e = w.trace.entries.find((x) => x.type === 'record-dead-lettered');
            return e?.type === 'record-dead-lettered' ? e.reason.replace('create-order: ', '') : '';
          },
          expected: 'amountCents is "25,00", not a whole number of cents',
        },
        {
          id: 'lag',
          text: 'the lag is 0 on every group',
          value: lags,
          expected: 'order 0, inventory 0, payment 0, shipping 0',
        },
        {
          id: 'tree',
          text: 'its tree is 1 event long',
          value: (w) => sizeOf(w, 'order-8', 'PlaceOrder'),
          expected: 1,
        },
        {
          id: 'next',
          text: 'order-9, placed right after it, is approved',
          value: (w) => view(w, 'order-9').status === 'completed',
          expected: true,
        },
      ],
    },
  ],
  predict: { stepId: 'fork', answer: 'b' },
  challenge: {
    solution: {
      commands: [declineCard, ...order('order-10')],
      claims: [
        {
          id: 'tree',
          text: 'PaymentFailed, then OrderCancelled under it: 2 events',
          value: (w) =>
            `${treeNames(w, 'order-10', 'PaymentFailed').join(', ').replace(/ {2}/g, '')}: ${sizeOf(w, 'order-10', 'PaymentFailed')} events`,
          expected: 'PaymentFailed, OrderCancelled: 2 events',
        },
        {
          id: 'catalog',
          text: 'the catalog now lists 11 event types',
          value: (w) => eventCatalog(w).length,
          expected: 11,
        },
        {
          id: 'row',
          text: 'PaymentFailed, produced by payment and consumed by order',
          value: (w) => {
            const r = catalogRow(w, 'PaymentFailed');
            return `PaymentFailed, produced by ${r?.producers.join()} and consumed by ${r?.consumers.join()}`;
          },
          expected: 'PaymentFailed, produced by payment and consumed by order',
        },
      ],
    },
    controls: ['faults', 'orders'],
    goals: [
      {
        id: 'declined',
        text: 'a new order was declined: PaymentFailed is on the topic',
        pass: (w) => declinedNew(w).length > 0,
      },
      {
        id: 'tree',
        text: "that PaymentFailed's tree ends in OrderCancelled",
        pass: (w) => declinedNew(w).some((id) => treeNames(w, id, 'PaymentFailed').some((x) => x.trim() === 'OrderCancelled')),
      },
      {
        id: 'catalog',
        text: 'the catalog lists PaymentFailed, produced by payment and consumed by order',
        pass: (w) => {
          const r = catalogRow(w, 'PaymentFailed');
          return r !== undefined && r.producers.includes('payment') && r.consumers.includes('order');
        },
      },
    ],
  },
});
