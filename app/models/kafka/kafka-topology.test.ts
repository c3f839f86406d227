import { describe, expect, it } from 'vitest';
import { kafkaModel, type KafkaScenario, type KafkaState } from '../../../simulator/index.ts';
import { kafkaTopology } from './kafka-topology.ts';
import { kafkaView } from './kafka-view.ts';
import { cardsOverlapping } from '../cards-apart.ts';
import type { TopologyNode } from '../../workbench/topology.ts';
import { lessonLoaders } from '../../../lessons/index.ts';
import { stateAfterStep } from '../../../lessons/format/run-lesson.ts';
import type { Lesson } from '../../../lessons/format/define-lesson.ts';

/** The topology of a scenario at time 0 (groups and consumers as the world built them). */
const topologyFromScenario = (spec: KafkaScenario) => kafkaTopology(kafkaModel.run(spec).init(1), spec);

const fanOut: KafkaScenario = {
  version: 1,
  name: 'fan-out',
  brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
  producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 10, keys: { type: 'uniform', keys: 100 } }],
  groups: [
    { id: 'billing', topics: ['orders'], consumers: 2 },
    { id: 'shipping', topics: ['orders'], consumers: 1, consumerIds: ['ship-1'] },
    { id: 'analytics', topics: ['orders'], consumers: 1, assignor: 'cooperative-sticky' },
  ],
};

/** No two cards overlap, each drawn with what it shows in `s` (a consumer's partition chips). */
function expectApart(nodes: readonly TopologyNode[], where: string, s?: KafkaState): void {
  expect(cardsOverlapping(nodes, s ? kafkaView(s).nodes : []), where).toEqual([]);
}

describe('the Kafka topology', () => {
  it('draws every producer, topic, group, consumer and broker once', () => {
    const { nodes } = topologyFromScenario(fanOut);
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'producer:checkout',
      'topic:orders',
      'group:billing',
      'group:shipping',
      'group:analytics',
      'consumer:billing-c1',
      'consumer:billing-c2',
      'consumer:ship-1',
      'consumer:analytics-c1',
      'broker:1',
      'broker:2',
      'broker:3',
    ]);
    expect(nodes.find((n) => n.id === 'topic:orders')?.detail).toBe('3 partitions · RF 3');
    expect(nodes.find((n) => n.id === 'group:analytics')?.detail).toBe('1 consumer · cooperative-sticky');
  });

  it('leaves the brokers out when nothing is replicated (replication is not the subject)', () => {
    const single = { ...fanOut, topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }] };
    const ids = topologyFromScenario(single).nodes.map((n) => n.id);
    expect(ids.some((id) => id.startsWith('broker:'))).toBe(false);
    expect(ids).toContain('consumer:ship-1');
  });

  it('connects the flow: producer → topic → each group → its consumers', () => {
    const { edges, nodes } = topologyFromScenario(fanOut);
    const ids = new Set(nodes.map((n) => n.id));
    for (const e of edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    expect(edges.filter((e) => e.source === 'topic:orders').map((e) => e.target)).toEqual([
      'group:billing',
      'group:shipping',
      'group:analytics',
    ]);
    expect(edges.filter((e) => e.source === 'group:billing').map((e) => e.target)).toEqual([
      'consumer:billing-c1',
      'consumer:billing-c2',
    ]);
  });

  it('lays columns out left to right in flow order with no two nodes on the same spot', () => {
    const spec: KafkaScenario = {
      ...fanOut,
      producers: [...fanOut.producers!, { id: 'returns', topic: 'orders', ratePerSec: 1, keys: { type: 'none' } }],
    };
    const { nodes, edges } = topologyFromScenario(spec);
    const x = (kind: string) => nodes.find((n) => n.kind === kind)!.position.x;
    expect(x('producer')).toBeLessThan(x('topic'));
    expect(x('topic')).toBeLessThan(x('group'));
    expect(x('group')).toBeLessThan(x('consumer'));
    const spots = nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
    expect(edges.filter((e) => e.down === true)).toEqual([]);
  });

  it('draws no card over another, brokers under a stacked producer and topic included', () => {
    const replicated: KafkaScenario = {
      ...fanOut,
      brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
      groups: [],
    };
    for (const spec of [fanOut, replicated]) expectApart(topologyFromScenario(spec).nodes, spec.name);
  });

  it('draws no card over another at the end of any step of any Kafka lesson', async () => {
    let checked = 0;
    for (const load of Object.values(lessonLoaders)) {
      const lesson = await load();
      if (lesson.model !== 'kafka') continue;
      lesson.steps.forEach((step, i) => {
        const s = stateAfterStep(lesson as Lesson<'kafka'>, i)!;
        expectApart(kafkaTopology(s).nodes, `${lesson.id} ${step.id}`, s);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('puts a lone producer above its one topic, so the picture is three columns wide', () => {
    const { nodes, edges } = topologyFromScenario(fanOut);
    const at = (kind: string) => nodes.find((n) => n.kind === kind)!.position;
    expect(at('producer').x).toBe(at('topic').x);
    // Above it with room for a card (about 80 px) and the arrow down.
    expect(at('topic').y - at('producer').y).toBeGreaterThanOrEqual(120);
    expect(at('topic').x).toBeLessThan(at('group').x);
    expect(at('group').x).toBeLessThan(at('consumer').x);
    expect(Math.max(...nodes.map((n) => n.position.x))).toBe(460);
    const spots = nodes.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(spots).size).toBe(spots.length);
    // Its edge is drawn downwards, bottom to top; the rest left to right.
    expect(edges.filter((e) => e.down === true).map((e) => e.id)).toEqual(['e:producer:checkout->topic:orders']);
  });

  it('keeps hostile names as plain labels', () => {
    const spec = { ...fanOut, topics: [{ name: '<img src=x onerror=alert(1)>', partitions: 1, replicationFactor: 1 }] };
    const { nodes } = topologyFromScenario(spec);
    expect(nodes.find((n) => n.kind === 'topic')?.label).toBe('<img src=x onerror=alert(1)>');
  });

  it("draws a group's own producer only where its handler writes, never back into the topic it reads", () => {
    const spec: KafkaScenario = {
      version: 1,
      name: 'handlers',
      brokers: [{ id: 1 }],
      topics: [
        { name: 'requests', partitions: 1, replicationFactor: 1 },
        { name: 'replies', partitions: 1, replicationFactor: 1 },
      ],
      producers: [{ id: 'checkout', topic: 'requests', ratePerSec: 1, keys: { type: 'none' } }],
      groups: [
        { id: 'caller', topics: ['requests'], consumers: 1, handler: { steps: [{ type: 'side-effect', name: 'call-out' }] } },
        { id: 'answer', topics: ['requests'], consumers: 1, handler: { steps: [{ type: 'produce', topic: 'replies' }] } },
      ],
    };
    const { nodes, edges } = topologyFromScenario(spec);
    const producers = nodes.filter((n) => n.kind === 'producer').map((n) => n.id);
    expect(producers).toEqual(['producer:checkout', 'producer:answer-app']);
    const from = (id: string) => edges.filter((e) => e.source === id).map((e) => e.target);
    expect(from('producer:answer-app')).toEqual(['topic:replies']);
    expect(from('producer:caller-app')).toEqual([]);
  });
});
