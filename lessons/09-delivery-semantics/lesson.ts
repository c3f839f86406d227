/**
 * L09 · Delivery semantics: the same consumer three ways, crashed at the same moment. Committing
 * before processing loses the records of the batch it had not reached (at most once); committing
 * after processing does them again (at least once); read-process-write in a Kafka transaction, read
 * downstream with read_committed, makes every output count once — while the SMS the handler sends
 * goes out twice all the same, which is where exactly-once stops. Prose in content.md.
 */
import type { CommitPolicy, KafkaCommand, KafkaScenario, KafkaState } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import { kafkaAppRead as app, kafkaAppsView, kafkaNode as n, kafkaSummary } from '../../simulator/index.ts';
import content from './content.md?raw';

/**
 * checkout writes payments; billing's handler writes a receipt to `receipts` and texts the customer,
 * five payments to a poll, 200 ms each; ledger reads the receipts with read_committed and counts
 * each payment's receipts by its key.
 */
const scenario = (commit: CommitPolicy, name: string): KafkaScenario => ({
  version: 1,
  name,
  brokers: [{ id: 1 }],
  topics: [
    { name: 'payments', partitions: 1, replicationFactor: 1 },
    { name: 'receipts', partitions: 1, replicationFactor: 1 },
  ],
  producers: [{ id: 'checkout', topic: 'payments', ratePerSec: 0, keys: { type: 'none' }, eventType: 'PaymentTaken' }],
  groups: [
    {
      id: 'billing',
      topics: ['payments'],
      consumers: 1,
      processingMs: 200,
      maxPollRecords: 5,
      sessionTimeoutMs: 10_000,
      autoOffsetReset: 'earliest',
      commit,
      handler: {
        steps: [
          { type: 'produce', topic: 'receipts' },
          { type: 'side-effect', name: 'send-sms' },
        ],
      },
    },
    {
      id: 'ledger',
      topics: ['receipts'],
      consumers: 1,
      autoOffsetReset: 'earliest',
      isolationLevel: 'read_committed',
      handler: { steps: [{ type: 'store', op: 'increment' }] },
    },
  ],
  trace: { mode: 'full' },
});

const before = scenario({ type: 'before-process' }, 'commit before processing');
const after = scenario({ type: 'after-process' }, 'commit after processing');
export const inTransactions = scenario({ type: 'transaction' }, 'read-process-write in transactions');

const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const tenPayments: KafkaCommand[] = Array.from({ length: 10 }, (_, i) => ({
  type: 'produce',
  producer: 'checkout',
  topic: 'payments',
  key: `payment-${i + 1}`,
  value: { type: 'PaymentTaken', paymentId: `payment-${i + 1}` },
}));
/** Ten payments, billing part-way through its first batch at 3.8 s. */
const upToTheCrash: KafkaCommand[] = [...tenPayments, advance(3_800)];
/** billing-c1 crashes, comes back at 5 s, and the run goes on until everything is handled. */
const crashAndRestart: KafkaCommand[] = [
  { type: 'crash-consumer', consumer: 'billing-c1' },
  advance(5_000),
  { type: 'restart-consumer', consumer: 'billing-c1' },
  advance(16_000),
];

const at = (s: KafkaState): number => s.nowMs / 1000;
const billing = (s: KafkaState) => kafkaAppsView(s).find((v) => v.group === 'billing')!;
const sms = (s: KafkaState): number => app.calls(s, 'billing', 'send-sms');
const committed = (s: KafkaState): number =>
  kafkaSummary(s)
    .groups.find((g) => g.group === 'billing')
    ?.partitions.find((p) => p.topic === 'payments')?.committed ?? -1;
const written = (s: KafkaState): number => kafkaSummary(s).partitions.find((p) => p.topic === 'payments')?.logEndOffset ?? -1;
/** How many payments ledger counted `times` receipts for. */
const ledgerCounted = (s: KafkaState, times: number): number => {
  let k = 0;
  for (let i = 1; i <= 10; i++) if (app.storeValue(s, 'ledger', `payment-${i}`) === String(times)) k++;
  return k;
};
/** Payments below the committed offset that billing never handled, as `payment-4 and payment-5`. */
const committedNotDone = (s: KafkaState): string => {
  const out: string[] = [];
  for (let o = 0; o < committed(s); o++) if (app.effectsOf(s, 'billing', `payments-0@${o}`) === 0) out.push(`payment-${o + 1}`);
  return out.join(' and ');
};
const smsCalls = (s: KafkaState) => s.trace.entries.filter((e) => e.type === 'side-effect-called');
/** The offset of the first payment billing handled after it came back. */
const firstAfterRestart = (s: KafkaState): number => {
  const back = s.trace.entries.find((e) => e.type === 'consumer-restarted')?.atMs ?? Infinity;
  const e = smsCalls(s).find((x) => x.atMs > back);
  return e?.type === 'side-effect-called' ? e.offset : -1;
};
const crashed = (s: KafkaState): boolean => s.trace.entries.some((e) => e.type === 'consumer-crashed');

