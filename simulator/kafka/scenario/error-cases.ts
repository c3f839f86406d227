/**
 * Invalid scenarios and the exact message each one gets, shared by two tests.
 *
 * schema.test.ts checks that each edit produces its message; docs.test.ts checks that every
 * message quoted in docs/scenario-format.md is one of these, so the documentation cannot quote a
 * message the loader no longer gives.
 */
import type { KafkaScenario } from './types.ts';

/** An edit of a valid scenario that makes it invalid. */
export type Edit = (s: KafkaScenario & Record<string, unknown>) => void;

const p0 = (s: KafkaScenario) => s.producers![0]!;
const g0 = (s: KafkaScenario) => s.groups![0]!;
const t0 = (s: KafkaScenario) => s.topics[0]!;

/** Each row: what is wrong, an edit of the minimal scenario, and the exact first message expected. */
export const ERROR_CASES: Array<[string, Edit, string]> = [
  ['a topic with 0 partitions', (s) => (t0(s).partitions = 0), 'topics[0].partitions: a topic needs at least 1 partition, got 0'],
  [
    'too many partitions',
    (s) => (t0(s).partitions = 5000),
    "topics[0].partitions: must be at most 1000 (the simulator's limit), got the number 5000",
  ],
  [
    'a fractional partition count',
    (s) => (t0(s).partitions = 1.5),
    'topics[0].partitions: expected a whole number, got the number 1.5',
  ],
  [
    'a replication factor above the broker count',
    (s) => (t0(s).replicationFactor = 3),
    'topics[0].replicationFactor: a replication factor of 3 needs at least 3 brokers, but the cluster has 2',
  ],
  [
    'replication factor 0',
    (s) => (t0(s).replicationFactor = 0),
    'topics[0].replicationFactor: the replication factor must be at least 1 (one copy), got 0',
  ],
  [
    'min.insync.replicas above the replication factor',
    (s) => (t0(s).minInsyncReplicas = 3),
    'topics[0].minInsyncReplicas: min.insync.replicas (3) cannot exceed the replication factor (2): every acks=all write would fail',
  ],
  [
    'a duplicate broker id',
    (s) => s.brokers.push({ id: 1 }),
    'brokers[2].id: broker id "1" is used twice; the first use is at index 0',
  ],
  [
    'a duplicate topic',
    (s) => s.topics.push({ name: 'orders', partitions: 1, replicationFactor: 1 }),
    'topics[1].name: topic name "orders" is used twice; the first use is at index 0',
  ],
  [
    'a duplicate producer',
    (s) => s.producers!.push({ ...p0(s) }),
    'producers[1].id: producer id "shop" is used twice; the first use is at index 0',
  ],
  ['a duplicate group', (s) => s.groups!.push({ ...g0(s) }), 'groups[1].id: group id "billing" is used twice'],
  [
    'a producer writing to a missing topic',
    (s) => (p0(s).topic = 'order'),
    'producers[0].topic: producer "shop" writes to topic "order", which is not defined in topics (defined: orders). Did you mean "orders"?',
  ],
  [
    'a group subscribed to a missing topic',
    (s) => (g0(s).topics = ['payments']),
    'groups[0].topics[0]: group "billing" subscribes to topic "payments", which is not defined in topics (defined: orders).',
  ],
  [
    'all-zero weights',
    (s) =>
      (p0(s).keys = {
        type: 'weighted',
        keys: [
          { key: 'a', weight: 0 },
          { key: 'b', weight: 0 },
        ],
      }),
    'producers[0].keys.keys: does not sum up: every weight is 0, so no key could ever be picked; give at least one key a weight above 0',
  ],
  [
    'a negative weight',
    (s) => (p0(s).keys = { type: 'weighted', keys: [{ key: 'a', weight: -1 }] }),
    'producers[0].keys.keys[0].weight: a weight cannot be negative, got -1',
  ],
  [
    'a duplicate weighted key',
    (s) =>
      (p0(s).keys = {
        type: 'weighted',
        keys: [
          { key: 'a', weight: 1 },
          { key: 'a', weight: 2 },
        ],
      }),
    'producers[0].keys.keys[1].key: key "a" is used twice; the first use is at index 0',
  ],
  [
    'hotPerMille above 1000',
    (s) => (p0(s).keys = { type: 'hot', hotKey: 'h', hotPerMille: 1200, keys: 10 }),
    "producers[0].keys.hotPerMille: does not sum up: hotPerMille is the hot key's share of all records in thousandths, so it must be between 0 and 1000, got 1200",
  ],
  [
    'hotPerMille below 0',
    (s) => (p0(s).keys = { type: 'hot', hotKey: 'h', hotPerMille: -1, keys: 10 }),
    "producers[0].keys.hotPerMille: does not sum up: hotPerMille is the hot key's share of all records in thousandths, so it must be between 0 and 1000, got -1",
  ],
  [
    'a hot key with nowhere for the rest to go',
    (s) => (p0(s).keys = { type: 'hot', hotKey: 'h', hotPerMille: 900, keys: 0 }),
    'producers[0].keys.hotPerMille: does not sum up: with no other keys (keys is 0) the hot key gets every record, so hotPerMille must be 1000, got 900',
  ],
  [
    'an unknown key distribution',
    (s) => ((p0(s) as unknown as { keys: unknown }).keys = { type: 'zipf' }),
    'producers[0].keys.type: unknown type "zipf"; expected one of "none", "fixed", "uniform", "weighted" or "hot"',
  ],
  [
    'a rate above the limit',
    (s) => (p0(s).ratePerSec = 2e6),
    "producers[0].ratePerSec: must be at most 1000000 (the simulator's limit), got the number 2000000",
  ],
  [
    'a rate given as text',
    (s) => ((p0(s) as unknown as { ratePerSec: unknown }).ratePerSec = '10'),
    'producers[0].ratePerSec: expected a number, got the text "10"',
  ],
  [
    'an idempotent producer without acks=all',
    (s) => Object.assign(p0(s), { acks: 1, idempotent: true }),
    'producers[0].idempotent: the idempotent producer needs acks "all" (Kafka refuses it otherwise), but acks is 1',
  ],
  [
    'a consumer id that looks like a broker',
    (s) => (g0(s).consumerIds = ['broker-x', 'b']),
    'groups[0].consumerIds[0]: consumer id "broker-x" may not start with "broker-" or "producer-": those names belong to brokers and producers on the network',
  ],
  [
    'a produce command asking for other acks than its producer',
    (s) => (s.schedule = [{ atMs: 5, command: { type: 'produce', producer: 'shop', topic: 'orders', acks: 1 } }]),
    'schedule[0].command.acks: producer "shop" uses acks all; in Kafka acks is a producer setting, so a record cannot ask for acks 1',
  ],
  [
    'too many replicas in all',
    (s) => {
      s.brokers = [1, 2, 3, 4].map((id) => ({ id }));
      s.topics = Array.from({ length: 10 }, (_, i) => ({ name: `t${i}`, partitions: 1000, replicationFactor: 4 }));
      s.producers = [];
      s.groups = [];
    },
    "topics: the topics have 40000 partition replicas in all (partitions × replicationFactor); the simulator's limit is 30000",
  ],
  ['a fractional rate', (s) => (p0(s).ratePerSec = 0.5), 'producers[0].ratePerSec: expected a whole number, got the number 0.5'],
  [
    'producers writing more than the limit together',
    (s) => {
      p0(s).ratePerSec = 500_000;
      s.producers!.push({ ...p0(s), id: 'a', ratePerSec: 1_000_000 });
    },
    "producers: the producers write 1500000 records per second in all; the simulator's limit is 1000000",
  ],
  [
    'an acks value Kafka does not have',
    (s) => ((p0(s) as unknown as { acks: unknown }).acks = 2),
    'producers[0].acks: must be one of 0, 1 or "all", got the number 2',
  ],
  [
    'a producer stopping before it starts',
    (s) => Object.assign(p0(s), { startAtMs: 500, stopAtMs: 100 }),
    'producers[0].stopAtMs: stops (100 ms) before it starts (500 ms)',
  ],
  [
    'consumerIds not matching consumers',
    (s) => (g0(s).consumerIds = ['a']),
    'groups[0].consumerIds: lists 1 consumer ids but consumers is 2; give exactly one id per consumer',
  ],
  [
    'groupInstanceIds not matching consumers',
    (s) => (g0(s).groupInstanceIds = ['a', 'b', 'c']),
    'groups[0].groupInstanceIds: lists 3 group instance ids but consumers is 2; give exactly one per consumer',
  ],
  [
    'a consumer id used in two groups',
    (s) => s.groups!.push({ id: 'audit', topics: ['orders'], consumers: 1, consumerIds: ['billing-c1'] }),
    'groups[1].consumerIds[0]: consumer id "billing-c1" is used twice (consumer ids must be unique across all groups)',
  ],
  [
    'a heartbeat not below the session timeout',
    (s) => Object.assign(g0(s), { sessionTimeoutMs: 3000, heartbeatIntervalMs: 3000 }),
    'groups[0].heartbeatIntervalMs: must be lower than the session timeout (3000 ms), as Kafka requires, got 3000',
  ],
  [
    'a misspelt field',
    (s) => ((t0(s) as unknown as Record<string, unknown>).partiton = 3),
    'topics[0].partiton: unknown field "partiton" (did you mean "partitions"?); the fields allowed here are name, partitions, replicationFactor, minInsyncReplicas, retentionMs, retentionRecords, cleanupPolicy, segmentRecords, segmentMs, minCleanableDirtyRatio, uncleanLeaderElection',
  ],
  [
    'a missing required field',
    (s) => delete (s as Partial<KafkaScenario>).brokers,
    'brokers: is required: expected a list (a JSON array)',
  ],
  ['no brokers', (s) => (s.brokers = []), 'brokers: a cluster needs at least 1 broker'],
  [
    'another format version',
    (s) => (s.version = 2 as 1),
    'version: the format version must be 1 (the only version so far), got the number 2',
  ],
  [
    'a topic name Kafka would refuse',
    (s) => (t0(s).name = 'my orders'),
    'topics[0].name: a topic name may use only letters, digits, ".", "_" and "-", got the text "my orders"',
  ],
  [
    'a negative schedule time',
    (s) => (s.schedule = [{ atMs: -5, command: { type: 'crash-broker', broker: 1 } }]),
    'schedule[0].atMs: a time cannot be negative, got the number -5',
  ],
  [
    'a fault naming an unknown broker',
    (s) => (s.schedule = [{ atMs: 5, command: { type: 'crash-broker', broker: 7 } }]),
    'schedule[0].command.broker: there is no broker 7 in brokers (defined: 1, 2).',
  ],
  [
    'a fault naming an unknown consumer',
    (s) => (s.schedule = [{ atMs: 5, command: { type: 'crash-consumer', consumer: 'billing-c3' } }]),
    'schedule[0].command.consumer: there is no consumer "billing-c3" in any group or earlier add-consumer (defined: billing-c1, billing-c2). Did you mean "billing-c1"?',
  ],
  [
    'a consumer used before it is added',
    (s) =>
      (s.schedule = [
        { atMs: 9, command: { type: 'add-consumer', group: 'billing', consumer: 'late' } },
        { atMs: 5, command: { type: 'crash-consumer', consumer: 'late' } },
      ]),
    'schedule[1].command.consumer: there is no consumer "late" in any group or earlier add-consumer (defined: billing-c1, billing-c2).',
  ],
  [
    'a link to an unknown node',
    (s) => (s.schedule = [{ atMs: 5, command: { type: 'cut-link', from: 'broker-1', to: 'broker-9' } }]),
    'schedule[0].command.to: there is no node "broker-9" in the scenario (brokers are broker-<id>, producers producer-<id>) (defined: broker-1, broker-2, producer-shop, billing-c1, billing-c2). Did you mean "broker-1"?',
  ],
  [
    'a produce to a partition that does not exist',
    (s) => (s.schedule = [{ atMs: 5, command: { type: 'produce', topic: 'orders', partition: 3 } }]),
    'schedule[0].command.partition: topic "orders" has partitions 0..2, got 3',
  ],
  [
    'a clock command in the schedule',
    (s) => (s.schedule = [{ atMs: 5, command: { type: 'run-until-idle' } }]),
    'schedule[0].command.type: "run-until-idle" controls the clock and cannot be scheduled; a schedule entry already runs at its atMs',
  ],
  [
    'tasksMax above the limit',
    (s) => (s.tasksMax = 1e9),
    "tasksMax: must be at most 100000000 (the simulator's limit), got the number 1000000000",
  ],
  [
    'too many partitions in all',
    (s) => (s.topics = Array.from({ length: 11 }, (_, i) => ({ name: `t${i}`, partitions: 1000, replicationFactor: 1 }))),
    "topics: the topics have 11000 partitions in all; the simulator's limit is 10000",
  ],
];
