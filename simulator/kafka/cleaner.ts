/**
 * Retention and compaction, run per topic on two timers, over whole segments (segments.ts).
 *
 * Every live replica cleans its own log, as each Kafka broker does, and only below its own high
 * watermark (Kafka never deletes or compacts what might still be uncommitted). Retention runs
 * every log.retention.check.interval.ms and deletes whole segments when cleanup.policy includes
 * delete (UnifiedLog.deleteOldSegments); the cleaner looks every log.cleaner.backoff.ms for a
 * compacted log whose dirty share reaches min.cleanable.dirty.ratio and compacts it up to the
 * active segment (LogCleaner, LogCleanerManager). Both default to every second here, not Kafka's
 * 300 s and 15 s, so that short runs show them (README, "Simplifications").
 */
import { compactLog, deleteBefore } from './log.ts';
import { emit, partRef } from './emit.ts';
import { brokerNode, scheduleTask } from './network.ts';
import { brokerAlive } from './partition.ts';
import { cleanableUpTo, retentionCutoff, rollIfDeletingAll } from './segments.ts';
import type { KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';

/** Whether a topic needs the retention timer. */
export function needsRetention(s: KafkaState, topic: number): boolean {
  const t = s.k.topics[topic]!;
  return t.delete && (t.retentionMs !== null || t.retentionRecords !== null);
}

/** Queues a topic's first retention check and first cleaner look, as its settings need. */
export function startCleaner(s: KafkaState, topic: number): void {
  const tuning = s.k.tuning;
  if (needsRetention(s, topic)) scheduleTask(s, s.nowMs + tuning.cleanerIntervalMs, { type: 'cleaner', topic }, false);
  if (s.k.topics[topic]!.compact)
    scheduleTask(
      s,
      s.nowMs + (tuning.cleanerBackoffMs ?? tuning.cleanerIntervalMs),
      { type: 'cleaner', topic, compaction: 1 },
      false,
    );
}

/** One retention check or one cleaner look over a topic, then the next one (background work). */
export function onCleaner(s: KafkaState, topic: number, compaction: boolean): void {
  const k = s.k;
  const t = k.topics[topic]!;
  // A deleted topic's logs are gone: no more retention checks or cleaner passes (nor their next ones).
  if (t.deleted) return;
  for (let p = 0; p < t.partitions; p++) {
    const pid = pidOf(t, p);
    for (const log of k.parts[pid]!.logs) {
      if (!brokerAlive(s, log.broker)) continue;
      if (compaction) {
        const horizonMs = s.nowMs - k.tuning.deleteRetentionMs;
        const upTo = cleanableUpTo(log, t, k.rec, k.values, horizonMs);
        if (upTo < 0) continue;
        const [n, tombs] = compactLog(log, upTo, k.rec, k.values, horizonMs);
        log.cleanedTo = upTo;
        if (n > 0) {
          const ref = { broker: brokerNode(log.broker), ...partRef(s, pid) };
          emit(s, () => ({ type: 'compacted', atMs: s.nowMs, ...ref, removed: n, tombstonesRemoved: tombs }), 'compacted');
        }
        continue;
      }
      const to = retentionCutoff(log, t, s.nowMs, k.rec.ts);
      if (to <= log.start) continue;
      rollIfDeletingAll(log, to);
      const removed = deleteBefore(log, to);
      if (removed > 0) {
        const ref = { broker: brokerNode(log.broker), ...partRef(s, pid) };
        emit(
          s,
          () => ({ type: 'retention-deleted', atMs: s.nowMs, ...ref, logStartOffset: log.start, count: removed }),
          'retention-deleted',
        );
      }
    }
  }
  const every = compaction ? (k.tuning.cleanerBackoffMs ?? k.tuning.cleanerIntervalMs) : k.tuning.cleanerIntervalMs;
  scheduleTask(s, s.nowMs + every, compaction ? { type: 'cleaner', topic, compaction: 1 } : { type: 'cleaner', topic }, false);
}
