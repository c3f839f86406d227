/** Unit tests for the store value: non-mutation, branching, clones, and the read functions. */
import { describe, expect, it } from 'vitest';
import { appendToStream, createEventStoreState, readStream } from './surface.ts';
import {
  appendEvents,
  createEventStore,
  eventAt,
  getStreamMetadata,
  readAllEvents,
  readStreamEvents,
  setStreamMetadata,
  streamRevision,
} from './store.ts';
import type { EventData, EventStoreState } from './types.ts';

const ev = (id: string, data: unknown = {}): EventData => ({ eventId: id, type: 'T', data });

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const y of Object.values(x)) deepFreeze(y);
  }
  return x;
}

function filled(n: number, stream = 's'): EventStoreState {
  let store = createEventStoreState();
  for (let i = 0; i < n; i++)
    store = appendToStream(store, stream, i - 1 < 0 ? 'no_stream' : i - 1, [ev(`${stream}-${i}`, i)]).store;
  return store;
}

describe('appendToStream does not mutate its input', () => {
  it('leaves a snapshot-compared store equal (structuredClone, JSON and toStrictEqual)', () => {
    const store = filled(70);
    const before = structuredClone(store);
    const json = JSON.stringify(store);
    const r1 = appendToStream(store, 's', 69, [ev('x1'), ev('x2')]);
    const r2 = appendToStream(store, 'other', 'any', [ev('y1')]);
    const r3 = appendToStream(store, 's', 3, [ev('z')]); // rejected
    expect(r1.result.ok && r2.result.ok && !r3.result.ok).toBe(true);
    expect(store).toStrictEqual(before);
    expect(JSON.stringify(store)).toBe(json);
    expect(readStream(store, 's')).toHaveLength(70);
    expect(readStream(r1.store, 's')).toHaveLength(72);
  });

  it('works on a deep-frozen store, and the frozen store still reads the same', () => {
    const store = deepFreeze(filled(100));
    const r = appendToStream(store, 's', 99, [ev('after')]);
    expect(r.result).toEqual({ ok: true, nextExpectedRevision: 100 });
    expect(readStream(r.store, 's').at(-1)?.eventId).toBe('after');
    expect(readStream(store, 's')).toHaveLength(100);
    const again = appendToStream(deepFreeze(r.store), 's', 100, [ev('after2')]);
    expect(again.result.ok).toBe(true);
  });

  it('a fresh store is plain data', () => {
    const s = createEventStoreState();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(structuredClone(s)).toEqual(s);
  });
});

describe('branching and clones', () => {
  it('two appends to the same older value give two independent histories', () => {
    const base = filled(40);
    const a = appendToStream(base, 's', 39, [ev('a')]);
    const b = appendToStream(base, 's', 39, [ev('b')]); // base is no longer the newest: branches
    expect(a.result).toEqual({ ok: true, nextExpectedRevision: 40 });
    expect(b.result).toEqual({ ok: true, nextExpectedRevision: 40 });
    expect(readStream(a.store, 's').at(-1)?.eventId).toBe('a');
    expect(readStream(b.store, 's').at(-1)?.eventId).toBe('b');
    // Each branch keeps going on its own, and an id from the other branch is unknown to it.
    expect(appendToStream(a.store, 's', 'any', [ev('b')]).result).toEqual({ ok: true, nextExpectedRevision: 41 });
    expect(appendToStream(b.store, 's', 'any', [ev('b')]).result).toEqual({ ok: true, nextExpectedRevision: 40 });
    expect(appendToStream(base, 's', 'any', [ev('a')]).result).toEqual({ ok: true, nextExpectedRevision: 40 });
  });

  it('an older value on the same line still sees only its own events', () => {
    const s10 = filled(10);
    const s11 = appendToStream(s10, 's', 9, [ev('n10')]).store;
    appendToStream(s11, 'other', 'no_stream', [ev('o')]);
    expect(streamRevision(s10, 's')).toBe(9);
    expect(streamRevision(s10, 'other')).toBe(-1);
    expect(appendToStream(s10, 's', 9, [ev('n10b')]).result.ok).toBe(true);
    expect(appendToStream(s10, 's', 'any', [ev('n10')]).result).toEqual({ ok: true, nextExpectedRevision: 10 });
  });

  it('a structuredClone or JSON copy behaves exactly like the original', () => {
    const store = filled(50);
    for (const copy of [structuredClone(store), JSON.parse(JSON.stringify(store)) as EventStoreState]) {
      expect(readStream(copy, 's')).toEqual(readStream(store, 's'));
      expect(appendToStream(copy, 's', 'any', [ev('s-3')]).result).toEqual({ ok: true, nextExpectedRevision: 3 });
      expect(appendToStream(copy, 's', 10, [ev('q')]).result).toEqual({
        ok: false,
        code: 'WrongExpectedVersion',
        expected: 10,
        actual: 49,
      });
    }
  });

  it('rejects an expected revision no client could send', () => {
    expect(() => appendToStream(createEventStoreState(), 's', -1, [])).toThrow(RangeError);
    expect(() => appendToStream(createEventStoreState(), 's', 1.5, [])).toThrow(RangeError);
  });
});

