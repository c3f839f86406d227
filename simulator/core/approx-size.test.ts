import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { approxBytes } from './approx-size.ts';
import { simModelById } from '../models.ts';
import busy from '../../docs/examples/busy-cluster.json';

describe('approxBytes', () => {
  it('grows with the data: a longer array of like items is estimated proportionally bigger', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i, key: `order-${i}`, value: 'x'.repeat(20) }));
    const small = approxBytes(rows(1_000));
    const big = approxBytes(rows(100_000));
    expect(big / small).toBeGreaterThan(80);
    expect(big / small).toBeLessThan(120);
  });

  it('counts typed arrays by their bytes, strings by their length, and survives a cycle', () => {
    expect(approxBytes(new Float64Array(1_000))).toBeGreaterThanOrEqual(8_000);
    expect(approxBytes('x'.repeat(10_000))).toBeGreaterThanOrEqual(10_000);
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(approxBytes(a)).toBeGreaterThan(0);
  });

  it('stays within a small factor of V8’s serialised size for a busy Kafka cluster, and errs high', () => {
    const model = simModelById('kafka')!;
    const loaded = model.loadScenario(busy);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const run = model.run(loaded.value as never);
    const state = run.init(1);
    for (let i = 0; i < 60_000 && run.nextAtMs(state) !== undefined; i++) run.apply(state, run.stepCommand);
    const exact = serialize(state).length;
    const estimate = approxBytes(state);
    expect(estimate).toBeGreaterThan(exact);
    expect(estimate).toBeLessThan(exact * 6);
  });
});
