import type { NodeId } from '../../../simulator/index.ts';
import { describe, expect, it } from 'vitest';
import type { TraceEntryView } from '../view.ts';
import {
  emptyTraceFilter,
  filterEntries,
  isFilterActive,
  matchesFilter,
  newestWindow,
  traceFacets,
  type TraceFilter,
} from './trace-filter.ts';

const h = (
  id: number,
  type: string,
  text: string,
  nodes: string[],
  extra: { correlationId?: string; from?: string; to?: string } = {},
): TraceEntryView => ({
  id,
  atMs: id * 10,
  type,
  text,
  nodes: nodes as NodeId[],
  ...(extra as Partial<TraceEntryView>),
});

const log: TraceEntryView[] = [
  h(1, 'record-produced', 'p1 sent key order-7 to orders.', ['p1', 'orders'], { correlationId: 'corr-7', from: 'p1', to: 'b1' }),
  h(2, 'record-appended', 'b1 appended order-7 at orders-0 offset 0.', ['b1', 'orders-0'], { correlationId: 'corr-7' }),
  h(3, 'record-produced', 'p1 sent key order-8 to orders.', ['p1', 'orders'], { correlationId: 'corr-8' }),
  h(4, 'consumer-crashed', 'Consumer c2 crashed.', ['c2']),
  h(5, 'rebalance-started', 'Group billing is rebalancing.', ['billing', 'c1']),
];
const f = (over: Partial<TraceFilter>): TraceFilter => ({ ...emptyTraceFilter, ...over });
const ids = (hs: readonly TraceEntryView[]) => hs.map((x) => x.id);

describe('trace filter', () => {
  it('an empty filter keeps everything and returns the same array (no copy on every frame)', () => {
    expect(isFilterActive(emptyTraceFilter)).toBe(false);
    expect(filterEntries(log, emptyTraceFilter)).toBe(log);
    expect(isFilterActive(f({ search: '   ' }))).toBe(false);
  });

  it('filters by node, including the from and to of a message', () => {
    expect(ids(filterEntries(log, f({ node: 'p1' })))).toEqual([1, 3]);
    expect(ids(filterEntries(log, f({ node: 'b1' })))).toEqual([1, 2]);
    expect(ids(filterEntries(log, f({ node: 'nobody' })))).toEqual([]);
  });

  it('filters by type exactly', () => {
    expect(ids(filterEntries(log, f({ type: 'record-produced' })))).toEqual([1, 3]);
    expect(ids(filterEntries(log, f({ type: 'record' })))).toEqual([]);
  });

  it('filters by correlation id, case-insensitively and by substring', () => {
    expect(ids(filterEntries(log, f({ correlationId: 'CORR-7' })))).toEqual([1, 2]);
    expect(ids(filterEntries(log, f({ correlationId: ' corr-8 ' })))).toEqual([3]);
    expect(ids(filterEntries(log, f({ correlationId: 'corr' })))).toEqual([1, 2, 3]);
  });

  it('searches text, key, type and node names; every word must match', () => {
    expect(ids(filterEntries(log, f({ search: 'order-7' })))).toEqual([1, 2]);
    expect(ids(filterEntries(log, f({ search: 'ORDER-7 offset' })))).toEqual([2]);
    expect(ids(filterEntries(log, f({ search: 'crashed' })))).toEqual([4]);
    expect(ids(filterEntries(log, f({ search: 'billing' })))).toEqual([5]);
  });

  it('combines criteria with AND and keeps the original order', () => {
    expect(ids(filterEntries(log, f({ node: 'p1', correlationId: 'corr-8' })))).toEqual([3]);
    expect(ids(filterEntries(log, f({ type: 'record-produced', search: 'order' })))).toEqual([1, 3]);
  });

  it('treats names as plain text (an HTML or regex look-alike is just characters)', () => {
    const odd = [h(9, 'x', 'Topic <img src=x onerror=alert(1)> created.', ['<b>t</b>']), h(10, 'x', 'a.*b', ['n'])];
    expect(ids(filterEntries(odd, f({ search: '<img' })))).toEqual([9]);
    expect(ids(filterEntries(odd, f({ node: '<b>t</b>' })))).toEqual([9]);
    expect(ids(filterEntries(odd, f({ search: '.*' })))).toEqual([10]);
    expect(matchesFilter(odd[0]!, f({ search: 'a.*b' }))).toBe(false);
  });

  it('lists facets: distinct nodes, types and correlation ids, sorted', () => {
    expect(traceFacets(log)).toEqual({
      nodes: ['b1', 'billing', 'c1', 'c2', 'orders', 'orders-0', 'p1'],
      types: ['consumer-crashed', 'rebalance-started', 'record-appended', 'record-produced'],
      correlationIds: ['corr-7', 'corr-8'],
    });
    expect(traceFacets([])).toEqual({ nodes: [], types: [], correlationIds: [] });
  });

  it('stays fast on thousands of entries', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      h(i, i % 3 ? 'record-produced' : 'record-appended', `key k${i} to orders-${i % 4}`, [`p${i % 5}`], {
        correlationId: `c-${i % 100}`,
      }),
    );
    const filter = f({ node: 'p1', search: 'orders-1', correlationId: 'c-1' });
    const got = filterEntries(many, filter);
    expect(got.every((x) => matchesFilter(x, filter))).toBe(true);
    expect(got.length).toBeGreaterThan(0);
  });
});

describe('newest window', () => {
  it('keeps the newest items and counts the hidden ones', () => {
    expect(newestWindow([1, 2, 3, 4, 5], 2)).toEqual({ shown: [4, 5], hidden: 3 });
    const small = [1, 2];
    expect(newestWindow(small, 5).shown).toBe(small);
    expect(newestWindow([1, 2], 0)).toEqual({ shown: [], hidden: 2 });
  });
});
