/**
 * The timeline in bounded memory (issue #12): seek still equals a straight replay whatever the
 * budget, checkpoints stay within their count and byte budgets, dense near the cursor, a timeline
 * created with a link's commands replays only up to the link's cursor, and repeated identical
 * commands share one object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTimeline, type TimelineModel } from './timeline.ts';

type S = { sum: number; log: number[] };

function countingModel(): TimelineModel<S, number> & { applied: number; cloned: number } {
  const m = {
    applied: 0,
    cloned: 0,
    init: (): S => ({ sum: 0, log: [] }),
    apply: (s: S, c: number) => {
      m.applied++;
      s.sum = (s.sum * 31 + c) % 1000003;
      s.log.push(c);
    },
    clone: (s: S): S => {
      m.cloned++;
      return structuredClone(s);
    },
    sizeOf: (s: S) => 64 + 8 * s.log.length,
  };
  return m;
}

const straight = (cmds: readonly number[], k: number): S => {
  const s: S = { sum: 0, log: [] };
  for (const c of cmds.slice(0, k)) {
    s.sum = (s.sum * 31 + c) % 1000003;
    s.log.push(c);
  }
  return s;
};

type Op = { kind: 'push'; c: number } | { kind: 'seek'; k: number };

describe('timeline with a checkpoint budget', () => {
  it('seek equals a straight replay under any budget, through pushes, seeks and forks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 80 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('push' as const), c: fc.integer({ min: 0, max: 9 }) }),
            fc.record({ kind: fc.constant('seek' as const), k: fc.integer({ min: 0, max: 120 }) }),
          ),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 80 })),
        (initial, ops, every, checkpointsMax, cursor) => {
          const t = createTimeline(countingModel(), every, initial, {
            checkpointsMax,
            checkpointBytesMax: 2000,
            ...(cursor === null ? {} : { cursor }),
          });
          let future = initial.slice();
          let at = cursor === null ? future.length : Math.min(cursor, future.length);
          for (const op of ops as Op[]) {
            if (op.kind === 'push') {
              future = [...future.slice(0, at), op.c];
              at = future.length;
              t.push(op.c);
            } else {
              at = Math.min(op.k, future.length);
              t.seek(op.k);
            }
            expect(t.cursor).toBe(at);
            expect(t.state).toEqual(straight(future, at));
            expect(t.commands).toEqual(future);
            expect(t.checkpointCount()).toBeLessThanOrEqual(checkpointsMax);
          }
        },
      ),
    );
  });

  it('holds at most checkpointsMax checkpoints over a long run, dense near the cursor', () => {
    const m = countingModel();
    const t = createTimeline(m, 16, [], { checkpointsMax: 20, checkpointBytesMax: Infinity });
    for (let i = 0; i < 30_000; i++) t.push(i % 10);
    expect(t.checkpointCount()).toBeLessThanOrEqual(20);
    // Stepping back near the end replays at most a few intervals.
    const before = m.applied;
    t.seek(t.cursor - 5);
    expect(m.applied - before).toBeLessThanOrEqual(16 * 2);
    // A far seek is still exact.
    expect(t.seek(12_345)).toEqual(straight(t.commands, 12_345));
  });

  it('keeps the checkpoints within a byte budget when the model can measure its state', () => {
    const m = countingModel();
    const bytesMax = 400_000;
    const t = createTimeline(m, 8, [], { checkpointsMax: 1000, checkpointBytesMax: bytesMax });
    for (let i = 0; i < 20_000; i++) t.push(1);
    expect(t.checkpointCount()).toBeLessThan(1000);
    expect(t.seek(19_999)).toEqual(straight(t.commands, 19_999));
  });
});

describe('a timeline created with commands and a cursor', () => {
  it('replays only up to the cursor, and the rest when the learner moves forward', () => {
    const cmds = Array.from({ length: 200_000 }, (_, i) => i % 7);
    const m = countingModel();
    const t = createTimeline(m, 128, cmds, { cursor: 10 });
    expect(m.applied).toBe(10);
    expect(t.cursor).toBe(10);
    expect(t.state).toEqual(straight(cmds, 10));
    t.seek(11);
    expect(m.applied).toBe(11);
  });

  it('stays lazy when created the old way and sought at once (the workbench store does this)', () => {
    const cmds = Array.from({ length: 200_000 }, (_, i) => i % 7);
    const m = countingModel();
    const t = createTimeline(m, 128, cmds);
    t.seek(25);
    expect(m.applied).toBe(25);
    expect(t.commands.length).toBe(200_000);
  });

  it('applies every initial command when read without a seek (the original behaviour)', () => {
    const m = countingModel();
    const t = createTimeline(m, 4, [1, 2, 3]);
    expect(t.cursor).toBe(3);
    expect(t.state.log).toEqual([1, 2, 3]);
  });

  it('replays a link of 250,000 steps with few clones, not one per interval', () => {
    const cmds = Array.from({ length: 250_000 }, () => 1);
    const m = countingModel();
    const t = createTimeline(m, 128, cmds, { cursor: 250_000 });
    expect(t.cursor).toBe(250_000);
    // The old timeline cloned 250,000 / 128 ≈ 1,953 times here.
    expect(m.cloned).toBeLessThan(250);
    expect(t.checkpointCount()).toBeLessThanOrEqual(48);
  });
});

describe('repeated identical commands', () => {
  it('are stored as one object', () => {
    const t = createTimeline<S, { type: string }>(
      { init: () => ({ sum: 0, log: [] }), apply: () => undefined, clone: (s) => structuredClone(s) },
      4,
    );
    for (let i = 0; i < 5; i++) t.push({ type: 'step' });
    t.push({ type: 'other' });
    t.push({ type: 'step' });
    const c = t.commands;
    expect(new Set(c.slice(0, 5)).size).toBe(1);
    expect(c[5]).not.toBe(c[4]);
    expect(c.map((x) => x.type)).toEqual(['step', 'step', 'step', 'step', 'step', 'other', 'step']);
  });
});

describe('a timeline restored from checkpoints computed elsewhere (a Worker)', () => {
  it('opens at the cursor without replaying, steps back cheaply, and still equals a straight replay', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 50, maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        fc.nat(),
        (cmds, every, pick) => {
          const cursor = 1 + (pick % cmds.length);
          const worker = createTimeline(countingModel(), every, cmds, { cursor });
          const handed = structuredClone(worker.checkpointsNear(6));
          expect(handed.at(-1)!.at).toBe(cursor);
          const m = countingModel();
          const tl = createTimeline(m, every, cmds, { cursor, restore: handed });
          expect(m.applied).toBe(0);
          expect(tl.state).toEqual(straight(cmds, cursor));
          // Back one step replays from the nearest handed-over checkpoint, not from the start.
          tl.seek(cursor - 1);
          expect(tl.state).toEqual(straight(cmds, cursor - 1));
          expect(m.applied).toBeLessThanOrEqual(Math.max(every, cursor - handed[0]!.at));
          for (const k of [0, Math.floor(cmds.length / 2), cmds.length]) expect(tl.seek(k)).toEqual(straight(cmds, k));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ignores restored states outside the commands it has', () => {
    const m = countingModel();
    const tl = createTimeline(m, 4, [1, 2, 3], { restore: [{ at: 9, state: { sum: -1, log: [] } }] });
    expect(tl.state).toEqual(straight([1, 2, 3], 3));
  });
});

describe('adopting work done elsewhere (End in a Worker)', () => {
  it('takes the handed-over end as the live state, without a replay, and seek still equals a straight replay', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 32 }),
        fc.nat(),
        (recorded, more, every, pick) => {
          const all = [...recorded, ...more];
          const from = pick % (recorded.length + 1);
          const m = countingModel();
          const page = createTimeline(m, every, recorded, { cursor: from });
          // What the Worker computes: the recorded future and End's commands, from the page's state.
          const worker = createTimeline(countingModel(), every, all, { cursor: all.length });
          const handed = structuredClone(worker.checkpointsNear(5));
          const applied = m.applied;
          page.adopt(more, handed);
          expect(m.applied).toBe(applied);
          expect(page.cursor).toBe(all.length);
          expect(page.commands).toEqual(all);
          expect(page.state).toEqual(straight(all, all.length));
          for (const k of [all.length - 1, Math.floor(all.length / 2), 0, all.length]) {
            expect(page.seek(k)).toEqual(straight(all, k));
          }
          page.push(7);
          expect(page.state).toEqual(straight([...all, 7], all.length + 1));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('appends and seeks when the last state handed over is not usable', () => {
    const t = createTimeline(countingModel(), 4, [1, 2], { cursor: 0 });
    t.adopt([3], [{ at: 99, state: { sum: -1, log: [] } }]);
    expect(t.cursor).toBe(3);
    expect(t.state).toEqual(straight([1, 2, 3], 3));
  });
});

describe('seeking in slices (seekPartly)', () => {
  it('reaches the state a seek reaches, never applying more than asked per call, through retargets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 12 }),
        (cmds, targets, checkpointsMax) => {
          const m = countingModel();
          const t = createTimeline(m, 8, cmds, { cursor: 0, checkpointsMax });
          for (const [raw, chunk] of targets) {
            const k = raw % (cmds.length + 1);
            let calls = 0;
            for (;;) {
              const before = m.applied;
              const done = t.seekPartly(k, chunk);
              expect(m.applied - before).toBeLessThanOrEqual(chunk);
              // Every stop is a true state of the run at its cursor.
              expect(t.state).toEqual(straight(cmds, t.cursor));
              if (done) break;
              expect(++calls).toBeLessThan(cmds.length + 2);
            }
            expect(t.cursor).toBe(k);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
