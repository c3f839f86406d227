/**
 * The key moments each model draws under the topology, at the end of the lesson steps that are
 * about them: the numbers drawn are the simulation's (compensation order from the trace, events a
 * load read, the committed offset before and after a reset, one copy per subscribing group).
 */
import { describe, expect, it } from 'vitest';
import { sagaModel, sagaRead, type BankState, type KafkaState, type SagaWorld } from '../../simulator/index.ts';
import { stateAfterStep } from '../../lessons/format/run-lesson.ts';
import { lesson as l02 } from '../../lessons/02-pub-sub-fan-out/lesson.ts';
import { lesson as l07 } from '../../lessons/07-retention-replay-compaction/lesson.ts';
import { lesson as l15 } from '../../lessons/15-snapshots/lesson.ts';
import { lesson as l20 } from '../../lessons/20-saga-compensation/lesson.ts';
import type { MomentView } from '../workbench/moment.ts';
import { bankView } from './eventstore/bank-view.ts';
import { kafkaView } from './kafka/kafka-view.ts';
import { sagaView } from './saga/saga-view.ts';

const at = <L extends { steps: ReadonlyArray<{ id: string }> }>(lesson: L, id: string): number => {
  const i = lesson.steps.findIndex((s) => s.id === id);
  expect(i, id).toBeGreaterThanOrEqual(0);
  return i;
};
function kind<K extends MomentView['kind']>(m: MomentView | undefined, k: K): Extract<MomentView, { kind: K }> {
  expect(m?.kind).toBe(k);
  return m as Extract<MomentView, { kind: K }>;
}

describe('L20: compensation drawn as the undo walking back, numbered in the order it ran', () => {
  for (const [step, order] of [
    ['payment-declined', 'order-2'],
    ['shipping-fails', 'order-3'],
  ] as const) {
    it(step, () => {
      const w = stateAfterStep(l20, at(l20, step)) as SagaWorld;
      const m = kind(sagaView(w).moment, 'undo');
      expect(m.items.map((i) => i.label)).toEqual(w.sagas[order]!.steps.map((s) => s.name));
      const undone = m.items.filter((i) => i.undoOrder !== undefined).sort((a, b) => a.undoOrder! - b.undoOrder!);
      expect(undone.map((i) => i.label).join(', ')).toBe(sagaRead.compensationOrder(w, order));
      // Reverse: the first undo is the rightmost done step.
      const cols = undone.map((u) => m.items.indexOf(u));
      expect(cols).toEqual([...cols].sort((a, b) => b - a));
      expect(m.title).toContain(order);
    });
  }
});

describe('the undo lights up one compensation at a time', () => {
  it('stepping one trace entry at a time, the numbered undos appear 1, then 2', () => {
    const run = sagaModel.run(l20.scenario);
    const w = run.init(l20.seed);
    run.apply(w, {
      type: 'inject-fault',
      fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' },
    });
    run.apply(w, { type: 'place-order', orderId: 'o', amountCents: 2_500 });
    const seen: number[] = [];
    for (let i = 0; i < 500 && run.nextAtMs(w) !== undefined; i++) {
      run.apply(w, { type: 'next-entry' });
      const m = kind(sagaView(w).moment, 'undo');
      const n = m.items.filter((x) => x.undoOrder !== undefined).length;
      if (seen.at(-1) !== n) seen.push(n);
    }
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe('L15: a rebuild from a snapshot beside a rebuild from the start', () => {
  const ranges = (step: string) => {
    const s = stateAfterStep(l15, at(l15, step)) as BankState;
    return kind(bankView(s).moment, 'ranges').ranges;
  };
  it('without snapshots only the start applies', () => {
    const [start, snap] = ranges('load-without');
    expect([start!.count, start!.available, snap!.available]).toEqual([10_000, true, false]);
  });
  it('after new events and in the past, both counts are drawn', () => {
    expect(ranges('more-deposits').map((r) => [r.count, r.from])).toEqual([
      [10_037, 0],
      [37, 10_000],
    ]);
    expect(ranges('as-of').map((r) => r.count)).toEqual([5_501, 501]);
    expect(ranges('load-with').map((r) => r.count)).toEqual([10_000, 0]);
  });
});

describe('L07: the committed offset jumps back, then walks forward as records are re-consumed', () => {
  it('reset-to-earliest', () => {
    const s = stateAfterStep(l07, at(l07, 'reset-to-earliest')) as KafkaState;
    const m = kind(kafkaView(s).moment, 'pointer');
    expect(m.rows.map((r) => [r.label, r.from, r.to, r.now, r.end])).toEqual([['orders-0', 30, 0, 30, 30]]);
  });
});

describe('L02: one record copied to every subscribing group', () => {
  it('one-order', () => {
    const s = stateAfterStep(l02, at(l02, 'one-order')) as KafkaState;
    const m = kind(kafkaView(s).moment, 'copies');
    expect(m.item).toBe('order-1');
    expect(m.copies.map((c) => c.to).sort()).toEqual(s.k.groups.map((g) => g.id).sort());
    expect(m.copies.every((c) => c.word === 'processed')).toBe(true);
  });
});
