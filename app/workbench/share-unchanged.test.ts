import { describe, expect, it } from 'vitest';
import { shareUnchanged } from './share-unchanged.ts';

describe('structural sharing between views', () => {
  const prev = {
    nowMs: 10,
    nodes: [
      { id: 'a', status: 'ok', detail: '' },
      { id: 'b', status: 'ok', detail: 'x' },
    ],
    model: { partitions: [{ id: 'p-0', cells: [{ offset: 0, key: 'k' }], pointers: [{ label: 'g', offset: 1, lag: 0 }] }] },
  };

  it('returns the previous view itself when nothing changed', () => {
    expect(shareUnchanged(prev, structuredClone(prev))).toBe(prev);
  });

  it('keeps every unchanged part and replaces only what changed, down to the field', () => {
    const next = structuredClone(prev);
    next.nowMs = 11;
    next.nodes[1]!.detail = 'y';
    const shared = shareUnchanged(prev, next);
    expect(shared).not.toBe(prev);
    expect(shared).toEqual(next);
    expect(shared.nodes[0]).toBe(prev.nodes[0]);
    expect(shared.nodes[1]).not.toBe(prev.nodes[1]);
    expect(shared.model).toBe(prev.model);
  });

  it('notices a change deep inside a partition (a pointer one further on)', () => {
    const next = structuredClone(prev);
    next.model.partitions[0]!.pointers[0]!.offset = 2;
    const shared = shareUnchanged(prev, next);
    expect(shared.model.partitions[0]).not.toBe(prev.model.partitions[0]);
    expect(shared.model.partitions[0]!.cells).toBe(prev.model.partitions[0]!.cells);
  });

  it('matches items by id, so a trace window that slid keeps the entries it still holds', () => {
    const before = { entries: [1, 2, 3].map((id) => ({ id, text: `e${id}` })) };
    const after = { entries: [2, 3, 4].map((id) => ({ id, text: `e${id}` })) };
    const shared = shareUnchanged(before, after);
    expect(shared.entries[0]).toBe(before.entries[1]);
    expect(shared.entries[1]).toBe(before.entries[2]);
    expect(shared.entries[2]).toEqual({ id: 4, text: 'e4' });
  });

  it('treats a removed or added field as a change', () => {
    const a = { x: 1, y: 2 } as { x: number; y?: number };
    expect(shareUnchanged(a, { x: 1 })).toEqual({ x: 1 });
    expect(shareUnchanged(a, { x: 1 })).not.toBe(a);
    const b = { x: 1 };
    const grown = shareUnchanged(b, { x: 1, y: 2 });
    expect(grown).toEqual({ x: 1, y: 2 });
    expect(grown).not.toBe(b);
  });
});
