/** The sim bundle and the view: what the workbench will wrap and draw. */
import { describe, expect, it } from 'vitest';
import { createTimeline } from '../core/timeline.ts';
import { amqpTimelineModel, createAmqpSim } from './sim.ts';
import { value } from './test-kit.ts';
import { amqpView } from './view.ts';
import type { AmqpCommandInput } from './schema.ts';

const scenario = {
  networkDelayMs: 0,
  exchanges: [{ name: 'dlx', type: 'fanout' as const }],
  queues: [{ name: 'jobs', arguments: { 'x-dead-letter-exchange': 'dlx' } }, { name: 'dlq' }],
  bindings: [{ source: 'dlx', destination: 'dlq' }],
  consumers: [{ name: 'w', queue: 'jobs', prefetch: 2, onMessage: 'manual' as const }],
};

describe('createAmqpSim', () => {
  it('reports a bad scenario as a value and otherwise gives fresh worlds from init', () => {
    expect(createAmqpSim({ queues: [{ name: '' }] }, 1).ok).toBe(false);
    const sim = value(createAmqpSim(scenario, 1));
    const a = sim.init();
    value(sim.apply(a, { type: 'publish', exchange: '', routingKey: 'jobs', body: 'x' }));
    expect(sim.init().published).toBe(0);
  });

  it('plugs into core’s timeline: seeking back and forth equals replaying', () => {
    const sim = value(createAmqpSim(scenario, 1));
    const cmds: AmqpCommandInput[] = [
      { type: 'publish', exchange: '', routingKey: 'jobs', body: 'a' },
      { type: 'publish', exchange: '', routingKey: 'jobs', body: 'b' },
      { type: 'run-until-idle' },
      { type: 'reject', consumer: 'w', deliveryTag: 1, requeue: false },
      { type: 'ack', consumer: 'w', deliveryTag: 2 },
    ];
    const t = createTimeline(amqpTimelineModel(sim), 2, cmds);
    const end = JSON.stringify(t.state);
    t.seek(1);
    expect(JSON.stringify(t.seek(5))).toBe(end);
  });
});

describe('amqpView', () => {
  it('shows ready and unacked counts, prefetch windows and dead-letter edges', () => {
    const sim = value(createAmqpSim(scenario, 1));
    const w = sim.init();
    for (const body of ['a', 'b', 'c']) value(sim.apply(w, { type: 'publish', exchange: '', routingKey: 'jobs', body }));
    value(sim.apply(w, { type: 'run-until-idle' }));
    const v = amqpView(w);
    const jobs = v.queues.find((q) => q.name === 'jobs')!;
    expect([jobs.ready, jobs.unacked, jobs.messages.map((m) => m.body)]).toEqual([1, 2, ['c']]);
    expect(v.consumers[0]!.unacked.map((u) => u.body)).toEqual(['a', 'b']);
    expect(v.edges).toContainEqual({ from: 'queue:jobs', to: 'exchange:dlx', kind: 'dead-letter', label: 'dead letters' });
    expect(v.edges).toContainEqual({ from: 'exchange:dlx', to: 'queue:dlq', kind: 'binding', label: '' });
    expect(v.exchanges.filter((x) => x.builtin).map((x) => x.name)).toContain('amq.topic');
  });
});