export const lesson = defineLesson({
  id: 'L09',
  title: 'Delivery semantics',
  minutes: 12,
  model: 'kafka',
  scenario: before,
  content,
  steps: [
    {
      id: 'commit-first',
      title: 'Commit first, then process',
      commands: upToTheCrash,
      highlight: [n.producer('checkout'), n.topic('payments'), n.group('billing')],
      claims: [
        { id: 'payments', text: 'writes 10 payments', value: written, expected: 10 },
        { id: 'time', text: 'At 3.8 seconds', value: at, expected: 3.8 },
        { id: 'committed', text: 'already committed offset 5', value: committed, expected: 5 },
        { id: 'sms', text: 'sent 3 texts', value: sms, expected: 3 },
        {
          id: 'each',
          text: 'each payment takes 200 ms',
          value: (s) => (smsCalls(s)[1]?.atMs ?? 0) - (smsCalls(s)[0]?.atMs ?? 0),
          expected: 200,
        },
        {
          id: 'not-done',
          text: 'Payments 4 and 5 are committed but not yet done',
          value: committedNotDone,
          expected: 'payment-4 and payment-5',
        },
      ],
    },
    {
      id: 'crash-loses',
      title: 'A crash loses what was committed but not done',
      commands: crashAndRestart,
      highlight: [n.consumer('billing-c1'), n.group('billing'), n.topic('receipts'), n.group('ledger')],
      claims: [
        { id: 'from', text: 'the committed offset: 5', value: firstAfterRestart, expected: 5 },
        { id: 'next', text: 'carries on from payment 6', value: (s) => firstAfterRestart(s) + 1, expected: 6 },
        { id: 'never', text: 'Payments 4 and 5 are never handled', value: committedNotDone, expected: 'payment-4 and payment-5' },
        { id: 'lost', text: 'lost: 2', value: (s) => billing(s).lost, expected: 2 },
        { id: 'duplicates', text: 'duplicates: 0', value: (s) => billing(s).duplicates, expected: 0 },
        { id: 'sms', text: '8 texts for 10 payments', value: sms, expected: 8 },
        { id: 'ledger', text: 'ledger counted 8 payments', value: (s) => ledgerCounted(s, 1), expected: 8 },
        { id: 'time', text: 'by 16 seconds', value: at, expected: 16 },
      ],
    },
    {
      id: 'commit-after',
      title: 'Process first, then commit',
      scenario: after,
      commands: [...upToTheCrash, ...crashAndRestart],
      highlight: [n.consumer('billing-c1'), n.group('billing'), n.topic('receipts'), n.group('ledger')],
      claims: [
        { id: 'lost', text: 'lost: 0', value: (s) => billing(s).lost, expected: 0 },
        { id: 'duplicates', text: 'duplicates: 3', value: (s) => billing(s).duplicates, expected: 3 },
        { id: 'sms', text: '13 texts for 10 payments', value: sms, expected: 13 },
        { id: 'twice', text: 'counted 3 payments twice', value: (s) => ledgerCounted(s, 2), expected: 3 },
      ],
    },
    {
      id: 'transaction',
      title: 'Read, process and write in one transaction',
      scenario: inTransactions,
      commands: [...upToTheCrash, ...crashAndRestart],
      highlight: [n.group('billing'), n.topic('receipts'), n.group('ledger')],
      claims: [
        { id: 'once', text: 'ledger counted all 10 payments once', value: (s) => ledgerCounted(s, 1), expected: 10 },
        { id: 'twice', text: 'none twice', value: (s) => ledgerCounted(s, 2), expected: 0 },
        { id: 'lost', text: 'lost: 0', value: (s) => billing(s).lost, expected: 0 },
        { id: 'duplicates', text: 'duplicates: 3', value: (s) => billing(s).duplicates, expected: 3 },
        { id: 'sms', text: '13 texts again', value: sms, expected: 13 },
      ],
    },
  ],
  predict: { stepId: 'transaction', answer: 'b' },
  challenge: {
    solution: {
      scenario: after,
      commands: [
        ...upToTheCrash,
        { type: 'remove-consumer', consumer: 'billing-c1' },
        { type: 'add-consumer', group: 'billing' },
        advance(10_000),
      ],
      claims: [
        { id: 'duplicates', text: 'duplicates: 3', value: (s) => billing(s).duplicates, expected: 3 },
        { id: 'lost', text: 'lost: 0', value: (s) => billing(s).lost, expected: 0 },
        { id: 'time', text: 'by 10 seconds', value: at, expected: 10 },
      ],
    },
    setupCommands: upToTheCrash.length,
    controls: ['group'],
    goals: [
      // One goal, not two: "no consumer crashed" alone would be ticked before the learner does anything.
      {
        id: 'duplicate',
        text: 'billing handled a payment twice, and no consumer crashed',
        pass: (s) => billing(s).duplicates > 0 && !crashed(s),
      },
      {
        id: 'all',
        text: 'every payment was handled: none lost, none waiting',
        pass: (s) => billing(s).lost === 0 && billing(s).pending === 0,
      },
    ],
  },
});
