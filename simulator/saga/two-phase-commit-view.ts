/**
 * How a two-phase commit run looks from outside: a per-transaction summary (who is prepared, who
 * decided what, who is blocked and which locks they hold) and one sentence per trace entry.
 *
 * The summary is what the lesson's diagram draws and what the safety check reads: a transaction
 * must never show one participant committed and another aborted.
 */
import type { TpcEntry, TpcWorld } from './two-phase-commit-types.ts';
import { getName, setName } from '../core/name-index.ts';

export interface TpcTxView {
  txId: string;
  /** Each participant's state for this transaction; `unknown` if it never heard of it. */
  states: Record<string, 'unknown' | 'prepared' | 'committed' | 'aborted'>;
  /** The decision in the coordinator's durable log, if any. */
  logged?: 'commit' | 'abort';
  /** Participants prepared and waiting, with the time they knew they were blocked. */
  blocked: Array<{ participant: string; blockedSinceMs: number; locksHeld: string[] }>;
  /** True if one participant committed while another aborted: the thing 2PC must never allow. */
  split: boolean;
}

/** A summary of every transaction any node knows about, in order of first appearance. */
export function twoPhaseCommitView(w: TpcWorld): TpcTxView[] {
  const ids: string[] = [];
  const note = (id: string): void => void (ids.includes(id) || ids.push(id));
  for (const id of Object.keys(w.coordinator.active)) note(id);
  for (const r of w.coordinator.log) note(r.txId);
  for (const p of Object.values(w.participants)) for (const id of Object.keys(p.txs)) note(id);
  return ids.map((txId) => {
    const states: TpcTxView['states'] = {};
    const blocked: TpcTxView['blocked'] = [];
    for (const p of Object.values(w.participants)) {
      const tx = getName(p.txs, txId);
      setName(states, p.name, tx?.state ?? 'unknown');
      if (tx?.state === 'prepared' && tx.blockedSinceMs !== undefined) {
        blocked.push({ participant: p.name, blockedSinceMs: tx.blockedSinceMs, locksHeld: [...tx.resources] });
      }
    }
    const values = Object.values(states);
    const logged = w.coordinator.log.find((r) => r.txId === txId)?.decision;
    const view: TpcTxView = { txId, states, blocked, split: values.includes('committed') && values.includes('aborted') };
    if (logged !== undefined) view.logged = logged;
    return view;
  });
}

/** A human sentence for one 2PC trace entry. */
export function describeTwoPhaseCommitEntry(e: TpcEntry): string {
  switch (e.type) {
    case 'tx-begun':
      return `The coordinator began ${e.txId} with ${e.participants.join(', ')}.`;
    case 'prepare-sent':
      return `The coordinator asked ${e.participant} to prepare ${e.txId}.`;
    case 'vote-cast':
      return e.vote === 'yes'
        ? `${e.participant} prepared ${e.txId}, locked its rows and voted YES; it can no longer decide alone.`
        : `${e.participant} voted NO on ${e.txId} (${e.reason ?? 'no reason'}) and aborted its part.`;
    case 'vote-received':
      return `The coordinator received ${e.participant}'s ${e.vote.toUpperCase()} vote on ${e.txId}.`;
    case 'vote-timed-out':
      return `Votes on ${e.txId} were missing from ${e.missing.join(', ')} at the deadline, so the coordinator aborts.`;
    case 'decision-logged':
      return e.presumed
        ? `The coordinator found no decision for ${e.txId} in its log and presumed abort.`
        : `The coordinator wrote ${e.decision.toUpperCase()} for ${e.txId} to its durable log.`;
    case 'decision-sent':
      return `The coordinator sent ${e.decision.toUpperCase()} for ${e.txId} to ${e.participant} (attempt ${e.attempt}).`;
    case 'participant-committed':
      return `${e.participant} committed ${e.txId} and released ${e.locksReleased.join(', ') || 'no locks'}.`;
    case 'participant-aborted':
      return `${e.participant} rolled back ${e.txId} and released ${e.locksReleased.join(', ') || 'no locks'}.`;
    case 'ack-received':
      return `${e.participant} acknowledged the decision on ${e.txId}.`;
    case 'tx-finished':
      return `Every participant has acknowledged ${e.decision.toUpperCase()} for ${e.txId}; the coordinator forgets it.`;
    case 'participant-blocked':
      return `${e.participant} is blocked on ${e.txId}: it voted YES, has no decision, and keeps ${e.locksHeld.join(', ')} locked.`;
    case 'inquiry-sent':
      return `${e.participant} asked the coordinator how ${e.txId} ended.`;
    case 'recovery-started':
      return `The coordinator is recovering with ${e.decisionsInLog} decisions in its log and asks every participant what it holds in doubt.`;
    case 'in-doubt-reported':
      return e.txIds.length === 0
        ? `${e.participant} has nothing in doubt.`
        : `${e.participant} reported ${e.txIds.join(', ')} in doubt.`;
    case 'message-dropped':
      return `A${/^[aeiu]/.test(e.kind) ? 'n' : ''} ${e.kind} message to ${e.to} was lost because ${e.to} is down.`;
    case 'node-crashed':
      return e.node === 'coordinator'
        ? `The coordinator crashed and lost ${e.lostVotes} votes held in memory${e.recoverAtMs === undefined ? '' : `; it recovers at ${e.recoverAtMs} ms`}.`
        : `${e.node} crashed; what it prepared is on disk${e.recoverAtMs === undefined ? '' : `; it recovers at ${e.recoverAtMs} ms`}.`;
    case 'node-recovered':
      return `${e.node === 'coordinator' ? 'The coordinator' : e.node} is running again.`;
  }
}
