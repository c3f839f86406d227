/**
 * The lessons' bank (an event-sourced account over the simulator's event store) plugged into the
 * workbench.
 *
 * The state and commands are exactly the lesson driver's (lessons/format/models/bank.ts), so a
 * lesson's script replays here unchanged. The workbench needs a few more, kept in this file and
 * each a thin call of one simulator function, as the driver's own commands are:
 * - `next-happening`: the transport's step — run scheduled tasks (projection deliveries) until
 *   something observable happens;
 * - `add-projection` / `rebuild-projection`: a read model over `$all`, and its reset-and-replay
 *   (the driver has no projection commands yet; when it grows them, these can go);
 * - `load-ignoring-snapshots`: a load that folds from the start even when snapshots exist, so a
 *   learner can compare the two costs on the same stream.
 */
import { ErrorCode, fail, ok, type Result } from '../../simulator/core/errors.ts';
import type { NodeAction, SimAdapter } from '../workbench/adapter.ts';
import {
  applyBankCommand,
  bankModel,
  bankNodeIds,
  createBank,
  esAddProjection,
  esResetProjection,
  esRun,
  nextTaskAtMs,
  streamNames,
  streamRevision,
  type AsOf,
  type BankCommand,
  type BankScenario,
  type BankState,
} from './es-api.ts';
import { bankTopology, bankViewNodeIds } from './bank-topology.ts';
import { bankView } from './bank-view.ts';

/** Commands the workbench adds to the driver's (see the header). */
export type BankWorkbenchOnlyCommand =
  | { type: 'next-happening' }
  | { type: 'add-projection'; id: string; projector: string; processingMs?: number }
  | { type: 'rebuild-projection'; id: string; projector?: string }
  | { type: 'load-ignoring-snapshots'; stream: string; asOf?: AsOf };

export type BankAppCommand = BankCommand | BankWorkbenchOnlyCommand;

/** Tasks one `next-happening` may run before giving up. */
export const bankHappeningTasksMax = 10_000;
/** Virtual ms a projection added from the workbench spends per event, so its lag can be seen. */
export const projectionProcessingMs = 50;
const processingMsMax = 60_000;
const projectionIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** Amounts the node actions offer, in cents. */
export const depositCents = 10_000;
export const withdrawCents = 5_000;

function addProjection(s: BankState, c: Extract<BankAppCommand, { type: 'add-projection' }>): Result<unknown> {
  if (typeof c.id !== 'string' || !projectionIdPattern.test(c.id))
    return fail(ErrorCode.InvalidCommand, 'a projection id is 1 to 40 letters, digits, dots, dashes or underscores', 'id');
  if (s.world.subscribers[c.id] !== undefined)
    return fail(ErrorCode.InvalidCommand, `there is already a subscriber called ${c.id}`, 'id');
  if (typeof c.projector !== 'string' || !Object.hasOwn(bankModel.projectors, c.projector))
    return fail(ErrorCode.InvalidCommand, `unknown projector "${String(c.projector)}"`, 'projector');
  const processingMs = c.processingMs ?? projectionProcessingMs;
  if (!(Number.isInteger(processingMs) && processingMs >= 0 && processingMs <= processingMsMax))
    return fail(ErrorCode.InvalidCommand, `processingMs must be a whole number from 0 to ${processingMsMax}`, 'processingMs');
  esAddProjection(s.world, bankModel, { id: c.id, projector: c.projector, processingMs, streamPrefix: 'account-' });
  return ok(null);
}

function rebuildProjection(s: BankState, c: Extract<BankAppCommand, { type: 'rebuild-projection' }>): Result<unknown> {
  const sub = typeof c.id === 'string' && Object.hasOwn(s.world.subscribers, c.id) ? s.world.subscribers[c.id] : undefined;
  if (sub === undefined || sub.kind !== 'projection')
    return fail(ErrorCode.UnknownNode, `there is no projection called ${String(c.id)}`, 'id');
  if (c.projector !== undefined && !(typeof c.projector === 'string' && Object.hasOwn(bankModel.projectors, c.projector)))
    return fail(ErrorCode.InvalidCommand, `unknown projector "${String(c.projector)}"`, 'projector');
  esResetProjection(s.world, bankModel, c.id, c.projector !== undefined ? { projector: c.projector } : {});
  return ok(null);
}

/** A load with the stream's snapshots set aside for its duration, then put back untouched. */
function loadIgnoringSnapshots(s: BankState, c: Extract<BankAppCommand, { type: 'load-ignoring-snapshots' }>): Result<unknown> {
  const table = s.world.snapshots;
  const stream = c.stream;
  const kept = typeof stream === 'string' && Object.hasOwn(table, stream) ? table[stream] : undefined;
  if (kept !== undefined) table[stream] = [];
  try {
    return applyBankCommand(s, c.asOf !== undefined ? { type: 'load', stream, asOf: c.asOf } : { type: 'load', stream });
  } finally {
    if (kept !== undefined) table[stream] = kept;
  }
}

function nextHappening(s: BankState): Result<unknown> {
  const w = s.world;
  const before = w.trace.nextId;
  for (let i = 0; i < bankHappeningTasksMax && w.queue.length > 0; i++) {
    esRun(w, bankModel, { tasksMax: 1 });
    if (w.trace.nextId !== before) break;
  }
  return ok(null);
}

