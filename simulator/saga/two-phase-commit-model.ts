/**
 * Two-phase commit behind the model contract (simulator/core/model.ts): its schemas, its run, one
 * sentence per trace entry, and the nodes each entry touches or moves a message between — the
 * coordinator, its durable decision log and the participants.
 *
 * The log is a node of its own because writing to it is 2PC's commit point: a token flying from
 * the coordinator to its log is the moment the outcome is decided, whatever crashes next.
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, nodeId, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { parseWithSchema } from '../core/parse.ts';
import { clockCommandSchemas, timeMs } from './saga-schemas.ts';
import { applyTwoPhaseCommitCommand, cloneTwoPhaseCommit, createTwoPhaseCommit, TPC_DEFAULTS } from './two-phase-commit.ts';
import type { TpcCommand, TpcEntry, TpcNode, TpcOptions, TpcWorld } from './two-phase-commit-types.ts';
import { describeTwoPhaseCommitEntry } from './two-phase-commit-view.ts';

/** How a 2PC lesson or playground run starts: the model's options without the seed. */
export type TpcScenario = Omit<TpcOptions, 'seed'>;

/** The one place two-phase commit's node ids are spelled. */
export const tpcNode = {
  coordinator: nodeId('coordinator', 'tx-coordinator'),
  /** The coordinator's durable decision log: what survives its crash. */
  log: nodeId('log', 'decision-log'),
  participant: (name: string): NodeId => nodeId('participant', name),
} as const;

/** The node a trace entry names: the model's own `'coordinator'` or a participant's name. */
function nodeOf(n: TpcNode): NodeId {
  return n === 'coordinator' ? tpcNode.coordinator : tpcNode.participant(n);
}

const participantName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { error: 'a participant name is up to 40 letters, digits, ".", "_" or "-"' });
const name = z.string().min(1).max(64);
/** Network delays are drawn by the seeded rng, which takes whole numbers only. */
const delayMs = z.int().min(0).max(3_600_000);
const waitMs = timeMs.min(1);

export const TpcScenarioSchema = z
  .strictObject({
    participants: z.array(participantName).min(1).max(8).optional(),
    networkDelayMsMin: delayMs.optional(),
    networkDelayMsMax: delayMs.optional(),
    voteTimeoutMs: waitMs.optional(),
    ackTimeoutMs: waitMs.optional(),
    decisionRetriesMax: z.int().min(1).max(100).optional(),
    decisionTimeoutMs: waitMs.optional(),
    tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
  })
  .superRefine((s, ctx) => {
    const names = s.participants ?? [];
    names.forEach((n, i) => {
      if (n === 'coordinator')
        ctx.addIssue({ code: 'custom', message: '"coordinator" names the coordinator', path: ['participants', i] });
      else if (names.indexOf(n) !== i)
        ctx.addIssue({ code: 'custom', message: `"${n}" is listed twice`, path: ['participants', i] });
    });
    const min = s.networkDelayMsMin ?? TPC_DEFAULTS.networkDelayMsMin;
    const max = s.networkDelayMsMax ?? TPC_DEFAULTS.networkDelayMsMax;
    if (min > max) {
      const message = `must be at least networkDelayMsMin (${min}), got ${max}`;
      ctx.addIssue({ code: 'custom', message, path: ['networkDelayMsMax'] });
    }
  });

const recoverAfterMs = timeMs.optional();

/** The clock commands, beginning a transaction, planting a NO vote, crashing and recovering nodes. */
export const TpcCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  z.strictObject({
    type: z.literal('begin'),
    txId: name.optional(),
    participants: z.array(name).min(1).max(8).optional(),
    resources: z.record(name, z.array(name).max(16)).optional(),
  }),
  z.strictObject({ type: z.literal('plant-no-vote'), participant: name, reason: z.string().max(120).optional() }),
  z.strictObject({
    type: z.literal('arm-coordinator-crash'),
    when: z.enum(['before-decision', 'after-decision']),
    recoverAfterMs,
  }),
  z.strictObject({ type: z.literal('crash-coordinator'), recoverAfterMs }),
  z.strictObject({ type: z.literal('recover-coordinator') }),
  z.strictObject({ type: z.literal('crash-participant'), participant: name, recoverAfterMs }),
  z.strictObject({ type: z.literal('recover-participant'), participant: name }),
]);

function entryNodes(e: TpcEntry): NodeId[] {
  const n = tpcNode;
  switch (e.type) {
    case 'tx-begun':
      return [n.coordinator, ...e.participants.map(n.participant)];
    case 'vote-timed-out':
    case 'tx-finished':
      return [n.coordinator];
    case 'decision-logged':
    case 'recovery-started':
      return [n.coordinator, n.log];
    case 'message-dropped':
      return [nodeOf(e.to)];
    case 'node-crashed':
    case 'node-recovered':
      return [nodeOf(e.node)];
    case 'participant-committed':
    case 'participant-aborted':
    case 'participant-blocked':
      return [n.participant(e.participant)];
    case 'in-doubt-reported':
      return [n.participant(e.participant), n.coordinator];
    default:
      return [n.coordinator, n.participant(e.participant)];
  }
}

/** Messages between the coordinator and a participant, and the decision written to the log. */
function route(e: TpcEntry): EntryRoute | undefined {
  const n = tpcNode;
  switch (e.type) {
    case 'prepare-sent':
    case 'decision-sent':
      return { from: n.coordinator, to: n.participant(e.participant) };
    case 'vote-cast':
    case 'inquiry-sent':
    case 'in-doubt-reported':
      return { from: n.participant(e.participant), to: n.coordinator };
    // No entry marks an acknowledgement leaving, so it flies when the coordinator records it.
    case 'ack-received':
      return { from: n.participant(e.participant), to: n.coordinator };
    case 'decision-logged':
      return { from: n.coordinator, to: n.log };
    default:
      return undefined;
  }
}

export const twoPhaseCommitModel: SimModel<TpcScenario, TpcWorld, TpcCommand, TpcEntry> = {
  id: 'two-phase-commit',
  title: 'Two-phase commit',
  scenarioSchema: TpcScenarioSchema as z.ZodType<TpcScenario>,
  commandSchema: TpcCommandSchema as z.ZodType<TpcCommand>,
  loadScenario: (input) =>
    parseWithSchema(TpcScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario') as Result<TpcScenario>,
  loadCommand: (input) => parseWithSchema(TpcCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<TpcCommand>,
  run: (scenario) => ({
    init: (seed) => createTwoPhaseCommit({ ...scenario, seed }),
    apply: applyTwoPhaseCommitCommand,
    clone: cloneTwoPhaseCommit,
    nowMs: (w) => w.nowMs,
    nextAtMs: nextTaskAtMs,
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeTwoPhaseCommitEntry,
  entryNodes,
  route,
};

// Compile-time checks: what the schemas accept is exactly what the model's types describe.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameScenario: Same<z.infer<typeof TpcScenarioSchema>, TpcScenario> = true;
const sameCommand: Same<z.infer<typeof TpcCommandSchema>, TpcCommand> = true;
void [sameScenario, sameCommand];
