/**
 * L19 · Two-phase commit: a transaction across three participants commits; one NO vote aborts it
 * everywhere; the coordinator crashes after every YES vote and the participants sit blocked holding
 * their locks until it returns and presumes abort. 3PC and partitions are said in words (the model
 * runs 2PC only). Prose in content.md.
 */
import { tpcNode as n, twoPhaseCommitView, type TpcCommand, type TpcWorld } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import content from './content.md?raw';

const names = ['orders-db', 'inventory-db', 'payments-db'];
const all = names.map((p) => n.participant(p));
const tx = (w: TpcWorld, txId: string) => twoPhaseCommitView(w).find((t) => t.txId === txId);
/** Each participant's state for the transaction, in the scenario's order: "committed, committed, committed". */
const states = (w: TpcWorld, txId: string): string => names.map((p) => tx(w, txId)?.states[p] ?? 'unknown').join(', ');
const count = (w: TpcWorld, type: string, txId: string): number =>
  w.trace.entries.filter((e) => e.type === type && e.correlationId === txId).length;
const at = (w: TpcWorld, type: string, txId: string): number =>
  w.trace.entries.find((e) => e.type === type && e.correlationId === txId)?.atMs ?? -1;
const paymentsTx = (w: TpcWorld, txId: string) => {
  const p = Object.hasOwn(w.participants, 'payments-db') ? w.participants['payments-db'] : undefined;
  return p !== undefined && Object.hasOwn(p.txs, txId) ? p.txs[txId] : undefined;
};
/** Transactions the coordinator crashed in the middle of (after their begin, before any participant learned the outcome). */
const crashedMidway = (w: TpcWorld): string[] =>
  twoPhaseCommitView(w)
    .map((t) => t.txId)
    .filter((id) => {
      const begun = w.trace.entries.find((e) => e.type === 'tx-begun' && e.correlationId === id)?.id ?? Infinity;
      const decided =
        w.trace.entries.find(
          (e) => (e.type === 'participant-committed' || e.type === 'participant-aborted') && e.correlationId === id,
        )?.id ?? Infinity;
      return w.trace.entries.some((e) => e.type === 'node-crashed' && e.node === 'coordinator' && e.id > begun && e.id < decided);
    });

const begin = (txId: string): TpcCommand[] => [{ type: 'begin', txId }, { type: 'run-until-idle' }];

