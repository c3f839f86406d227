/**
 * L13 · Event sourcing: account-42's four events fold to 750, step by step; a load stopped early
 * shows the account as of any event; the stream is the audit trail. Prose in content.md.
 */
import { defineLesson } from '../format/define-lesson.ts';
import { bankNode as n, bankRead as read, type BankCommand } from '../../simulator/index.ts';
import content from './content.md?raw';

const acc = 'account-42';
/**
 * Alice's actions happen a second apart on the virtual clock, as a customer's would: each step's
 * events are appended, then a second passes in which the player shows them travel to the stream.
 * Nothing in the bank depends on the time; the claims are about revisions and amounts.
 */
const later = (seconds: number): BankCommand => ({ type: 'advance', untilMs: seconds * 1000 });
const playSpeed = 0.5;

export const lesson = defineLesson({
  id: 'L13',
  title: 'Event sourcing',
  minutes: 12,
  model: 'eventstore',
  scenario: {},
  content,
  steps: [
    {
      id: 'open-account',
      title: 'Open the account: the first event',
      commands: [{ type: 'open-account', stream: acc, owner: 'Alice' }, later(1)],
      playSpeed,
      highlight: [n.stream(acc)],
      claims: [
        { id: 'one-event', text: 'the stream holds 1 event', value: (s) => read.eventCount(s, acc), expected: 1 },
        { id: 'revision-0', text: 'at revision 0', value: (s) => read.lastRevision(s, acc), expected: 0 },
        { id: 'balance-0', text: 'the balance is 0', value: (s) => read.balanceNow(s, acc), expected: 0 },
      ],
    },
    {
      id: 'deposit',
      title: 'Deposit 1,000: load, decide, append',
      commands: [{ type: 'deposit', stream: acc, amountCents: 100_000 }, later(2)],
      playSpeed,
      highlight: [n.aggregate(acc), n.stream(acc)],
      claims: [
        { id: 'amount', text: 'Alice pays in 1,000', value: (s) => read.eventAmount(s, acc, 1), expected: 1000 },
        { id: 'replayed-1', text: 'the load replayed 1 event', value: (s) => s.lastLoad?.eventsReplayed ?? -1, expected: 1 },
        { id: 'two-events', text: 'The stream now holds 2 events', value: (s) => read.eventCount(s, acc), expected: 2 },
        { id: 'balance', text: 'a balance of 1,000', value: (s) => read.balanceNow(s, acc), expected: 1000 },
      ],
    },
    {
      id: 'withdrawals',
      title: 'Withdraw 200, then 50',
      commands: [
        { type: 'withdraw', stream: acc, amountCents: 20_000 },
        later(3),
        { type: 'withdraw', stream: acc, amountCents: 5_000 },
        later(4),
      ],
      playSpeed,
      highlight: [n.aggregate(acc), n.stream(acc)],
      claims: [
        {
          id: 'amounts',
          text: 'Alice takes out 200, then 50',
          value: (s) => read.amounts(s, acc, 'Withdrawn'),
          expected: '200, 50',
        },
        { id: 'replayed-3', text: 'the load replayed 3 events', value: (s) => s.lastLoad?.eventsReplayed ?? -1, expected: 3 },
        { id: 'saw-800', text: 'saw a balance of 800', value: (s) => read.loadedBalance(s), expected: 800 },
        { id: 'accepted', text: 'the withdrawal was accepted', value: (s) => s.lastRefusal ?? 'accepted', expected: 'accepted' },
        { id: 'four-events', text: 'which now holds 4 events', value: (s) => read.eventCount(s, acc), expected: 4 },
      ],
    },
    {
      id: 'overdraw',
      title: 'Ask for too much: a refusal appends nothing',
      commands: [{ type: 'withdraw', stream: acc, amountCents: 100_000 }, later(5)],
      playSpeed,
      highlight: [n.aggregate(acc)],
      claims: [
        { id: 'asked', text: 'Alice asks for 1,000', value: (s) => read.askedAmount(s), expected: 1000 },
        { id: 'saw-750', text: 'the fold saw a balance of 750', value: (s) => read.loadedBalance(s), expected: 750 },
        {
          id: 'refused',
          text: 'refused with insufficient-funds',
          value: (s) => s.lastRefusal ?? 'accepted',
          expected: 'insufficient-funds',
        },
        { id: 'still-four', text: 'The stream still holds 4 events', value: (s) => read.eventCount(s, acc), expected: 4 },
      ],
    },
    {
      id: 'replay',
      title: 'Replay the stream from scratch',
      commands: [{ type: 'load', stream: acc }, later(6)],
      playSpeed,
      highlight: [n.stream(acc), n.aggregate(acc)],
      claims: [
        { id: 'replayed-4', text: 'The load replays 4 events', value: (s) => s.lastLoad?.eventsReplayed ?? -1, expected: 4 },
        { id: 'opened-0', text: 'the account is open, balance 0', value: (s) => read.balanceAsOf(s, acc, 0), expected: 0 },
        { id: 'plus-1000', text: 'plus 1,000', value: (s) => read.eventAmount(s, acc, 1), expected: 1000 },
        { id: 'minus-200', text: 'minus 200', value: (s) => read.eventAmount(s, acc, 2), expected: 200 },
        { id: 'minus-50', text: 'minus 50', value: (s) => read.eventAmount(s, acc, 3), expected: 50 },
        { id: 'balance-750', text: 'the balance is 750', value: (s) => read.loadedBalance(s), expected: 750 },
      ],
    },
    {
      id: 'as-of',
      title: 'The account as it was after any event',
      commands: [{ type: 'load', stream: acc, asOf: { revision: 2 } }, later(7)],
      playSpeed,
      highlight: [n.stream(acc), n.aggregate(acc)],
      claims: [
        { id: 'stopped-at-2', text: 'we stop at revision 2', value: (s) => s.lastLoad?.revision ?? -1, expected: 2 },
        { id: 'replayed-3', text: 'the fold uses 3 events', value: (s) => s.lastLoad?.eventsReplayed ?? -1, expected: 3 },
        { id: 'left-out', text: 'revision 3, the withdrawal of 50', value: (s) => read.eventAmount(s, acc, 3), expected: 50 },
        { id: 'balance-800', text: 'As of revision 2 the balance was 800', value: (s) => read.loadedBalance(s), expected: 800 },
        {
          id: 'as-of-1',
          text: 'as of revision 1 it is 1,000',
          value: (s) => read.balanceAsOf(s, acc, 1),
          expected: 1000,
        },
        {
          id: 'as-of-0',
          text: 'as of revision 0 it is the freshly opened account',
          value: (s) => read.balanceAsOf(s, acc, 0),
          expected: 0,
        },
        { id: 'first-withdrawal', text: 'the first withdrawal', value: (s) => read.eventAmount(s, acc, 2), expected: 200 },
      ],
    },
    {
      id: 'audit',
      title: 'Why 750? Read the stream',
      commands: [],
      highlight: [n.stream(acc)],
      claims: [
        { id: 'says-750', text: 'A balance column can say "750"', value: (s) => read.balanceNow(s, acc), expected: 750 },
        {
          id: 'types',
          text: 'AccountOpened, Deposited, Withdrawn, Withdrawn',
          value: (s) => read.eventTypes(s, acc),
          expected: 'AccountOpened, Deposited, Withdrawn, Withdrawn',
        },
        { id: 'in', text: 'The money that came in was 1,000', value: (s) => read.amounts(s, acc, 'Deposited'), expected: '1000' },
        { id: 'out', text: 'the withdrawals were 200, 50', value: (s) => read.amounts(s, acc, 'Withdrawn'), expected: '200, 50' },
        { id: 'because', text: 'The balance is 750 because', value: (s) => read.balanceNow(s, acc), expected: 750 },
      ],
    },
  ],
  predict: { stepId: 'as-of', answer: 'b' },
  challenge: {
    solution: {
      commands: [
        { type: 'deposit', stream: acc, amountCents: 5_000 },
        { type: 'load', stream: acc, asOf: { revision: 3 } },
      ],
      claims: [
        { id: 'refund', text: 'a deposit of 50', value: (s) => read.eventAmount(s, acc, 4), expected: 50 },
        { id: 'five-events', text: 'The stream then holds 5 events', value: (s) => read.eventCount(s, acc), expected: 5 },
        { id: 'balance-800', text: 'the balance is 800 again', value: (s) => read.balanceNow(s, acc), expected: 800 },
        { id: 'history', text: 'loading as of revision 3 still shows 750', value: (s) => read.loadedBalance(s), expected: 750 },
      ],
    },
    controls: ['money', 'load'],
    goals: [
      {
        id: 'refund',
        text: 'a deposit of 50 follows the withdrawal, which stays in the stream',
        pass: (s) =>
          read.eventType(s, acc, 3) === 'Withdrawn' &&
          read.eventCount(s, acc) === 5 &&
          read.eventType(s, acc, 4) === 'Deposited' &&
          read.eventAmount(s, acc, 4) === 50,
      },
      { id: 'balance', text: 'the balance is 800 again', pass: (s) => read.balanceNow(s, acc) === 800 },
      {
        id: 'history',
        text: 'a load as of revision 3 still shows 750',
        pass: (s) =>
          s.lastLoad?.stream === acc && s.lastLoad.by === 'load' && s.lastLoad.revision === 3 && read.loadedBalance(s) === 750,
      },
    ],
  },
});
