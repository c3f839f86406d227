/**
 * The handler's dedup step: a redelivery after a crash skips the rest of the handler while the
 * event id is remembered; a copy with the same `eventId` written after the retention window is
 * applied again. A `set` with a `field` stores that field of the value.
 */
import { describe, expect, it } from 'vitest';
import { kafkaAppRead as R } from './app-reads.ts';
import { kafkaAppCardLine, kafkaAppsView } from './app-view.ts';
import type { HandlerStep } from './scenario/types.ts';
import { loadScenario } from './scenario/loader.ts';
import { baseScenario, world } from './test-kit.ts';

function smsWorld(steps: HandlerStep[]) {
  return world(
    baseScenario({
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
      groups: [
        {
          id: 'sms',
          topics: ['orders'],
          consumers: 1,
          consumerIds: ['sms-c1'],
          processingMs: 10,
          autoOffsetReset: 'earliest',
          commit: { type: 'after-process' },
          handler: { steps },
        },
      ],
    }),
  );
}

const SMS: HandlerStep = { type: 'side-effect', name: 'send-sms' };

/** 20 records, a crash in the middle of the first batch, a restart, and the run to its end. */
function crashMidBatch(steps: HandlerStep[]) {
  const w = smsWorld(steps);
  for (let i = 0; i < 20; i++) w.run({ type: 'produce', topic: 'orders', key: `k${i}`, value: { i } });
  w.advance(3100);
  w.run({ type: 'crash-consumer', consumer: 'sms-c1' });
  w.run({ type: 'restart-consumer', consumer: 'sms-c1' });
  w.idle();
  return w;
}

describe('the dedup step', () => {
  it('without it a crash repeats SMS; with it every record sends one and the repeats are skipped', () => {
    const without = crashMidBatch([SMS]);
    const repeats = R.duplicates(without.s, 'sms');
    expect(repeats).toBeGreaterThan(0);
    expect(R.calls(without.s, 'sms', 'send-sms')).toBe(20 + repeats);

    const w = crashMidBatch([{ type: 'dedup', retentionMs: 60_000 }, SMS]);
    expect(R.calls(w.s, 'sms', 'send-sms')).toBe(20);
    expect(R.duplicates(w.s, 'sms')).toBe(0);
    expect(R.deduped(w.s, 'sms')).toBe(repeats);
    expect(kafkaAppCardLine(w.s, 'sms')).toBe(`send-sms 20 · skipped ${repeats}`);
    const v = kafkaAppsView(w.s)[0]!;
    expect([v.effectOnce, v.lost, v.deduped]).toEqual([20, 0, repeats]);
  });

  it('skips a copy with the same eventId inside the window and applies one after it', () => {
    const w = smsWorld([{ type: 'dedup', retentionMs: 5_000 }, SMS]);
    const evt = { type: 'produce' as const, topic: 'orders', key: 'o-1', value: { eventId: 'e-1' } };
    w.run(evt);
    w.advance(4_000);
    w.run(evt);
    w.advance(6_000);
    expect(R.calls(w.s, 'sms', 'send-sms')).toBe(1);
    expect(R.deduped(w.s, 'sms')).toBe(1);
    // The skipped copy counts neither as an effect nor as lost.
    expect(kafkaAppsView(w.s)[0]!.lost).toBe(0);
    w.advance(10_000);
    w.run(evt);
    w.advance(12_000);
    expect(R.calls(w.s, 'sms', 'send-sms')).toBe(2);
    expect(R.deduped(w.s, 'sms')).toBe(1);
  });

  it('a set with a field stores that field, and a clone keeps the dedup table apart', () => {
    const w = smsWorld([
      { type: 'dedup', retentionMs: 60_000 },
      { type: 'store', op: 'set', key: 'acct', field: 'balance' },
    ]);
    w.run({ type: 'produce', topic: 'orders', key: 'd-1', value: { eventId: 'd-1', balance: 300 } });
    w.advance(4_000);
    expect(R.storeValue(w.s, 'sms', 'acct')).toBe('300');
    expect(kafkaAppCardLine(w.s, 'sms')).toBe('acct = 300');
    // A table of many rows shows its size rather than its values.
    const rows = smsWorld([{ type: 'store', op: 'set' }]);
    for (let i = 1; i <= 3; i++) rows.run({ type: 'produce', topic: 'orders', key: `d-${i}`, value: { balance: i } });
    rows.advance(4_000);
    expect(kafkaAppCardLine(rows.s, 'sms')).toBe('3 rows');
    expect(Object.getPrototypeOf(w.s.k.groups[0]!.app!.dedup)).toBe(null);
  });

  it('rejects a negative retention with a message naming the field', () => {
    const scn = baseScenario({
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 1 }],
      groups: [{ id: 'sms', topics: ['orders'], consumers: 1, handler: { steps: [{ type: 'dedup', retentionMs: -1 }] } }],
    });
    const r = loadScenario(JSON.stringify(scn));
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('retentionMs');
  });
});
