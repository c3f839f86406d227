/**
 * The event store's key moment, for the band under the topology: the last explicit load of an
 * account drawn beside the other way of doing it — a rebuild from the start and a rebuild from a
 * snapshot, as two read ranges on one scale of the stream's revisions, each with how many events
 * it reads. What the load did is the simulator's record (`lastLoad`); the other way is counted,
 * not guessed: from the start is every revision up to the one loaded, and from a snapshot is what
 * came after the newest snapshot at or before it.
 */
import type { BankState } from '../../../simulator/index.ts';
import type { MomentView, ReadRange } from '../../workbench/moment.ts';
import { formatCount as n } from '../../workbench/panels/labels.ts';

export function bankMoment(s: BankState): MomentView | undefined {
  const l = s.lastLoad;
  if (l === null || l.by !== 'load' || l.revision < 0) return undefined;
  const size = l.revision + 1;
  const usedSnapshot = l.snapshotRevision >= 0;
  // The newest snapshot a load up to this revision could start from (the one it used, if it did).
  let snap = l.snapshotRevision;
  if (!usedSnapshot)
    for (const x of s.world.snapshots[l.stream] ?? []) if (x.revision <= l.revision) snap = Math.max(snap, x.revision);
  const fromStart: ReadRange = {
    label: 'from the start',
    from: 0,
    to: l.revision,
    count: usedSnapshot ? size : l.eventsReplayed,
    note: usedSnapshot ? 'the same load without snapshots' : 'this load',
    available: true,
  };
  const fromSnapshot: ReadRange =
    snap >= 0
      ? {
          label: 'from a snapshot',
          from: snap + 1,
          to: l.revision,
          count: usedSnapshot ? l.eventsReplayed : l.revision - snap,
          note: `${usedSnapshot ? 'this load: ' : ''}snapshot at revision ${n(snap)}`,
          available: true,
        }
      : { label: 'from a snapshot', from: 0, to: -1, count: 0, note: 'no snapshot taken yet', available: false };
  const last = s.world.trace.entries.at(-1);
  return {
    kind: 'ranges',
    id: `load:${l.stream}:${l.revision}:${l.snapshotRevision}`,
    live: last?.type === 'aggregate-loaded',
    title: `Rebuilding ${l.stream} up to revision ${n(l.revision)}: events read each way`,
    size,
    unit: 'events',
    ranges: [fromStart, fromSnapshot],
  };
}
