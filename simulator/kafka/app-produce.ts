/**
 * The application producing a record it consumed (its key and value) to another topic: a handler's
 * `produce` step, a retry, a dead letter, a replay. It goes through the group's own producer like
 * any other record; the headers, when given, are stored beside it.
 */
import type { RecordHeaders } from './app-state.ts';
import { valueOf } from './emit.ts';
import { setName } from './names.ts';
import { produceRecord } from './producer.ts';
import { ensureTick } from './producer-send.ts';
import type { KafkaState } from './state.ts';

/** The producer a consumer's application writes with: its transactional one under the `transaction` policy. */
export function appProducer(s: KafkaState, c: number, fallback: number): number {
  const tx = s.k.consumers[c]!.txProd;
  return tx >= 0 ? tx : fallback;
}

/** Queues a copy of record `rn` on topic `ti` from producer `prod`; returns the new record number. */
export function produceCopy(s: KafkaState, prod: number, ti: number, rn: number, headers?: RecordHeaders): number {
  const k = s.k;
  let valRef = k.rec.val[rn]!;
  // A generated value is built from its own producer's payload: keep it as it was.
  if (valRef < 0) {
    valRef = k.values.length;
    k.values.push(valueOf(s, rn));
  }
  const copy = produceRecord(s, prod, ti, k.rec.key[rn]!, -1, valRef, s.nowMs);
  if (headers !== undefined) setName(k.headers, String(copy), headers);
  ensureTick(s, prod, s.nowMs + k.tuning.lingerMs);
  return copy;
}
