/**
 * The two-phase commit protocol itself: how the coordinator and the participants react to each
 * message, timeout, crash and recovery.
 *
 * It follows the presumed-abort variant with XA-style recovery: the coordinator writes only its
 * decision to its durable log; after a crash it asks every participant which transactions it holds
 * in doubt, commits those its log says committed and aborts the rest. A participant that voted YES
 * has given up its right to decide, so until the coordinator answers it stays prepared and keeps
 * its locks — the blocking this lesson is about.
 */
import { nextIntBetween } from '../core/rng.ts';
import { scheduleTask, emit, type EntryDraft } from './world-kit.ts';
import type { Decision, TpcEntry, TpcMessage, TpcNode, TpcWorld } from './two-phase-commit-types.ts';
import { deleteName, getName, getOrSetName, setName } from '../core/name-index.ts';

function say(w: TpcWorld, txId: string | undefined, entry: EntryDraft<TpcEntry>): void {
  emit(w, (txId === undefined ? entry : { ...entry, correlationId: txId }) as EntryDraft<TpcEntry>);
}

/** Puts a message on the network; it is dropped on arrival if the receiver is down then. */
export function send(w: TpcWorld, to: TpcNode, message: TpcMessage): void {
  const delayMs = nextIntBetween(w.rng, w.config.networkDelayMsMin, w.config.networkDelayMsMax);
  scheduleTask(w, { type: 'deliver', to, message, atMs: w.nowMs + delayMs });
}

/** Starts a transaction: the coordinator asks every participant to prepare. */
export function beginTx(w: TpcWorld, txId: string, participants: string[], resources: Record<string, string[]>): void {
  setName(w.coordinator.active, txId, { participants, resources, votes: {}, acks: {}, decisionAttempts: 0 });
  say(w, txId, { type: 'tx-begun', txId, participants: [...participants] });
  for (const p of participants) {
    say(w, txId, { type: 'prepare-sent', txId, participant: p });
    send(w, p, { kind: 'prepare', txId, resources: [...getName(resources, p)!] });
  }
  scheduleTask(w, { type: 'vote-timeout', txId, incarnation: w.coordinator.incarnation, atMs: w.nowMs + w.config.voteTimeoutMs });
}

function loggedDecision(w: TpcWorld, txId: string): Decision | undefined {
  return w.coordinator.log.find((r) => r.txId === txId)?.decision;
}

/** Writes the decision durably unless one is already there; the log is never contradicted. */
function decide(w: TpcWorld, txId: string, decision: Decision, presumed: boolean): Decision {
  const existing = loggedDecision(w, txId);
  if (existing !== undefined) return existing;
  w.coordinator.log.push({ txId, decision, atMs: w.nowMs, presumed });
  say(w, txId, { type: 'decision-logged', txId, decision, presumed });
  return decision;
}

function sendDecision(w: TpcWorld, txId: string, decision: Decision, to: string[], attempt: number): void {
  for (const p of to) {
    say(w, txId, { type: 'decision-sent', txId, participant: p, decision, attempt });
    send(w, p, { kind: 'decision', txId, decision });
  }
}

/** Phase two for a transaction the coordinator still has in memory. */
function finishPhaseOne(w: TpcWorld, txId: string, decision: Decision, presumed: boolean): void {
  const tx = getName(w.coordinator.active, txId)!;
  tx.decision = decide(w, txId, decision, presumed);
  tx.decisionAttempts = 1;
  sendDecision(w, txId, tx.decision, tx.participants, 1);
  scheduleTask(w, {
    type: 'ack-timeout',
    txId,
    incarnation: w.coordinator.incarnation,
    attempt: 1,
    atMs: w.nowMs + w.config.ackTimeoutMs,
  });
}

/** Crashes a node: the coordinator loses its in-memory votes; a participant keeps what it prepared. */
export function crashNode(w: TpcWorld, node: TpcNode, recoverAfterMs?: number): void {
  const recoverAtMs = recoverAfterMs === undefined ? undefined : w.nowMs + recoverAfterMs;
  let lostVotes = 0;
  if (node === 'coordinator') {
    const c = w.coordinator;
    for (const tx of Object.values(c.active)) lostVotes += Object.keys(tx.votes).length;
    c.up = false;
    c.incarnation++;
    c.active = {};
    delete c.crashAfterVotes;
  } else {
    const p = getName(w.participants, node)!;
    p.up = false;
    p.incarnation++;
  }
  const inc = node === 'coordinator' ? w.coordinator.incarnation : getName(w.participants, node)!.incarnation;
  say(w, undefined, { type: 'node-crashed', node, lostVotes, ...(recoverAtMs === undefined ? {} : { recoverAtMs }) });
  if (recoverAtMs !== undefined) scheduleTask(w, { type: 'recover-node', node, incarnation: inc, atMs: recoverAtMs });
}

