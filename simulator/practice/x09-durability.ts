/**
 * X09 — never lose an acknowledged order. The learner picks acks, the replication factor,
 * min.insync.replicas and unclean leader election for the `orders` topic on a three-broker
 * cluster; the grader runs the Kafka model under broker crashes it times itself and reads the
 * model's own verdicts (`produce-acked`, `record-lost`, `produce-failed`).
 *
 * Three fault plans, each over several seeds (the seed moves the moment of the crash and the
 * producer's keys):
 * 1. the partition leader crashes right after it acknowledged a write, and restarts later;
 * 2. the same with two producers' worth of traffic in flight (a later moment);
 * 3. a follower is cut off from the leader until it drops out of the ISR, then the leader and the
 *    other in-sync follower crash right after an acknowledgement, leaving only the stale replica.
 * A record is lost when the model says so (`record-lost`: acknowledged, then truncated away).
 */
import { z } from 'zod';
import { kafkaModel, type KafkaCommand } from '../kafka/model.ts';
import type { KafkaScenario } from '../kafka/scenario/types.ts';
import type { KafkaState } from '../kafka/state.ts';
import type { EntryOf, KafkaTraceEntry } from '../kafka/trace-types.ts';
import { drive, type Drive } from './drive.ts';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x09GraderVersion = 1;
export const brokersX09 = 3;

export const X09DesignSchema = z.strictObject({
  exercise: z.literal('X09'),
  acks: z.enum(['0', '1', 'all']),
  replicationFactor: z.int().min(1).max(brokersX09),
  minInsyncReplicas: z.int().min(1).max(brokersX09),
  uncleanLeaderElection: z.boolean(),
});
export type X09Design = z.infer<typeof X09DesignSchema>;

/** How long writes may be refused while one broker is down (a leader election takes a moment). */
export const refusedMsMaxOneDown = 5_000;
const producerStopMs = 100_000;

/** The scenario the design describes: what the live preview shows and every graded run starts from. */
export function x09Scenario(d: X09Design): KafkaScenario {
  return {
    version: 1,
    name: 'X09: orders on three brokers',
    description: `acks=${d.acks}, replication factor ${d.replicationFactor}, min.insync.replicas ${d.minInsyncReplicas}, unclean leader election ${d.uncleanLeaderElection ? 'on' : 'off'}`,
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [
      {
        name: 'orders',
        partitions: 1,
        replicationFactor: d.replicationFactor,
        minInsyncReplicas: d.minInsyncReplicas,
        uncleanLeaderElection: d.uncleanLeaderElection,
      },
    ],
    producers: [
      {
        id: 'checkout',
        topic: 'orders',
        ratePerSec: 10,
        keys: { type: 'uniform', keys: 50, prefix: 'order-' },
        eventType: 'OrderPlaced',
        acks: d.acks === 'all' ? 'all' : d.acks === '1' ? 1 : 0,
        stopAtMs: producerStopMs,
      },
    ],
    durationMs: 110_000,
    trace: { mode: 'full' },
  };
}

type K = Drive<KafkaState, KafkaTraceEntry, KafkaCommand>;

function ordersPartition(s: KafkaState) {
  return s.k.parts[s.k.topics[s.k.topicIndex['orders']!]!.firstPid]!;
}

/** Record ids in the partition's current leader log (empty when it is offline). */
function recordsInLog(s: KafkaState): Set<string> {
  const part = ordersPartition(s);
  const log = part.logs[part.replicas.indexOf(part.leader)];
  const out = new Set<string>();
  if (log) for (let i = log.head; i < log.rns.length; i++) out.add(`rec-${log.rns[i]}`);
  return out;
}

/**
 * With acks=0 the producer never waits: every record it sends counts as accepted, and the
 * model has no acknowledgement to lose. Such a record is lost when it never reached the log:
 * produced well before the end of the run (so it had time to arrive) and absent from the leader's
 * log once every broker is back.
 */
