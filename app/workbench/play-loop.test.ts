/**
 * The play loop asks for frames only while the store plays: one frame at a time (a tick's own
 * store update must not ask for a second, which would double the frames each frame), none once
 * play stops, and the first frame after play starts again is a zero-length tick.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from './store.ts';
import { toyAdapter } from './toy-adapter.ts';
import { startPlayLoop, type Frames } from './useTransportKeys.ts';

/** Frames a test runs by hand, 50 ms apart. */
function fakeFrames() {
  let next = 1;
  let now = 0;
  const pending = new Map<number, (t: number) => void>();
  const frames: Frames = {
    request: (cb) => {
      pending.set(next, cb);
      return next++;
    },
    cancel: (id) => void pending.delete(id),
  };
  const run = (): void => {
    now += 50;
    const due = [...pending.values()];
    pending.clear();
    for (const cb of due) cb(now);
  };
  return { frames, run, pending: () => pending.size };
}

const ticks = (store: ReturnType<typeof make>) => store.getState().view.counters[0]!.value;
const make = (count: number) => createWorkbenchStore(toyAdapter(count), { seed: 1, checkpointEvery: 4 });

describe('the play loop', () => {
  it('asks for no frame while the store is paused', () => {
    const store = make(3);
    const f = fakeFrames();
    const stop = startPlayLoop(store, f.frames, () => false);
    expect(f.pending()).toBe(0);
    store.getState().stepForward();
    expect(f.pending()).toBe(0);
    stop();
  });

  it('plays one frame at a time, and stops asking when play reaches the end', () => {
    const store = make(3);
    const f = fakeFrames();
    const stop = startPlayLoop(store, f.frames, () => false);
    store.getState().play();
    expect(f.pending()).toBe(1);
    for (let i = 0; i < 20 && f.pending() > 0; i++) {
      f.run();
      expect(f.pending()).toBeLessThanOrEqual(1);
    }
    // Toy ticks are 100 virtual ms apart: 50 ms frames at 1× run all three, then play stops.
    expect(ticks(store)).toBe(3);
    expect(store.getState().playing).toBe(false);
    expect(f.pending()).toBe(0);
    stop();
  });

  it('starts again from a zero-length tick when play resumes, and stop cancels the frame', () => {
    const store = make(10);
    const f = fakeFrames();
    const stop = startPlayLoop(store, f.frames, () => false);
    store.getState().play();
    f.run(); // the first frame: no time has passed yet
    f.run(); // 50 ms
    f.run(); // 100 ms: tick 1 is due
    store.getState().pause();
    const paused = ticks(store);
    expect(paused).toBeGreaterThanOrEqual(1);
    f.run(); // the frame asked for before the pause finds play stopped, and asks for none
    expect(f.pending()).toBe(0);
    store.getState().play();
    f.run(); // zero-length: a pause's real time is not played
    expect(ticks(store)).toBe(paused);
    expect(f.pending()).toBe(1);
    stop();
    expect(f.pending()).toBe(0);
  });
});
