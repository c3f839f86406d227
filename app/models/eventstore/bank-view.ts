/**
 * Bank state → what the workbench draws (the topology is in bank-topology.ts). Each node gets a
 * status and a detail line; the event store's own panel gets every stream as a strip of events
 * (revision, type, amount) with the newest snapshot and the last load marked, and `$all` with each
 * projection's checkpoint and lag. Nothing here decides anything about accounts: balances,
 * revisions, lag, loads and whether a read model agrees are what the simulator reports.
 */
import {
  allSize,
  bankNode,
  bankRead,
  eventAt,
  eventStoreModel,
  newestEvents,
  projectionLag,
  projections,
  readModelRows,
  streamNames,
  streamRevision,
  type BankState,
  type Subscriber,
} from '../../../simulator/index.ts';
import { formatCount } from '../../workbench/panels/labels.ts';
import type { NodeView, SectionRow, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';
import { bankMoment } from './bank-moment.ts';
import type { BankPanelsView, StreamMarker, StreamView } from './bank-view-types.ts';

/** Cells shown per strip: the newest N events. */
export const stripCellsMax = 48;

const n = formatCount;
const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
const events = (x: number): string => `${n(x)} event${x === 1 ? '' : 's'}`;

/** Lag as the simulator defines it, read on a copy so drawing never changes the state. */
const lagOf = projectionLag;

/** The refusal of the last command, if it was a refused deposit, withdrawal or opening (a load keeps the old one). */
const refusalOf = (s: BankState): string | null => (s.lastLoad !== null && s.lastLoad.by !== 'load' ? s.lastRefusal : null);

function lastCommandWords(s: BankState): string {
  const l = s.lastLoad;
  if (l === null) return 'no command yet';
  const amount = s.lastAmountCents !== null ? ` ${money(s.lastAmountCents)}` : '';
  const what =
    l.by === 'deposit' || l.by === 'withdraw'
      ? `${l.by}${amount}`
      : l.by === 'load' && l.revision >= 0
        ? `load to rev ${n(l.revision)}`
        : l.by;
  const refused = refusalOf(s);
  return `last: ${what} on ${l.stream}${refused !== null ? ` — refused (${refused})` : ''}`;
}

function loadWords(l: NonNullable<BankState['lastLoad']>): string {
  if (l.revision < 0) return 'no events to fold: an empty account';
  const from = l.snapshotRevision >= 0 ? `from the snapshot at revision ${n(l.snapshotRevision)}` : 'from the start';
  return `replayed ${events(l.eventsReplayed)} ${from} up to revision ${n(l.revision)} → balance ${money(l.state.balanceCents)}`;
}

function nodeViews(s: BankState, streams: readonly string[], projs: readonly Subscriber[]): NodeView[] {
  const w = s.world;
  const id = bankNode;
  const nodes: NodeView[] = [{ id: id.commands, status: 'ok', detail: lastCommandWords(s) }];
  for (const stream of streams) {
    const count = streamRevision(s.world.store, stream) + 1;
    const l = s.lastLoad?.stream === stream ? s.lastLoad : null;
    // The balance now is a fold of the whole stream (a read, through the driver's helper); the
    // last load is what a command decided on, which can be older (a withdrawal saw the balance
    // before it) or an explicit load as of an earlier revision.
    const now = `balance ${money(Math.round(bankRead.balanceNow(s, stream) * 100))} at rev ${n(count - 1)}`;
    let last = '';
    if (l !== null && l.by === 'load' && l.revision < count - 1)
      last = ` · loaded as of rev ${n(l.revision)}: ${money(l.state.balanceCents)}`;
    else if (l !== null)
      last = ` · last load replayed ${n(l.eventsReplayed)}${l.snapshotRevision >= 0 ? ` after snapshot ${n(l.snapshotRevision)}` : ''}`;
    nodes.push({
      id: id.aggregate(stream),
      status: l === null ? 'idle' : 'ok',
      detail: `${now}${last}${l !== null && refusalOf(s) !== null ? ` · refused: ${refusalOf(s)}` : ''}`,
    });
    nodes.push({ id: id.stream(stream), status: 'ok', detail: `${events(count)} · revision ${n(count - 1)}` });
    const snaps = bankRead.snapshotCount(s, stream);
    const policy = w.snapshotEveryEvents > 0 ? `every ${n(w.snapshotEveryEvents)} events` : 'snapshots off';
    nodes.push({
      id: id.snapshots(stream),
      status: snaps > 0 ? 'ok' : 'idle',
      detail:
        snaps > 0
          ? `${n(snaps)} · newest at rev ${n(bankRead.newestSnapshotRevision(s, stream))} · ${policy}`
          : `none · ${policy}`,
    });
  }
  nodes.push({
    id: id.store,
    status: 'ok',
    detail: `$all: ${events(allSize(w.store))} · ${n(streams.length)} stream${streams.length === 1 ? '' : 's'}`,
  });
  for (const p of projs) {
    const lag = lagOf(s, p);
    nodes.push({
      id: id.projection(p.id),
      status: lag.lagEvents > 0 ? 'busy' : 'ok',
      detail:
        lag.lagEvents > 0
          ? `${p.rebuild ? 'rebuilding · ' : ''}lag ${events(lag.lagEvents)} · ${n(lag.lagMs)} ms`
          : `up to date · ${events(p.handledCount)} handled`,
    });
  }
  return nodes;
}

function streamView(s: BankState, stream: string): StreamView {
  const count = streamRevision(s.world.store, stream) + 1;
  const markers: StreamMarker[] = [];
  const snap = bankRead.newestSnapshotRevision(s, stream);
  // A marker sits after the last revision the saved state or the load folded in, as a
  // consumer's position does: "the next revision to fold".
  if (snap >= 0) markers.push({ label: `snapshot (rev ${n(snap)})`, after: snap, behind: count - (snap + 1) });
  const l = s.lastLoad;
  if (l !== null && l.stream === stream && l.revision >= 0)
    markers.push({ label: `last load (to rev ${n(l.revision)})`, after: l.revision, behind: count - (l.revision + 1) });
  return { id: stream, node: bankNode.stream(stream), count, cells: newestEvents(s, stream, stripCellsMax), markers };
}

function allView(s: BankState, projs: readonly Subscriber[]): StreamView {
  const size = allSize(s.world.store);
  const cells: StreamView['cells'] = [];
  for (let p = Math.max(0, size - stripCellsMax); p < size; p++) {
    const e = eventAt(s.world.store, p)!;
    const amount = (e.data as { amountCents?: unknown } | null)?.amountCents;
    cells.push({ revision: p, type: `${e.type} (${e.stream})`, amountCents: typeof amount === 'number' ? amount : null });
  }
  const markers = projs.map((p) => ({ label: p.id, after: p.checkpoint - 1, behind: lagOf(s, p).lagEvents }));
  return { id: '$all', node: bankNode.store, count: size, cells, markers };
}

function sections(s: BankState, projs: readonly Subscriber[]): ViewSection[] {
  const out: ViewSection[] = [];
  const l = s.lastLoad;
  if (l !== null) {
    const id = bankNode;
    const rows: SectionRow[] = [];
    if (l.by !== 'load') {
      const amount = s.lastAmountCents !== null && l.by !== 'open-account' ? ` ${money(s.lastAmountCents)}` : '';
      rows.push({
        label: `${l.by}${amount}`,
        status: s.lastRefusal === null ? 'ok' : 'error',
        statusWord: s.lastRefusal === null ? 'accepted' : 'refused',
        detail:
          s.lastRefusal === null
            ? `on ${l.stream}: decided on a balance of ${money(l.state.balanceCents)} at revision ${n(l.revision)}, then appended`
            : `${s.lastRefusal}: decided on a balance of ${money(l.state.balanceCents)}, nothing appended`,
        nodeId: id.aggregate(l.stream),
      });
    }
    rows.push({
      label: `load ${l.stream}`,
      status: 'ok',
      statusWord: 'loaded',
      detail: loadWords(l),
      nodeId: id.aggregate(l.stream),
    });
    out.push({ id: 'last-command', title: 'Last command', rows });
  }
  if (projs.length > 0) {
    out.push({
      id: 'projections',
      title: 'Projections',
      rows: projs.map((p) => {
        const lag = lagOf(s, p);
        return {
          label: p.id,
          status: lag.lagEvents > 0 ? 'busy' : 'ok',
          statusWord: p.rebuild ? 'rebuilding' : p.phase === 'live' ? 'live' : 'catching up',
          detail: `projector ${p.projector ?? ''} · checkpoint ${n(p.checkpoint)} · lag ${events(lag.lagEvents)}, ${n(lag.lagMs)} ms`,
          nodeId: bankNode.projection(p.id),
        };
      }),
    });
    for (const p of projs) out.push(readModelSection(s, p));
  }
  return out;
}

/** A balances read model beside the aggregates' own balances, so a buggy projector shows. */
function readModelSection(s: BankState, p: Subscriber): ViewSection {
  const { rows: read, totalCents } = readModelRows(s, p);
  const rows: SectionRow[] = read.map((r) => ({
    label: r.stream,
    status: r.verdict === 'agrees' ? 'ok' : r.verdict === 'behind' ? 'busy' : 'error',
    statusWord: r.verdict,
    detail:
      r.verdict === 'agrees'
        ? `balance ${money(r.readCents)}`
        : `read model ${money(r.readCents)} · aggregate ${money(r.aggregateCents)}`,
    nodeId: bankNode.aggregate(r.stream),
  }));
  return {
    id: `read-model:${p.id}`,
    title: `Read model of ${p.id}`,
    summary: `total ${money(totalCents)} across ${n(rows.length)} account${rows.length === 1 ? '' : 's'}`,
    rows,
  };
}

/** The whole view of a bank state. */
export function bankView(s: BankState): WorkbenchView {
  const w = s.world;
  const streams = streamNames(w.store);
  const projs = projections(s);
  const model: BankPanelsView = {
    streams: streams.map((stream) => streamView(s, stream)),
    all: projs.length > 0 ? allView(s, projs) : null,
  };
  const entries = w.trace.entries;
  const counts = w.trace.counts;
  let snapshots = 0;
  for (const stream of streams) snapshots += bankRead.snapshotCount(s, stream);
  const view: WorkbenchView = {
    nowMs: w.nowMs,
    nodes: nodeViews(s, streams, projs),
    entries: recentEntryViews(eventStoreModel, s, entries),
    counters: [
      { label: 'events appended', value: counts['event-appended'] ?? 0 },
      { label: 'replayed by the last load', value: s.lastLoad?.eventsReplayed ?? 0 },
      { label: 'snapshots', value: snapshots },
      { label: 'loads', value: counts['aggregate-loaded'] ?? 0 },
    ],
    sections: sections(s, projs),
    model,
  };
  const moment = bankMoment(s);
  return moment ? { ...view, moment } : view;
}
