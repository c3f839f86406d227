import { describe, expect, it } from 'vitest';
import { palette } from '../palette.ts';
import type { TraceEntryView } from '../view.ts';
import { kafkaModel, type KafkaScenario, type NodeId } from '../../../simulator/index.ts';
import { kafkaTopology } from '../../models/kafka/kafka-topology.ts';
import { createRouteTable, routeBetween } from './flight-map.ts';
import { facingSide, pointAt, polylineOf } from './flight-geometry.ts';
import {
  carriedSince,
  changedNodes,
  FlightBuffer,
  flightBufferMax,
  keySlot,
  paletteSize,
  tokensAt,
  tokenStyle,
  type FlightToken,
} from './flight-tokens.ts';

const spec: KafkaScenario = {
  version: 1,
  name: 'flight',
  brokers: [{ id: 1 }, { id: 2 }],
  topics: [
    { name: 'orders', partitions: 3, replicationFactor: 2 },
    { name: 'orders-eu', partitions: 2, replicationFactor: 1 },
  ],
  producers: [{ id: 'shop', topic: 'orders', ratePerSec: 10, count: 10, keys: { type: 'uniform', keys: 5 } }],
  groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
};
const topology = kafkaTopology(kafkaModel.run(spec).init(1), spec);

let nextId = 0;
const h = (
  atMs: number,
  from: string | undefined,
  to: string | undefined,
  extra: Partial<TraceEntryView> = {},
): TraceEntryView => ({
  id: nextId++,
  atMs,
  type: 'record-produced',
  text: '',
  nodes: [],
  ...(from === undefined ? {} : { from: from as NodeId }),
  ...(to === undefined ? {} : { to: to as NodeId }),
  ...extra,
});

describe('routes along edges', () => {
  it('follows edges either way, through the group between a topic and its consumer', () => {
    expect(routeBetween(topology, 'topic:orders', 'consumer:billing-c2')).toEqual([
      'topic:orders',
      'group:billing',
      'consumer:billing-c2',
    ]);
    expect(routeBetween(topology, 'topic:orders', 'producer:shop')).toEqual(['topic:orders', 'producer:shop']);
  });
  it('flies straight between nodes with no path (brokers)', () => {
    expect(routeBetween(topology, 'broker:1', 'broker:2')).toEqual(['broker:1', 'broker:2']);
  });
  it('caches per pair and refuses unknown ends', () => {
    const t = createRouteTable(topology);
    expect(t.route('producer:shop', 'topic:orders')).toBe(t.route('producer:shop', 'topic:orders'));
    expect(t.route('producer:shop', 'topic:nowhere')).toBeUndefined();
    // Ids are compared whole, never taken apart: a name that only looks like a node is no node.
    expect(t.route('shop', 'orders-0')).toBeUndefined();
  });
});

describe('geometry', () => {
  const rects: Record<string, { x: number; y: number; width: number; height: number }> = {
    a: { x: 0, y: 0, width: 100, height: 50 },
    b: { x: 200, y: 0, width: 100, height: 50 },
    c: { x: 200, y: 200, width: 100, height: 50 },
  };
  it('leaves and lands on the facing sides', () => {
    expect(facingSide(rects.a!, rects.b!)).toEqual([100, 25]);
    expect(facingSide(rects.b!, rects.a!)).toEqual([200, 25]);
    expect(facingSide(rects.b!, rects.c!)).toEqual([250, 50]);
  });
  it('interpolates by length and clamps', () => {
    const p = polylineOf(['a', 'b'], (id) => rects[id])!;
    const out = { x: 0, y: 0 };
    pointAt(p, 0.5, out);
    expect(out).toEqual({ x: 150, y: 25 });
    pointAt(p, 2, out);
    expect(out).toEqual({ x: 200, y: 25 });
    expect(polylineOf(['a', 'missing'], (id) => rects[id])).toBeUndefined();
  });
  it('gives each hop an equal share of the flight and crossing a node none', () => {
    const p = polylineOf(['a', 'b', 'c'], (id) => rects[id])!;
    const out = { x: 0, y: 0 };
    // Half the flight between a and b, where a fetch's copies are seen leaving the topic.
    pointAt(p, 0.25, out);
    expect(out).toEqual({ x: 150, y: 25 });
    pointAt(p, 0.5, out);
    expect(out).toEqual({ x: 200, y: 25 });
    // Then out of b's side facing c, not through b's text.
    pointAt(p, 0.5001, out);
    expect(out.x).toBe(250);
    expect(out.y).toBeCloseTo(50, 0);
    pointAt(p, 0.75, out);
    expect(out).toEqual({ x: 250, y: 125 });
  });
});

