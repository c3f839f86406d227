import { describe, expect, it } from 'vitest';
import { nodeFacesOf } from './node-face.ts';
import { createWorkbenchStore } from './store.ts';
import { ticker, toyAdapter } from './toy-adapter.ts';

const make = () => createWorkbenchStore(toyAdapter(10), { seed: 1, checkpointEvery: 4 });

describe('node faces', () => {
  it('reads status, detail and action names from the view', () => {
    const store = make();
    const faces = nodeFacesOf(store);
    expect(faces.face(ticker)).toEqual({ status: 'ok', detail: '0 ticks', actions: ['Crash'] });
    faces.run(ticker, 'Crash');
    expect(faces.face(ticker)).toEqual({ status: 'crashed', detail: '0 ticks', actions: ['Restart'] });
  });

  it('keeps a face the same object while it does not change, so a card can skip rendering', () => {
    const store = make();
    const faces = nodeFacesOf(store);
    store.getState().dispatch({ type: 'crash' });
    const before = faces.face(ticker);
    expect(faces.face(ticker)).toBe(before);
    // A new view in which a crashed ticker does not tick: same face, same object.
    store.getState().stepForward();
    expect(store.getState().cursor).toBe(2);
    expect(faces.face(ticker)).toBe(before);
    // A new view in which the ticker restarts: a new face.
    faces.run(ticker, 'Restart');
    expect(faces.face(ticker)).not.toBe(before);
    expect(faces.face(ticker).status).toBe('ok');
  });

  it('notifies on a new view only, not on every tick of the play clock', () => {
    const store = make();
    const faces = nodeFacesOf(store);
    let calls = 0;
    const stop = faces.subscribe(() => calls++);
    store.getState().setSpeed(2);
    store.getState().play();
    expect(calls).toBe(0);
    store.getState().stepForward();
    expect(calls).toBe(1);
    stop();
    store.getState().stepForward();
    expect(calls).toBe(1);
  });

  it('runs nothing for an action the model no longer offers', () => {
    const store = make();
    const faces = nodeFacesOf(store);
    faces.run(ticker, 'Restart');
    expect(store.getState().length).toBe(0);
    expect(faces.face(ticker).status).toBe('ok');
  });
});