export const lesson = defineLesson({
  id: 'L19',
  title: 'Two-phase commit',
  minutes: 13,
  model: 'two-phase-commit',
  scenario: {},
  content,
  steps: [
    {
      id: 'commit',
      title: 'Prepare, vote, commit',
      commands: begin('tx-1'),
      highlight: [n.coordinator, n.log, ...all],
      claims: [
        { id: 'votes', text: 'With all 3 votes in', value: (w) => count(w, 'vote-received', 'tx-1'), expected: 3 },
        {
          id: 'logged',
          text: 'writes commit to its decision log at 18 ms',
          value: (w) => `${tx(w, 'tx-1')?.logged} ${at(w, 'decision-logged', 'tx-1')}`,
          expected: 'commit 18',
        },
        {
          id: 'all',
          text: 'each participant commits',
          value: (w) => states(w, 'tx-1'),
          expected: 'committed, committed, committed',
        },
        {
          id: 'locks',
          text: 'releases its lock',
          value: (w) => names.every((p) => Object.keys(w.participants[p]!.locks).length === 0),
          expected: true,
        },
        {
          id: 'finished',
          text: 'The transaction is finished at 39 ms',
          value: (w) => at(w, 'tx-finished', 'tx-1'),
          expected: 39,
        },
        {
          id: 'messages',
          text: 'after 12 messages',
          value: (w) =>
            ['prepare-sent', 'vote-received', 'decision-sent', 'ack-received'].reduce((s, t) => s + count(w, t, 'tx-1'), 0),
          expected: 12,
        },
      ],
    },
    {
      id: 'no-vote',
      title: 'One NO vote aborts it everywhere',
      commands: [{ type: 'plant-no-vote', participant: 'payments-db', reason: 'insufficient funds' }, ...begin('tx-2')],
      highlight: [n.coordinator, n.log, ...all],
      claims: [
        {
          id: 'no',
          text: 'payments-db refuses tx-2: insufficient funds',
          value: (w) => {
            const v = w.trace.entries.find(
              (e) => e.type === 'vote-cast' && e.correlationId === 'tx-2' && e.participant === 'payments-db',
            );
            return v?.type === 'vote-cast' ? `${v.vote} ${v.reason}` : '';
          },
          expected: 'no insufficient funds',
        },
        { id: 'logged', text: 'The coordinator logs abort', value: (w) => tx(w, 'tx-2')?.logged ?? '', expected: 'abort' },
        {
          id: 'aborted',
          text: 'all 3 participants abort',
          value: (w) => states(w, 'tx-2'),
          expected: 'aborted, aborted, aborted',
        },
        { id: 'none', text: 'No participant committed', value: (w) => count(w, 'participant-committed', 'tx-2'), expected: 0 },
      ],
    },
    {
      id: 'coordinator-crash',
      title: 'The coordinator crashes after the votes: blocked',
      // A fresh run, so the clock reads from 0 and the wait is easy to read.
      scenario: {},
      commands: [
        { type: 'arm-coordinator-crash', when: 'before-decision' },
        { type: 'begin', txId: 'tx-3' },
        { type: 'advance', untilMs: 2_000 },
      ],
      highlight: [n.coordinator, ...all],
      claims: [
        {
          id: 'votes',
          text: 'collects 3 YES votes',
          value: (w) => w.trace.entries.filter((e) => e.type === 'vote-received' && e.vote === 'yes').length,
          expected: 3,
        },
        {
          id: 'down',
          text: 'crashes before it writes a decision',
          value: (w) => !w.coordinator.up && w.coordinator.log.length === 0,
          expected: true,
        },
        { id: 'timeout', text: 'Each waits 300 ms for the decision', value: (w) => w.config.decisionTimeoutMs, expected: 300 },
        { id: 'blocked', text: '3 participants blocked', value: (w) => tx(w, 'tx-3')?.blocked.length ?? 0, expected: 3 },
        {
          id: 'holding',
          text: 'each holding its lock on row-1',
          value: (w) => names.map((p) => w.participants[p]!.locks['row-1'] ?? 'none').join(),
          expected: 'tx-3,tx-3,tx-3',
        },
        {
          id: 'held',
          text: 'At 2 s on the clock, payments-db has held its lock for 1,993 ms',
          value: (w) => w.nowMs - (paymentsTx(w, 'tx-3')?.preparedAtMs ?? w.nowMs),
          expected: 1_993,
        },
      ],
    },
    {
      id: 'coordinator-returns',
      title: 'The coordinator returns and presumes abort',
      commands: [{ type: 'recover-coordinator' }, { type: 'run-until-idle' }],
      highlight: [n.coordinator, n.log, ...all],
      claims: [
        {
          id: 'restart',
          text: 'The coordinator restarts at 2 s',
          value: (w) => (w.trace.entries.find((e) => e.type === 'recovery-started')?.atMs ?? -1) / 1000,
          expected: 2,
        },
        {
          id: 'presumed',
          text: 'It logs abort',
          value: (w) => {
            const r = w.coordinator.log.find((x) => x.txId === 'tx-3');
            return `${r?.decision} ${r?.presumed ? 'presumed' : 'voted'}`;
          },
          expected: 'abort presumed',
        },
        {
          id: 'aborted',
          text: 'all 3 participants abort',
          value: (w) => states(w, 'tx-3'),
          expected: 'aborted, aborted, aborted',
        },
        {
          id: 'held',
          text: 'payments-db held row-1 for 2,019 ms in all',
          value: (w) => {
            const t = paymentsTx(w, 'tx-3');
            return (t?.decidedAtMs ?? 0) - (t?.preparedAtMs ?? 0);
          },
          expected: 2_019,
        },
        {
          id: 'released',
          text: 'release their locks',
          value: (w) =>
            tx(w, 'tx-3')?.blocked.length === 0 && names.every((p) => w.participants[p]!.locks['row-1'] === undefined),
          expected: true,
        },
      ],
    },
  ],
  predict: { stepId: 'coordinator-crash', answer: 'c' },
  challenge: {
    solution: {
      scenario: {},
      commands: [
        { type: 'arm-coordinator-crash', when: 'after-decision' },
        { type: 'begin', txId: 'tx-1' },
        { type: 'advance', untilMs: 1_000 },
        { type: 'recover-coordinator' },
        { type: 'run-until-idle' },
      ],
      claims: [
        { id: 'logged', text: 'Its log says commit', value: (w) => tx(w, 'tx-1')?.logged ?? '', expected: 'commit' },
        {
          id: 'all',
          text: 'all 3 participants committed tx-1',
          value: (w) => states(w, 'tx-1'),
          expected: 'committed, committed, committed',
        },
        {
          id: 'blocked',
          text: 'They were blocked in between all the same',
          value: (w) => w.trace.entries.filter((e) => e.type === 'participant-blocked' && e.correlationId === 'tx-1').length,
          expected: 3,
        },
      ],
    },
    controls: ['coordinator', 'transactions'],
    goals: [
      { id: 'crashed', text: 'the coordinator crashed in the middle of a transaction', pass: (w) => crashedMidway(w).length > 0 },
      {
        id: 'recovered',
        text: 'you recovered the coordinator',
        pass: (w) => w.coordinator.up && w.trace.entries.some((e) => e.type === 'recovery-started'),
      },
      {
        id: 'committed',
        text: 'that transaction ended committed at every participant',
        pass: (w) => crashedMidway(w).some((id) => states(w, id) === 'committed, committed, committed'),
      },
    ],
  },
});