describe('tokens in flight', () => {
  const routes = createRouteTable(topology);
  it('is in flight from atMs for the flight time, with progress', () => {
    const items = [
      h(0, 'producer:shop', 'topic:orders', { key: 'k1' }),
      h(500, 'topic:orders', 'consumer:billing-c1', { type: 'records-fetched' }),
    ];
    const out: FlightToken[] = [];
    expect(tokensAt(items, 400, 800, routes, out)).toBe(1);
    expect(out[0]!.progress).toBeCloseTo(0.5);
    expect(tokensAt(items, 700, 800, routes, out)).toBe(2);
    // A fetch passes the consumer's group on its way: two hops, twice the flight.
    expect(routes.route('topic:orders', 'consumer:billing-c1')).toHaveLength(3);
    expect(tokensAt(items, 1300, 800, routes, out)).toBe(1);
    expect(out[0]!.progress).toBeCloseTo(0.5);
    expect(tokensAt(items, 2100, 800, routes, out)).toBe(0);
  });
  it('shapes and labels by kind, colours by key', () => {
    expect(tokenStyle(h(0, 'a', 'b', { key: 'order-7' }))).toEqual({
      shape: 'record',
      label: 'order-7',
      colour: keySlot('order-7'),
      records: 1,
      head: 'order-7',
    });
    expect(tokenStyle(h(0, 'a', 'b', { key: null }))).toMatchObject({ shape: 'record', label: 'no key', colour: -1 });
    expect(tokenStyle(h(0, 'a', 'b', { type: 'records-fetched' }))).toMatchObject({ shape: 'batch', label: 'fetch', colour: -1 });
    // A fetch that says what it carries looks like its records: one is the record itself, several a batch.
    const fetched = (key: string | null, count: number) => h(0, 'a', 'b', { type: 'records-fetched', carries: { key, count } });
    expect(tokenStyle(fetched('order-1', 1))).toEqual(tokenStyle(h(0, 'a', 'b', { key: 'order-1' })));
    expect(tokenStyle(fetched('order-2', 5))).toEqual({
      shape: 'batch',
      label: 'order-2 +4',
      colour: -1,
      records: 5,
      head: 'order-2',
    });
    expect(tokenStyle(fetched(null, 2)).label).toBe('no key +1');
    expect(tokenStyle(h(0, 'a', 'b', { type: 'offset-committed' }))).toMatchObject({ shape: 'control', label: 'commit' });
    // Entry types whose first word says nothing in flight get a word of their own ("in" was 2PC's in-doubt report).
    expect(tokenStyle(h(0, 'a', 'b', { type: 'in-doubt-reported' })).label).toBe('in doubt');
    expect(tokenStyle(h(0, 'a', 'b', { type: 'local-transaction-committed' })).label).toBe('commit');
    expect(tokenStyle(h(0, 'a', 'b', { type: 'vote-cast' })).label).toBe('vote');
    expect(tokenStyle(h(0, 'a', 'b', { key: 'a-very-long-key-indeed' })).label).toHaveLength(10);
    for (const k of ['a', 'b', 'user-42', '']) expect(keySlot(k)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...Array.from({ length: 100 }, (_, i) => keySlot(`k${i}`)))).toBeLessThan(paletteSize);
    // The slots a key can pick are exactly the overlay's colours.
    expect(paletteSize).toBe(palette.length);
  });
});

describe('the buffer', () => {
  it('keeps entries across views, only those with both ends', () => {
    const b = new FlightBuffer();
    const a = [h(0, 'producer:shop', 'topic:orders'), h(1, undefined, undefined), h(2, 'producer:shop', 'topic:orders')];
    b.merge(a, 3);
    expect(b.items.map((x) => x.atMs)).toEqual([0, 2]);
    // The next view has dropped the oldest and added one: only the new one is appended.
    b.merge([...a.slice(1), h(3, 'producer:shop', 'topic:orders')], 4);
    expect(b.items.map((x) => x.atMs)).toEqual([0, 2, 3]);
  });
  it('starts over when the timeline goes back', () => {
    const b = new FlightBuffer();
    const a = [h(0, 'producer:shop', 'topic:orders'), h(5, 'producer:shop', 'topic:orders')];
    b.merge(a, 2);
    expect(b.merge(a.slice(0, 1), 1)).toBe(true);
    expect(b.items.map((x) => x.atMs)).toEqual([0]);
  });
  it('is bounded and prunes what landed long ago', () => {
    const b = new FlightBuffer();
    const many = Array.from({ length: flightBufferMax + 50 }, (_, i) => h(i, 'producer:shop', 'topic:orders'));
    b.merge(many, 1);
    expect(b.items).toHaveLength(flightBufferMax);
    b.prune(flightBufferMax);
    expect(b.items[0]!.atMs).toBe(flightBufferMax);
  });
  it('lists the nodes the newest entries touched', () => {
    const routes = createRouteTable(topology);
    const x = h(0, 'producer:shop', 'topic:orders', { nodes: ['broker:1' as NodeId] });
    const y = h(1, undefined, undefined, { nodes: ['group:billing' as NodeId] });
    expect([...changedNodes([x, y], x.id - 1, routes)].sort()).toEqual([
      'broker:1',
      'group:billing',
      'producer:shop',
      'topic:orders',
    ]);
    expect([...changedNodes([x, y], x.id, routes)]).toEqual(['group:billing']);
    // A fetch outlines the group it passes as well as the topic and the consumer.
    const f = h(2, 'topic:orders', 'consumer:billing-c1', { type: 'records-fetched' });
    expect([...changedNodes([f], f.id - 1, routes)].sort()).toEqual(['consumer:billing-c1', 'group:billing', 'topic:orders']);
  });
  it('lists the newest entries that carry records, for reduced motion to hold still', () => {
    const a = h(0, 'producer:shop', 'topic:orders', { key: 'order-1' });
    const b = h(1, 'topic:orders', 'consumer:billing-c1', { type: 'records-fetched', carries: { key: 'order-1', count: 1 } });
    const c = h(2, 'topic:orders', 'consumer:billing-c1', { type: 'records-fetched' });
    const d = h(3, 'consumer:billing-c1', 'group:billing', { type: 'offset-committed' });
    expect(carriedSince([a, b, c, d], a.id - 1, 10)).toEqual([a, b]);
    expect(carriedSince([a, b, c, d], a.id, 10)).toEqual([b]);
    expect(carriedSince([a, b, c, d], a.id - 1, 1)).toEqual([b]);
  });
});
