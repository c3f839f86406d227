/**
 * Two-phase commit as a model: create a world of one coordinator and its participants, apply
 * commands (begin a transaction, plant a NO vote, crash and recover nodes), run its tasks.
 *
 * It exists so the lesson can show the cost sagas avoid: once every participant has voted YES,
 * none of them may decide alone, so a coordinator crash leaves them prepared and holding locks
 * (a second transaction on the same rows is refused) until the coordinator comes back.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { createWorldBase, newId } from '../core/world.ts';
import {
  beginTx,
  crashNode,
  onAckTimeout,
  onDecisionTimeout,
  onMessage,
  onVoteTimeout,
  recoverNode,
} from './two-phase-commit-nodes.ts';
import type { Participant, TpcCommand, TpcConfig, TpcEntry, TpcOptions, TpcTask, TpcWorld } from './two-phase-commit-types.ts';
import { applyClockCommand, cloneWorld, emit, isClockCommand, nothingRan, type RunReport } from './world-kit.ts';
import { getName, setName } from '../core/name-index.ts';

/** The config a scenario leaves unsaid (the model's schema checks delays against it). */
export const TPC_DEFAULTS: TpcConfig = {
  participants: ['orders-db', 'inventory-db', 'payments-db'],
  networkDelayMsMin: 5,
  networkDelayMsMax: 15,
  voteTimeoutMs: 200,
  ackTimeoutMs: 200,
  decisionRetriesMax: 5,
  decisionTimeoutMs: 300,
  tasksMaxPerCommand: 100_000,
};

/** Creates a 2PC world at time 0 with every node up and no transaction. */
export function createTwoPhaseCommit(opts: TpcOptions): TpcWorld {
  const config: TpcConfig = { ...TPC_DEFAULTS };
  for (const k of Object.keys(TPC_DEFAULTS) as Array<keyof TpcConfig>)
    if (opts[k] !== undefined) (config as unknown as Record<string, unknown>)[k] = opts[k];
  config.participants = [...config.participants];
  if (
    config.participants.length === 0 ||
    new Set(config.participants).size !== config.participants.length ||
    config.participants.includes('coordinator')
  ) {
    throw new RangeError('2PC needs at least one participant, with distinct names other than "coordinator"');
  }
  const participants: Record<string, Participant> = {};
  for (const name of config.participants)
    setName(participants, name, { name, up: true, incarnation: 0, locks: {}, txs: {}, voteNo: [] });
  return {
    ...createWorldBase<TpcTask, TpcEntry>({ seed: opts.seed }),
    config,
    coordinator: { up: true, incarnation: 0, log: [], active: {} },
    participants,
  };
}

/** Runs one scheduled task. */
export function runTwoPhaseCommitTask(w: TpcWorld, task: TpcTask & Scheduled): void {
  switch (task.type) {
    case 'deliver': {
      const up = task.to === 'coordinator' ? w.coordinator.up : getName(w.participants, task.to)!.up;
      if (!up) {
        const txId = 'txId' in task.message ? task.message.txId : undefined;
        emit(w, {
          type: 'message-dropped',
          to: task.to,
          kind: task.message.kind,
          ...(txId === undefined ? {} : { correlationId: txId }),
        });
        return;
      }
      return onMessage(w, task.to, task.message);
    }
    case 'vote-timeout':
      return onVoteTimeout(w, task.txId, task.incarnation);
    case 'ack-timeout':
      return onAckTimeout(w, task.txId, task.incarnation, task.attempt);
    case 'decision-timeout':
      return onDecisionTimeout(w, task.participant, task.txId);
    case 'recover-node': {
      const node = task.node === 'coordinator' ? w.coordinator : getName(w.participants, task.node)!;
      if (node.up || node.incarnation !== task.incarnation) return;
      return recoverNode(w, task.node);
    }
  }
}

function participantProblem(w: TpcWorld, name: string): Result<never> | undefined {
  return getName(w.participants, name) === undefined
    ? fail(ErrorCode.UnknownNode, `unknown participant "${name}"`, 'participant')
    : undefined;
}

/** Applies one command in place; impossible commands return a SimError and change nothing. */
export function applyTwoPhaseCommitCommand(w: TpcWorld, c: TpcCommand): Result<RunReport> {
  if (isClockCommand(c)) return applyClockCommand(w, runTwoPhaseCommitTask, c, w.config.tasksMaxPerCommand);
  switch (c.type) {
    case 'begin': {
      if (!w.coordinator.up) return fail(ErrorCode.NotAvailable, 'the coordinator is down: no transaction can begin');
      const participants = c.participants ?? w.config.participants;
      if (participants.length === 0)
        return fail(ErrorCode.InvalidCommand, 'a transaction needs at least one participant', 'participants');
      for (const p of participants) {
        const bad = participantProblem(w, p);
        if (bad) return bad;
      }
      if (new Set(participants).size !== participants.length)
        return fail(ErrorCode.InvalidCommand, 'a participant is listed twice', 'participants');
      const txId = c.txId ?? newId(w, 'tx');
      const seen = getName(w.coordinator.active, txId) !== undefined || w.coordinator.log.some((r) => r.txId === txId);
      if (seen || Object.values(w.participants).some((p) => getName(p.txs, txId) !== undefined)) {
        return fail(ErrorCode.InvalidCommand, `transaction ${txId} already exists`, 'txId');
      }
      const resources: Record<string, string[]> = {};
      for (const p of participants)
        setName(resources, p, [...((c.resources !== undefined ? getName(c.resources, p) : undefined) ?? ['row-1'])]);
      beginTx(w, txId, [...participants], resources);
      return nothingRan();
    }
    case 'plant-no-vote': {
      const bad = participantProblem(w, c.participant);
      if (bad) return bad;
      getName(w.participants, c.participant)!.voteNo.push(c.reason ?? 'constraint violated');
      return nothingRan();
    }
    case 'arm-coordinator-crash': {
      if (c.when !== 'before-decision' && c.when !== 'after-decision')
        return fail(ErrorCode.InvalidCommand, `unknown moment "${c.when}"`, 'when');
      w.coordinator.crashAfterVotes =
        c.recoverAfterMs === undefined ? { when: c.when } : { when: c.when, recoverAfterMs: c.recoverAfterMs };
      return nothingRan();
    }
    case 'crash-coordinator':
    case 'recover-coordinator': {
      const crash = c.type === 'crash-coordinator';
      if (w.coordinator.up !== crash)
        return fail(ErrorCode.InvalidCommand, `the coordinator is already ${crash ? 'down' : 'up'}`);
      if (crash) crashNode(w, 'coordinator', c.recoverAfterMs);
      else recoverNode(w, 'coordinator');
      return nothingRan();
    }
    case 'crash-participant':
    case 'recover-participant': {
      const bad = participantProblem(w, c.participant);
      if (bad) return bad;
      const crash = c.type === 'crash-participant';
      if (getName(w.participants, c.participant)!.up !== crash)
        return fail(ErrorCode.InvalidCommand, `${c.participant} is already ${crash ? 'down' : 'up'}`);
      if (crash) crashNode(w, c.participant, c.recoverAfterMs);
      else recoverNode(w, c.participant);
      return nothingRan();
    }
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

/** An independent deep copy. */
export function cloneTwoPhaseCommit(w: TpcWorld): TpcWorld {
  return cloneWorld(w);
}
