/**
 * Bank state → what the workbench draws (the topology is in bank-topology.ts). The view gives
 * each node a status and a detail line, draws every stream as a strip (revision = offset, event type = key) with the newest snapshot
 * and the last load as pointers, draws `$all` with each projection's checkpoint and lag when
 * there are projections, and words the trace. Nothing here decides anything about accounts:
 * balances, revisions, lag and loads are what the simulator and the lesson driver report.
 */
import type {
  HappeningView,
  NodeView,
  PartitionView,
  SectionRow,
  StripCell,
  StripPointer,
  ViewSection,
  WorkbenchView,
} from '../workbench/adapter.ts';
import {
  allSize,
  bankRead,
  currentLag,
  eventAt,
  readStreamEvents,
  streamNames,
  streamRevision,
  type BankState,
  type EsTraceEntry,
  type Subscriber,
} from './es-api.ts';
import { bankViewNodeIds, projections } from './bank-topology.ts';

export { bankViewNodeIds } from './bank-topology.ts';
import { describeEsEntry } from '../../simulator/eventstore/describe.ts';
import { formatCount } from '../workbench/panels/labels.ts';

/** Cells shown per strip: the newest N events. */
export const stripCellsMax = 48;
/** Happenings kept in the view. */
export const happeningsMax = 400;

const n = formatCount;
const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
const events = (x: number): string => `${n(x)} event${x === 1 ? '' : 's'}`;

/** Lag as the simulator defines it, read on a copy so drawing never changes the state. */
const lagOf = (s: BankState, sub: Subscriber) => currentLag(s.world, { ...sub });

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
  const id = bankViewNodeIds;
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

function cellsOf(s: BankState, stream: string, count: number): StripCell[] {
  const from = Math.max(0, count - stripCellsMax);
  return readStreamEvents(s.world.store, stream, { fromRevision: from }).map((e) => ({ offset: e.revision, key: e.type }));
}

function streamStrip(s: BankState, stream: string, index: number): PartitionView {
  const count = streamRevision(s.world.store, stream) + 1;
  const pointers: StripPointer[] = [];
  const snap = bankRead.newestSnapshotRevision(s, stream);
  // A pointer sits at "the next revision to fold", as a consumer's offset does; the label says
  // which revision the saved state or the load ends at.
  if (snap >= 0) pointers.push({ label: `snapshot (rev ${n(snap)})`, offset: snap + 1, lag: count - (snap + 1) });
  const l = s.lastLoad;
  if (l !== null && l.stream === stream && l.revision >= 0)
    pointers.push({ label: `last load (to rev ${n(l.revision)})`, offset: l.revision + 1, lag: count - (l.revision + 1) });
  return {
    id: stream,
    kind: 'stream',
    // Strips are grouped by category, as EventStoreDB's $ce-account groups account streams.
    topic: stream.includes('-') ? stream.slice(0, stream.indexOf('-')) : stream,
    partition: index,
    logStartOffset: 0,
    logEndOffset: count,
    highWatermark: count,
    leader: 'store',
    isr: ['store'],
    cells: cellsOf(s, stream, count),
    pointers,
  };
}

function allStrip(s: BankState, projs: readonly Subscriber[]): PartitionView {
  const size = allSize(s.world.store);
  const cells: StripCell[] = [];
  for (let p = Math.max(0, size - stripCellsMax); p < size; p++) cells.push({ offset: p, key: eventAt(s.world.store, p)!.type });
  return {
    id: '$all',
    kind: 'stream',
    topic: '$all',
    partition: 0,
    logStartOffset: 0,
    logEndOffset: size,
    highWatermark: size,
    leader: 'store',
    isr: ['store'],
    cells,
    pointers: projs.map((p) => ({ label: p.id, offset: p.checkpoint, lag: lagOf(s, p).lagEvents })),
  };
}

