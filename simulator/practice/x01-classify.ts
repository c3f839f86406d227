/**
 * X01 — classify twenty messages as event, command or query. The one exercise with an answer key
 * rather than a simulation: each message has one right answer and the reason an interviewer
 * wants to hear (tense, who owns it, how many receivers, whether an answer is expected).
 */
import { z } from 'zod';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x01GraderVersion = 1;
export const messageKinds = ['event', 'command', 'query'] as const;
export type MessageKind = (typeof messageKinds)[number];

export interface ClassifyItem {
  id: string;
  /** The message as it would appear on the wire or in a design doc. */
  message: string;
  /** Who sends it to whom, the context that decides the kind. */
  context: string;
  answer: MessageKind;
  why: string;
}

export const classifyItems: readonly ClassifyItem[] = [
  {
    id: 'm01',
    message: 'OrderPlaced',
    context: 'Order service → order-events topic',
    answer: 'event',
    why: 'Past tense, owned by the order service that knows it happened; any number of services may react.',
  },
  {
    id: 'm02',
    message: 'PlaceOrder',
    context: 'Web checkout → order service',
    answer: 'command',
    why: 'Imperative: the checkout asks the order service to do something, and the order service may refuse.',
  },
  {
    id: 'm03',
    message: 'GetOrderStatus',
    context: 'Mobile app → order service, waits for the answer',
    answer: 'query',
    why: 'It asks for data and changes nothing; the caller waits for the reply.',
  },
  {
    id: 'm04',
    message: 'PaymentCharged',
    context: 'Payment service → payment-events topic',
    answer: 'event',
    why: 'A fact the payment service owns, stated after the fact; it cannot be refused, only reacted to.',
  },
  {
    id: 'm05',
    message: 'ChargePayment',
    context: 'Saga orchestrator → payment service',
    answer: 'command',
    why: 'The orchestrator tells one named service what to do and handles its failure; that tight coupling is what an orchestrator wants.',
  },
  {
    id: 'm06',
    message: 'ReserveInventory',
    context: 'Saga orchestrator → inventory service',
    answer: 'command',
    why: 'Imperative and addressed to one target that may answer "out of stock".',
  },
  {
    id: 'm07',
    message: 'InventoryReserved',
    context: 'Inventory service → inventory-events topic',
    answer: 'event',
    why: 'Past tense; the inventory service announces what it did and does not know who listens.',
  },
  {
    id: 'm08',
    message: 'FindCustomerByEmail',
    context: 'Support tool → customer service',
    answer: 'query',
    why: 'A read with a reply expected and no side effect.',
  },
  {
    id: 'm09',
    message: 'UserRegistered',
    context: 'Identity service → user-events topic',
    answer: 'event',
    why: 'Immutable fact from its owner; the welcome email, analytics and CRM each subscribe on their own.',
  },
  {
    id: 'm10',
    message: 'SendWelcomeEmail',
    context: 'Onboarding workflow → email service',
    answer: 'command',
    why: 'A request that something should happen, sent to the one service that will do it.',
  },
  {
    id: 'm11',
    message: 'ShipmentDispatched',
    context: 'Warehouse → shipping-events topic',
    answer: 'event',
    why: 'Reports a change in the world that already took place; nobody can reject it.',
  },
  {
    id: 'm12',
    message: 'CancelOrder',
    context: 'Customer → order service',
    answer: 'command',
    why: 'Intent, not fact: the order service decides whether an order can still be cancelled (it may already have shipped).',
  },
  {
    id: 'm13',
    message: 'OrderCancelled',
    context: 'Order service → order-events topic',
    answer: 'event',
    why: 'The outcome of the command above, owned by the order service and broadcast to whoever cares (refunds, stock).',
  },
  {
    id: 'm14',
    message: 'GetAccountBalance',
    context: 'Banking app → accounts read model',
    answer: 'query',
    why: 'Reads a projection; asking twice is harmless and changes nothing.',
  },
  {
    id: 'm15',
    message: 'PriceChanged',
    context: 'Catalogue service → catalogue-events topic',
    answer: 'event',
    why: 'Past tense, owned by the catalogue; search, carts and feeds update their own copies.',
  },
  {
    id: 'm16',
    message: 'RefundPayment',
    context: 'Saga orchestrator → payment service, compensating a failed order',
    answer: 'command',
    why: 'A compensation is still a command: one target, told what to do, retried until it succeeds.',
  },
  {
    id: 'm17',
    message: 'ListOpenInvoices',
    context: 'Finance dashboard → billing service',
    answer: 'query',
    why: 'Asks for current data and expects a reply; no state changes.',
  },
  {
    id: 'm18',
    message: 'AccountDebited',
    context: 'Ledger → account event stream',
    answer: 'event',
    why: 'An event-sourced fact: appended once, never edited, replayed to rebuild the balance.',
  },
  {
    id: 'm19',
    message: 'ApproveLoanApplication',
    context: 'Underwriter UI → loans service',
    answer: 'command',
    why: 'An instruction that the loans service validates and may refuse; its outcome will be announced as an event.',
  },
  {
    id: 'm20',
    message: 'TemperatureMeasured',
    context: 'Sensor → telemetry topic, read by three dashboards',
    answer: 'event',
    why: 'A fact about the past with natural fan-out; the sensor neither knows nor waits for its readers.',
  },
];

const ids = classifyItems.map((i) => i.id) as [string, ...string[]];

export const X01DesignSchema = z.strictObject({
  exercise: z.literal('X01'),
  /** Message id (m01..m20) → the learner's classification; a missing id counts as unanswered. */
  answers: z.partialRecord(z.enum(ids), z.enum(messageKinds)),
});
export type X01Design = z.infer<typeof X01DesignSchema>;

export function gradeX01(d: X01Design): Verdict {
  const answers = new Map(Object.entries(d.answers));
  const checks: GradedCheck[] = classifyItems.map((item) => {
    const given = answers.get(item.id);
    const name = `${item.id} ${item.message}`;
    if (given === item.answer) return { name, held: true, detail: `${item.answer}: ${item.why}` };
    const said = given === undefined ? 'Not answered' : `You said ${given}`;
    return { name, held: false, detail: `${said}; it is a ${item.answer}. ${item.why}` };
  });
  return verdict('X01', x01GraderVersion, checks);
}
