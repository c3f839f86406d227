/** A playground scenario becomes a lock-step script a real broker can run. */
import { describe, expect, it } from 'vitest';
import type { AmqpScenario } from './schema.ts';
import { PLAYGROUND_SCENARIO } from './differential-scenarios.ts';
import { amqpScenarioToScript } from './script-from-scenario.ts';
import { runAmqpScriptOnModel } from './script.ts';
import { value } from './test-kit.ts';

describe('amqpScenarioToScript', () => {
  it('keeps the topology, subscribes consumers first, publishes in time order with waits, and lists what it leaves out', () => {
    const { script, notes } = value(amqpScenarioToScript(PLAYGROUND_SCENARIO, 'orders'));
    expect(script.bindings).toHaveLength(2);
    expect(script.steps.map((s) => (s.do === 'publish' ? s.body : s.do === 'wait' ? `wait ${s.ms}` : s.do))).toEqual([
      'consume',
      'created',
      'wait 50',
      'paid#1',
      'wait 10',
      'sent',
      'wait 20',
      'paid#2',
      'wait 500',
    ]);
    expect(script.steps[0]).toEqual({ do: 'consume', consumer: 'biller', queue: 'dt.billing', prefetch: 1, ackAfterMs: 20 });
    expect(notes.join(' ')).toMatch(/fault.*network delay.*poison/);
  });

  it('runs on the model: every message reaches the queues its keys route to', () => {
    const { script } = value(amqpScenarioToScript(PLAYGROUND_SCENARIO));
    const r = runAmqpScriptOnModel(script);
    expect(r.consumers.biller!.map((m) => m.body)).toEqual(['created', 'paid#1', 'paid#2']);
    expect(r.queues['dt.audit']!.map((m) => m.body)).toEqual(['created', 'paid#1', 'sent', 'paid#2']);
  });

  it('reports an invalid scenario as a value', () => {
    expect(amqpScenarioToScript({ queues: [{ name: 'q', oops: 1 }] } as unknown as AmqpScenario).ok).toBe(false);
  });
});
