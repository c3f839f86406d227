/**
 * L20 · Saga orchestration and compensation: the order saga's happy path; a failure the learner
 * chooses, undone in reverse order; a refund retried after a crash and paid once; shipping moved
 * before payment, and why that is wrong. Prose in content.md.
 */
import {
  DEFAULT_STEPS,
  type ActionName,
  type SagaCommand,
  type SagaWorld,
  type ServiceName,
  type StepName,
} from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { sagaNode as n, sagaRead as read } from '../../simulator/index.ts';
import content from './content.md?raw';

const refuse = (service: ServiceName, action: ActionName, reason: string): SagaCommand => ({
  type: 'inject-fault',
  fault: { service, action, kind: 'business', reason },
});
const order = (orderId: string): SagaCommand[] => [
  { type: 'place-order', orderId, amountCents: 2_500 },
  { type: 'run-until-idle' },
];
const shippingFirst: StepName[] = ['create-order', 'reserve-inventory', 'create-shipment', 'charge-payment'];
const declineCard = refuse('payment', 'charge-payment', 'card declined');
/** The newest order other than order-5 whose card was declined (the challenge's order), if any. */
const declined = (w: SagaWorld): string | undefined =>
  Object.values(w.sagas)
    .filter((s) => s.order.orderId !== 'order-5' && s.steps.some((x) => x.name === 'charge-payment' && x.status === 'failed'))
    .at(-1)?.order.orderId;

