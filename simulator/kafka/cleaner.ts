/**
 * The log cleaner: retention (by record count and by age) and compaction, run per topic on a timer.
 *
 * Every live replica cleans its own log, as each Kafka broker does, and only below its own high
 * watermark (Kafka never deletes or compacts what might still be uncommitted). Real Kafka works on
 * whole segments and never cleans the active segment; here records are deleted one by one and
 * compaction covers everything below the HW, which is a more eager version of the same rule.
 */
import { compactLog, deleteBefore, indexAtOrAfter, offsetAtIndex } from './log.ts';
import { emit, partRef } from './emit.ts';
import { brokerNode, scheduleTask } from './network.ts';
import type { KafkaState } from './state.ts';

/** Whether a topic needs the cleaner at all. */
export function needsCleaner(s: KafkaState, topic: number): boolean {
  const t = s.k.topics[topic]!;
  return t.compact || (t.delete && (t.retentionMs !== null || t.retentionRecords !== null));
}

/** One cleaner pass over a topic, then the next one (background work). */
export function onCleaner(s: KafkaState, topic: number): void {
  const k = s.k;
  const t = k.topics[topic]!;
  for (let pid = t.firstPid; pid < t.firstPid + t.partitions; pid++) {
    const part = k.parts[pid]!;
    for (const log of part.logs) {
      if (!k.brokers.find((b) => b.id === log.broker)!.alive) continue;
      let to = log.start;
      // Retention deletes only when cleanup.policy includes delete (UnifiedLog.deleteOldSegments).
      if (t.delete && t.retentionRecords !== null) to = Math.max(to, log.leo - t.retentionRecords);
      if (t.delete && t.retentionMs !== null) {
        // The first record young enough to keep; everything before it is past retention.
        const cutoff = s.nowMs - t.retentionMs;
        let i = log.head;
        while (i < log.rns.length && k.rec.ts[log.rns[i]!]! < cutoff) i++;
        to = Math.max(to, i < log.rns.length ? offsetAtIndex(log, i) : log.leo);
      }
      const removed = deleteBefore(log, to);
      if (removed > 0) {
        emit(
          s,
          () => ({
            type: 'retention-deleted',
            atMs: s.nowMs,
            broker: brokerNode(log.broker),
            ...partRef(s, pid),
            logStartOffset: log.start,
            count: removed,
          }),
          'retention-deleted',
        );
      }
      if (t.compact && indexAtOrAfter(log, log.hw) > log.head) {
        const [n, tombs] = compactLog(log, log.hw, k.rec, k.values, s.nowMs - k.tuning.deleteRetentionMs);
        if (n > 0) {
          emit(
            s,
            () => ({
              type: 'compacted',
              atMs: s.nowMs,
              broker: brokerNode(log.broker),
              ...partRef(s, pid),
              removed: n,
              tombstonesRemoved: tombs,
            }),
            'compacted',
          );
        }
      }
    }
  }
  scheduleTask(s, s.nowMs + k.tuning.cleanerIntervalMs, { type: 'cleaner', topic }, false);
}