describe('reads', () => {
  const build = () => {
    let store = createEventStore();
    for (let i = 0; i < 5; i++) {
      store = appendEvents(store, 'a', 'any', [ev(`a${i}`)], { nowMs: i * 10 }).store;
      store = appendEvents(store, '$sys', 'any', [ev(`s${i}`)], { nowMs: i * 10 + 1 }).store;
      store = appendEvents(store, 'b', 'any', [{ ...ev(`b${i}`), schemaVersion: 2 }], {
        nowMs: i * 10 + 2,
        correlationId: 'c',
        causationId: `a${i}`,
      }).store;
    }
    return store;
  };

  it('stamps revision, global position, schema version and metadata', () => {
    const store = build();
    const b2 = readStreamEvents(store, 'b')[2]!;
    expect(b2).toEqual({
      eventId: 'b2',
      type: 'T',
      data: {},
      stream: 'b',
      revision: 2,
      position: 8,
      schemaVersion: 2,
      metadata: { timestampMs: 22, correlationId: 'c', causationId: 'a2' },
    });
    expect(eventAt(store, 8)).toBe(b2);
    expect(readStreamEvents(store, 'a')[0]!.schemaVersion).toBe(1);
  });

  it('reads a stream forwards and backwards from a revision with a max count', () => {
    const store = build();
    const ids = (xs: Array<{ eventId: string }>) => xs.map((e) => e.eventId);
    expect(ids(readStreamEvents(store, 'a', { fromRevision: 2 }))).toEqual(['a2', 'a3', 'a4']);
    expect(ids(readStreamEvents(store, 'a', { fromRevision: 1, maxCount: 2 }))).toEqual(['a1', 'a2']);
    expect(ids(readStreamEvents(store, 'a', { direction: 'backwards' }))).toEqual(['a4', 'a3', 'a2', 'a1', 'a0']);
    expect(ids(readStreamEvents(store, 'a', { direction: 'backwards', fromRevision: 2, maxCount: 2 }))).toEqual(['a2', 'a1']);
    expect(readStreamEvents(store, 'missing')).toEqual([]);
  });

  it('reads $all by global position, optionally without system streams', () => {
    const store = build();
    expect(readAllEvents(store).map((e) => e.position)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(readAllEvents(store, { fromPosition: 12 }).map((e) => e.eventId)).toEqual(['a4', 's4', 'b4']);
    expect(readAllEvents(store, { direction: 'backwards', maxCount: 2 }).map((e) => e.eventId)).toEqual(['b4', 's4']);
    expect(readAllEvents(store, { direction: 'backwards', fromPosition: 3, maxCount: 2 }).map((e) => e.eventId)).toEqual([
      'a1',
      'b0',
    ]);
    expect(readAllEvents(store, { excludeSystemEvents: true, maxCount: 4 }).map((e) => e.eventId)).toEqual([
      'a0',
      'b0',
      'a1',
      'b1',
    ]);
  });

  it('keeps stream metadata in $$stream and reads the latest back', () => {
    let store = createEventStore();
    expect(getStreamMetadata(store, 'x')).toBeUndefined();
    store = setStreamMetadata(store, 'x', { maxCount: 5 }, 'm1').store;
    store = setStreamMetadata(store, 'x', { maxCount: 7 }, 'm2').store;
    expect(getStreamMetadata(store, 'x')).toEqual({ maxCount: 7 });
    expect(readStreamEvents(store, '$$x').map((e) => e.type)).toEqual(['$metadata', '$metadata']);
    expect(streamRevision(store, 'x')).toBe(-1);
  });
});
