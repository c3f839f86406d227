/**
 * The producer's side of an acknowledgement: a produce response reaching the producer. Records are
 * marked acknowledged (and counted lost if the copy the leader acknowledged is already gone), the
 * queue moves on, and the next batch goes out; an error goes to the retry logic in
 * producer-send.ts. The leader's side is broker-produce.ts and purgatory.ts.
 */
import { emit, partRef } from './emit.ts';
import { countLostIfAcked } from './partition.ts';
import { advanceQueue, onProduceFailure, sendBatch } from './producer-send.ts';
import { RecordFlag, type KafkaState, type SendQueue } from './state.ts';

/** A produce response reaches the producer. */
export function onProduceResponse(
  s: KafkaState,
  prod: number,
  pid: number,
  reqId: number,
  error: string | null,
  baseOffset: number,
): void {
  const p = s.k.producers[prod]!;
  const q = p.queues[pid];
  if (q == null || q.reqId !== reqId || q.inflight === 0) return;
  if (error !== null) return onProduceFailure(s, prod, pid, error);
  const rec = s.k.rec;
  const n = q.inflight;
  for (let i = q.head; i < q.head + n; i++) {
    const rn = q.rns[i]!;
    const st = rec.st[rn]!;
    if (st & RecordFlag.Acked) continue;
    rec.st[rn] = st | RecordFlag.Acked;
    s.k.counters.acknowledged++;
    if (st & RecordFlag.AckedCopyTruncated) countLostIfAcked(s, pid, rn, rec.ackOff[rn]!);
  }
  emit(
    s,
    () => ({
      type: 'produce-acked',
      atMs: s.nowMs,
      producer: p.id,
      ...partRef(s, pid),
      baseOffset,
      count: n,
      acks: String(q.acks),
      correlationId: corrOfBatch(s, q),
    }),
    'produce-acked',
  );
  advanceQueue(q, n);
  if (q.rns.length > q.head) sendBatch(s, prod, pid);
}

function corrOfBatch(s: KafkaState, q: SendQueue): string | undefined {
  const k = s.k.rec.key[q.rns[q.head]!]!;
  return k < 0 ? undefined : s.k.keys[k];
}