/** Brings a node back. The coordinator starts recovery; a participant asks about its in-doubt transactions. */
export function recoverNode(w: TpcWorld, node: TpcNode): void {
  if (node === 'coordinator') {
    w.coordinator.up = true;
    say(w, undefined, { type: 'node-recovered', node });
    say(w, undefined, { type: 'recovery-started', decisionsInLog: w.coordinator.log.length });
    for (const p of w.config.participants) send(w, p, { kind: 'recover-request' });
    return;
  }
  const p = getName(w.participants, node)!;
  p.up = true;
  say(w, undefined, { type: 'node-recovered', node });
  for (const [txId, tx] of Object.entries(p.txs)) {
    if (tx.state !== 'prepared') continue;
    say(w, txId, { type: 'inquiry-sent', txId, participant: p.name });
    send(w, 'coordinator', { kind: 'inquiry', txId, from: p.name });
  }
}

/** A message arrived at a running node. */
export function onMessage(w: TpcWorld, to: TpcNode, m: TpcMessage): void {
  if (to === 'coordinator') return onCoordinatorMessage(w, m);
  const p = getName(w.participants, to)!;
  switch (m.kind) {
    case 'prepare': {
      if (getName(p.txs, m.txId) !== undefined) {
        // A repeated prepare: answer as before (a decided or prepared transaction does not vote twice).
        const st = getName(p.txs, m.txId)!.state;
        send(w, 'coordinator', { kind: 'vote', txId: m.txId, from: p.name, vote: st === 'aborted' ? 'no' : 'yes' });
        return;
      }
      const held = m.resources.find((r) => getName(p.locks, r) !== undefined);
      const planted = held === undefined ? p.voteNo.shift() : undefined;
      if (held !== undefined || planted !== undefined) {
        const reason = held !== undefined ? `${held} is locked by ${getName(p.locks, held)}` : planted!;
        // Voting NO lets a participant abort on its own at once: nothing was promised.
        setName(p.txs, m.txId, { state: 'aborted', resources: [], decidedAtMs: w.nowMs });
        say(w, m.txId, { type: 'vote-cast', txId: m.txId, participant: p.name, vote: 'no', reason });
        send(w, 'coordinator', { kind: 'vote', txId: m.txId, from: p.name, vote: 'no', reason });
        return;
      }
      for (const r of m.resources) setName(p.locks, r, m.txId);
      setName(p.txs, m.txId, { state: 'prepared', resources: [...m.resources], preparedAtMs: w.nowMs });
      say(w, m.txId, { type: 'vote-cast', txId: m.txId, participant: p.name, vote: 'yes' });
      send(w, 'coordinator', { kind: 'vote', txId: m.txId, from: p.name, vote: 'yes' });
      scheduleTask(w, {
        type: 'decision-timeout',
        participant: p.name,
        txId: m.txId,
        atMs: w.nowMs + w.config.decisionTimeoutMs,
      });
      return;
    }
    case 'decision': {
      const tx = getOrSetName(p.txs, m.txId, () => ({ state: 'aborted' as const, resources: [] }));
      if (tx.state === 'prepared') {
        tx.state = m.decision === 'commit' ? 'committed' : 'aborted';
        tx.decidedAtMs = w.nowMs;
        for (const r of tx.resources) if (getName(p.locks, r) === m.txId) deleteName(p.locks, r);
        const type = m.decision === 'commit' ? 'participant-committed' : 'participant-aborted';
        say(w, m.txId, { type, txId: m.txId, participant: p.name, locksReleased: [...tx.resources] });
      }
      send(w, 'coordinator', { kind: 'ack', txId: m.txId, from: p.name });
      return;
    }
    case 'recover-request': {
      const txIds = Object.keys(p.txs).filter((id) => getName(p.txs, id)!.state === 'prepared');
      say(w, undefined, { type: 'in-doubt-reported', participant: p.name, txIds });
      send(w, 'coordinator', { kind: 'in-doubt', from: p.name, txIds });
      return;
    }
    default:
      return;
  }
}

