import { describe, expect, it } from 'vitest';
import { openModel } from '../../open.ts';
import { kafkaUi } from '../index.tsx';
import { ChartHistory, largestSeries, niceTicks, ratePerSecond, sampleOf, seriesOf, type ChartSample } from './chart-history.ts';
import { chartFeedFor } from './chart-store.ts';

const sample = (cursor: number, atMs: number, produced = 0, lag: number | null = 0): ChartSample => ({
  cursor,
  atMs,
  groups: { g: lag },
  partitions: { 'g · t-0': lag },
  counters: { produced },
});

describe('chart history', () => {
  it('drops the samples past the cursor when the timeline goes back', () => {
    const h = new ChartHistory();
    for (let i = 0; i < 10; i++) h.add(sample(i, i * 200));
    h.add(sample(4, 800));
    expect(h.samples.map((s) => s.cursor)).toEqual([0, 1, 2, 3, 4]);
    h.add(sample(5, 1000, 1));
    expect(h.samples.at(-1)!.counters.produced).toBe(1);
  });
  it('keeps committed samples at least the gap apart, the newest always current', () => {
    const h = new ChartHistory();
    for (let i = 0; i < 50; i++) h.add(sample(i, i * 10));
    // 10 ms apart with a 100 ms gap: one sample about every 100 ms, plus the newest.
    expect(h.samples.length).toBeLessThan(8);
    expect(h.samples.at(-1)!.cursor).toBe(49);
  });
  it('is bounded: thinning keeps the whole run, first and last', () => {
    const h = new ChartHistory(20);
    for (let i = 0; i < 2000; i++) h.add(sample(i, i * 100));
    expect(h.samples.length).toBeLessThanOrEqual(21);
    expect(h.samples[0]!.atMs).toBe(0);
    expect(h.samples.at(-1)!.cursor).toBe(1999);
    expect(h.gapMs).toBeGreaterThan(100);
  });
});

describe('series', () => {
  it('rates per virtual second over a trailing window', () => {
    const xs = [sample(0, 0, 0), sample(1, 500, 50), sample(2, 1000, 100), sample(3, 2000, 100)];
    expect(ratePerSecond(xs, 'produced')).toEqual([
      { x: 500, y: 100 },
      { x: 1000, y: 100 },
      { x: 2000, y: 0 },
    ]);
    expect(ratePerSecond(xs, 'missing')).toEqual([]);
  });
  it('skips unknown lag and picks the largest series', () => {
    const xs = [sample(0, 0, 0, null), sample(1, 100, 0, 5)];
    expect(seriesOf(xs, 'groups').get('g')).toEqual([{ x: 100, y: 5 }]);
    const many = new Map([
      ['a', [{ x: 0, y: 1 }]],
      ['b', [{ x: 0, y: 9 }]],
      ['c', [{ x: 0, y: 5 }]],
    ]);
    expect(largestSeries(many, 2).map(([k]) => k)).toEqual(['b', 'c']);
  });
  it('has round ticks that reach the maximum', () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(400)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('sampling a store', () => {
  it('follows the timeline and agrees with a fresh sample after seeking back', () => {
    const store = openModel(
      kafkaUi,
      {
        version: 1,
        name: 'minimal',
        brokers: [{ id: 1 }, { id: 2 }],
        topics: [{ name: 'orders', partitions: 3, replicationFactor: 2 }],
        producers: [{ id: 'shop', topic: 'orders', ratePerSec: 10, count: 20, keys: { type: 'uniform', keys: 5 } }],
        groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
      },
      { seed: 1 },
    );
    const feed = chartFeedFor(store);
    expect(chartFeedFor(store)).toBe(feed);
    for (let i = 0; i < 60; i++) store.getState().stepForward();
    const before = feed.history.samples.length;
    expect(before).toBeGreaterThan(1);
    store.getState().seek(20);
    const last = feed.history.samples.at(-1)!;
    expect(last.cursor).toBe(20);
    expect(feed.history.samples.every((s) => s.cursor <= 20)).toBe(true);
    expect(last).toEqual(sampleOf(store.getState().view, 20));
  });
});
