/**
 * Two-phase commit → what the workbench draws: the coordinator and its durable decision log on the
 * left, a participant per row on the right; one section per transaction with each participant's
 * vote and state, the decision in the log, and who is blocked holding which locks; the
 * participants with every lock they hold; counters. Pure: states, decisions and blocking are the
 * simulator's (`twoPhaseCommitView`), the view only arranges them.
 */
import { tpcNode, twoPhaseCommitModel, twoPhaseCommitView, type TpcTxView, type TpcWorld } from '../../../simulator/index.ts';
import { formatCount as n, plural } from '../../workbench/panels/labels.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../workbench/topology.ts';
import type { NodeStatus, NodeView, SectionRow, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';

const rowGapPx = 120;

/** Coordinator on the left with its log beneath it, a participant per row on the right. */
export function tpcTopology(w: TpcWorld): Topology {
  const names = w.config.participants;
  const middleY = ((names.length - 1) * rowGapPx) / 2;
  const nodes: TopologyNode[] = [
    {
      id: tpcNode.coordinator,
      kind: 'coordinator',
      shape: 'orchestrator',
      label: 'coordinator',
      detail: 'asks every participant to prepare, then decides',
      position: { x: 0, y: middleY },
    },
    {
      id: tpcNode.log,
      kind: 'decision log',
      shape: 'store',
      label: 'decision log',
      detail: 'durable: survives a coordinator crash',
      // 1.25 rows under the coordinator (was 1.5): with its focus ring the picture then fits a
      // projector's pane at 16 px text; at 1.5 the log was cut off at the bottom by 11 px.
      position: { x: 0, y: middleY + rowGapPx * 1.25 },
    },
  ];
  const edges: TopologyEdge[] = [
    {
      id: `e:${tpcNode.coordinator}->${tpcNode.log}`,
      source: tpcNode.coordinator,
      target: tpcNode.log,
      label: 'each decision is written here first',
    },
  ];
  names.forEach((p, i) => {
    const id = tpcNode.participant(p);
    nodes.push({
      id,
      kind: 'participant',
      shape: 'database',
      label: p,
      detail: 'a database in the transaction',
      position: { x: 360, y: i * rowGapPx },
    });
    edges.push({
      id: `e:${tpcNode.coordinator}->${id}`,
      source: tpcNode.coordinator,
      target: id,
      label: `prepare and the decision go to ${p}; votes and acknowledgements come back`,
    });
  });
  return { nodes, edges };
}

type ParticipantState = TpcTxView['states'][string];

/** The participant's vote as its own record shows it (no trace scan): YES once it prepared. */
function voteWords(w: TpcWorld, participant: string, txId: string): string {
  const tx = w.participants[participant]?.txs[txId];
  if (tx === undefined) return 'not asked yet';
  if (tx.preparedAtMs !== undefined) return `voted YES at ${n(tx.preparedAtMs)} ms`;
  return tx.decidedAtMs !== undefined ? 'voted NO' : 'aborted without voting';
}

const stateIcon: Record<ParticipantState, NodeStatus> = {
  unknown: 'idle',
  prepared: 'busy',
  committed: 'ok',
  aborted: 'offline',
};

function txRows(w: TpcWorld, tx: TpcTxView): SectionRow[] {
  return w.config.participants.map((p) => {
    const blocked = tx.blocked.find((b) => b.participant === p);
    const parts = [voteWords(w, p, tx.txId)];
    if (blocked) parts.push(`blocked since ${n(blocked.blockedSinceMs)} ms, holding ${blocked.locksHeld.join(', ')}`);
    return {
      label: p,
      status: blocked ? 'error' : stateIcon[tx.states[p] ?? 'unknown'],
      statusWord: blocked ? 'blocked' : tx.states[p] === 'unknown' ? 'not asked' : tx.states[p],
      detail: parts.join(' · '),
      nodeId: tpcNode.participant(p),
    };
  });
}

function txSection(w: TpcWorld, tx: TpcTxView): ViewSection {
  const active = w.coordinator.active[tx.txId];
  const votes = active ? Object.entries(active.votes).map(([p, v]) => `${p} ${v.toUpperCase()}`) : [];
  const parts = [tx.logged ? `decision in the log: ${tx.logged.toUpperCase()}` : 'no decision in the log'];
  if (active) parts.push(votes.length > 0 ? `votes in memory: ${votes.join(', ')}` : 'waiting for votes');
  if (tx.blocked.length > 0) parts.push(`${plural(tx.blocked.length, 'participant')} blocked`);
  if (tx.split) parts.push('SPLIT: one committed, another aborted');
  return { id: `tx:${tx.txId}`, title: `Transaction ${tx.txId}`, summary: parts.join(' · '), rows: txRows(w, tx) };
}

function participantFace(w: TpcWorld, p: string): { status: NodeStatus; statusWord?: string; detail: string } {
  const part = w.participants[p]!;
  // A prepared transaction's locks show how long they have been held: the cost of waiting.
  const since = (tx: string): string => {
    const at = Object.hasOwn(part.txs, tx) ? part.txs[tx]!.preparedAtMs : undefined;
    return at === undefined ? '' : ` for ${n(w.nowMs - at)} ms`;
  };
  const locks = Object.entries(part.locks).map(([row, tx]) => `${row} locked by ${tx}${since(tx)}`);
  const prepared = Object.values(part.txs).filter((t) => t.state === 'prepared');
  const blocked = prepared.some((t) => t.blockedSinceMs !== undefined);
  const parts = [locks.length > 0 ? locks.join(', ') : 'no locks'];
  if (part.voteNo.length > 0) parts.push(`planted: next vote NO (${part.voteNo.join(', ')})`);
  if (!part.up) return { status: 'crashed', detail: ['down', ...parts].join(' · ') };
  // Blocked is drawn in the error colour but named for what it is: waiting, locks held, no fault.
  if (blocked) return { status: 'error', statusWord: 'blocked', detail: parts.join(' · ') };
  return { status: prepared.length > 0 ? 'busy' : 'ok', detail: parts.join(' · ') };
}

function coordinatorFace(w: TpcWorld): { status: NodeStatus; detail: string } {
  const c = w.coordinator;
  const inFlight = Object.keys(c.active).length;
  const parts = [`${n(inFlight)} in flight`];
  if (c.crashAfterVotes) parts.push(`planted: crash after the votes, ${c.crashAfterVotes.when.replace('-', ' the ')}`);
  if (!c.up) return { status: 'crashed', detail: ['down: votes in memory are lost', ...parts].join(' · ') };
  return { status: inFlight > 0 ? 'busy' : 'ok', detail: parts.join(' · ') };
}

/** The whole view of a 2PC world. */
export function tpcWorkbenchView(w: TpcWorld): WorkbenchView {
  const txs = twoPhaseCommitView(w);
  const log = w.coordinator.log;
  const nodes: NodeView[] = [
    { id: tpcNode.coordinator, ...coordinatorFace(w) },
    {
      id: tpcNode.log,
      status: log.length > 0 ? 'ok' : 'idle',
      detail:
        log.length > 0
          ? log
              .slice(-3)
              .map((r) => `${r.txId} ${r.decision}${r.presumed ? ' (presumed)' : ''}`)
              .join(' · ')
          : 'no decision yet',
    },
    ...w.config.participants.map((p) => ({ id: tpcNode.participant(p), ...participantFace(w, p) })),
  ];
  const participants: ViewSection = {
    id: 'participants',
    title: 'Participants and their locks',
    rows: w.config.participants.map((p) => {
      const face = participantFace(w, p);
      const word =
        face.status === 'crashed' ? 'down' : face.status === 'error' ? 'blocked' : face.status === 'busy' ? 'prepared' : 'up';
      return { label: p, status: face.status, statusWord: word, detail: face.detail, nodeId: tpcNode.participant(p) };
    }),
  };
  const counts = w.trace.counts;
  return {
    nowMs: w.nowMs,
    nodes,
    entries: recentEntryViews(twoPhaseCommitModel, w, w.trace.entries),
    counters: [
      { label: 'transactions', value: txs.length },
      { label: 'committed', value: log.filter((r) => r.decision === 'commit').length },
      { label: 'aborted', value: log.filter((r) => r.decision === 'abort').length },
      { label: 'blocked now', value: txs.reduce((sum, t) => sum + t.blocked.length, 0) },
      { label: 'messages lost', value: counts['message-dropped'] ?? 0 },
      { label: 'split decisions', value: txs.filter((t) => t.split).length },
    ],
    // Newest transaction first: the one the step is about is at the top of the State tab.
    sections: [...txs.map((t) => txSection(w, t)).reverse(), participants],
  };
}
