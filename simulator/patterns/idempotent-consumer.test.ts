/** Tests for the dedup store and the idempotent consumer, including the retention-window trade-off. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDedupStore, dedupHas, dedupPrune, dedupRecord } from './dedup-store.ts';
import {
  applyIdempotentConsumerCommand,
  createIdempotentConsumer,
  describeIdempotentConsumerEntry,
  type IdempotentConsumerCommand,
  type IdempotentConsumerOptions,
  type IdempotentConsumerWorld,
} from './idempotent-consumer.ts';

function script(opts: IdempotentConsumerOptions, ...commands: IdempotentConsumerCommand[]): IdempotentConsumerWorld {
  const w = createIdempotentConsumer(opts);
  for (const c of commands) {
    const r = applyIdempotentConsumerCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
  return w;
}

describe('dedup store', () => {
  it('remembers an id for exactly its retention window', () => {
    const s = createDedupStore(100);
    expect(dedupRecord(s, 'evt-1', 10)).toBe(110);
    expect(dedupHas(s, 'evt-1', 109)).toBe(true);
    expect(dedupHas(s, 'evt-1', 110)).toBe(false);
    expect(dedupPrune(s, 110)).toEqual(['evt-1']);
    expect(s.expiresAtMs).toEqual({});
  });
});

describe('idempotent consumer', () => {
  it('a redelivery inside the window is a no-op: one SMS', () => {
    const w = script(
      { seed: 1, retentionMs: 10_000 },
      { type: 'deliver', eventId: 'evt-1', customerId: 'ann' },
      { type: 'advance', untilMs: 1_000 },
      { type: 'redeliver', eventId: 'evt-1' },
      { type: 'run-until-idle' },
    );
    expect(w.smsSentByCustomer).toEqual({ ann: 1 });
    expect(w.trace.entries.map((e) => e.type)).toContain('duplicate-skipped');
  });

  it('without the dedup store the same redelivery sends a second SMS', () => {
    const w = script(
      { seed: 1, dedup: false },
      { type: 'deliver', eventId: 'evt-1', customerId: 'ann' },
      { type: 'advance', untilMs: 1_000 },
      { type: 'redeliver', eventId: 'evt-1' },
      { type: 'run-until-idle' },
    );
    expect(w.smsSentByCustomer).toEqual({ ann: 2 });
  });

  it('the honest trade-off: a duplicate after the window expired IS applied twice', () => {
    const w = script(
      { seed: 2, retentionMs: 500 },
      { type: 'deliver', eventId: 'evt-1', customerId: 'ann' },
      { type: 'advance', untilMs: 2_000 },
      { type: 'redeliver', eventId: 'evt-1' },
      { type: 'run-until-idle' },
    );
    const types = w.trace.entries.map((e) => e.type);
    expect(types.indexOf('dedup-entry-expired')).toBeLessThan(types.lastIndexOf('event-applied'));
    expect(w.appliedTimes['evt-1']).toBe(2);
    expect(w.smsSentByCustomer).toEqual({ ann: 2 });
    for (const e of w.trace.entries) expect(describeIdempotentConsumerEntry(e)).toMatch(/^[A-Z].+\.$/);
  });

  it('refuses impossible commands', () => {
    const w = script({ seed: 3 }, { type: 'deliver', eventId: 'evt-1' });
    const before = JSON.stringify(w);
    expect(applyIdempotentConsumerCommand(w, { type: 'redeliver', eventId: 'evt-9' }).ok).toBe(false);
    expect(applyIdempotentConsumerCommand(w, { type: 'deliver', eventId: 'evt-1' }).ok).toBe(false);
    expect(JSON.stringify(w)).toBe(before);
  });

  it('property: any redelivery schedule inside the window applies each event exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.record({ event: fc.integer({ min: 1, max: 5 }), gapMs: fc.integer({ min: 0, max: 300 }) }), {
          maxLength: 40,
        }),
        (seed, deliveries) => {
          const w = createIdempotentConsumer({ seed, retentionMs: 1_000_000 });
          for (const d of deliveries) {
            const eventId = `evt-${d.event}`;
            applyIdempotentConsumerCommand(w, {
              type: w.events[eventId] ? 'redeliver' : 'deliver',
              eventId,
              customerId: `c-${d.event}`,
            });
            applyIdempotentConsumerCommand(w, { type: 'advance', untilMs: w.nowMs + d.gapMs });
          }
          applyIdempotentConsumerCommand(w, { type: 'run-until-idle' });
          for (const id of Object.keys(w.events)) expect(w.appliedTimes[id], `seed ${seed} ${id}`).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
