import { describe, expect, it } from 'vitest';
import { simModels } from './models.ts';
import { runModelScript } from './run-model.ts';

describe('running any model headless from a script', () => {
  it('runs the saga: a declined payment compensates, and every command answers', () => {
    const r = runModelScript(
      simModels.saga,
      {},
      [
        {
          type: 'inject-fault',
          fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' },
        },
        { type: 'place-order', orderId: 'order-1' },
        { type: 'place-order', orderId: 'order-1' },
      ],
      7,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.commands.map((c) => c.ok)).toEqual([true, true, false]);
    expect(r.value.entries['saga-compensated']).toBe(1);
    expect(r.value.nowMs).toBeGreaterThan(0);
  });

  it('runs the event store, and the same script and seed give the same result', () => {
    const script = [
      { type: 'open-account', stream: 'account-42', owner: 'Ada' },
      { type: 'deposit', stream: 'account-42', amountCents: 100_000 },
      { type: 'add-projection', id: 'balances', projector: 'balances' },
    ];
    const a = runModelScript(simModels.eventstore, {}, script, 3);
    expect(a).toEqual(runModelScript(simModels.eventstore, {}, script, 3));
    expect(a.ok && a.value.entries['event-appended']).toBe(2);
    expect(a.ok && a.value.entries['projection-updated']).toBe(2);
  });

  it('says what is wrong with a bad scenario, a bad command or a script that is not a list', () => {
    const scenario = runModelScript(simModels.saga, { stepss: [] }, [], 1);
    expect(scenario.ok === false && scenario.message).toMatch(/^the Orchestrated saga scenario is not valid: .*stepss/);
    const command = runModelScript(simModels.saga, {}, [{ type: 'explode' }], 1);
    expect(command.ok === false && command.message).toMatch(/^command 1 is not valid/);
    expect(runModelScript(simModels.saga, {}, { type: 'step' }, 1)).toEqual({
      ok: false,
      message: 'the commands must be a JSON list',
    });
  });
});
