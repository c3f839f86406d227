/**
 * L15 · Snapshots: a busy account with 10,000 events loaded with and without snapshots, the cost
 * shown as events replayed; new events after a snapshot; temporal loads; the interval as the bound
 * on the worst case. Prose in content.md.
 */
import type { BankCommand } from '../../simulator/index.ts';
import { bankNode as n, bankRead as read } from '../../simulator/index.ts';
import { defineLesson } from '../format/define-lesson.ts';
import content from './content.md?raw';

const acc = 'account-7';
/** Opened plus 9,999 deposits: 10,000 events. */
const seed: BankCommand = { type: 'seed-busy-account', stream: acc, deposits: 9_999 };
/**
 * Each step's loads and appends happen a second after the last step's, so the player shows them
 * travel between the stream, the snapshots and the aggregate. The bank does not depend on the
 * time; the claims are about events, revisions and snapshots.
 */
const later = (seconds: number): BankCommand => ({ type: 'advance', untilMs: seconds * 1000 });
const playSpeed = 0.5;
const replayed = (s: Parameters<typeof read.loadedBalance>[0]): number => s.lastLoad?.eventsReplayed ?? -1;
/**
 * The most events any load of the account as of any revision would replay: the widest gap
 * between snapshots (from the start to the first one, between two, after the last).
 */
const worstReplay = (s: Parameters<typeof read.loadedBalance>[0]): number => {
  const last = read.eventCount(s, acc) - 1;
  let worst = 0;
  let prev = -1;
  for (const snap of s.world.snapshots[acc] ?? []) {
    // A load as of the revision just before this snapshot starts from the previous one.
    worst = Math.max(worst, prev < 0 ? snap.revision : snap.revision - 1 - prev);
    prev = snap.revision;
  }
  return Math.max(worst, prev < 0 ? last + 1 : last - prev);
};
const from = (s: Parameters<typeof read.loadedBalance>[0]): number => s.lastLoad?.snapshotRevision ?? -2;