/** Node ids a trace entry touches. */
function entryNodes(e: EsTraceEntry): string[] {
  const id = bankViewNodeIds;
  switch (e.type) {
    case 'event-appended':
    case 'append-rejected':
    case 'append-idempotent':
      return [id.aggregate(e.stream), id.stream(e.stream), id.store];
    case 'snapshot-saved':
      return [id.aggregate(e.stream), id.snapshots(e.stream)];
    case 'aggregate-loaded':
      return e.snapshotRevision >= 0
        ? [id.aggregate(e.stream), id.snapshots(e.stream), id.stream(e.stream)]
        : [id.aggregate(e.stream), id.stream(e.stream)];
    case 'projection-updated':
      return [id.store, id.projection(e.projectionId)];
    case 'projection-reset':
    case 'projection-rebuilt':
      return [id.projection(e.projectionId)];
    case 'subscription-caught-up':
      return [id.projection(e.subscriberId)];
    case 'subscription-delivered':
      return [id.store];
  }
}

/** Who sent what to whom, for the sequence diagram. */
function arrow(e: EsTraceEntry): Pick<HappeningView, 'from' | 'to'> {
  switch (e.type) {
    case 'event-appended':
    case 'append-rejected':
    case 'append-idempotent':
      return { from: `${e.stream} aggregate`, to: e.stream };
    case 'snapshot-saved':
      return { from: `${e.stream} aggregate`, to: `${e.stream} snapshots` };
    case 'aggregate-loaded':
      return { from: e.stream, to: `${e.stream} aggregate` };
    case 'projection-updated':
      return { from: '$all', to: e.projectionId };
    case 'subscription-delivered':
      return { from: '$all', to: e.subscriberId };
    default:
      return {};
  }
}

export function bankHappening(e: EsTraceEntry): HappeningView {
  const h: HappeningView = { id: e.id, atMs: e.atMs, type: e.type, text: describeEsEntry(e), nodes: entryNodes(e), ...arrow(e) };
  if (e.correlationId !== undefined) h.correlationId = e.correlationId;
  return h;
}

function sections(s: BankState, projs: readonly Subscriber[]): ViewSection[] {
  const out: ViewSection[] = [];
  const l = s.lastLoad;
  if (l !== null) {
    const id = bankViewNodeIds;
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
          nodeId: bankViewNodeIds.projection(p.id),
        };
      }),
    });
    for (const p of projs) out.push(readModelSection(s, p));
  }
  return out;
}

/** A balances read model beside the aggregates' own balances, so a buggy projector shows. */
function readModelSection(s: BankState, p: Subscriber): ViewSection {
  const model = p.readModel as { balances?: Record<string, number>; totalCents?: number } | undefined;
  const balances = model?.balances ?? {};
  const behind = lagOf(s, p).lagEvents > 0;
  const rows: SectionRow[] = Object.keys(balances).map((stream) => {
    const read = balances[stream]!;
    const truth = Math.round(bankRead.balanceNow(s, stream) * 100);
    const same = read === truth;
    return {
      label: stream,
      status: same ? 'ok' : behind ? 'busy' : 'error',
      statusWord: same ? 'agrees' : behind ? 'behind' : 'differs',
      detail: same ? `balance ${money(read)}` : `read model ${money(read)} · aggregate ${money(truth)}`,
      nodeId: bankViewNodeIds.aggregate(stream),
    };
  });
  return {
    id: `read-model:${p.id}`,
    title: `Read model of ${p.id}`,
    summary: `total ${money(model?.totalCents ?? 0)} across ${n(rows.length)} account${rows.length === 1 ? '' : 's'}`,
    rows,
  };
}

/** The whole view of a bank state. */
export function bankView(s: BankState): WorkbenchView {
  const w = s.world;
  const streams = streamNames(w.store);
  const projs = projections(s);
  const partitions = streams.map((stream, i) => streamStrip(s, stream, i));
  if (projs.length > 0) partitions.push(allStrip(s, projs));
  const entries = w.trace.entries;
  const counts = w.trace.counts;
  let snapshots = 0;
  for (const stream of streams) snapshots += bankRead.snapshotCount(s, stream);
  return {
    nowMs: w.nowMs,
    nodes: nodeViews(s, streams, projs),
    partitions,
    groups: [],
    happenings: entries.slice(Math.max(0, entries.length - happeningsMax)).map(bankHappening),
    counters: [
      { label: 'events appended', value: counts['event-appended'] ?? 0 },
      { label: 'replayed by the last load', value: s.lastLoad?.eventsReplayed ?? 0 },
      { label: 'snapshots', value: snapshots },
      { label: 'loads', value: counts['aggregate-loaded'] ?? 0 },
    ],
    sections: sections(s, projs),
  };
}
