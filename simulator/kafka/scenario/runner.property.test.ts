/**
 * Random valid scenarios, run headless: the loader accepts what the generator builds, and every
 * run ends — within its task bound, without an exception — with a summary whose counts make
 * sense. This is the "no input can hang the simulator" promise, checked over the format rather
 * than over hand-picked examples. A failure prints fast-check's seed and the shrunk scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, loadScenario } from './loader.ts';
import { runScenario } from './runner.ts';
import type { FaultSpec, GroupSpec, KeyDistribution, ProducerSpec, KafkaScenario, ScheduledCommand, TopicSpec } from './types.ts';

const keyDistribution: fc.Arbitrary<KeyDistribution> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.record({ type: fc.constant('fixed' as const), key: fc.string({ maxLength: 8 }) }),
  fc.record({ type: fc.constant('uniform' as const), keys: fc.integer({ min: 1, max: 50 }) }),
  fc.record({
    type: fc.constant('weighted' as const),
    keys: fc.uniqueArray(fc.record({ key: fc.string({ maxLength: 4 }), weight: fc.integer({ min: 1, max: 9 }) }), {
      minLength: 1,
      maxLength: 4,
      selector: (k) => k.key,
    }),
  }),
  fc.record({
    type: fc.constant('hot' as const),
    hotKey: fc.constant('hot'),
    hotPerMille: fc.integer({ min: 0, max: 1000 }),
    keys: fc.integer({ min: 1, max: 20 }),
  }),
);

const scenario: fc.Arbitrary<KafkaScenario> = fc
  .record({ brokers: fc.integer({ min: 1, max: 3 }), topics: fc.integer({ min: 1, max: 2 }), seed: fc.nat({ max: 1000 }) })
  .chain(({ brokers, topics, seed }) => {
    const topicNames = Array.from({ length: topics }, (_, i) => `t${i}`);
    const topicSpecs: fc.Arbitrary<TopicSpec[]> = fc.tuple(
      ...topicNames.map((name) =>
        fc
          .record({ partitions: fc.integer({ min: 1, max: 4 }), rf: fc.integer({ min: 1, max: brokers }) })
          .chain(({ partitions, rf }) =>
            fc.record({
              name: fc.constant(name),
              partitions: fc.constant(partitions),
              replicationFactor: fc.constant(rf),
              minInsyncReplicas: fc.integer({ min: 1, max: rf }),
            }),
          ),
      ),
    );
    const producers: fc.Arbitrary<ProducerSpec[]> = fc
      .array(
        fc.record({
          topic: fc.constantFrom(...topicNames),
          ratePerSec: fc.integer({ min: 0, max: 200 }),
          count: fc.integer({ min: 0, max: 300 }),
          keys: keyDistribution,
          acks: fc.constantFrom(0 as const, 1 as const, 'all' as const),
        }),
        { maxLength: 2 },
      )
      .map((ps) => ps.map((p, i) => ({ id: `p${i}`, ...p })));
    const groups: fc.Arbitrary<GroupSpec[]> = fc
      .array(
        fc.record({
          topics: fc.subarray(topicNames, { minLength: 1 }),
          consumers: fc.integer({ min: 0, max: 3 }),
          assignor: fc.constantFrom('range' as const, 'roundrobin' as const, 'sticky' as const, 'cooperative-sticky' as const),
          commit: fc.constantFrom(
            { type: 'auto' as const, intervalMs: 1000 },
            { type: 'after-process' as const },
            { type: 'before-process' as const },
          ),
          processingMs: fc.integer({ min: 0, max: 20 }),
          autoOffsetReset: fc.constantFrom('earliest' as const, 'latest' as const, 'none' as const),
          sessionTimeoutMs: fc.constant(6000),
          heartbeatIntervalMs: fc.constant(2000),
        }),
        { maxLength: 2 },
      )
      .map((gs) => gs.map((g, i) => ({ id: `g${i}`, ...g })));
    return fc.record({ topicSpecs, producers, groups }).chain(({ topicSpecs, producers, groups }) => {
      const consumerIds = groups.flatMap((g) => Array.from({ length: g.consumers }, (_, i) => `${g.id}-c${i + 1}`));
      const brokerIds = Array.from({ length: brokers }, (_, i) => i + 1);
      const faults: Array<fc.Arbitrary<FaultSpec>> = [
        fc.record({
          type: fc.constantFrom('crash-broker' as const, 'restart-broker' as const),
          broker: fc.constantFrom(...brokerIds),
        }),
      ];
      if (consumerIds.length > 0) {
        faults.push(
          fc.record({
            type: fc.constantFrom('crash-consumer' as const, 'restart-consumer' as const),
            consumer: fc.constantFrom(...consumerIds),
          }),
          fc.record({
            type: fc.constant('slow-consumer' as const),
            consumer: fc.constantFrom(...consumerIds),
            processingMs: fc.integer({ min: 0, max: 100 }),
          }),
        );
      }
      const nodes = [...brokerIds.map((b) => `broker-${b}`), ...producers.map((p) => `producer-${p.id}`), ...consumerIds];
      if (nodes.length >= 2) {
        faults.push(
          fc
            .tuple(
              fc.constantFrom(...nodes),
              fc.constantFrom(...nodes),
              fc.constantFrom('cut-link' as const, 'heal-link' as const),
            )
            .filter(([a, b]) => a !== b)
            .map(([from, to, type]) => ({ type, from, to })),
        );
      }
      const schedule: fc.Arbitrary<ScheduledCommand[]> = fc.array(
        fc.record({ atMs: fc.integer({ min: 0, max: 20_000 }), command: fc.oneof(...faults) }),
        {
          maxLength: 6,
        },
      );
      return fc
        .record({ schedule, durationMs: fc.option(fc.integer({ min: 0, max: 30_000 }), { nil: undefined }) })
        .map(({ schedule, durationMs }): KafkaScenario => ({
          version: 1,
          name: 'random',
          seed,
          brokers: brokerIds.map((id) => ({ id })),
          topics: topicSpecs,
          producers,
          groups,
          schedule,
          ...(durationMs === undefined ? {} : { durationMs }),
          tasksMax: 20_000,
          trace: { mode: 'summary', keepLast: 0 },
        }));
    });
  });

describe('random valid scenarios', () => {
  it('load, and every run ends within its task bound with a sensible summary', () => {
    fc.assert(
      fc.property(scenario, (spec) => {
        const loaded = loadScenario(spec);
        if (!loaded.ok) throw new Error(formatScenarioErrors(loaded.error, 'the generated scenario'));
        const { summary } = runScenario(loaded.value);
        const { records } = summary;
        expect(summary.tasksRun).toBeLessThanOrEqual(20_000);
        expect(['idle', 'until', 'tasks-max']).toContain(summary.stoppedBy);
        if (spec.durationMs !== undefined && summary.stoppedBy !== 'tasks-max') expect(summary.atMs).toBe(spec.durationMs);
        expect(records.acknowledged).toBeLessThanOrEqual(records.produced);
        expect(records.lost).toBeLessThanOrEqual(records.acknowledged);
        expect(records.duplicated).toBeLessThanOrEqual(records.delivered);
        for (const g of summary.groups) for (const p of g.partitions) expect(p.lag === null || p.lag >= 0).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
