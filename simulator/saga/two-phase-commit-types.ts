/**
 * The plain-data shapes of the two-phase commit model: coordinator, participants, messages,
 * tasks, commands and trace entries.
 *
 * The split between what survives a crash and what does not is the heart of 2PC, so it is written
 * into the types: the coordinator's `log` and each participant's prepared transactions are
 * durable; the coordinator's `active` table (votes collected so far) is lost when it crashes.
 */
import type { TraceBase } from '../core/trace.ts';
import type { WorldBase } from '../core/world.ts';
import type { ClockCommand } from './world-kit.ts';

export type Decision = 'commit' | 'abort';
export type TpcNode = 'coordinator' | string;

/** One transaction as one participant sees it. */
export interface ParticipantTx {
  state: 'prepared' | 'committed' | 'aborted';
  resources: string[];
  /** When it voted YES; from then on it may not decide alone. */
  preparedAtMs?: number;
  /** When it gave up waiting for the decision and knew itself blocked (still holding its locks). */
  blockedSinceMs?: number;
  decidedAtMs?: number;
}

export interface Participant {
  name: string;
  up: boolean;
  incarnation: number;
  /** Which transaction holds each locked resource. Durable for prepared transactions. */
  locks: Record<string, string>;
  txs: Record<string, ParticipantTx>;
  /** Planted NO votes still to cast, with their reasons. */
  voteNo: string[];
}

/** What the coordinator keeps in memory about a transaction in flight. Lost on a crash. */
export interface ActiveTx {
  participants: string[];
  resources: Record<string, string[]>;
  votes: Record<string, 'yes' | 'no'>;
  decision?: Decision;
  acks: Record<string, true>;
  decisionAttempts: number;
}

export interface Coordinator {
  up: boolean;
  incarnation: number;
  /** The durable decision log. A commit is final the moment it is written here. */
  log: Array<{ txId: string; decision: Decision; atMs: number; presumed: boolean }>;
  active: Record<string, ActiveTx>;
  /** A planted crash right after all YES votes are in: before or after the decision is logged. */
  crashAfterVotes?: { when: 'before-decision' | 'after-decision'; recoverAfterMs?: number };
}

export interface TpcConfig {
  participants: string[];
  networkDelayMsMin: number;
  networkDelayMsMax: number;
  /** The coordinator aborts if not every vote is in by then. */
  voteTimeoutMs: number;
  /** The coordinator resends its decision to participants that have not acknowledged it. */
  ackTimeoutMs: number;
  decisionRetriesMax: number;
  /** How long a prepared participant waits before it knows it is blocked and asks the coordinator. */
  decisionTimeoutMs: number;
  tasksMaxPerCommand: number;
}

export interface TpcOptions extends Partial<TpcConfig> {
  seed: number;
}

export type TpcMessage =
  | { kind: 'prepare'; txId: string; resources: string[] }
  | { kind: 'vote'; txId: string; from: string; vote: 'yes' | 'no'; reason?: string }
  | { kind: 'decision'; txId: string; decision: Decision }
  | { kind: 'ack'; txId: string; from: string }
  | { kind: 'inquiry'; txId: string; from: string }
  | { kind: 'recover-request' }
  | { kind: 'in-doubt'; from: string; txIds: string[] };

export type TpcTask =
  | { type: 'deliver'; to: TpcNode; message: TpcMessage }
  | { type: 'vote-timeout'; txId: string; incarnation: number }
  | { type: 'ack-timeout'; txId: string; incarnation: number; attempt: number }
  | { type: 'decision-timeout'; participant: string; txId: string }
  | { type: 'recover-node'; node: TpcNode; incarnation: number };

interface E<T extends string> extends TraceBase {
  type: T;
}

/** Everything 2PC can report. correlationId is the transaction id where there is one. */
export type TpcEntry =
  | (E<'tx-begun'> & { txId: string; participants: string[] })
  | (E<'prepare-sent'> & { txId: string; participant: string })
  | (E<'vote-cast'> & { txId: string; participant: string; vote: 'yes' | 'no'; reason?: string })
  | (E<'vote-received'> & { txId: string; participant: string; vote: 'yes' | 'no' })
  | (E<'vote-timed-out'> & { txId: string; missing: string[] })
  | (E<'decision-logged'> & { txId: string; decision: Decision; presumed: boolean })
  | (E<'decision-sent'> & { txId: string; participant: string; decision: Decision; attempt: number })
  | (E<'participant-committed'> & { txId: string; participant: string; locksReleased: string[] })
  | (E<'participant-aborted'> & { txId: string; participant: string; locksReleased: string[] })
  | (E<'ack-received'> & { txId: string; participant: string })
  | (E<'tx-finished'> & { txId: string; decision: Decision })
  | (E<'participant-blocked'> & { txId: string; participant: string; locksHeld: string[] })
  | (E<'inquiry-sent'> & { txId: string; participant: string })
  | (E<'recovery-started'> & { decisionsInLog: number })
  | (E<'in-doubt-reported'> & { participant: string; txIds: string[] })
  | (E<'message-dropped'> & { to: TpcNode; kind: TpcMessage['kind'] })
  | (E<'node-crashed'> & { node: TpcNode; recoverAtMs?: number; lostVotes: number })
  | (E<'node-recovered'> & { node: TpcNode });

export interface TpcWorld extends WorldBase<TpcTask, TpcEntry> {
  config: TpcConfig;
  coordinator: Coordinator;
  participants: Record<string, Participant>;
}

export type TpcCommand =
  | ClockCommand
  /** Start a transaction touching `resources` at each participant (default: row-1 at all of them). */
  | { type: 'begin'; txId?: string; participants?: string[]; resources?: Record<string, string[]> }
  | { type: 'plant-no-vote'; participant: string; reason?: string }
  | { type: 'arm-coordinator-crash'; when: 'before-decision' | 'after-decision'; recoverAfterMs?: number }
  | { type: 'crash-coordinator'; recoverAfterMs?: number }
  | { type: 'recover-coordinator' }
  | { type: 'crash-participant'; participant: string; recoverAfterMs?: number }
  | { type: 'recover-participant'; participant: string };
