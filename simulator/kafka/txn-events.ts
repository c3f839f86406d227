/**
 * Transactions inside a consumer's poll loop (the `transaction` commit policy, read-process-write):
 * each batch is one transaction of the consumer's own producer — begun when poll returns records,
 * the handler's output produced in it, the consumer's positions sent with sendOffsetsToTransaction,
 * then committed. commitTransaction blocks the poll loop in Kafka, so the consumer takes its next
 * batch only once the coordinator has ended the transaction (the txn-end task, here).
 */
import { poll } from './consumer.ts';
import type { KafkaState } from './state.ts';
import { onTxnEnd } from './txn-coordinator.ts';

/** The txn-end task: end the transaction once flushed; a consumer waiting on it polls again. */
export function onTxnEndTask(s: KafkaState, prod: number, seq: number): void {
  if (!onTxnEnd(s, prod, seq)) return;
  const c = s.k.consumers.findIndex((con) => con.txProd === prod);
  if (c < 0) return;
  const con = s.k.consumers[c]!;
  if (!con.alive || !con.processing || con.batch.length > 0) return;
  con.processing = false;
  poll(s, c);
}
