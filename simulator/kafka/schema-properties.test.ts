/**
 * Oracles for the registry inside the Kafka model, over seeds and the moments a learner acts:
 * the same seed and commands give the same trace byte for byte, and seeking a timeline to any
 * command gives the same state as a straight run to it (the registry, the serializers' ids, the
 * stalls and the dead letters included).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKafkaSim, createKafkaTimeline } from './kafka-sim.ts';
import { loadScenario } from './scenario/loader.ts';
import type { KafkaEngineCommand, KafkaScenario } from './scenario/types.ts';

const raw = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'examples', 'schema-rename-field.json'), 'utf8');
const loaded = loadScenario(raw);
if (!loaded.ok) throw new Error('schema-rename-field does not load');
const scenario: KafkaScenario = { ...loaded.value, durationMs: 20_000 };

const orderPlaced = (fields: object[]) => ({ type: 'record', name: 'OrderPlaced', namespace: 'shop.orders', fields });
const ID = [
  { name: 'orderId', type: 'string' },
  { name: 'userId', type: 'string' },
];
const RENAMED = orderPlaced([...ID, { name: 'subtotal', type: 'double' }]);
const ALIASED = orderPlaced([...ID, { name: 'subtotal', type: 'double', aliases: ['total'] }]);

/** A learner's session: switch the producer, maybe open the level, maybe fix the old reader, with time between. */
const sessionArb = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  switchAt: fc.integer({ min: 0, max: 6000 }),
  noneFirst: fc.boolean(),
  fixAt: fc.option(fc.integer({ min: 6000, max: 12_000 }), { nil: undefined }),
  skip: fc.boolean(),
});

type Session = typeof sessionArb extends fc.Arbitrary<infer T> ? T : never;

function script(c: Session): KafkaEngineCommand[] {
  const cmds: KafkaEngineCommand[] = [{ type: 'advance', untilMs: c.switchAt }];
  if (c.noneFirst) cmds.push({ type: 'set-compatibility', subject: 'orders-value', level: 'NONE' });
  cmds.push({ type: 'set-producer-schema', producer: 'checkout', schema: RENAMED });
  // Refused under BACKWARD (nothing changes); the learner opens the level and registers again.
  if (!c.noneFirst)
    cmds.push(
      { type: 'advance', untilMs: c.switchAt + 1500 },
      { type: 'set-compatibility', level: 'NONE' },
      { type: 'set-producer-schema', producer: 'checkout', schema: RENAMED },
    );
  if (c.skip)
    cmds.push(
      { type: 'advance', untilMs: 9000 },
      { type: 'skip-unreadable', group: 'billing-old', topic: 'orders', partition: 0 },
    );
  if (c.fixAt !== undefined)
    cmds.push({ type: 'advance', untilMs: c.fixAt }, { type: 'set-reader-schema', group: 'billing-old', schema: ALIASED });
  cmds.push({ type: 'advance', untilMs: 20_000 });
  return cmds;
}

function traceOf(seed: number, cmds: KafkaEngineCommand[]): string {
  const sim = createKafkaSim({ seed, scenario });
  const s = sim.init();
  for (const c of cmds) sim.apply(s, c);
  return JSON.stringify(s.trace.entries);
}

describe('schema registry in the Kafka model: oracles', () => {
  it('gives an identical trace for the same seed and commands', () => {
    fc.assert(
      fc.property(sessionArb, (c) => {
        const cmds = script(c);
        const a = traceOf(c.seed, cmds);
        expect(a, `seed ${c.seed}`).toBe(traceOf(c.seed, cmds));
        expect(a).toContain('record-unreadable');
      }),
      { numRuns: 8 },
    );
  });

  it('seek then replay on a timeline gives the same state as a straight run', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 1, max: 3 }), fc.nat(), (c, every, pick) => {
        const cmds = script(c);
        const t = createKafkaTimeline({ seed: c.seed, scenario }, every);
        for (const cmd of cmds) t.push(cmd);
        const k = pick % (cmds.length + 1);
        const sim = createKafkaSim({ seed: c.seed, scenario });
        const s = sim.init();
        for (const cmd of cmds.slice(0, k)) sim.apply(s, cmd);
        expect(JSON.stringify(t.seek(k)), `seed ${c.seed}, seek ${k}`).toBe(JSON.stringify(s));
      }),
      { numRuns: 8 },
    );
  });
});
