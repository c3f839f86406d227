/**
 * Position validation after a leader change (KIP-320), on the consumer's side.
 *
 * An unclean election can cut the log below a consumer's position, and the new leader may then
 * append new records at the offsets the consumer believes it has read. Offsets alone cannot tell;
 * leader epochs can. When the consumer's position was fetched under an older leader epoch, it asks
 * the new leader where that epoch ends (OffsetsForLeaderEpoch) before fetching, as the Java client
 * does (SubscriptionState.maybeCompleteValidation): an end offset below the position means the log
 * was truncated, and the consumer seeks to that first offset known to diverge, or, with
 * auto.offset.reset=none, poll() throws LogTruncationException. The request is answered at once
 * here (README, "Simplifications").
 */
import { pollLoopStopped, resetPosition } from './consumer-assignment.ts';
import { emit, partName, partRef } from './emit.ts';
import { endOffsetForEpoch } from './partition.ts';
import type { KafkaState } from './state.ts';

/**
 * Validates owned partition `a`'s position against the current leader's epochs. Returns false
 * when the consumer stopped with LogTruncationException (nothing must be fetched).
 */
export function validatePosition(s: KafkaState, c: number, a: number): boolean {
  const con = s.k.consumers[c]!;
  const pid = con.assigned[a]!;
  const part = s.k.parts[pid]!;
  const fetchedEpoch = con.posEpoch[a]!;
  if (fetchedEpoch < 0 || fetchedEpoch >= part.epoch) return true;
  con.posEpoch[a] = part.epoch;
  const pos = con.pos[a]!;
  const end = endOffsetForEpoch(part, fetchedEpoch);
  if (end >= pos) return true;
  const g = s.k.groups[con.group]!;
  if (end < 0) {
    // The leader knows no epoch that old: the client resets by auto.offset.reset.
    resetPosition(s, c, pid, `log truncation detected at offset ${pos}`, -1);
    return con.phase !== 'error';
  }
  // Records at and after `end` are new ones the group has not processed (the old ones are gone).
  if (g.processedTo[pid]! > end) g.processedTo[pid] = end;
  if (g.autoOffsetReset === 'none') {
    const first = con.phase !== 'error';
    con.phase = 'error';
    const error = `LogTruncationException: truncation detected for ${partName(s, pid)} at offset ${pos}; the first offset known to diverge is ${end}`;
    con.errorMessage = error;
    emit(
      s,
      () => ({ type: 'consumer-error', atMs: s.nowMs, consumer: con.id, group: g.id, ...partRef(s, pid), error }),
      'consumer-error',
    );
    if (first) pollLoopStopped(s, c);
    return false;
  }
  con.pos[a] = end;
  const reason = `log truncation detected at offset ${pos}: seeking to the first offset known to diverge (KIP-320)`;
  emit(
    s,
    () => ({ type: 'offset-reset', atMs: s.nowMs, consumer: con.id, group: g.id, ...partRef(s, pid), offset: end, reason }),
    'offset-reset',
  );
  return true;
}
