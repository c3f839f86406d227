import { describe, expect, it } from 'vitest';
import type { NodeId } from '../../../simulator/index.ts';
import { inspect, rawJson, sameTarget, type Inspection, type InspectTarget } from '../../workbench/panels/inspect.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { inspectKafka, kafkaNodeFacts, kafkaTarget } from './kafka-inspect.ts';
import type { KafkaPanelsView } from './kafka-view-types.ts';

const c1 = 'consumer:c1' as NodeId;
const c2 = 'consumer:c2' as NodeId;
const panels: KafkaPanelsView = {
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
      segmentCount: 2,
      activeSegmentBase: 2,
      segmentStarts: [2],
      pointers: [{ label: 'billing', offset: 1, lag: 1 }],
    },
  ],
  groups: [
    {
      id: 'billing',
      phase: 'rebalancing',
      generation: 4,
      lag: null,
      members: [{ consumer: 'c1', node: c1, status: 'rebalancing', partitions: ['orders-0'] }],
    },
  ],
};
const view: WorkbenchView = {
  nowMs: 1200,
  nodes: [
    { id: c1, status: 'busy', detail: 'owns orders-0' },
    { id: c2, status: 'crashed', detail: '' },
  ],
  entries: [
    { id: 7, atMs: 1000, type: 'consumer-crashed', text: 'Consumer c2 crashed.', nodes: [c2] },
    {
      id: 8,
      atMs: 1200,
      type: 'record-delivered',
      text: 'c1 got a.',
      nodes: [c1],
      correlationId: 'k-1',
      from: 'broker:1' as NodeId,
      to: c1,
    },
  ],
  counters: [],
  model: panels,
};
const labels: Record<string, string> = { [c1]: 'c1', [c2]: 'c2', 'broker:1': 'broker 1' };
const hooks = { inspect: inspectKafka, nodeFacts: kafkaNodeFacts, labelOf: (id: string) => labels[id] ?? id };
const look = (t: InspectTarget) => inspect(view, t, hooks);

const facts = (i: Inspection): Record<string, string> =>
  i.found ? Object.fromEntries(i.facts.map((f) => [f.term, f.detail])) : { message: i.message };

describe('inspector descriptions', () => {
  it('describes a node with its status word, groups and last entry', () => {
    const i = look({ kind: 'node', id: c1 });
    expect(i.found && i.title).toBe('c1');
    expect(facts(i)).toMatchObject({
      Status: 'processing',
      Now: 'owns orders-0',
      'Member of': 'billing (owns orders-0)',
      'Recent trace entries': '1 entry',
      Last: 'c1 got a. (at 1,200 ms)',
    });
  });

  it('describes a partition in plain language, including an offline leader', () => {
    expect(facts(look(kafkaTarget.partition('orders-0')))).toMatchObject({
      Leader: 'none (the partition is offline)',
      'In-sync replicas': 'none',
      'Not yet replicated': '1 record',
      'Group billing': 'committed 1; lag 1',
    });
  });

  it('describes a record: key, replication and which groups have committed past it', () => {
    expect(facts(look(kafkaTarget.record('orders-0', 0)))).toMatchObject({
      Key: 'a',
      'Group billing': 'has committed past it',
    });
    const top = look(kafkaTarget.record('orders-0', 2));
    expect(facts(top)).toMatchObject({ Key: '<script>x</script>', 'Group billing': 'has not committed past it yet' });
    expect(facts(top).Replication).toMatch(/cannot read it yet/);
    expect(facts(look(kafkaTarget.record('orders-0', 1)))).toMatchObject({ Key: 'no key' });
  });

  it('describes a group and a trace entry', () => {
    expect(facts(look(kafkaTarget.group('billing')))).toMatchObject({
      Phase: 'rebalancing — generation 4',
      Lag: 'lag unknown',
      c1: 'rebalancing; owns orders-0',
    });
    expect(facts(look({ kind: 'entry', id: 8 }))).toMatchObject({
      What: 'c1 got a.',
      When: 'at 1,200 ms of virtual time',
      'From → to': 'broker 1 → c1',
      'Correlation id': 'k-1',
    });
  });

  it('says plainly when the item does not exist at this point of the run', () => {
    for (const t of [
      { kind: 'node', id: 'zz' },
      kafkaTarget.partition('zz'),
      kafkaTarget.record('orders-0', 99),
      kafkaTarget.group('zz'),
      { kind: 'entry', id: 99 },
    ] as InspectTarget[]) {
      const i = look(t);
      expect(i.found).toBe(false);
      expect(facts(i).message).toMatch(/does not exist at this point in the run/);
    }
  });

  it('compares targets and renders raw JSON without throwing', () => {
    expect(sameTarget({ kind: 'node', id: 'a' }, { kind: 'node', id: 'a' })).toBe(true);
    expect(sameTarget({ kind: 'node', id: 'a' }, kafkaTarget.group('a'))).toBe(false);
    expect(sameTarget(kafkaTarget.record('p', 1), kafkaTarget.record('p', 2))).toBe(false);
    expect(sameTarget(kafkaTarget.record('p', 1), kafkaTarget.record('p', 1))).toBe(true);
    expect(sameTarget(null, { kind: 'node', id: 'a' })).toBe(false);
    expect(rawJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(rawJson(cyclic)).toMatch(/^Could not show this item as JSON/);
    expect(rawJson(undefined)).toBe('undefined');
  });
});
