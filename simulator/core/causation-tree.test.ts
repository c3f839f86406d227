import { describe, expect, it } from 'vitest';
import { causationPath, causationTree, eventsOfFlow, flattenTree, treeSize, type CausalEvent } from './causation-tree.ts';

const ev = (id: string, atMs: number, causationId?: string, correlationId = 'o1'): CausalEvent => ({
  id,
  atMs,
  correlationId,
  ...(causationId === undefined ? {} : { causationId }),
});

// a → b → {c, d}; d → e; x belongs to another flow, interleaved in time.
const events = [ev('a', 0), ev('x', 1, undefined, 'o2'), ev('b', 2, 'a'), ev('d', 4, 'b'), ev('c', 3, 'b'), ev('e', 5, 'd')];

describe('causation tree', () => {
  it('builds the tree of what an event caused, children oldest first', () => {
    const t = causationTree(events, 'b')!;
    expect(flattenTree(t).map((n) => `${n.depth}${n.event.id}`)).toEqual(['0b', '1c', '1d', '2e']);
    expect(treeSize(causationTree(events, 'a')!)).toBe(5);
    expect(treeSize(causationTree(events, 'e')!)).toBe(1);
  });

  it('is undefined for an unknown event and never includes another flow', () => {
    expect(causationTree(events, 'nope')).toBeUndefined();
    expect(flattenTree(causationTree(events, 'a')!).some((n) => n.event.id === 'x')).toBe(false);
  });

  it('walks up from any event to the first event of its flow', () => {
    expect(causationPath(events, 'e').map((e) => e.id)).toEqual(['a', 'b', 'd', 'e']);
    expect(causationPath(events, 'nope')).toEqual([]);
  });

  it('correlation alone gives the flow, in time order, without its shape', () => {
    expect(eventsOfFlow(events, 'o1').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('terminates on bad data: a cycle of causes', () => {
    const loop = [ev('p', 0, 'q'), ev('q', 1, 'p')];
    expect(treeSize(causationTree(loop, 'p')!)).toBe(2);
    expect(causationPath(loop, 'p').map((e) => e.id)).toEqual(['q', 'p']);
  });
});