/** Applies a workbench command: the driver's own, or one of the few above. */
export function applyBankAppCommand(s: BankState, c: BankAppCommand): Result<unknown> {
  switch (c.type) {
    case 'next-happening':
      return nextHappening(s);
    case 'add-projection':
      return addProjection(s, c);
    case 'rebuild-projection':
      return rebuildProjection(s, c);
    case 'load-ignoring-snapshots':
      return loadIgnoringSnapshots(s, c);
    default:
      return applyBankCommand(s, c);
  }
}

/**
 * An independent copy, made cheaply. The event store value is persistent — every append returns a
 * new value and never changes one handed out (simulator/eventstore/store.ts) — so the copy shares
 * it, and with it the store's derived index; the trace and the snapshot lists only ever grow, and
 * their entries are never changed once written, so shallow copies of those lists suffice. The rest
 * (subscribers, the task queue, the last load) is small and deep-copied. A 10,000-event account
 * copies in well under a millisecond this way instead of a quarter of a second, which is what
 * makes stepping back through the snapshot lesson feel instant.
 */
export function cloneBankState(s: BankState): BankState {
  const w = s.world;
  const { store, trace, snapshots, ...rest } = w;
  const copy = structuredClone({ ...s, world: rest });
  const shared: Pick<typeof w, 'store' | 'trace' | 'snapshots'> = {
    store,
    trace: { ...trace, entries: trace.entries.slice(), counts: { ...trace.counts } },
    snapshots: Object.fromEntries(Object.entries(snapshots).map(([k, list]) => [k, list.slice()])),
  };
  // Same key order as the original, so a copy serialises exactly like it.
  const world = Object.fromEntries(
    Object.keys(w).map((k) => [k, k in shared ? shared[k as keyof typeof shared] : copy.world[k as keyof typeof rest]]),
  ) as unknown as typeof w;
  return { ...copy, world };
}

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

function nodeActions(s: BankState, nodeId: string): Array<NodeAction<BankAppCommand>> {
  const w = s.world;
  const out: Array<NodeAction<BankAppCommand>> = [];
  if (nodeId === bankViewNodeIds.commands) {
    const stream = freeAccount(s);
    out.push({ label: `Open ${stream}`, command: { type: 'open-account', stream, owner: 'Learner' } });
    return out;
  }
  if (nodeId === bankNodeIds.store) {
    for (const projector of Object.keys(bankModel.projectors)) {
      if (w.subscribers[projector] === undefined)
        out.push({ label: `Add projection ${projector}`, command: { type: 'add-projection', id: projector, projector } });
    }
    return out;
  }
  const cut = nodeId.indexOf(':');
  const kind = nodeId.slice(0, cut);
  const name = nodeId.slice(cut + 1);
  if (kind === 'projection') {
    const sub = Object.hasOwn(w.subscribers, name) ? w.subscribers[name] : undefined;
    if (sub?.kind !== 'projection') return out;
    out.push({ label: 'Rebuild from the start', command: { type: 'rebuild-projection', id: name } });
    if (sub.projector !== 'balances' && Object.hasOwn(bankModel.projectors, 'balances'))
      out.push({
        label: 'Fix the projector and rebuild',
        command: { type: 'rebuild-projection', id: name, projector: 'balances' },
      });
    return out;
  }
  if (!/^account-[A-Za-z0-9]+$/.test(name)) return out;
  const last = streamRevision(w.store, name);
  const snapshots = w.snapshots[name]?.length ?? 0;
  const load: NodeAction<BankAppCommand> = {
    label: snapshots > 0 ? 'Load (from the newest snapshot)' : 'Load (replay from the start)',
    command: { type: 'load', stream: name },
  };
  const loadFromStart: NodeAction<BankAppCommand> = {
    label: 'Load ignoring snapshots',
    command: { type: 'load-ignoring-snapshots', stream: name },
  };
  if (kind === 'aggregate') {
    out.push({ label: `Deposit ${money(depositCents)}`, command: { type: 'deposit', stream: name, amountCents: depositCents } });
    out.push({
      label: `Withdraw ${money(withdrawCents)}`,
      command: { type: 'withdraw', stream: name, amountCents: withdrawCents },
    });
    out.push(load);
    if (snapshots > 0) out.push(loadFromStart);
  } else if (kind === 'stream' && last >= 0) {
    const picks: Array<[number, string]> = [
      [0, 'first'],
      [Math.floor(last / 2), 'middle'],
      [last, 'last'],
    ];
    const seen = new Set<number>();
    for (const [revision, which] of picks) {
      if (seen.has(revision)) continue;
      seen.add(revision);
      out.push({
        label: `Load as of revision ${revision.toLocaleString('en-US')} (${which})`,
        command: { type: 'load', stream: name, asOf: { revision } },
      });
    }
  } else if (kind === 'snapshots') {
    if (w.snapshotEveryEvents === 0 && last >= 0) {
      const every = snapshotIntervalFor(last + 1);
      out.push({
        label: `Snapshot every ${every.toLocaleString('en-US')} events`,
        command: { type: 'enable-snapshots', stream: name, everyEvents: every },
      });
    }
    if (snapshots > 0) out.push(load, loadFromStart);
  }
  return out;
}

/** The bank as a workbench model, for a lesson's scenario (or the default: no snapshots). */
export function bankAdapter(scenario: BankScenario = {}): SimAdapter<BankState, BankAppCommand> {
  return {
    init: (seed) => createBank(scenario, seed),
    apply: applyBankAppCommand,
    clone: cloneBankState,
    topology: bankTopology,
    view: bankView,
    nextAtMs: (s) => nextTaskAtMs(s.world),
    traceLength: (s) => s.world.trace.nextId,
    runToEndCommand: (s) => (s.world.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
    stepCommand: { type: 'next-happening' },
    nodeActions,
  };
}