function lostFireAndForget(k: K): EntryOf<'record-produced'>[] {
  const inLog = recordsInLog(k.state);
  const settledBeforeMs = k.nowMs() - 2_000;
  return k
    .entriesSince(0)
    .filter(
      (e): e is EntryOf<'record-produced'> => e.type === 'record-produced' && e.atMs < settledBeforeMs && !inLog.has(e.recordId),
    );
}

function leaderOf(s: KafkaState): number | undefined {
  const leader = ordersPartition(s).leader;
  return leader >= 0 ? leader : undefined;
}

/** Steps until virtual time `atMs`, then until the next acknowledgement; false if none came. */
function untilAckAfter(k: K, atMs: number, stepsMax: number): boolean {
  let seen = k.nextEntryId();
  for (let i = 0; i < stepsMax; i++) {
    if (!k.step()) return false;
    const fresh = k.entriesSince(seen);
    seen = k.nextEntryId();
    if (k.nowMs() >= atMs && fresh.some((e) => e.type === 'record-appended')) return true;
  }
  return false;
}

function until(k: K, atMs: number, stepsMax: number): void {
  for (let i = 0; i < stepsMax && k.nowMs() < atMs; i++) if (!k.step()) return;
}

const stepsMax = 200_000;

interface PlanResult {
  k: K;
  plan: string;
}

function planLeaderCrash(d: X09Design, seed: number): PlanResult {
  const k = drive<KafkaState, KafkaTraceEntry, KafkaCommand>(kafkaModel, x09Scenario(d), seed);
  untilAckAfter(k, 2_000 + (seed % 7) * 700, stepsMax);
  const leader = leaderOf(k.state);
  if (leader !== undefined) k.apply({ type: 'crash-broker', broker: leader });
  until(k, k.nowMs() + 20_000, stepsMax);
  if (leader !== undefined) k.apply({ type: 'restart-broker', broker: leader });
  until(k, k.nowMs() + 10_000, stepsMax);
  return { k, plan: `the leader (broker ${leader ?? '?'}) crashed right after appending a write` };
}

function planStaleSurvivor(d: X09Design, seed: number): PlanResult {
  const k = drive<KafkaState, KafkaTraceEntry, KafkaCommand>(kafkaModel, x09Scenario(d), seed);
  until(k, 1_000, stepsMax);
  const leader = leaderOf(k.state) ?? 1;
  const others = [1, 2, 3].filter((b) => b !== leader);
  const stale = others[seed % 2]!;
  const inSync = others.find((b) => b !== stale)!;
  k.apply({ type: 'cut-link', from: `broker-${leader}`, to: `broker-${stale}` });
  untilAckAfter(k, 40_000 + (seed % 5) * 500, stepsMax);
  k.apply({ type: 'crash-broker', broker: leader });
  k.apply({ type: 'crash-broker', broker: inSync });
  k.apply({ type: 'heal-link', from: `broker-${leader}`, to: `broker-${stale}` });
  until(k, k.nowMs() + 15_000, stepsMax);
  k.apply({ type: 'restart-broker', broker: leader });
  k.apply({ type: 'restart-broker', broker: inSync });
  until(k, k.nowMs() + 15_000, stepsMax);
  return {
    k,
    plan: `broker ${stale} was cut off from the leader until it fell out of sync, then brokers ${leader} and ${inSync} crashed right after an acknowledgement`,
  };
}

/** A gap between two writes longer than this counts as writes refused (at 10 writes a second, normal gaps are ~100 ms). */
const stallMs = 1_000;

/**
 * Time the topic took no write: the sum of gaps longer than a second between successive writes
 * the producer was told about (acknowledgements; with acks=0, appends to a leader's log, since
 * the producer hears nothing), while it was producing.
 */
