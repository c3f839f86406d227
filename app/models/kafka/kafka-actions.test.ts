/**
 * The faults and additions the workbench offers on Kafka nodes: cutting and healing a node's link
 * to each broker (and the node saying so), and adding a consumer group from a topic — each a
 * command the learner's link can carry.
 */
import { describe, expect, it } from 'vitest';
import { builtInScenario } from '../index.ts';
import { linkModels } from '../open-link.ts';
import { openModel, seedOf } from '../open.ts';
import { decodeShareState, encodeShareState } from '../../share/share-link.ts';
import { kafkaUi } from './index.tsx';

const found = builtInScenario(kafkaUi, 'fan-out-three-groups');
if (!found.ok) throw new Error(found.error.message);
const spec = found.value;
const open = () => openModel(kafkaUi, spec, { seed: seedOf(spec) });
const labels = (store: ReturnType<typeof open>, node: string) =>
  store
    .getState()
    .actionsFor(node)
    .map((a) => a.label);
const run = (store: ReturnType<typeof open>, node: string, label: string) => {
  const a = store
    .getState()
    .actionsFor(node)
    .find((x) => x.label === label);
  expect(a, `${node}: ${label}`).toBeDefined();
  expect(store.getState().dispatch(a!.command)).toBe(true);
};
const detail = (store: ReturnType<typeof open>, node: string) => store.getState().view.nodes.find((n) => n.id === node)?.detail;

describe('Kafka node actions', () => {
  it('cuts a consumer off from a broker, says so on the node, and heals it', () => {
    const store = open();
    expect(labels(store, 'consumer:billing-c1')).toEqual(
      expect.arrayContaining(['Cut link to broker 1', 'Cut link to broker 2', 'Cut link to broker 3']),
    );
    run(store, 'consumer:billing-c1', 'Cut link to broker 2');
    expect(detail(store, 'consumer:billing-c1')).toMatch(/cut off from broker 2$/);
    expect(labels(store, 'consumer:billing-c1')).toContain('Heal link to broker 2');
    run(store, 'consumer:billing-c1', 'Heal link to broker 2');
    expect(detail(store, 'consumer:billing-c1')).not.toMatch(/cut off/);
  });

  it('cuts a link between two brokers from either end, and offers a producer its links', () => {
    const store = open();
    expect(labels(store, 'broker:1')).toEqual(['Crash broker', 'Cut link to broker 2', 'Cut link to broker 3']);
    run(store, 'broker:1', 'Cut link to broker 3');
    expect(detail(store, 'broker:1')).toBe('cut off from broker 3');
    expect(detail(store, 'broker:3')).toBe('cut off from broker 1');
    expect(labels(store, 'broker:3')).toContain('Heal link to broker 1');
    expect(labels(store, 'producer:shop')).toEqual(['Cut link to broker 1', 'Cut link to broker 2', 'Cut link to broker 3']);
  });

  it('a producer cut off from every broker gets nothing acknowledged', () => {
    const acked = (cut: boolean) => {
      const store = open();
      if (cut) for (const b of [1, 2, 3]) run(store, 'producer:shop', `Cut link to broker ${b}`);
      for (let i = 0; i < 400; i++) store.getState().stepForward();
      return store.getState().view.counters.find((c) => c.label === 'acknowledged')?.value;
    };
    expect(acked(false)).toBeGreaterThan(0);
    expect(acked(true)).toBe(0);
  });

  it('adds a consumer group on a topic, which appears in the topology and starts reading', () => {
    const store = open();
    run(store, 'topic:orders', 'Add a consumer group');
    const ids = store.getState().topology.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['group:group-4', 'consumer:group-4-c1']));
    // A second one gets the next free name.
    run(store, 'topic:orders', 'Add a consumer group');
    expect(store.getState().topology.nodes.map((n) => n.id)).toContain('group:group-5');
  });

  it('the new commands survive a share link', () => {
    const store = open();
    run(store, 'consumer:billing-c1', 'Cut link to broker 2');
    run(store, 'topic:orders', 'Add a consumer group');
    const text = encodeShareState({
      model: 'kafka',
      scenario: { id: 'fan-out-three-groups' },
      seed: store.getState().seed,
      commands: [...store.getState().commands()],
      cursor: store.getState().cursor,
    });
    const back = decodeShareState(text, linkModels);
    expect(back.ok && back.value.commands).toEqual(store.getState().commands());
  });
});
