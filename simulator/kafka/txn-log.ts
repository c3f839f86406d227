/**
 * The partition leader's side of transactions: a batch from a producer with an older epoch is
 * refused (PRODUCER_FENCED, as ProducerStateManager checks the epoch); appending a transactional
 * record opens the transaction here, appending its marker closes it — an ABORT marker marks the
 * transaction's records aborted (Kafka keeps them in the log and lists them in the aborted
 * transaction index; read_committed consumers skip them). The last stable offset is the first
 * offset of the oldest open transaction, or the high watermark when none is open
 * (UnifiedLog.lastStableOffset): read_committed consumers read only below it.
 */
import { rnAt } from './log.ts';
import { readLog } from './partition.ts';
import type { KafkaState, ReplicaLog } from './state.ts';
import { TxnFlag, type MarkerValue } from './txn-state.ts';

/** The epoch check of a produce request: whether a transactional batch comes from a fenced epoch. */
export function staleEpoch(s: KafkaState, prod: number, epoch: number | undefined): boolean {
  if (epoch === undefined) return false;
  const p = s.k.producers[prod]!;
  return p.txn >= 0 && epoch < s.k.txns[p.txn]!.epoch;
}

/** Bookkeeping after the leader appended `rns[first..]`, ending at the log's end. */
export function onTxnAppend(s: KafkaState, pid: number, log: ReplicaLog, rns: number[], first: number): void {
  const k = s.k;
  const part = k.parts[pid]!;
  const base = log.leo - (rns.length - first);
  for (let i = first; i < rns.length; i++) {
    const rn = rns[i]!;
    const st = k.rec.st[rn]!;
    if (st & TxnFlag.Transactional) {
      const prod = k.rec.prod[rn]!;
      const txn = k.producers[prod]!.txn;
      let open = false;
      for (let j = 0; j < part.openTx.length; j += 3) if (part.openTx[j] === txn && part.openTx[j + 2] === prod) open = true;
      if (!open) part.openTx.push(txn, base + (i - first), prod);
    } else if (st & TxnFlag.Marker) {
      const m = k.values[k.rec.val[rn]!] as MarkerValue;
      const at = base + (i - first);
      for (let j = 0; j < part.openTx.length; j += 3) {
        if (part.openTx[j] !== m.txn || part.openTx[j + 2] !== m.prod) continue;
        const from = part.openTx[j + 1]!;
        part.openTx.splice(j, 3);
        if (m.controlType === 'ABORT') {
          for (let o = from; o < at; o++) {
            const r = rnAt(log, o);
            if (r >= 0 && k.rec.prod[r] === m.prod && k.rec.st[r]! & TxnFlag.Transactional) k.rec.st[r]! |= TxnFlag.Aborted;
          }
        }
        break;
      }
    }
  }
}

/** A record of an open transaction was created (producer.ts): AddPartitionsToTxn. */
export function noteTxnRecord(s: KafkaState, prod: number, rn: number, pid: number): void {
  const p = s.k.producers[prod]!;
  const t = s.k.txns[p.txn]!;
  s.k.rec.st[rn]! |= TxnFlag.Transactional;
  if (!t.pids.includes(pid)) t.pids.push(pid);
  p.txnCount++;
}

/** The last stable offset of a partition: below it every transaction is decided. */
export function lastStableOffset(s: KafkaState, pid: number): number {
  const part = s.k.parts[pid]!;
  const hw = readLog(part).hw;
  return part.openTx.length === 0 ? hw : Math.min(hw, part.openTx[1]!);
}

/** Whether a consumer of a group skips record `rn`: markers always, aborted records when read_committed. */
export function skipsRecord(s: KafkaState, readCommitted: boolean, rn: number): boolean {
  const st = s.k.rec.st[rn]!;
  return (st & TxnFlag.Marker) !== 0 || (readCommitted && (st & TxnFlag.Aborted) !== 0);
}
