import { describe, expect, it } from 'vitest';
import type { WorkbenchView } from '../adapter.ts';
import { inspect, rawJson, sameTarget, type Inspection } from './inspect.ts';

const view: WorkbenchView = {
  nowMs: 1200,
  nodes: [
    { id: 'c1', status: 'busy', detail: 'owns orders-0' },
    { id: 'c2', status: 'crashed', detail: '' },
  ],
  partitions: [
    {
      id: 'orders-0',
      topic: 'orders',
      partition: 0,
      logStartOffset: 0,
      logEndOffset: 3,
      highWatermark: 2,
      leader: null,
      isr: [],
      cells: [
        { offset: 0, key: 'a' },
        { offset: 1, key: null },
        { offset: 2, key: '<script>x</script>' },
      ],
      pointers: [{ label: 'billing', offset: 1, lag: 1 }],
    },
  ],
  groups: [
    {
      id: 'billing',
      phase: 'rebalancing',
      generation: 4,
      lag: null,
      members: [{ consumer: 'c1', status: 'rebalancing', partitions: ['orders-0'] }],
    },
  ],
  happenings: [
    { id: 7, atMs: 1000, type: 'consumer-crashed', text: 'Consumer c2 crashed.', nodes: ['c2'] },
    { id: 8, atMs: 1200, type: 'record-delivered', text: 'c1 got a.', nodes: ['c1'], correlationId: 'k-1', from: 'b1', to: 'c1' },
  ],
  counters: [],
};

const facts = (i: Inspection): Record<string, string> =>
  i.found ? Object.fromEntries(i.facts.map((f) => [f.term, f.detail])) : { message: i.message };

describe('inspector descriptions', () => {
  it('describes a node with its status word, groups and last happening', () => {
    const i = inspect(view, { kind: 'node', id: 'c1' });
    expect(i.found && i.title).toBe('c1');
    expect(facts(i)).toMatchObject({
      Status: 'processing',
      Now: 'owns orders-0',
      'Member of': 'billing (owns orders-0)',
      'Recent happenings': '1 happening',
      Last: 'c1 got a. (at 1,200 ms)',
    });
  });

  it('describes a partition in plain language, including an offline leader', () => {
    expect(facts(inspect(view, { kind: 'partition', id: 'orders-0' }))).toMatchObject({
      Leader: 'none (the partition is offline)',
      'In-sync replicas': 'none',
      'Not yet replicated': '1 record',
      'Group billing': 'committed 1; lag 1',
    });
  });

  it('describes a record: key, replication and which groups have committed past it', () => {
    expect(facts(inspect(view, { kind: 'record', partitionId: 'orders-0', offset: 0 }))).toMatchObject({
      Key: 'a',
      'Group billing': 'has committed past it',
    });
    const top = inspect(view, { kind: 'record', partitionId: 'orders-0', offset: 2 });
    expect(facts(top)).toMatchObject({ Key: '<script>x</script>', 'Group billing': 'has not committed past it yet' });
    expect(facts(top).Replication).toMatch(/cannot read it yet/);
    expect(facts(inspect(view, { kind: 'record', partitionId: 'orders-0', offset: 1 }))).toMatchObject({ Key: 'no key' });
  });

  it('describes a group and a happening', () => {
    expect(facts(inspect(view, { kind: 'group', id: 'billing' }))).toMatchObject({
      Phase: 'rebalancing — generation 4',
      Lag: 'lag unknown',
      c1: 'rebalancing; owns orders-0',
    });
    expect(facts(inspect(view, { kind: 'happening', id: 8 }))).toMatchObject({
      What: 'c1 got a.',
      When: 'at 1,200 ms of virtual time',
      'From → to': 'b1 → c1',
      'Correlation id': 'k-1',
    });
  });

  it('says plainly when the item does not exist at this point of the run', () => {
    for (const t of [
      { kind: 'node', id: 'zz' },
      { kind: 'partition', id: 'zz' },
      { kind: 'record', partitionId: 'orders-0', offset: 99 },
      { kind: 'group', id: 'zz' },
      { kind: 'happening', id: 99 },
    ] as const) {
      const i = inspect(view, t);
      expect(i.found).toBe(false);
      expect(facts(i).message).toMatch(/does not exist at this point in the run/);
    }
  });

  it('compares targets and renders raw JSON without throwing', () => {
    expect(sameTarget({ kind: 'node', id: 'a' }, { kind: 'node', id: 'a' })).toBe(true);
    expect(sameTarget({ kind: 'node', id: 'a' }, { kind: 'group', id: 'a' })).toBe(false);
    expect(sameTarget({ kind: 'record', partitionId: 'p', offset: 1 }, { kind: 'record', partitionId: 'p', offset: 2 })).toBe(
      false,
    );
    expect(sameTarget(null, { kind: 'node', id: 'a' })).toBe(false);
    expect(rawJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(rawJson(cyclic)).toMatch(/^Could not show this item as JSON/);
    expect(rawJson(undefined)).toBe('undefined');
  });
});
