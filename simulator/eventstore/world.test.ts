/** Scenario tests for the event store in the world: subscriptions, projections, lag, rebuilds, trace. */
import { describe, expect, it } from 'vitest';
import { bankModel, closeAccount, deposit, openAccount, withdraw, type BalancesView } from './demo-bank.ts';
import { currentLag } from './subscriptions.ts';
import { esAddProjection, esResetProjection, esSubscribe } from './subscription-commands.ts';
import { createEsWorld, esAppend, esExecute, esLoad, esRun, type EsWorld } from './world.ts';

const run = (w: EsWorld, untilMs?: number) =>
  esRun(w, bankModel, { tasksMax: 100_000, ...(untilMs !== undefined ? { untilMs } : {}) });

describe('catch-up subscriptions', () => {
  it('deliver history first, report caught up, then deliver live appends', () => {
    const w = createEsWorld({ seed: 3 });
    for (let i = 0; i < 3; i++) esAppend(w, 'orders-1', 'any', [{ type: 'OrderPlaced', data: { i } }]);
    const sub = esSubscribe(w, { id: 'audit', processingMs: 10 });
    expect(sub.phase).toBe('catching-up');
    expect(sub.lagEvents).toBe(3);
    run(w);
    expect(sub.phase).toBe('live');
    expect(w.nowMs).toBe(30);
    const caught = w.trace.entries.filter((e) => e.type === 'subscription-caught-up');
    expect(caught).toEqual([expect.objectContaining({ subscriberId: 'audit', checkpoint: 3, atMs: 30 })]);
    esAppend(w, 'orders-2', 'no_stream', [{ type: 'OrderPlaced', data: {} }], { correlationId: 'order-2' });
    expect(sub.lagEvents).toBe(1);
    run(w);
    expect(sub.recent!.map((r) => r.stream)).toEqual(['orders-1', 'orders-1', 'orders-1', 'orders-2']);
    const last = w.trace.entries.at(-1)!;
    expect(last).toMatchObject({ type: 'subscription-delivered', atMs: 40, correlationId: 'order-2', position: 3 });
  });

  it('subscribes to one stream from a revision, and skips system streams on $all', () => {
    const w = createEsWorld({ seed: 3 });
    esAppend(w, 'a', 'any', [
      { type: 'X', data: 0 },
      { type: 'X', data: 1 },
      { type: 'X', data: 2 },
    ]);
    esAppend(w, '$$a', 'any', [{ type: '$metadata', data: {} }]);
    esAppend(w, 'b', 'any', [{ type: 'X', data: 3 }]);
    const one = esSubscribe(w, { id: 'one', source: 'a', from: 1 });
    const all = esSubscribe(w, { id: 'all' });
    const pre = esSubscribe(w, { id: 'pre', streamPrefix: 'b' });
    run(w);
    expect(one.recent!.map((r) => r.position)).toEqual([1, 2]);
    expect(all.recent!.map((r) => r.stream)).toEqual(['a', 'a', 'a', 'b']);
    expect(pre.recent!.map((r) => r.stream)).toEqual(['b']);
    expect([one, all, pre].map((s) => s.phase)).toEqual(['live', 'live', 'live']);
  });
});

describe('projections', () => {
  function bank(processingMs: number, projector = 'balances') {
    const w = createEsWorld({ seed: 9 });
    const p = esAddProjection(w, bankModel, { id: 'balances', projector, processingMs });
    return { w, p };
  }

  it('lag behind at their own speed, in events and in virtual ms', () => {
    const { w, p } = bank(50);
    openAccount(w, 'account-42', 'ada');
    deposit(w, 'account-42', 10_000);
    deposit(w, 'account-42', 2_500);
    expect(p.lagEvents).toBe(3);
    run(w, 20);
    expect(currentLag(w, p)).toEqual({ lagEvents: 3, lagMs: 20 });
    run(w, 60);
    expect(currentLag(w, p)).toEqual({ lagEvents: 2, lagMs: 60 });
    expect((p.readModel as BalancesView).balances).toEqual({ 'account-42': 0 });
    run(w);
    expect(w.nowMs).toBe(150);
    expect(currentLag(w, p)).toEqual({ lagEvents: 0, lagMs: 0 });
    expect((p.readModel as BalancesView).balances).toEqual({ 'account-42': 12_500 });
    const updates = w.trace.entries.filter((e) => e.type === 'projection-updated');
    expect(updates.map((e) => e.atMs)).toEqual([50, 100, 150]);
  });

  it('a buggy projector is fixed by reset and rebuild, and then agrees with the aggregates', () => {
    const { w, p } = bank(1, 'balances-buggy');
    openAccount(w, 'account-42', 'ada');
    openAccount(w, 'account-7', 'bob');
    deposit(w, 'account-42', 10_000);
    withdraw(w, 'account-42', 3_000);
    deposit(w, 'account-7', 500);
    run(w);
    expect((p.readModel as BalancesView).balances['account-42']).toBe(10_000); // the bug: withdrawals ignored
    esResetProjection(w, bankModel, 'balances', { projector: 'balances' });
    expect(p.readModel).toEqual({ balances: {}, totalCents: 0 });
    run(w);
    const view = p.readModel as BalancesView;
    for (const s of ['account-42', 'account-7'])
      expect(view.balances[s]).toBe(esLoad<{ balanceCents: number }>(w, bankModel, s).state.balanceCents);
    expect(view.totalCents).toBe(7_500);
    const rebuilt = w.trace.entries.find((e) => e.type === 'projection-rebuilt');
    expect(rebuilt).toMatchObject({ projectionId: 'balances', eventsReplayed: 5, durationMs: 5 });
    expect(w.trace.entries.some((e) => e.type === 'projection-reset')).toBe(true);
  });
});

