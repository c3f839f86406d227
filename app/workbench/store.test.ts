import { describe, expect, it, vi } from 'vitest';
import { createWorkbenchStore, stepsPerFrameMax } from './store.ts';
import { toyAdapter } from './toy-adapter.ts';

const ticks = (store: ReturnType<typeof make>) => store.getState().view.counters[0]!.value;
const make = (count = 10) => createWorkbenchStore(toyAdapter(count), { seed: 1, checkpointEvery: 4 });

describe('workbench store', () => {
  it('steps forward one entry at a time and back again', () => {
    const store = make();
    store.getState().stepForward();
    store.getState().stepForward();
    expect(ticks(store)).toBe(2);
    expect(store.getState().view.nowMs).toBe(200);
    expect(store.getState().announcement).toBe('Tick 2.');
    store.getState().stepBack();
    expect(ticks(store)).toBe(1);
    expect(store.getState().cursor).toBe(1);
    expect(store.getState().length).toBe(2);
    // Stepping forward again replays the same future instead of making a new one.
    store.getState().stepForward();
    expect(store.getState().length).toBe(2);
    expect(ticks(store)).toBe(2);
  });

  it('a command after stepping back forks the future', () => {
    const store = make();
    for (let i = 0; i < 5; i++) store.getState().stepForward();
    store.getState().seek(2);
    expect(store.getState().dispatch({ type: 'crash' })).toBe(true);
    expect(store.getState().length).toBe(3);
    expect(store.getState().view.nodes[0]!.status).toBe('crashed');
    store.getState().stepForward();
    expect(ticks(store)).toBe(2); // a crashed ticker does not tick
  });

  it('a refused command shows its error and leaves the timeline alone', () => {
    const store = make();
    store.getState().stepForward();
    expect(store.getState().dispatch({ type: 'restart' })).toBe(false);
    expect(store.getState().error?.message).toMatch(/only a crashed ticker can restart/);
    expect(store.getState().length).toBe(1);
    store.getState().stepForward();
    expect(store.getState().error).toBeNull();
  });

  it('play advances virtual time at the chosen speed and stops when idle', () => {
    const store = make(3);
    store.getState().setSpeed(2);
    store.getState().play();
    store.getState().tick(60); // 120 virtual ms: tick 1 at 100 is due, the picture waits for 100 real ms
    expect(store.getState().cursor).toBe(1);
    expect(ticks(store)).toBe(0);
    store.getState().tick(100); // 320: ticks 2 and 3
    expect(ticks(store)).toBe(3);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().idle).toBe(true);
  });

  it('publishes what play ran when it pauses, so the paused picture is the true one', () => {
    const store = make(3);
    store.getState().setSpeed(2);
    store.getState().play();
    store.getState().tick(60); // 120 virtual ms: tick 1 at 100 runs; 60 real ms, so the picture waits
    expect(ticks(store)).toBe(0);
    store.getState().pause();
    expect(ticks(store)).toBe(1);
    expect(store.getState().view.nowMs).toBe(100);
  });

  it('caps the entries one frame may run', () => {
    const store = make(stepsPerFrameMax + 50);
    store.getState().setSpeed(100);
    store.getState().play();
    store.getState().tick(1_000_000);
    expect(ticks(store)).toBe(stepsPerFrameMax);
    expect(store.getState().playing).toBe(true);
  });

  it('clamps speed to 0.1×–100× and treats nonsense as 1×', () => {
    const store = make();
    store.getState().setSpeed(1000);
    expect(store.getState().speed).toBe(100);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(0.1);
    store.getState().setSpeed(Number.NaN);
    expect(store.getState().speed).toBe(1);
  });

  it('restarts at time zero and runs to the end', () => {
    const store = make();
    store.getState().runToEnd();
    expect(ticks(store)).toBe(10);
    expect(store.getState().idle).toBe(true);
    store.getState().restart();
    expect(store.getState().cursor).toBe(0);
    expect(ticks(store)).toBe(0);
    expect(store.getState().length).toBe(10);
  });

  it('reproduces a shared state from seed, commands and cursor', () => {
    const a = make();
    for (let i = 0; i < 4; i++) a.getState().stepForward();
    a.getState().dispatch({ type: 'crash' });
    a.getState().stepForward();
    a.getState().seek(3);
    const b = createWorkbenchStore(toyAdapter(10), { seed: 1, commands: a.getState().commands(), cursor: a.getState().cursor });
    expect(b.getState().view).toEqual(a.getState().view);
    expect(b.getState().length).toBe(a.getState().length);
  });
});

describe('workbench store topology and actions', () => {
  it('keeps the same topology object while nothing structural changes', () => {
    const store = make();
    const before = store.getState().topology;
    store.getState().stepForward();
    expect(store.getState().topology).toBe(before);
  });

  it('offers the node actions that fit the current state', () => {
    const store = make();
    expect(
      store
        .getState()
        .actionsFor('ticker')
        .map((a) => a.label),
    ).toEqual(['Crash']);
    store.getState().dispatch({ type: 'crash' });
    expect(
      store
        .getState()
        .actionsFor('ticker')
        .map((a) => a.label),
    ).toEqual(['Restart']);
  });
});

describe('jumping to a entry', () => {
  it('moves the cursor to the first point where that entry had happened', () => {
    const store = make();
    store.getState().runToEnd();
    store.getState().seekToEntry(3);
    expect(store.getState().view.entries.at(-1)?.id).toBe(3);
    expect(store.getState().cursor).toBe(4);
    const before = store.getState().cursor;
    store.getState().seekToEntry(999);
    expect(store.getState().cursor).toBe(before);
  });
});

describe('scrubbing', () => {
  it('arrives where seek arrives, and an action during a scrub starts from the scrubbed position', async () => {
    const long = () => createWorkbenchStore(toyAdapter(400), { seed: 1, checkpointEvery: 4 });
    const a = long();
    a.getState().runToEnd();
    const end = a.getState().length;
    expect(end).toBeGreaterThan(300);
    const b = long();
    b.getState().runToEnd();
    a.getState().seek(234);
    b.getState().scrubTo(234);
    // The thumb is there at once; the picture when the replay (maybe in slices) arrives.
    expect(b.getState().cursor).toBe(234);
    await vi.waitFor(() => expect(ticks(b)).toBe(ticks(a)), { timeout: 20_000 });
    expect(b.getState().view).toEqual(a.getState().view);
    // Scrub far back and step at once: the step starts from the scrubbed position, finished or not.
    b.getState().scrubTo(end);
    b.getState().scrubTo(10);
    b.getState().stepForward();
    expect(b.getState().cursor).toBe(11);
    expect(ticks(b)).toBe(11);
  });
});
