/**
 * What a learner can do to each node of the event-sourced bank: open an account, deposit and
 * withdraw on an aggregate, load it (from the newest snapshot, or ignoring snapshots to compare
 * the cost), load a stream as of a revision, switch snapshots on, add a projection, rebuild one
 * (with the projector fixed). Nodes are found by comparing ids with the model's own (`bankNode`).
 */
import {
  bankModel,
  bankNode,
  projections,
  streamNames,
  streamRevision,
  type BankCommand,
  type BankState,
  type NodeId,
} from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';

type Action = NodeAction<BankCommand>;

/** Amounts the node actions offer, in cents. */
export const depositCents = 10_000;
export const withdrawCents = 5_000;
/** The projectors the demo bank defines, as the store offers them. */
const projectors = Object.keys(bankModel.projectors);

const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** A round snapshot interval giving about ten snapshots for a stream of `count` events. */
export function snapshotIntervalFor(count: number): number {
  return count < 20 ? 2 : 10 ** Math.floor(Math.log10(count) - 1);
}

/** The first `account-N` with no events, for "open a new account". */
function freeAccount(s: BankState): string {
  const taken = new Set(streamNames(s.world.store));
  for (let i = 1; ; i++) if (!taken.has(`account-${i}`)) return `account-${i}`;
}

function accountActions(s: BankState, stream: string, node: NodeId): Action[] {
  const w = s.world;
  const last = streamRevision(w.store, stream);
  const snapshots = w.snapshots[stream]?.length ?? 0;
  const load: Action = {
    label: snapshots > 0 ? 'Load (from the newest snapshot)' : 'Load (replay from the start)',
    command: { type: 'load', stream },
  };
  const loadFromStart: Action = { label: 'Load ignoring snapshots', command: { type: 'load-ignoring-snapshots', stream } };
  if (node === bankNode.aggregate(stream)) {
    const out: Action[] = [
      { label: `Deposit ${money(depositCents)}`, command: { type: 'deposit', stream, amountCents: depositCents } },
      { label: `Withdraw ${money(withdrawCents)}`, command: { type: 'withdraw', stream, amountCents: withdrawCents } },
      load,
    ];
    if (snapshots > 0) out.push(loadFromStart);
    return out;
  }
  if (node === bankNode.stream(stream) && last >= 0) {
    const picks: Array<[number, string]> = [
      [0, 'first'],
      [Math.floor(last / 2), 'middle'],
      [last, 'last'],
    ];
    const seen = new Set<number>();
    const out: Action[] = [];
    for (const [revision, which] of picks) {
      if (seen.has(revision)) continue;
      seen.add(revision);
      out.push({
        label: `Load as of revision ${revision.toLocaleString('en-US')} (${which})`,
        command: { type: 'load', stream, asOf: { revision } },
      });
    }
    return out;
  }
  if (node === bankNode.snapshots(stream)) {
    const out: Action[] = [];
    if (w.snapshotEveryEvents === 0 && last >= 0) {
      const every = snapshotIntervalFor(last + 1);
      out.push({
        label: `Snapshot every ${every.toLocaleString('en-US')} events`,
        command: { type: 'enable-snapshots', stream, everyEvents: every },
      });
    }
    if (snapshots > 0) out.push(load, loadFromStart);
    return out;
  }
  return [];
}

export function bankActions(s: BankState, node: NodeId): Action[] {
  if (node === bankNode.commands) {
    const stream = freeAccount(s);
    return [{ label: `Open ${stream}`, command: { type: 'open-account', stream, owner: 'Learner' } }];
  }
  if (node === bankNode.store) {
    return projectors
      .filter((p) => !Object.hasOwn(s.world.subscribers, p))
      .map((p) => ({ label: `Add projection ${p}`, command: { type: 'add-projection', id: p, projector: p } }));
  }
  const projection = projections(s).find((p) => bankNode.projection(p.id) === node);
  if (projection) {
    const out: Action[] = [{ label: 'Rebuild from the start', command: { type: 'rebuild-projection', id: projection.id } }];
    if (projection.projector !== 'balances')
      out.push({
        label: 'Fix the projector and rebuild',
        command: { type: 'rebuild-projection', id: projection.id, projector: 'balances' },
      });
    return out;
  }
  for (const stream of streamNames(s.world.store)) {
    const out = accountActions(s, stream, node);
    if (out.length > 0) return out;
  }
  return [];
}
