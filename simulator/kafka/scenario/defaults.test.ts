/**
 * defaults.ts against the engine: a scenario that leaves every optional field out must get, in
 * the built world, exactly the values the table (and so the documentation) promises. The engine
 * keeps its own literals, so this is what stops the two from drifting apart.
 */
import { describe, expect, it } from 'vitest';
import { createKafkaSim } from '../kafka-sim.ts';
import { SCENARIO_DEFAULTS as D } from './defaults.ts';
import { runScenario } from './runner.ts';
import type { KafkaScenario } from './types.ts';

const bare: KafkaScenario = {
  version: 1,
  name: 'defaults',
  brokers: [{ id: 1 }],
  topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
  producers: [{ id: 'p', topic: 't', ratePerSec: 1, keys: { type: 'uniform', keys: 1 } }],
  groups: [{ id: 'g', topics: ['t'], consumers: 1 }],
};

describe('SCENARIO_DEFAULTS', () => {
  const k = createKafkaSim({ seed: 1, scenario: bare }).init();

  it('are what the engine uses for a scenario, topic, producer and group left bare', () => {
    expect(k.k.tasksMax).toBe(D.scenario.tasksMax);
    expect(k.k.tuning.networkLatencyMs).toBe(D.scenario.networkLatencyMs);
    expect({ mode: k.trace.mode, keepLast: k.trace.keepLast }).toEqual(D.scenario.trace);
    const t = k.k.topics[0]!;
    expect({
      minInsyncReplicas: t.minInsyncReplicas,
      retentionMs: t.retentionMs,
      retentionRecords: t.retentionRecords,
      cleanupPolicy: t.compact ? 'compact' : 'delete',
      uncleanLeaderElection: t.uncleanLeaderElection,
      segmentRecords: t.segmentRecords,
      segmentMs: t.segmentMs,
      minCleanableDirtyRatio: t.minCleanableDirtyRatio,
    }).toEqual(D.topic);
    const p = k.k.producers[0]!;
    expect({
      count: p.count,
      startAtMs: p.startAtMs,
      stopAtMs: p.stopAtMs,
      eventType: p.eventType,
      acks: p.acks,
      retries: p.retries,
    }).toEqual({
      count: D.producer.count,
      startAtMs: D.producer.startAtMs,
      stopAtMs: D.producer.stopAtMs,
      eventType: D.producer.eventType,
      acks: D.producer.acks,
      retries: D.producer.retries,
    });
    expect(p.idempotent).toBe(true); // 'true when acks is "all"', and acks defaults to "all"
    expect(p.stickyBatchSize).toBe(D.producer.stickyBatchSize);
    const g = k.k.groups[0]!;
    const { startAtMs: _start, ...groupDefaults } = D.group;
    expect({
      assignor: g.assignor,
      commit: g.commit,
      processingMs: g.processingMs,
      autoOffsetReset: g.autoOffsetReset,
      sessionTimeoutMs: g.sessionTimeoutMs,
      heartbeatIntervalMs: g.heartbeatIntervalMs,
      maxPollRecords: g.maxPollRecords,
    }).toEqual(groupDefaults);
  });

  it('name generated keys with the default prefix, and the runner uses the default seed', () => {
    const run = runScenario({ ...bare, durationMs: 100 }, { trace: 'full' });
    expect(run.summary.seed).toBe(D.scenario.seed);
    const produced = run.trace.find((e) => e.type === 'record-produced');
    expect(produced?.type === 'record-produced' && produced.key).toBe(`${D.producer.keyPrefix}0`);
  });

  it('let a producer with acks 1 default to no idempotence', () => {
    const s = createKafkaSim({ seed: 1, scenario: { ...bare, producers: [{ ...bare.producers![0]!, acks: 1 }] } }).init();
    expect(s.k.producers[0]!.idempotent).toBe(false);
  });
});
