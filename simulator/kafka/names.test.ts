/**
 * Names are data, never code paths: a topic, group, consumer, producer or record key called
 * `__proto__`, `constructor` or any other Object.prototype member behaves like any other name
 * (issue #12). Before, a topic named `__proto__` produced nothing and subscribing to it threw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKafkaSim } from './kafka-sim.ts';
import { baseScenario } from './test-kit.ts';
import type { KafkaState } from './state.ts';

const poison = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

function run(name: string, seed: number): { s: KafkaState; rejected: string[] } {
  const sim = createKafkaSim({
    seed,
    scenario: baseScenario({
      topics: [{ name, partitions: 2, replicationFactor: 3 }],
      producers: [{ id: name, topic: name, ratePerSec: 0, keys: { type: 'none' } }],
      groups: [{ id: name, topics: [name], consumers: 1, consumerIds: [name], autoOffsetReset: 'earliest' }],
    }),
  });
  const s = sim.init();
  const rejected: string[] = [];
  const apply = (c: Parameters<typeof sim.apply>[1]) => {
    const r = sim.apply(s, c);
    if (!r.ok) rejected.push(r.error.message);
  };
  for (let i = 0; i < 3; i++) apply({ type: 'produce', producer: name, topic: name, key: name, value: { i } });
  apply({ type: 'produce', topic: name, key: `${name}-other`, value: { i: 3 } });
  apply({ type: 'add-group', group: { id: `${name}-2`, topics: [name], consumers: 1, autoOffsetReset: 'earliest' } });
  apply({ type: 'run-until-idle' });
  return { s, rejected };
}

describe('names that are Object.prototype members (issue #12)', () => {
  it('work as topic, group, consumer, producer and key names, also after a clone and a JSON round trip', () => {
    fc.assert(
      fc.property(fc.constantFrom(...poison), fc.integer({ min: 0, max: 1000 }), (name, seed) => {
        const { s, rejected } = run(name, seed);
        expect(rejected, `seed ${seed}`).toEqual([]);
        const sim = createKafkaSim({ seed, scenario: baseScenario() });
        const sum = sim.summary(s);
        expect(sum.records.produced).toBe(4);
        const g = sum.groups.find((x) => x.group === name)!;
        expect(g.delivered, `seed ${seed}`).toBe(4);
        expect(sum.groups.find((x) => x.group === `${name}-2`)!.delivered).toBe(4);
        // A copy (timeline checkpoint) and a JSON round trip keep the names working.
        for (const copy of [sim.clone(s), JSON.parse(JSON.stringify(s)) as KafkaState]) {
          const r = sim.apply(copy, { type: 'produce', producer: name, topic: name, key: name, value: { i: 4 } });
          expect(r.ok).toBe(true);
          expect(sim.apply(copy, { type: 'run-until-idle' }).ok).toBe(true);
          expect(sim.summary(copy).groups.find((x) => x.group === name)!.delivered).toBe(5);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('a name that does not exist is unknown, whatever it is called', () => {
    const sim = createKafkaSim({ seed: 1, scenario: baseScenario() });
    const s = sim.init();
    for (const name of poison) {
      const r = sim.apply(s, { type: 'produce', topic: name, value: 1 });
      expect(r.ok ? 'ok' : r.error.code).toBe('UNKNOWN_TOPIC');
      const c = sim.apply(s, { type: 'crash-consumer', consumer: name });
      expect(c.ok ? 'ok' : c.error.code).toBe('UNKNOWN_CONSUMER');
      const g = sim.apply(s, { type: 'add-consumer', group: name });
      expect(g.ok ? 'ok' : g.error.code).toBe('UNKNOWN_GROUP');
    }
  });
});