describe('optimistic concurrency between two tellers', () => {
  it('the second writer from the same revision gets WrongExpectedVersion, in the trace too', () => {
    const w = createEsWorld({ seed: 1 });
    openAccount(w, 'account-42', 'ada');
    deposit(w, 'account-42', 100);
    const a = esLoad<{ balanceCents: number }>(w, bankModel, 'account-42');
    const b = esLoad<{ balanceCents: number }>(w, bankModel, 'account-42');
    const first = esAppend(w, 'account-42', a.revision, [{ type: 'Withdrawn', data: { amountCents: 100 } }], {
      correlationId: 'teller-a',
    });
    const second = esAppend(w, 'account-42', b.revision, [{ type: 'Withdrawn', data: { amountCents: 100 } }], {
      correlationId: 'teller-b',
    });
    expect(first.result.ok).toBe(true);
    expect(second.result).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 1, actual: 2 });
    expect(w.trace.entries.at(-1)).toMatchObject({
      type: 'append-rejected',
      stream: 'account-42',
      expected: 1,
      actual: 2,
      correlationId: 'teller-b',
    });
    // Retrying the command reloads and decides again: now the refusal is a business one.
    expect(withdraw(w, 'account-42', 100).refused).toBe('insufficient-funds');
  });

  it('a retried command with the same event id is idempotent', () => {
    const w = createEsWorld({ seed: 1 });
    openAccount(w, 'account-1', 'x');
    const decide = () => ({ events: [{ eventId: 'dep-1', type: 'Deposited', data: { amountCents: 5 }, schemaVersion: 2 }] });
    esExecute(w, bankModel, 'account-1', decide);
    const again = esAppend(w, 'account-1', 0, decide().events);
    expect(again.outcome).toBe('idempotent');
    expect(again.result).toEqual({ ok: true, nextExpectedRevision: 1 });
    expect(w.trace.entries.at(-1)).toMatchObject({ type: 'append-idempotent', nextExpectedRevision: 1 });
  });
});

describe('the world stays plain data', () => {
  it('survives structuredClone mid-run and continues identically', () => {
    const make = () => {
      const w = createEsWorld({ seed: 5, snapshotEveryEvents: 2 });
      esAddProjection(w, bankModel, { id: 'balances', projector: 'balances', processingMs: 7 });
      openAccount(w, 'account-1', 'x');
      for (let i = 0; i < 5; i++) deposit(w, 'account-1', 10 + i);
      run(w, 20);
      return w;
    };
    const w = make();
    const copy = structuredClone(w);
    for (const x of [w, copy]) {
      deposit(x, 'account-1', 99);
      run(x);
    }
    expect(copy.trace).toEqual(w.trace);
    expect(copy.subscribers).toEqual(w.subscribers);
    expect(JSON.parse(JSON.stringify(copy.snapshots))).toEqual(w.snapshots);
  });
});

describe('bank account commands', () => {
  it('refuse what the business rules forbid, decided on the loaded state', () => {
    const w = createEsWorld({ seed: 1 });
    expect(deposit(w, 'account-9', 100).refused).toBe('account-not-open');
    expect(openAccount(w, 'account-9', 'eve').after.state).toMatchObject({ opened: true, owner: 'eve' });
    expect(openAccount(w, 'account-9', 'eve').refused).toBe('already-open');
    expect(deposit(w, 'account-9', 0).refused).toBe('invalid-amount');
    deposit(w, 'account-9', 300);
    expect(closeAccount(w, 'account-9').refused).toBe('balance-not-zero');
    withdraw(w, 'account-9', 300);
    expect(closeAccount(w, 'account-9').after.state).toMatchObject({ closed: true, balanceCents: 0, movements: 2 });
    expect(deposit(w, 'account-9', 1).refused).toBe('account-not-open');
    expect(w.trace.counts['event-appended']).toBe(4);
  });
});