function stalledMs(entries: readonly KafkaTraceEntry[], endMs: number): number {
  const fireAndForget = !entries.some((e) => e.type === 'produce-acked');
  const stopMs = Math.min(endMs, producerStopMs);
  let total = 0;
  let last: number | null = null;
  for (const e of entries) {
    const accepted = e.type === 'produce-acked' || (fireAndForget && e.type === 'record-appended');
    if (!accepted) continue;
    if (last !== null && e.atMs - last > stallMs) total += e.atMs - last;
    last = e.atMs;
  }
  if (last !== null && stopMs - last > stallMs) total += stopMs - last;
  return total;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const x09Seeds = [1, 2, 3];

function firstCrashId(k: K): number {
  return k.entriesSince(0).find((e) => e.type === 'broker-crashed')?.id ?? 0;
}

interface Loss {
  recordId: string;
  key: string | null;
  atMs: number;
  /** The trace entry to open the run at. */
  entryId: number;
}

function lossesOf(d: X09Design, k: K): Loss[] {
  if (d.acks === '0') {
    const crash = k.entriesSince(0).find((e) => e.type === 'broker-crashed');
    return lostFireAndForget(k).map((e) => ({ recordId: e.recordId, key: e.key, atMs: e.atMs, entryId: crash?.id ?? e.id }));
  }
  return k
    .entriesSince(0)
    .filter((e): e is EntryOf<'record-lost'> => e.type === 'record-lost')
    .map((e) => ({ recordId: e.recordId, key: e.key, atMs: e.atMs, entryId: e.id }));
}

export function gradeX09(d: X09Design): Verdict {
  let lost: { loss: Loss; k: K; plan: string; seed: number } | undefined;
  let lostTotal = 0;
  let worstOneDown: { ms: number; k: K; seed: number } | undefined;
  let worstTwoDown = 0;
  for (const seed of x09Seeds) {
    for (const [i, plan] of [planLeaderCrash, planStaleSurvivor].entries()) {
      const r = plan(d, seed);
      const losses = lossesOf(d, r.k);
      lostTotal += losses.length;
      if (losses[0] && !lost) lost = { loss: losses[0], k: r.k, plan: r.plan, seed };
      const refused = stalledMs(r.k.entriesSince(0), r.k.nowMs());
      if (i === 0 && (!worstOneDown || refused > worstOneDown.ms)) worstOneDown = { ms: refused, k: r.k, seed };
      if (i === 1) worstTwoDown = Math.max(worstTwoDown, refused);
    }
  }
  const checks: GradedCheck[] = [];
  const runs = x09Seeds.length * 2;
  if (lost) {
    const l = lost.loss;
    const how =
      d.acks === '0'
        ? 'was sent with acks=0 (the producer counts it as written the moment it leaves) but never reached the log'
        : `had been acknowledged with acks=${d.acks}, then was lost at ${seconds(l.atMs)}`;
    checks.push({
      name: 'No acknowledged order is lost',
      held: false,
      detail: `${lostTotal} acknowledged record${lostTotal === 1 ? ' was' : 's were'} lost over ${runs} runs. First: ${l.recordId} (${l.key ?? 'no key'}) ${how}, after ${lost.plan} (seed ${lost.seed}).`,
      run: lost.k.snapshot(lost.k.cursorAt(l.entryId)),
      seed: lost.seed,
    });
  } else {
    checks.push({
      name: 'No acknowledged order is lost',
      held: true,
      detail: `0 acknowledged records lost over ${runs} runs with leader crashes right after a write.`,
    });
  }
  const one = worstOneDown!;
  const oneHeld = one.ms <= refusedMsMaxOneDown;
  checks.push({
    name: 'Orders are still taken while one broker is down',
    held: oneHeld,
    detail: `With one broker down, no write was accepted for up to ${seconds(one.ms)} (the bound is ${seconds(refusedMsMaxOneDown)}). With two brokers down, for up to ${seconds(worstTwoDown)}: that is what this design costs in availability.`,
    // Opens at the crash that stopped the writes.
    ...(oneHeld ? {} : { run: one.k.snapshot(one.k.cursorAt(firstCrashId(one.k))), seed: one.seed }),
  });
  return verdict('X09', x09GraderVersion, checks);
}
