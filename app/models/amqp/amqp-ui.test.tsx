/**
 * RabbitMQ in the workbench: a queue's ready and unacknowledged counts and a consumer's prefetch
 * window are what the model reports; publishing from an exchange uses a key its binding matches;
 * a poison message lands in the dead-letter queue; a consumer waiting for the learner offers ack,
 * nack-and-requeue and reject for each message it holds, and a requeued message comes back
 * redelivered.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { amqpNodeId, type NodeId } from '../../../simulator/index.ts';
import { builtInScenario } from '../index.ts';
import { openModel } from '../open.ts';
import { amqpUi } from './index.tsx';
import { QueuesPanel, amqpPanels } from './QueuesPanel.tsx';

const node = (kind: 'exchange' | 'queue' | 'consumer', name: string) => amqpNodeId(kind, name) as unknown as NodeId;
const open = (id: string) => {
  const s = builtInScenario(amqpUi, id);
  if (!s.ok) throw new Error(s.error.message);
  return openModel(amqpUi, s.value, { seed: 1 });
};

describe('RabbitMQ in the workbench', () => {
  it('routes the alerts by topic, and the topology draws each binding with its key', () => {
    const store = open('topic-alerts');
    store.getState().runToEnd();
    const v = amqpPanels(store.getState().view);
    const delivered = (q: string) =>
      store.getState().view.entries.filter((e) => e.type === 'message-delivered' && e.nodes.includes(node('queue', q))).length;
    expect(delivered('pager')).toBe(2);
    expect(delivered('payments-team')).toBe(2);
    expect(delivered('audit-log')).toBe(4);
    expect(v.queues.every((q) => q.ready === 0 && q.unacked === 0)).toBe(true);
    const labels = store.getState().topology.edges.map((e) => e.label);
    expect(labels).toEqual(expect.arrayContaining(['binding critical.#', 'binding *.payments.*', 'binding #']));
  });

  it('publishes from an exchange with a key each binding matches', () => {
    const store = open('topic-alerts');
    const actions = store
      .getState()
      .actionsFor(node('exchange', 'alerts'))
      .map((a) => a.label);
    expect(actions).toEqual([
      'Publish "msg-1" with key "critical.any"',
      'Publish "msg-1" with key "any.payments.any"',
      'Publish "msg-1" with key "any"',
      'Crash the broker',
    ]);
  });

  it('dead-letters the poison message; the slow worker holds at most its prefetch of 1', () => {
    const store = open('work-queue-dead-letters');
    for (let i = 0; i < 30; i++) store.getState().stepForward();
    const mid = amqpPanels(store.getState().view);
    for (const c of mid.consumers) expect(c.unacked.length).toBeLessThanOrEqual(1);
    store.getState().runToEnd();
    const end = amqpPanels(store.getState().view);
    expect(end.queues.find((q) => q.name === 'work.dead')?.messages.map((m) => m.body)).toEqual(['broken.png']);
    expect(store.getState().view.counters.find((c) => c.label === 'dead-lettered')?.value).toBe(1);
    const html = renderToStaticMarkup(<QueuesPanel view={store.getState().view} />);
    expect(html).toContain('dead letters to jobs.dlx');
  });

  it('a consumer that waits for the learner offers ack, nack-and-requeue and reject; a requeue comes back redelivered', () => {
    const s = builtInScenario(amqpUi, 'work-queue-dead-letters');
    if (!s.ok) throw new Error(s.error.message);
    const manual = structuredClone(s.value) as { consumers: Array<Record<string, unknown>>; publishes: unknown[] };
    manual.consumers = [{ name: 'you', queue: 'work', prefetch: 2, onMessage: 'manual' }];
    manual.publishes = [{ atMs: 0, publisher: 'uploader', exchange: 'jobs', routingKey: 'resize', body: 'photo', count: 2 }];
    const store = openModel(amqpUi, manual, { seed: 1 });
    store.getState().runToEnd();
    const labels = store
      .getState()
      .actionsFor(node('consumer', 'you'))
      .map((a) => a.label);
    expect(labels).toEqual(expect.arrayContaining(['Ack "photo#1"', 'Nack "photo#1" and requeue', 'Reject "photo#2"']));
    const nack = store
      .getState()
      .actionsFor(node('consumer', 'you'))
      .find((a) => a.label === 'Nack "photo#1" and requeue')!;
    expect(store.getState().dispatch(nack.command)).toBe(true);
    store.getState().runToEnd();
    const redelivered = store
      .getState()
      .view.entries.filter((e) => e.type === 'message-delivered')
      .at(-1);
    expect(redelivered?.text).toMatch(/photo#1/);
    expect(redelivered?.text).toMatch(/redeliver/i);
  });
});