export const lesson = defineLesson({
  id: 'L20',
  title: 'Saga orchestration and compensation',
  minutes: 15,
  model: 'saga',
  scenario: { initialStock: { 'sku-1': 10 } },
  content,
  steps: [
    {
      id: 'happy-path',
      title: 'The happy path: four local transactions',
      commands: order('order-1'),
      highlight: [n.orchestrator, n.service('order'), n.service('inventory'), n.service('payment'), n.service('shipping')],
      claims: [
        { id: 'done', text: 'every step turns to done', value: (w) => read.stepCount(w, 'order-1', 'done'), expected: 4 },
        {
          id: 'completed',
          text: "the saga's status reads completed",
          value: (w) => read.status(w, 'order-1'),
          expected: 'completed',
        },
        { id: 'stock', text: 'the stock of sku-1 drops to 9', value: (w) => read.stock(w), expected: 9 },
        { id: 'charged', text: 'the card was charged 25', value: (w) => read.chargedTotal(w), expected: 25 },
        {
          id: 'shipped',
          text: 'a parcel for order-1 is shipped',
          value: (w) => read.shipment(w, 'order-1'),
          expected: 'shipped',
        },
      ],
    },
    {
      id: 'payment-declined',
      title: 'Payment fails: compensate in reverse',
      commands: [declineCard, ...order('order-2')],
      highlight: [n.orchestrator, n.service('payment'), n.service('inventory'), n.service('order')],
      claims: [
        {
          id: 'reverse',
          text: 'the compensations ran in the order reserve-inventory, create-order',
          value: (w) => read.compensationOrder(w, 'order-2'),
          expected: 'reserve-inventory, create-order',
        },
        { id: 'stock-back', text: 'the stock of sku-1 is 9 again', value: (w) => read.stock(w), expected: 9 },
        { id: 'cancelled', text: 'marks the order cancelled', value: (w) => read.orderRow(w, 'order-2'), expected: 'cancelled' },
        {
          id: 'shipping-untouched',
          text: 'shipping is never asked at all',
          value: (w) =>
            w.trace.entries.some((e) => e.correlationId === 'order-2' && e.type === 'command-sent' && e.service === 'shipping'),
          expected: false,
        },
        {
          id: 'compensated',
          text: 'The saga ends as compensated',
          value: (w) => read.status(w, 'order-2'),
          expected: 'compensated',
        },
        {
          id: 'steps',
          text: 'create-order compensated, reserve-inventory compensated, charge-payment failed, create-shipment pending',
          value: (w) => read.steps(w, 'order-2').replace(/:/g, ' '),
          expected: 'create-order compensated, reserve-inventory compensated, charge-payment failed, create-shipment pending',
        },
      ],
    },
    {
      id: 'shipping-fails',
      title: 'Shipping fails: three compensations',
      commands: [refuse('shipping', 'create-shipment', 'no courier can collect'), ...order('order-3')],
      highlight: [n.orchestrator, n.service('shipping'), n.service('payment'), n.service('inventory'), n.service('order')],
      claims: [
        {
          id: 'reason',
          text: 'no courier can collect',
          value: (w) => w.sagas['order-3']?.failureReason ?? '',
          expected: 'no courier can collect',
        },
        {
          id: 'reverse',
          text: 'the compensations ran in the order charge-payment, reserve-inventory, create-order',
          value: (w) => read.compensationOrder(w, 'order-3'),
          expected: 'charge-payment, reserve-inventory, create-order',
        },
        { id: 'compensated', text: 'The saga is compensated', value: (w) => read.status(w, 'order-3'), expected: 'compensated' },
        {
          id: 'three',
          text: 'all 3 done steps were compensated',
          value: (w) => read.stepCount(w, 'order-3', 'compensated'),
          expected: 3,
        },
        { id: 'refunded', text: 'the money refunded so far to 25', value: (w) => read.refundedTotal(w), expected: 25 },
      ],
    },
    {
      id: 'refund-retried',
      title: 'A compensation retried after a crash takes effect once',
      commands: [
        refuse('shipping', 'create-shipment', 'no courier can collect'),
        { type: 'inject-fault', fault: { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' } },
        ...order('order-4'),
      ],
      highlight: [n.orchestrator, n.service('payment')],
      claims: [
        {
          id: 'crashed',
          text: 'the payment service crashes right after it commits the refund',
          value: (w) => w.trace.entries.some((e) => e.type === 'service-crashed' && e.service === 'payment' && e.afterCommit),
          expected: true,
        },
        {
          id: 'attempts',
          text: 'the refund was requested 3 times',
          value: (w) => read.compensationAttempts(w, 'order-4', 'charge-payment'),
          expected: 3,
        },
        {
          id: 'dedup',
          text: 'the trace shows 1 deduplicated command for order-4',
          value: (w) => read.traceCount(w, 'command-deduplicated', 'order-4'),
          expected: 1,
        },
        { id: 'refunds', text: 'Refunds add up to 50', value: (w) => read.refundedTotal(w), expected: 50 },
        {
          id: 'each-once',
          text: '25 for order-3 and 25 for order-4',
          value: (w) =>
            [w.services.tables.charges['order-3'], w.services.tables.charges['order-4']]
              .map((c) => `${c?.status} ${(c?.amountCents ?? 0) / 100}`)
              .join(', '),
          expected: 'refunded 25, refunded 25',
        },
        { id: 'kept', text: 'The shop keeps 25', value: (w) => read.netTaken(w), expected: 25 },
      ],
    },
    {
      id: 'shipping-first',
      title: 'Move shipping before payment, and see why not',
      scenario: { initialStock: { 'sku-1': 10 }, steps: shippingFirst },
      commands: [declineCard, ...order('order-5')],
      highlight: [n.orchestrator, n.service('shipping'), n.service('payment')],
      claims: [
        {
          id: 'order',
          text: 'create-order, reserve-inventory, create-shipment, charge-payment',
          value: (w) => w.config.steps.join(', '),
          expected: shippingFirst.join(', '),
        },
        {
          id: 'manual',
          text: 'The saga ends in the state needs-manual-action',
          value: (w) => read.status(w, 'order-5'),
          expected: 'needs-manual-action',
        },
        {
          id: 'return-label',
          text: 'issue-return-label for create-shipment',
          value: (w) => read.requiredActions(w, 'order-5'),
          expected: 'issue-return-label for create-shipment',
        },
        {
          id: 'shipped',
          text: 'the shipment for order-5 is shipped',
          value: (w) => read.shipment(w, 'order-5'),
          expected: 'shipped',
        },
        { id: 'cancelled', text: 'yet the order is cancelled', value: (w) => read.orderRow(w, 'order-5'), expected: 'cancelled' },
      ],
    },
  ],
  predict: { stepId: 'shipping-fails', answer: 'a' },
  challenge: {
    solution: {
      // From the shipping-first run the last step left: reorder, then the same declined card.
      commands: [
        { type: 'set-step-order', steps: ['create-order', 'reserve-inventory', 'charge-payment', 'create-shipment'] },
        declineCard,
        ...order('order-6'),
      ],
      claims: [
        {
          id: 'order',
          text: 'create-order, reserve-inventory, charge-payment, create-shipment',
          value: (w) => w.config.steps.join(', '),
          expected: 'create-order, reserve-inventory, charge-payment, create-shipment',
        },
        {
          id: 'two',
          text: 'compensates the 2 done steps',
          value: (w) => read.stepCount(w, 'order-6', 'compensated'),
          expected: 2,
        },
        {
          id: 'compensated',
          text: 'the saga ends as compensated',
          value: (w) => read.status(w, 'order-6'),
          expected: 'compensated',
        },
        { id: 'no-manual', text: 'with no manual action', value: (w) => read.requiredActions(w, 'order-6'), expected: '' },
        { id: 'no-shipment', text: 'no shipment for order-6', value: (w) => read.shipment(w, 'order-6'), expected: 'none' },
      ],
    },
    controls: ['step-order', 'orders'],
    goals: [
      {
        id: 'reordered',
        text: 'the steps are in a new order: the same four, only reordered',
        pass: (w) =>
          [...w.config.steps].sort().join() === [...DEFAULT_STEPS].sort().join() &&
          w.config.steps.join() !== shippingFirst.join(),
      },
      {
        id: 'declined',
        text: 'a new order is placed and its card is declined',
        pass: (w) => declined(w) !== undefined,
      },
      {
        id: 'compensated',
        text: 'that saga ends compensated, with no manual action',
        pass: (w) => {
          const id = declined(w);
          return id !== undefined && read.status(w, id) === 'compensated' && read.requiredActions(w, id) === '';
        },
      },
      {
        id: 'no-shipment',
        text: 'the shipping table holds no shipment for it',
        pass: (w) => {
          const id = declined(w);
          return id !== undefined && read.shipment(w, id) === 'none';
        },
      },
    ],
  },
});
