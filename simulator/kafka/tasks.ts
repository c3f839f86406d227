/**
 * Every task the Kafka model schedules: messages in flight between nodes, timers and retries.
 *
 * A task is plain data with numeric references (producer, partition, consumer and group indexes)
 * so the queue clones cheaply. Tasks that belong to a consumer carry its incarnation `inc`, and
 * replication tasks carry the follower's fetch-loop token, so that a task scheduled before a crash
 * or a leader change is recognised as stale and dropped instead of being cancelled in the heap.
 *
 * `fg` marks foreground work: something observable is still to happen. Heartbeats, idle
 * housekeeping and periodic checks are background, so `run-until-idle` can stop when only they are
 * left (otherwise a cluster with live consumers would never be idle).
 */
import type { KafkaEngineCommand } from './scenario/types.ts';

interface T {
  /** 1 = foreground; absent = background. */
  fg?: 1;
}

export type KafkaTask = T &
  (
    | { type: 'command'; command: KafkaEngineCommand; cmdId: string }
    | { type: 'producer-tick'; prod: number }
    | {
        type: 'produce-arrive';
        prod: number;
        pid: number;
        reqId: number;
        broker: number;
        rns: number[];
        acks: 0 | 1 | 'all';
        /** A transactional producer's epoch, checked by the leader (fencing). */
        txe?: number;
      }
    | { type: 'txn-end'; prod: number; txSeq: number }
    | { type: 'txn-timeout'; txn: number; txSeq: number }
    | { type: 'produce-response'; prod: number; pid: number; reqId: number; error: string | null; baseOffset: number }
    | { type: 'produce-timeout'; prod: number; pid: number; reqId: number }
    | { type: 'produce-retry'; prod: number; pid: number; reqId: number }
    | { type: 'follower-fetch'; pid: number; ri: number; loop: number; offset: number; leader: number }
    | { type: 'follower-response'; pid: number; ri: number; loop: number; from: number; count: number; hw: number; epoch: number }
    | { type: 'follower-retry'; pid: number; ri: number; loop: number }
    | { type: 'isr-check'; pid: number; once?: 1 }
    | { type: 'fetch'; c: number; inc: number; pid: number; offset: number; broker: number; sentAtMs: number }
    | {
        type: 'fetch-response';
        c: number;
        inc: number;
        pid: number;
        from: number;
        to: number;
        error: string | null;
        /** The leader epoch of the broker that answered (the records' lineage, for KIP-320 validation). */
        epoch: number;
        /** The records sent, flat pairs [offset, rn]; null: every offset in [from, to), ids not needed. */
        recs: number[] | null;
      }
    | { type: 'fetch-retry'; c: number; inc: number; pid: number }
    | { type: 'consumer-start'; c: number; inc: number }
    | { type: 'process'; c: number; inc: number }
    | { type: 'resume'; c: number; inc: number; pid: number }
    | { type: 'auto-commit'; c: number; inc: number }
    | { type: 'hb-timer'; c: number; inc: number }
    | { type: 'hb'; g: number; c: number; memberId: string }
    | { type: 'session-check'; g: number; memberId: string; check: number }
    | { type: 'poll-timeout'; c: number; inc: number; pollMs: number }
    | {
        type: 'join';
        g: number;
        c: number;
        inc: number;
        memberId: string;
        owned: number[];
        ownedGeneration: number;
        /** The consumer holds no member id from the coordinator yet (Kafka: JoinGroup with an empty member id). */
        fresh: boolean;
      }
    | { type: 'join-deadline'; g: number; token: number }
    | { type: 'join-timeout'; c: number; inc: number; seq: number }
    | { type: 'join-error'; c: number; inc: number; error: string }
    | { type: 'rebalance-timeout'; g: number; round: number }
    | { type: 'leave'; g: number; memberId: string; reason: 'left' | 'poll-timeout' }
    | { type: 'assignment'; c: number; inc: number; generation: number; pids: number[] }
    | { type: 'rebalance-notice'; c: number; inc: number; generation: number }
    | { type: 'fenced'; c: number; memberId: string; request: 'heartbeat' | 'commit' | 'join' }
    | { type: 'unknown-member'; c: number; memberId: string; join?: 1 }
    | { type: 'commit'; g: number; c: number; memberId: string; generation: number; pids: number[]; offsets: number[] }
    | { type: 'cleaner'; topic: number; compaction?: 1 }
  );

export type KafkaTaskType = KafkaTask['type'];
