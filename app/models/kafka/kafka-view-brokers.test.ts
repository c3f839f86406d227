/**
 * The broker cards say what each broker holds of a replicated partition — its role and where its
 * copy ends — so a follower falling behind, and a crashed leader's orphaned record, show on the
 * diagram (L08). The `detail` line that recorded v1 links read stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { kafkaModel, type KafkaScenario } from '../../../simulator/index.ts';
import { brokerNodes } from './kafka-view.ts';

const scenario: KafkaScenario = {
  version: 1,
  name: 'three brokers, one partition',
  brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
  topics: [{ name: 'orders', partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
  producers: [{ id: 'shop', topic: 'orders', ratePerSec: 2, keys: { type: 'uniform', keys: 10, prefix: 'order-' } }],
};

describe('broker cards', () => {
  it('say who leads, who is out of sync and where each copy ends; detail keeps only cuts and crashes', () => {
    const run = kafkaModel.run(scenario);
    const s = run.init(1);
    run.apply(s, { type: 'advance', untilMs: 10_000 });
    run.apply(s, { type: 'cut-link', from: 'broker-1', to: 'broker-3' });
    run.apply(s, { type: 'advance', untilMs: 42_000 });
    const cards = brokerNodes(s);
    expect(cards.map((b) => b.cardDetail)).toEqual([
      'leads orders-0 · LEO 84 · cut off from broker 3',
      'in sync: orders-0 · LEO 84',
      'out of sync: orders-0 · LEO 20 · cut off from broker 1',
    ]);
    expect(cards.map((b) => b.detail)).toEqual(['cut off from broker 3', '', 'cut off from broker 1']);
    run.apply(s, { type: 'crash-broker', broker: 1 });
    expect(brokerNodes(s)[0]).toMatchObject({
      status: 'crashed',
      detail: 'down',
      cardDetail: 'down · copy of orders-0 · LEO 84',
    });
  });
});
