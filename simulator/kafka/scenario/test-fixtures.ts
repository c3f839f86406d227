/**
 * Small scenarios shared by the scenario tests.
 *
 * Kept in one place so each test states only what it changes ("this valid scenario, but with a
 * topic of 0 partitions") and reads like the rule it checks.
 */
import type { KafkaScenario } from './types.ts';

/** The smallest useful valid scenario: two brokers, one topic, one producer, one group. */
export function minimalScenario(): KafkaScenario {
  return {
    version: 1,
    name: 'minimal',
    brokers: [{ id: 1 }, { id: 2 }],
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 2 }],
    producers: [{ id: 'shop', topic: 'orders', ratePerSec: 10, count: 20, keys: { type: 'uniform', keys: 5 } }],
    groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
  };
}

/** A scenario that sets every optional field at least once (the docs test relies on it too). */
export function fullScenario(): KafkaScenario {
  return {
    version: 1,
    name: 'every field',
    description: 'Sets every field of the format once.',
    seed: 42,
    networkLatencyMs: 2,
    brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
    topics: [
      {
        name: 'orders',
        partitions: 6,
        replicationFactor: 3,
        minInsyncReplicas: 2,
        retentionMs: 604_800_000,
        retentionRecords: 100_000,
        cleanupPolicy: 'delete',
        uncleanLeaderElection: false,
      },
      { name: 'customers', partitions: 2, replicationFactor: 1, cleanupPolicy: 'compact' },
    ],
    producers: [
      {
        id: 'shop',
        topic: 'orders',
        ratePerSec: 100,
        count: 1000,
        startAtMs: 0,
        stopAtMs: 20_000,
        keys: { type: 'hot', hotKey: 'customer-1', hotPerMille: 500, keys: 99, prefix: 'customer-' },
        eventType: 'OrderPlaced',
        payload: { currency: 'EUR', amount: 12.5, gift: false },
        acks: 'all',
        retries: 3,
        idempotent: true,
        stickyBatchSize: 16,
      },
      {
        id: 'crm',
        topic: 'customers',
        ratePerSec: 0,
        keys: {
          type: 'weighted',
          keys: [
            { key: 'a', weight: 3 },
            { key: 'b', weight: 1 },
          ],
        },
        acks: 1,
      },
      { id: 'audit', topic: 'orders', ratePerSec: 1, count: 1, keys: { type: 'fixed', key: 'k' }, acks: 0 },
      { id: 'noise', topic: 'orders', ratePerSec: 2, count: 4, keys: { type: 'none' } },
    ],
    groups: [
      {
        id: 'billing',
        topics: ['orders'],
        consumers: 2,
        consumerIds: ['billing-a', 'billing-b'],
        groupInstanceIds: ['billing-host-1', 'billing-host-2'],
        assignor: 'cooperative-sticky',
        commit: { type: 'auto', intervalMs: 5000 },
        processingMs: 5,
        autoOffsetReset: 'earliest',
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 3000,
        maxPollRecords: 500,
        startAtMs: 0,
      },
      { id: 'shipping', topics: ['orders', 'customers'], consumers: 1, commit: { type: 'after-process' }, assignor: 'range' },
      { id: 'audit', topics: ['orders'], consumers: 1, commit: { type: 'before-process' }, assignor: 'roundrobin' },
    ],
    schedule: [
      { atMs: 1000, command: { type: 'crash-broker', broker: 1 } },
      { atMs: 2000, command: { type: 'restart-broker', broker: 1 } },
      { atMs: 3000, command: { type: 'crash-consumer', consumer: 'billing-a' } },
      { atMs: 4000, command: { type: 'restart-consumer', consumer: 'billing-a' } },
      { atMs: 5000, command: { type: 'slow-consumer', consumer: 'billing-b', processingMs: 50 } },
      { atMs: 6000, command: { type: 'delay-link', from: 'producer-shop', to: 'broker-2', latencyMs: 100 } },
      { atMs: 7000, command: { type: 'cut-link', from: 'broker-2', to: 'broker-3' } },
      { atMs: 8000, command: { type: 'heal-link', from: 'broker-2', to: 'broker-3' } },
      {
        atMs: 9000,
        command: { type: 'produce', producer: 'shop', topic: 'orders', key: 'customer-7', value: { total: 3 }, acks: 'all' },
      },
      { atMs: 9000, command: { type: 'produce', topic: 'orders', key: null, partition: 2 } },
      {
        atMs: 10_000,
        command: { type: 'add-consumer', group: 'billing', consumer: 'billing-c', groupInstanceId: 'billing-host-3' },
      },
      { atMs: 11_000, command: { type: 'remove-consumer', consumer: 'billing-c' } },
      { atMs: 12_000, command: { type: 'add-group', group: { id: 'late', topics: ['orders'], consumers: 1 } } },
      { atMs: 13_000, command: { type: 'reset-offsets', group: 'billing', topic: 'orders', to: 'earliest' } },
      { atMs: 13_500, command: { type: 'reset-offsets', group: 'late', topic: 'orders', to: { timestampMs: 5000 } } },
      { atMs: 14_000, command: { type: 'commit', consumer: 'late-c1' } },
    ],
    durationMs: 30_000,
    tasksMax: 1_000_000,
    trace: { mode: 'summary', keepLast: 1000 },
  };
}
