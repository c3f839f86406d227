/**
 * Helpers for the Kafka model's tests: build a small world, drive it with commands that must
 * succeed, and read the trace. Test-only; not part of the public surface.
 */
import type { KafkaScenario, KafkaEngineCommand } from './scenario/types.ts';
import { createKafkaSim, type KafkaSim } from './kafka-sim.ts';
import type { KafkaState, KafkaTuning } from './state.ts';
import type { EntryOf, KafkaTraceEntry, KafkaTraceType } from './trace-types.ts';

/** A three-broker cluster with one topic, to be overridden field by field. */
export function baseScenario(over: Partial<KafkaScenario> = {}): KafkaScenario {
  return {
    version: 1,
    name: 'test',
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    trace: { mode: 'full' },
    ...over,
  };
}

export interface World {
  sim: KafkaSim;
  s: KafkaState;
  /** Applies a command and fails the test if it is rejected. */
  run(c: KafkaEngineCommand): void;
  /** Applies a command that must be rejected; returns the error message. */
  reject(c: KafkaEngineCommand): string;
  idle(): void;
  advance(untilMs: number): void;
  entries<T extends KafkaTraceType>(type: T): EntryOf<T>[];
  summary(): ReturnType<KafkaSim['summary']>;
}

/** A world for a scenario, seed and tuning. */
export function world(scenario: KafkaScenario, seed = 1, tuning: Partial<KafkaTuning> = {}): World {
  const sim = createKafkaSim({ seed, scenario, tuning });
  const s = sim.init();
  const w: World = {
    sim,
    s,
    run(c) {
      const r = sim.apply(s, c);
      if (!r.ok) throw new Error(`command ${JSON.stringify(c)} rejected (seed ${seed}): ${r.error.message}`);
    },
    reject(c) {
      const r = sim.apply(s, c);
      if (r.ok) throw new Error(`command ${JSON.stringify(c)} should have been rejected (seed ${seed})`);
      return r.error.message;
    },
    idle: () => w.run({ type: 'run-until-idle' }),
    advance: (untilMs) => w.run({ type: 'advance', untilMs }),
    entries: <T extends KafkaTraceType>(type: T) =>
      (s.trace.entries as KafkaTraceEntry[]).filter((e): e is EntryOf<T> => e.type === type),
    summary: () => sim.summary(s),
  };
  return w;
}
