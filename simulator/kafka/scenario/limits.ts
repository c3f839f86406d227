/**
 * The bounds every scenario must stay within.
 *
 * A scenario is untrusted input: it may come from a file, a share link or a fuzzer. These limits
 * exist so that no valid scenario can make the engine allocate absurdly (a topic with a billion
 * partitions) or run without end (the task bound). They are generous for teaching and for the
 * benchmark workloads, and they are documented in docs/scenario-format.md, whose test checks that
 * every limit named here is mentioned there.
 */

/** Upper (and a few lower) bounds on scenario values. Counts are inclusive maxima. */
export const SCENARIO_LIMITS = {
  /** Brokers in a cluster. */
  brokersMax: 50,
  /** Largest broker id (Kafka's broker.id is a non-negative 32-bit int). */
  brokerIdMax: 2_147_483_647,
  /** Topics in a scenario. */
  topicsMax: 100,
  /** Partitions of one topic. */
  partitionsMax: 1000,
  /** Partitions over all topics together. */
  partitionsTotalMax: 10_000,
  /** Partition replicas (partitions × replication factor) over all topics together. */
  replicasTotalMax: 30_000,
  /** Producers in a scenario. */
  producersMax: 100,
  /** Consumer groups in a scenario. */
  groupsMax: 100,
  /** Consumers in one group. */
  consumersMax: 1000,
  /** Consumers over all groups together. */
  consumersTotalMax: 10_000,
  /** Records per virtual second for one producer. */
  ratePerSecMax: 1_000_000,
  /** Records per virtual second over all producers together. */
  ratePerSecTotalMax: 1_000_000,
  /** Records one producer may be asked to write (`count`). */
  countMax: 1_000_000_000,
  /** Distinct keys of a `uniform` or `hot` key distribution. */
  keysMax: 100_000,
  /** Entries of a `weighted` key distribution. */
  weightedKeysMax: 10_000,
  /** Largest single weight of a `weighted` key distribution. */
  weightMax: 1_000_000,
  /** Producer retries (Kafka's own default is this, Integer.MAX_VALUE; the delivery timeout bounds them). */
  retriesMax: 2_147_483_647,
  /** `stickyBatchSize` and `maxPollRecords`. */
  batchMax: 100_000,
  /** Any time or duration in virtual ms (about 31 years). */
  timeMsMax: 1_000_000_000_000,
  /** Scheduled commands in a scenario. */
  scheduleMax: 100_000,
  /** The task bound a scenario may ask for. */
  tasksMax: 100_000_000,
  /** Trace entries kept in summary mode. */
  keepLastMax: 1_000_000,
  /** Characters in an id, a topic name or a key. */
  nameLengthMax: 249,
  /** Characters in a scenario's description. */
  descriptionLengthMax: 10_000,
  /** Fields in a producer's payload. */
  payloadFieldsMax: 50,
  /** Characters in one payload string. */
  payloadStringLengthMax: 10_000,
  /** Nesting depth of a `produce` command's value. */
  valueDepthMax: 20,
  /** Leaf values and container entries in a `produce` command's value. */
  valueNodesMax: 10_000,
} as const;

/** The largest seed: seeds are unsigned 32-bit integers, as the engine's PRNG takes them. */
export const SEED_MAX = 4_294_967_295;

/** Legal characters of ids and topic names, as Kafka allows for topic names: [a-zA-Z0-9._-]. */
export const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
