/**
 * The Kafka model behind the model contract (simulator/core/model.ts).
 *
 * The engine is `createKafkaSim`; this file adds what every model gives the rest of the project:
 * the scenario and command schemas, `next-entry` (run until something observable happens), when a
 * run is over (past the scenario's end only background tasks — heartbeats, timers — are left), how
 * End runs to the scenario's end, and the node ids each trace entry touches or moves something
 * between. Node ids are built here and only here (`kafkaNode`); a broker's network address
 * (`broker-1`, what the trace names) is looked up in the world, never parsed.
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { heapPeek } from '../core/heap.ts';
import {
  nextEntryCommand,
  nodeId,
  runUntilNextEntry,
  type EntryRoute,
  type ModelRun,
  type NextEntryCommand,
  type NodeId,
  type SimModel,
} from '../core/model.ts';
import { parseWithSchema } from '../core/parse.ts';
import { loadScenario } from './scenario/loader.ts';
import { KafkaScenarioSchema, KafkaEngineCommandSchema } from './scenario/schema.ts';
import type { KafkaScenario, KafkaEngineCommand } from './scenario/types.ts';
import { cloneState } from './clone.ts';
import { describeEntry } from './describe.ts';
import { createKafkaSim } from './kafka-sim.ts';
import type { KafkaState } from './state.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

/** A Kafka command as the workbench, lessons and links carry it: the engine's, plus `next-entry`. */
export type KafkaCommand = KafkaEngineCommand | NextEntryCommand;
export type { KafkaScenario };

export const KafkaCommandSchema = z.union([KafkaEngineCommandSchema, z.strictObject({ type: z.literal('next-entry') })]);

/** Tasks one `next-entry` may run before giving up (a quiet stretch of heartbeats). */
export const nextEntryTasksMax = 100_000;
/** How far End runs past a scenario's end (or from now, without one), in virtual ms. */
export const runOnMs = 10_000;

/** The one place Kafka node ids are spelled. */
export const kafkaNode = {
  producer: (id: string): NodeId => nodeId('producer', id),
  topic: (name: string): NodeId => nodeId('topic', name),
  group: (id: string): NodeId => nodeId('group', id),
  consumer: (id: string): NodeId => nodeId('consumer', id),
  broker: (id: number): NodeId => nodeId('broker', id),
} as const;

/** The broker node whose network address is `address` (`broker-1`), if there is one. */
function brokerAt(s: KafkaState, address: string): NodeId | undefined {
  const b = s.k.brokers.find((x) => x.node === address);
  return b === undefined ? undefined : kafkaNode.broker(b.id);
}

function entryNodes(e: KafkaTraceEntry, s: KafkaState): NodeId[] {
  const out: NodeId[] = [];
  const r = e as Partial<Record<'broker' | 'leader' | 'producer' | 'consumer' | 'group' | 'topic', string>>;
  const b = r.broker === undefined ? undefined : brokerAt(s, r.broker);
  if (b) out.push(b);
  const l = r.leader === undefined ? undefined : brokerAt(s, r.leader);
  if (l) out.push(l);
  if (r.producer) out.push(kafkaNode.producer(r.producer));
  if (r.consumer) out.push(kafkaNode.consumer(r.consumer));
  if (r.group) out.push(kafkaNode.group(r.group));
  if (r.topic) out.push(kafkaNode.topic(r.topic));
  return out;
}

/** What a record, a batch or an answer travels between; partitions fly to and from their topic. */
function route(e: KafkaTraceEntry, s: KafkaState): EntryRoute | undefined {
  switch (e.type) {
    case 'record-produced':
      return { from: kafkaNode.producer(e.producer), to: kafkaNode.topic(e.topic) };
    case 'produce-acked':
    case 'produce-failed':
      return { from: kafkaNode.topic(e.topic), to: kafkaNode.producer(e.producer) };
    case 'records-replicated': {
      const from = brokerAt(s, e.leader);
      const to = brokerAt(s, e.broker);
      return from && to ? { from, to } : undefined;
    }
    case 'records-fetched':
      return { from: kafkaNode.topic(e.topic), to: kafkaNode.consumer(e.consumer) };
    case 'offset-committed':
      return { from: kafkaNode.consumer(e.consumer), to: kafkaNode.group(e.group) };
    case 'partitions-assigned':
    case 'partitions-revoked':
      return { from: kafkaNode.group(e.group), to: kafkaNode.consumer(e.consumer) };
    default:
      return undefined;
  }
}

function kafkaRun(scenario: KafkaScenario): ModelRun<KafkaState, KafkaCommand, KafkaTraceEntry> {
  const sim = createKafkaSim({ seed: scenario.seed ?? 1, scenario });
  // Before the scenario's end, time is live even when only background tasks (heartbeats, timers)
  // are queued: a producer's next tick or a session timeout is still to come. After it, the run
  // is over once no foreground work is left.
  const live = (s: KafkaState): boolean =>
    s.queue.length > 0 && (s.k.fg > 0 || (scenario.durationMs !== undefined && s.nowMs < scenario.durationMs));
  const apply = (s: KafkaState, c: KafkaCommand): Result<unknown> =>
    c.type === 'next-entry'
      ? runUntilNextEntry(
          s.trace,
          () => live(s),
          () => sim.apply(s, { type: 'step' }),
          nextEntryTasksMax,
        )
      : sim.apply(s, c);
  return {
    init: (seed) => createKafkaSim({ seed, scenario }).init(),
    apply,
    clone: cloneState,
    nowMs: (s) => s.nowMs,
    nextAtMs: (s) => (live(s) ? heapPeek(s.queue)?.atMs : undefined),
    trace: (s) => s.trace,
    stepCommand: nextEntryCommand,
    endCommand(s) {
      const end = scenario.durationMs !== undefined && scenario.durationMs > s.nowMs ? scenario.durationMs : s.nowMs + runOnMs;
      return { type: 'advance', untilMs: end };
    },
  };
}

export const kafkaModel: SimModel<KafkaScenario, KafkaState, KafkaCommand, KafkaTraceEntry> = {
  id: 'kafka',
  title: 'Kafka',
  scenarioSchema: KafkaScenarioSchema as unknown as z.ZodType<KafkaScenario>,
  commandSchema: KafkaCommandSchema as unknown as z.ZodType<KafkaCommand>,
  loadScenario,
  loadCommand: (input) => parseWithSchema(KafkaCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<KafkaCommand>,
  run: kafkaRun,
  describe: describeEntry,
  entryNodes,
  route,
};
