/**
 * Tests of the simulation's surface: impossible commands are values, runs are reproducible,
 * states are plain data, clones are independent and the timeline's seek equals a straight run.
 */
import { describe, expect, it } from 'vitest';
import type { KafkaEngineCommand } from './scenario/types.ts';
import { createKafkaSim, createKafkaTimeline } from './kafka-sim.ts';
import { describeEntry } from './describe.ts';
import { baseScenario, world } from './test-kit.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

const scenario = baseScenario({
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3, minInsyncReplicas: 2 }],
  producers: [{ id: 'p1', topic: 'orders', ratePerSec: 500, count: 200, keys: { type: 'uniform', keys: 20 } }],
  groups: [
    { id: 'billing', topics: ['orders'], consumers: 2, consumerIds: ['c1', 'c2'], autoOffsetReset: 'earliest', processingMs: 2 },
  ],
});

const script: KafkaEngineCommand[] = [
  { type: 'advance', untilMs: 3500 },
  { type: 'crash-broker', broker: 2 },
  { type: 'advance', untilMs: 3700 },
  { type: 'crash-consumer', consumer: 'c1' },
  { type: 'produce', topic: 'orders', key: 'x', value: { orderId: 'o-1' } },
  { type: 'restart-broker', broker: 2 },
  { type: 'advance', untilMs: 5000 },
  { type: 'restart-consumer', consumer: 'c1' },
  { type: 'run-until-idle' },
];

describe('impossible commands', { timeout: 60_000 }, () => {
  it('come back as error values with clear messages, and are traced', () => {
    const w = world(scenario);
    const errors = [
      w.reject({ type: 'crash-broker', broker: 9 }),
      w.reject({ type: 'restart-broker', broker: 1 }),
      w.reject({ type: 'restart-consumer', consumer: 'c1' }),
      w.reject({ type: 'produce', topic: 'nope', value: 1 }),
      w.reject({ type: 'produce', topic: 'orders', partition: 3, value: 1 }),
      w.reject({ type: 'produce', producer: 'p1', topic: 'orders', acks: 0 }),
      w.reject({ type: 'cut-link', from: 'broker-1', to: 'mars' }),
      w.reject({ type: 'add-consumer', group: 'nope' }),
      w.reject({ type: 'advance', untilMs: -5 }),
      w.reject({ type: 'teleport' } as unknown as KafkaEngineCommand),
    ];
    expect(errors.every((m) => m.length > 10)).toBe(true);
    expect(w.entries('command-rejected')).toHaveLength(errors.length);
  });

  it('a run that never goes idle stops at the task bound with an error, not a hang', () => {
    const w = world(
      baseScenario({ tasksMax: 5000, producers: [{ id: 'p', topic: 'orders', ratePerSec: 100, keys: { type: 'none' } }] }),
    );
    expect(w.reject({ type: 'run-until-idle' })).toMatch(/limit is 5000/);
  });
});

describe('determinism and plain data', { timeout: 60_000 }, () => {
  function runOnce(seed: number) {
    const w = world(scenario, seed);
    for (const c of script) w.run(c);
    return w;
  }

  it('the same seed and commands give the same trace, byte for byte', () => {
    const a = JSON.stringify(runOnce(7).s.trace);
    expect(JSON.stringify(runOnce(7).s.trace)).toBe(a);
    expect(JSON.stringify(runOnce(8).s.trace)).not.toBe(a);
  });

  it('the state survives a JSON round trip and keeps running the same', () => {
    const w = world(scenario, 3);
    w.advance(3600);
    const copy = JSON.parse(JSON.stringify(w.s));
    const sim = createKafkaSim({ seed: 3, scenario });
    for (const c of script.slice(1)) {
      sim.apply(w.s, c);
      sim.apply(copy, c);
    }
    expect(JSON.stringify(copy)).toBe(JSON.stringify(w.s));
  });

  it('a clone is independent of its original', () => {
    const w = world(scenario, 3);
    w.advance(4000);
    const before = JSON.stringify(w.s);
    const c = w.sim.clone(w.s);
    w.sim.apply(c, { type: 'run-until-idle' });
    expect(JSON.stringify(w.s)).toBe(before);
    expect(JSON.stringify(w.sim.clone(w.s))).toBe(before);
  });

  it("a clone's task queue shares no mutable object with the original's", () => {
    // Tasks are copied field by field (not serialized) for speed; a task type that gains an array
    // or object field must copy it too, or two futures of one timeline would write into each other.
    const w = world(scenario, 3);
    const seen = new Set<string>();
    for (let t = 1; t <= 6000; t += 3) {
      w.advance(t);
      const c = w.sim.clone(w.s);
      expect(c.queue).toEqual(w.s.queue);
      c.queue.forEach((task, i) => {
        const orig = w.s.queue[i]! as unknown as Record<string, unknown>;
        expect(task).not.toBe(orig);
        for (const [k, v] of Object.entries(task)) {
          if (typeof v !== 'object' || v === null) continue;
          seen.add(`${task.type}.${k}`);
          expect(v, `${task.type}.${k}`).not.toBe(orig[k]);
        }
      });
    }
    // The run queued the task types that carry arrays, so the check above looked at them.
    expect([...seen]).toEqual(expect.arrayContaining(['produce-arrive.rns', 'assignment.pids']));
  });

  it('every trace entry has a sentence', () => {
    const w = runOnce(1);
    for (const e of w.s.trace.entries as KafkaTraceEntry[]) expect(describeEntry(e)).toMatch(/\.$/);
  });
});

describe('timeline', { timeout: 60_000 }, () => {
  it('seek back and forth equals a straight run; a command after a seek forks', () => {
    const opts = { seed: 5, scenario };
    const t = createKafkaTimeline(opts, 2);
    for (const c of script) t.push(c);
    const straight = (k: number) => {
      const sim = createKafkaSim(opts);
      const s = sim.init();
      for (const c of script.slice(0, k)) sim.apply(s, c);
      return JSON.stringify(s);
    };
    for (const k of [9, 3, 0, 5, 8, 1]) expect(JSON.stringify(t.seek(k))).toBe(straight(k));
    t.seek(2);
    t.push({ type: 'run-until-idle' });
    expect(t.commands).toHaveLength(3);
  });
});