export const lesson = defineLesson({
  id: 'L15',
  title: 'Snapshots',
  minutes: 10,
  model: 'eventstore',
  scenario: {},
  content,
  steps: [
    {
      id: 'busy-account',
      title: 'A busy account',
      commands: [seed, later(11)],
      highlight: [n.stream(acc)],
      claims: [
        { id: 'events', text: 'Its stream holds 10,000 events', value: (s) => read.eventCount(s, acc), expected: 10_000 },
        { id: 'no-snapshots', text: 'No snapshot has been taken yet', value: (s) => read.snapshotCount(s, acc), expected: 0 },
      ],
    },
    {
      id: 'load-without',
      title: 'Load without snapshots',
      commands: [{ type: 'load', stream: acc }, later(12)],
      playSpeed,
      highlight: [n.stream(acc), n.aggregate(acc)],
      claims: [
        { id: 'all', text: 'the load replays all 10,000 events', value: replayed, expected: 10_000 },
        { id: 'no-start', text: 'With nothing to start from', value: from, expected: -1 },
        { id: 'balance', text: 'a balance of 5,049', value: (s) => read.loadedBalance(s), expected: 5049 },
      ],
    },
    {
      id: 'enable-snapshots',
      title: 'Snapshot every 1,000 events',
      commands: [{ type: 'enable-snapshots', stream: acc, everyEvents: 1_000 }, later(13)],
      playSpeed,
      highlight: [n.snapshots(acc)],
      claims: [
        {
          id: 'policy',
          text: 'switch on snapshots every 1,000 events',
          value: (s) => s.world.snapshotEveryEvents,
          expected: 1000,
        },
        { id: 'count', text: 'that gives 10 snapshots', value: (s) => read.snapshotCount(s, acc), expected: 10 },
        { id: 'newest', text: 'the newest at revision 9,999', value: (s) => read.newestSnapshotRevision(s, acc), expected: 9999 },
        { id: 'last-event', text: 'the last event of the stream', value: (s) => read.lastRevision(s, acc), expected: 9999 },
      ],
    },
    {
      id: 'load-with',
      title: 'Load from the snapshot',
      commands: [{ type: 'load', stream: acc }, later(14)],
      playSpeed,
      highlight: [n.snapshots(acc), n.aggregate(acc)],
      claims: [
        { id: 'from', text: 'finds the snapshot at revision 9,999', value: from, expected: 9999 },
        { id: 'zero', text: 'it replays 0 events', value: replayed, expected: 0 },
        { id: 'same', text: 'The balance is the same 5,049', value: (s) => read.loadedBalance(s), expected: 5049 },
      ],
    },
    {
      id: 'more-deposits',
      title: 'New events after the snapshot',
      commands: [
        // The deposits arrive 20 ms apart, so the player shows them land one after another.
        ...Array.from({ length: 37 }, (_, i): BankCommand[] => [
          { type: 'deposit', stream: acc, amountCents: 100 },
          { type: 'advance', untilMs: 14_000 + 20 * (i + 1) },
        ]).flat(),
        { type: 'load', stream: acc },
        later(16),
      ],
      playSpeed: 0.25,
      highlight: [n.stream(acc), n.snapshots(acc), n.aggregate(acc)],
      claims: [
        { id: 'deposits', text: '37 more deposits arrive', value: (s) => read.eventCount(s, acc) - 10_000, expected: 37 },
        { id: 'events', text: 'The stream now holds 10,037 events', value: (s) => read.eventCount(s, acc), expected: 10_037 },
        { id: 'no-new', text: 'no new snapshot is saved', value: (s) => read.snapshotCount(s, acc), expected: 10 },
        { id: 'mark', text: 'the next 1,000-event mark', value: (s) => s.world.snapshotEveryEvents, expected: 1000 },
        { id: 'from', text: 'It starts from the snapshot at revision 9,999', value: from, expected: 9999 },
        { id: 'folds', text: 'the load replays 37 events', value: replayed, expected: 37 },
        {
          id: 'without',
          text: 'a load without snapshots would replay 10,037',
          value: (s) => read.replayedWithoutSnapshots(s, acc),
          expected: 10_037,
        },
      ],
    },
    {
      id: 'as-of',
      title: 'Loading the past from a snapshot',
      commands: [{ type: 'load', stream: acc, asOf: { revision: 5_500 } }, later(17)],
      playSpeed,
      highlight: [n.snapshots(acc), n.aggregate(acc)],
      claims: [
        { id: 'target', text: 'as of revision 5,500', value: (s) => s.lastLoad?.revision ?? -1, expected: 5500 },
        { id: 'from', text: 'the one at revision 4,999', value: from, expected: 4999 },
        { id: 'replayed', text: 'replays 501 events', value: replayed, expected: 501 },
        {
          id: 'without',
          text: 'the same question costs 5,501 events',
          value: (s) => read.replayedWithoutSnapshots(s, acc, 5_500),
          expected: 5501,
        },
      ],
    },
    {
      id: 'worst-case',
      title: 'The worst case is bounded by the interval',
      commands: [{ type: 'load', stream: acc, asOf: { revision: 9_998 } }, later(18)],
      playSpeed,
      highlight: [n.snapshots(acc), n.aggregate(acc)],
      claims: [
        { id: 'policy', text: 'a snapshot every 1,000 events', value: (s) => s.world.snapshotEveryEvents, expected: 1000 },
        { id: 'target', text: 'Load as of revision 9,998', value: (s) => s.lastLoad?.revision ?? -1, expected: 9998 },
        { id: 'from', text: 'the snapshot at revision 8,999', value: from, expected: 8999 },
        { id: 'replayed', text: 'replays 999 events', value: replayed, expected: 999 },
      ],
    },
  ],
  predict: { stepId: 'more-deposits', answer: 'b' },
  challenge: {
    solution: {
      scenario: {},
      commands: [
        seed,
        { type: 'enable-snapshots', stream: acc, everyEvents: 100 },
        { type: 'load', stream: acc, asOf: { revision: 9_998 } },
      ],
      claims: [
        { id: 'events', text: 'busy account of 10,000 events', value: (s) => read.eventCount(s, acc), expected: 10_000 },
        { id: 'interval', text: 'Take a snapshot every 100 events', value: (s) => s.world.snapshotEveryEvents, expected: 100 },
        {
          id: 'first',
          text: 'revisions 99, 199',
          value: (s) =>
            s.world.snapshots[acc]
              ?.slice(0, 2)
              .map((x) => x.revision)
              .join(', ') ?? '',
          expected: '99, 199',
        },
        { id: 'last', text: 'up to 9,999', value: (s) => read.newestSnapshotRevision(s, acc), expected: 9999 },
        { id: 'count', text: 'which makes 100 snapshots', value: (s) => read.snapshotCount(s, acc), expected: 100 },
        { id: 'target', text: 'as of revision 9,998', value: (s) => s.lastLoad?.revision ?? -1, expected: 9998 },
        { id: 'from', text: 'starts from the snapshot at revision 9,899', value: from, expected: 9899 },
        { id: 'replayed', text: 'replays 99 events', value: replayed, expected: 99 },
        {
          id: 'bound',
          text: 'under the bound of 100',
          value: (s) => (s.lastLoad?.eventsReplayed ?? Infinity) <= 100,
          expected: true,
        },
      ],
    },
    setupCommands: 1,
    controls: ['snapshots', 'load'],
    goals: [
      {
        id: 'interval',
        text: 'the snapshots are close enough that no load of account-7 replays more than 100 events',
        pass: (s) => worstReplay(s) <= 100,
      },
      {
        id: 'worst',
        text: 'a load as of revision 9,998 replayed at most 100 events',
        pass: (s) => s.lastLoad?.by === 'load' && s.lastLoad.revision === 9_998 && replayed(s) >= 0 && replayed(s) <= 100,
      },
    ],
  },
});
