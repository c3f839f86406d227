/**
 * The value each optional scenario field takes when a scenario leaves it out.
 *
 * One table, so the documentation (docs/scenario-format.md, whose test checks every entry is
 * written there), the headless runner and the engine agree. Where Kafka has a default, this is
 * Kafka's (acks=all and idempotence on since Kafka 3.0, a 45 s session timeout since 3.0,
 * auto.offset.reset=latest, a 5 s auto-commit interval, max.poll.records=500). Where Kafka's
 * default would make a small simulation useless (a week of retention), the simulator's choice is
 * named as such.
 */
import type { AssignorName, CommitPolicy, OffsetReset } from './types.ts';

/** Defaults for a scenario's optional fields, grouped by the object they belong to. */
export const SCENARIO_DEFAULTS = {
  scenario: {
    /** Used when neither the scenario nor the runner gives a seed. */
    seed: 1,
    networkLatencyMs: 1,
    /** Without durationMs a run goes until nothing is scheduled (or tasksMax is hit). */
    tasksMax: 50_000_000,
    trace: { mode: 'full', keepLast: 1000 } as { mode: 'full' | 'summary'; keepLast: number },
  },
  topic: {
    minInsyncReplicas: 1,
    /** Simulator's choice: nothing is deleted by age unless retentionMs is set. */
    retentionMs: null as number | null,
    retentionRecords: null as number | null,
    cleanupPolicy: 'delete' as 'delete' | 'compact' | 'compact,delete' | 'delete,compact',
    uncleanLeaderElection: false,
    /** segment.bytes in records: Kafka's 1 GiB at about 1 KiB a record. */
    segmentRecords: 1_048_576,
    /** segment.ms: Kafka's 7 days. */
    segmentMs: 604_800_000,
    minCleanableDirtyRatio: 0.5,
  },
  producer: {
    count: null as number | null,
    startAtMs: 0,
    stopAtMs: null as number | null,
    eventType: 'Event',
    acks: 'all' as 0 | 1 | 'all',
    /** Kafka's default (Integer.MAX_VALUE): retrying is bounded by the delivery timeout instead. */
    retries: 2_147_483_647,
    /** On exactly when acks is 'all' (Kafka 3.0+); the idempotent producer needs acks=all. */
    idempotent: 'true when acks is "all"',
    stickyBatchSize: 100,
    /** Prefix of generated keys in `uniform` and `hot` key distributions. */
    keyPrefix: 'key-',
  },
  group: {
    assignor: 'range' as AssignorName,
    commit: { type: 'auto', intervalMs: 5000 } as CommitPolicy,
    processingMs: 0,
    autoOffsetReset: 'latest' as OffsetReset,
    sessionTimeoutMs: 45_000,
    heartbeatIntervalMs: 3000,
    maxPollRecords: 500,
    startAtMs: 0,
  },
} as const;
