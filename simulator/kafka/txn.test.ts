/**
 * Kafka transactions: markers take offsets, read_committed stops at the last stable offset and
 * never sees aborted records, a zombie with an old epoch is fenced, and read-process-write with a
 * crash in the middle shows no duplicate to a read_committed consumer (and does to a
 * read_uncommitted one).
 */
import { describe, expect, it } from 'vitest';
import { kafkaAppRead as R } from './app-reads.ts';
import { lastStableOffset } from './txn-log.ts';
import type { GroupSpec } from './scenario/types.ts';
import { baseScenario, world } from './test-kit.ts';

const reader = (id: string, readCommitted: boolean, topic = 'out'): GroupSpec => ({
  id,
  topics: [topic],
  consumers: 1,
  autoOffsetReset: 'earliest',
  isolationLevel: readCommitted ? 'read_committed' : 'read_uncommitted',
  handler: { steps: [{ type: 'store', op: 'increment' }] },
});

function txWorld(producers = [{ id: 'tp', transactionalId: 'tx-1' }]) {
  return world(
    baseScenario({
      topics: [{ name: 'out', partitions: 1, replicationFactor: 3 }],
      producers: producers.map((p) => ({ ...p, topic: 'out', ratePerSec: 0, keys: { type: 'none' as const } })),
      groups: [reader('rc', true), reader('ru', false)],
    }),
  );
}

const seen = (w: ReturnType<typeof txWorld>, g: string) => w.entries('record-processed').filter((e) => e.group === g).length;

describe('transactions', () => {
  it('read_committed waits at the LSO; a commit marker takes an offset; aborted records stay invisible to it', () => {
    const w = txWorld();
    w.run({ type: 'init-transactions', producer: 'tp' });
    w.advance(3100);
    w.run({ type: 'begin-transaction', producer: 'tp' });
    for (const k of ['a', 'b', 'c']) w.run({ type: 'produce', producer: 'tp', topic: 'out', key: k });
    w.advance(3200);
    expect(w.summary().partitions[0]!.highWatermark).toBe(3);
    expect(lastStableOffset(w.s, 0)).toBe(0);
    expect(seen(w, 'ru')).toBe(3);
    expect(seen(w, 'rc')).toBe(0);
    w.run({ type: 'commit-transaction', producer: 'tp' });
    w.advance(3300);
    expect(seen(w, 'rc')).toBe(3);
    expect(w.summary().partitions[0]!.logEndOffset).toBe(4);
    w.run({ type: 'begin-transaction', producer: 'tp' });
    for (const k of ['d', 'e']) w.run({ type: 'produce', producer: 'tp', topic: 'out', key: k });
    w.advance(3400);
    w.run({ type: 'abort-transaction', producer: 'tp' });
    w.idle();
    expect(w.summary().partitions[0]!.logEndOffset).toBe(7);
    expect(lastStableOffset(w.s, 0)).toBe(7);
    expect(seen(w, 'ru')).toBe(5);
    expect(seen(w, 'rc')).toBe(3);
    expect(R.storeValue(w.s, 'rc', 'd')).toBe('');
    expect(w.entries('transaction-ended').map((e) => e.result)).toEqual(['committed', 'aborted']);
  });

  it('a second instance with the same transactional.id fences the first: its open transaction is aborted, its sends and commit refused', () => {
    const w = txWorld([
      { id: 'old', transactionalId: 'tx-1' },
      { id: 'new', transactionalId: 'tx-1' },
    ]);
    w.run({ type: 'init-transactions', producer: 'old' });
    w.run({ type: 'begin-transaction', producer: 'old' });
    w.run({ type: 'produce', producer: 'old', topic: 'out', key: 'zombie-1' });
    w.advance(100);
    w.run({ type: 'init-transactions', producer: 'new' });
    expect(w.entries('transactions-initialized').map((e) => [e.producer, e.epoch, e.abortedOpen])).toEqual([
      ['old', 0, false],
      ['new', 1, true],
    ]);
    w.run({ type: 'produce', producer: 'old', topic: 'out', key: 'zombie-2' });
    w.advance(200);
    expect(w.entries('producer-fenced').map((e) => e.producer)).toEqual(['old']);
    expect(w.reject({ type: 'commit-transaction', producer: 'old' })).toContain('ProducerFencedException');
    w.run({ type: 'begin-transaction', producer: 'new' });
    w.run({ type: 'produce', producer: 'new', topic: 'out', key: 'fresh' });
    w.run({ type: 'commit-transaction', producer: 'new' });
    w.idle();
    expect(R.storeValue(w.s, 'rc', 'zombie-1')).toBe('');
    expect(R.storeValue(w.s, 'rc', 'zombie-2')).toBe('');
    expect(R.storeValue(w.s, 'rc', 'fresh')).toBe('1');
    // read_uncommitted saw the zombie's first record (aborted, but in the log); never the refused one.
    expect(R.storeValue(w.s, 'ru', 'zombie-1')).toBe('1');
    expect(R.storeValue(w.s, 'ru', 'zombie-2')).toBe('');
  });

  it('refuses to produce outside a transaction and to begin before initTransactions', () => {
    const w = txWorld();
    expect(w.reject({ type: 'begin-transaction', producer: 'tp' })).toContain('initTransactions');
    w.run({ type: 'init-transactions', producer: 'tp' });
    expect(w.reject({ type: 'produce', producer: 'tp', topic: 'out', key: 'x' })).toContain('begin-transaction');
  });
});

/** Input records copied to `out` by a read-process-write group, a crash of its consumer mid-batch. */
export function readProcessWrite(seed: number, crashAtMs: number, restartAfterMs: number, records = 30) {
  const w = world(
    baseScenario({
      topics: [
        { name: 'in', partitions: 2, replicationFactor: 1 },
        { name: 'out', partitions: 2, replicationFactor: 1 },
      ],
      groups: [
        {
          id: 'copier',
          topics: ['in'],
          consumers: 1,
          consumerIds: ['copier-c1'],
          processingMs: 7,
          autoOffsetReset: 'earliest',
          commit: { type: 'transaction' },
          handler: { steps: [{ type: 'produce', topic: 'out' }] },
        },
        reader('rc', true),
        reader('ru', false),
      ],
    }),
    seed,
  );
  for (let i = 0; i < records; i++) w.run({ type: 'produce', topic: 'in', key: `k${i}`, value: { i } });
  w.advance(crashAtMs);
  w.run({ type: 'crash-consumer', consumer: 'copier-c1' });
  w.advance(crashAtMs + restartAfterMs);
  w.run({ type: 'restart-consumer', consumer: 'copier-c1' });
  w.idle();
  return w;
}

describe('read-process-write (exactly-once within Kafka)', () => {
  it('a crash mid-transaction: the read_committed reader sees each record once; a read_uncommitted one sees duplicates', () => {
    const w = readProcessWrite(1, 3100, 50);
    const counts = (g: string) => Array.from({ length: 30 }, (_, i) => R.storeValue(w.s, g, `k${i}`));
    expect(counts('rc').every((v) => v === '1')).toBe(true);
    expect(counts('ru').some((v) => v === '2')).toBe(true);
    expect(w.entries('transaction-ended').some((e) => e.result === 'aborted')).toBe(true);
  });
});
