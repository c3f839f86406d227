/** Tests for the engine core: randomness, scheduling order, trace modes and the timeline. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chance, nextInt, nextU32, seedRng } from './rng.ts';
import { heapPop, heapPush, type Scheduled } from './heap.ts';
import { createTraceLog, traceEmit, traceEntries } from './trace.ts';
import { createWorldBase, newId, runUntil, schedule, type WorldBase } from './world.ts';
import { createTimeline } from './timeline.ts';

describe('rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = seedRng(42);
    const b = seedRng(42);
    const c = seedRng(43);
    const sa = Array.from({ length: 5 }, () => nextU32(a));
    expect(Array.from({ length: 5 }, () => nextU32(b))).toEqual(sa);
    expect(Array.from({ length: 5 }, () => nextU32(c))).not.toEqual(sa);
  });

  it('pins the first outputs for seed 1 so a change of generator is noticed', () => {
    const r = seedRng(1);
    // Recorded from this implementation: every saved share link depends on these staying put.
    expect([nextU32(r), nextU32(r), nextU32(r)]).toEqual([1828152527, 3394835397, 2967886022]);
  });

  it('nextInt stays within its bound and covers it', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 50 }), (seed, bound) => {
        const r = seedRng(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 400; i++) {
          const x = nextInt(r, bound);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(bound);
          seen.add(x);
        }
        if (bound <= 10) expect(seen.size).toBe(bound);
      }),
    );
  });

  it('chance honours 0 and 1 exactly and is near its ratio otherwise', () => {
    const r = seedRng(7);
    let hits = 0;
    for (let i = 0; i < 10000; i++) {
      expect(chance(r, 0, 10)).toBe(false);
      expect(chance(r, 10, 10)).toBe(true);
      if (chance(r, 3, 10)) hits++;
    }
    expect(hits).toBeGreaterThan(2800);
    expect(hits).toBeLessThan(3200);
  });
});

describe('heap', () => {
  it('pops by time, then by scheduling order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap: Scheduled[] = [];
        times.forEach((atMs, seq) => heapPush(heap, { atMs, seq }));
        const out: Scheduled[] = [];
        for (let t = heapPop(heap); t; t = heapPop(heap)) out.push(t);
        const expected = times.map((atMs, seq) => ({ atMs, seq })).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
        expect(out).toEqual(expected);
      }),
    );
  });
});

describe('trace', () => {
  it('summary mode keeps only the newest entries but counts them all', () => {
    const log = createTraceLog('summary', 3);
    for (let i = 0; i < 10; i++) traceEmit(log, { type: i % 2 ? 'odd' : 'even', atMs: i });
    expect(traceEntries(log).map((e) => e.id)).toEqual([7, 8, 9]);
    expect(log.counts).toEqual({ even: 5, odd: 5 });
    expect(log.nextId).toBe(10);
  });
});

describe('world', () => {
  type Task = { type: 'tick'; n: number };
  it('runs tasks in virtual-time order and stops at its bound', () => {
    const w = createWorldBase<Task, never>({ seed: 1 }) as WorldBase<Task>;
    const seen: number[] = [];
    schedule(w, { type: 'tick', n: 2, atMs: 20 });
    schedule(w, { type: 'tick', n: 1, atMs: 10 });
    schedule(w, { type: 'tick', n: 3, atMs: 20 });
    const out = runUntil<Task, WorldBase<Task>>(w, (_w, t) => seen.push(t.n), { tasksMax: 2 });
    expect(seen).toEqual([1, 2]);
    expect(out.stoppedBy).toBe('tasks-max');
    expect(w.nowMs).toBe(20);
    expect(runUntil<Task, WorldBase<Task>>(w, (_w, t) => seen.push(t.n), { tasksMax: 10 }).stoppedBy).toBe('idle');
    expect(seen).toEqual([1, 2, 3]);
    expect(newId(w, 'rec')).toBe('rec-1');
    expect(newId(w, 'rec')).toBe('rec-2');
  });
});

describe('timeline', () => {
  type S = { sum: number; log: number[] };
  const model = {
    init: (): S => ({ sum: 0, log: [] }),
    apply: (s: S, c: number) => {
      s.sum = (s.sum * 31 + c) % 1000003;
      s.log.push(c);
    },
    clone: (s: S): S => structuredClone(s),
  };

  it('seek to any point equals a straight replay, forwards and back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 70 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 8 }),
        (cmds, seeks, every) => {
          const t = createTimeline(model, every, cmds);
          for (const k of seeks) {
            const s = t.seek(k);
            const straight = createTimeline(model, 1000, cmds.slice(0, Math.min(k, cmds.length))).state;
            expect(s).toEqual(straight);
          }
        },
      ),
    );
  });

  it('a command after stepping back forks the future', () => {
    const t = createTimeline(model, 2, [1, 2, 3, 4, 5]);
    t.seek(2);
    t.push(9);
    expect(t.commands).toEqual([1, 2, 9]);
    expect(t.state.log).toEqual([1, 2, 9]);
    expect(t.seek(3).log).toEqual([1, 2, 9]);
    expect(t.seek(1).log).toEqual([1]);
    expect(t.seek(99).log).toEqual([1, 2, 9]);
  });
});