function onCoordinatorMessage(w: TpcWorld, m: TpcMessage): void {
  const c = w.coordinator;
  switch (m.kind) {
    case 'vote': {
      const tx = getName(c.active, m.txId);
      if (tx === undefined) {
        // A vote for a transaction this coordinator forgot (it crashed): presumed abort, unless logged.
        if (m.vote === 'yes') send(w, m.from, { kind: 'decision', txId: m.txId, decision: decide(w, m.txId, 'abort', true) });
        return;
      }
      say(w, m.txId, { type: 'vote-received', txId: m.txId, participant: m.from, vote: m.vote });
      if (tx.decision !== undefined) return;
      setName(tx.votes, m.from, m.vote);
      if (m.vote === 'no') return finishPhaseOne(w, m.txId, 'abort', false);
      if (!tx.participants.every((p) => getName(tx.votes, p) === 'yes')) return;
      const armed = c.crashAfterVotes;
      if (armed?.when === 'before-decision') return crashNode(w, 'coordinator', armed.recoverAfterMs);
      if (armed?.when === 'after-decision') {
        decide(w, m.txId, 'commit', false);
        return crashNode(w, 'coordinator', armed.recoverAfterMs);
      }
      return finishPhaseOne(w, m.txId, 'commit', false);
    }
    case 'ack': {
      const tx = getName(c.active, m.txId);
      if (tx === undefined || tx.decision === undefined) return;
      say(w, m.txId, { type: 'ack-received', txId: m.txId, participant: m.from });
      setName(tx.acks, m.from, true);
      if (tx.participants.every((p) => getName(tx.acks, p))) {
        say(w, m.txId, { type: 'tx-finished', txId: m.txId, decision: tx.decision });
        deleteName(c.active, m.txId);
      }
      return;
    }
    case 'inquiry':
    case 'in-doubt':
      for (const txId of m.kind === 'inquiry' ? [m.txId] : m.txIds) {
        const tx = getName(c.active, txId);
        // Still collecting votes: nothing is promised yet, so aborting is allowed — and ends the wait.
        if (tx !== undefined && tx.decision === undefined) finishPhaseOne(w, txId, 'abort', false);
        else send(w, m.from, { kind: 'decision', txId, decision: tx?.decision ?? answerFor(w, txId) });
      }
      return;
    default:
      return;
  }
}

/** The answer for a transaction no longer in memory: the log's decision, or abort (presumed). */
function answerFor(w: TpcWorld, txId: string): Decision {
  return loggedDecision(w, txId) ?? decide(w, txId, 'abort', true);
}

/** Votes not all in by the deadline: abort (allowed, since no commit was promised). */
export function onVoteTimeout(w: TpcWorld, txId: string, incarnation: number): void {
  const tx = getName(w.coordinator.active, txId);
  if (!w.coordinator.up || incarnation !== w.coordinator.incarnation || tx === undefined || tx.decision !== undefined) return;
  say(w, txId, { type: 'vote-timed-out', txId, missing: tx.participants.filter((p) => getName(tx.votes, p) === undefined) });
  finishPhaseOne(w, txId, 'abort', false);
}

/** Resend the decision to participants that have not acknowledged it, a bounded number of times. */
export function onAckTimeout(w: TpcWorld, txId: string, incarnation: number, attempt: number): void {
  const tx = getName(w.coordinator.active, txId);
  if (!w.coordinator.up || incarnation !== w.coordinator.incarnation || tx?.decision === undefined) return;
  if (attempt >= w.config.decisionRetriesMax) return; // a participant that comes back will ask
  const missing = tx.participants.filter((p) => !getName(tx.acks, p));
  tx.decisionAttempts = attempt + 1;
  sendDecision(w, txId, tx.decision, missing, attempt + 1);
  scheduleTask(w, { type: 'ack-timeout', txId, incarnation, attempt: attempt + 1, atMs: w.nowMs + w.config.ackTimeoutMs });
}

/** A prepared participant has waited long enough to know it is blocked; it asks once. */
export function onDecisionTimeout(w: TpcWorld, participant: string, txId: string): void {
  const p = getName(w.participants, participant)!;
  const tx = getName(p.txs, txId);
  if (tx?.state !== 'prepared' || tx.blockedSinceMs !== undefined) return;
  tx.blockedSinceMs = w.nowMs;
  say(w, txId, { type: 'participant-blocked', txId, participant, locksHeld: [...tx.resources] });
  if (!p.up) return;
  say(w, txId, { type: 'inquiry-sent', txId, participant });
  send(w, 'coordinator', { kind: 'inquiry', txId, from: participant });
}
