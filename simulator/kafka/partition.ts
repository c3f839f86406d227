/**
 * What every layer reads or records about a partition: which replica leads and where its log is,
 * whether a broker is up, the leader's epoch history (what OffsetsForLeaderEpoch answers), and the
 * acknowledgement bookkeeping per record (which copy a leader acknowledged; a record counted lost
 * once its producer holds the ack and that copy is gone). Below replication, the purgatory and
 * the clients, so broker-side and client-side modules share it without a cycle.
 */
import { emit, recordRef } from './emit.ts';
import { rnAt } from './log.ts';
import { RecordFlag, type KafkaState, type PartitionState, type ReplicaLog } from './state.ts';

/** The leader's log, or null when the partition is offline. */
export function leaderLog(part: PartitionState): ReplicaLog | null {
  const i = part.leader < 0 ? -1 : part.replicas.indexOf(part.leader);
  return i < 0 ? null : part.logs[i]!;
}

/** The log to read a partition's contents from: the leader's, else the first replica's. */
export function readLog(part: PartitionState): ReplicaLog {
  return leaderLog(part) ?? part.logs[0]!;
}

export function brokerAlive(s: KafkaState, broker: number): boolean {
  return s.k.brokers.find((b) => b.id === broker)!.alive;
}

/**
 * OffsetsForLeaderEpoch at the leader: the end offset of `epoch` in its log (the start of the next
 * epoch it knows, or its LEO), or -1 when it knows no epoch that old (UNDEFINED_EPOCH_OFFSET).
 */
export function endOffsetForEpoch(part: PartitionState, epoch: number): number {
  const e = part.epochStarts;
  if (e.length === 0 || e[0]! > epoch) return -1;
  for (let i = 0; i < e.length; i += 2) if (e[i]! > epoch) return e[i + 1]!;
  return leaderLog(part)?.leo ?? -1;
}

/**
 * Records which copy of each record the leader is acknowledging. A record whose earlier copy was
 * truncated away (a retry after a failover wrote it again) is acknowledged for its new copy, so the
 * old copy's truncation must not count it as lost.
 */
export function markAcked(s: KafkaState, log: ReplicaLog, from: number, to: number, prod: number): void {
  const { ackOff, st } = s.k.rec;
  for (let o = from; o < to; o++) {
    const rn = rnAt(log, o);
    // A batch whose tail was appended after a failover can have other producers' records inside.
    if (rn < 0 || s.k.rec.prod[rn] !== prod) continue;
    ackOff[rn] = o;
    st[rn] = st[rn]! & ~RecordFlag.AckedCopyTruncated;
  }
}

/** A record whose acknowledged copy is gone counts as lost once its producer has the ack. */
export function countLostIfAcked(s: KafkaState, pid: number, rn: number, offset: number): void {
  const rec = s.k.rec;
  const st = rec.st[rn]!;
  if (!(st & RecordFlag.Acked) || !(st & RecordFlag.AckedCopyTruncated) || st & RecordFlag.CountedLost) return;
  rec.st[rn] = st | RecordFlag.CountedLost;
  s.k.counters.lost++;
  const producer = s.k.producers[rec.prod[rn]!]!.id;
  emit(s, () => ({ type: 'record-lost', atMs: s.nowMs, ...recordRef(s, pid, rn), offset, producer }), 'record-lost');
}
