/**
 * Kafka transactions: the producer's calls (KafkaProducer.initTransactions, beginTransaction,
 * sendOffsetsToTransaction, commitTransaction, abortTransaction) and the coordinator's answers
 * (TransactionCoordinator: handleInitProducerId bumps the epoch and aborts a transaction the
 * previous instance left open; handleEndTransaction writes a COMMIT or ABORT marker into every
 * partition of the transaction and makes its group offsets visible).
 *
 * A producer whose epoch is older than its transactional.id's is a zombie: its calls fail with
 * ProducerFencedException and the leaders refuse its batches (txn-log.ts checks the epoch a
 * batch carries). Markers are records: they take an offset in each partition, written through an
 * internal producer standing for the coordinator's WriteTxnMarkers requests.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { emit, partName } from './emit.ts';
import { lookup, setName } from './names.ts';
import { scheduleTask } from './network.ts';
import { createProducer, produceRecord } from './producer.ts';
import type { KafkaState } from './state.ts';
import { TRANSACTION_TIMEOUT_MS, TxnFlag, type MarkerValue, type TxnState } from './txn-state.ts';

/** The producer's linger timer (producer-send.ts's ensureTick, which this module sits below). */
function tick(s: KafkaState, prod: number, atMs: number): void {
  const p = s.k.producers[prod]!;
  if (p.ticking) return;
  p.ticking = true;
  scheduleTask(s, atMs, { type: 'producer-tick', prod }, true);
}

function fenced(s: KafkaState, prod: number): string | null {
  const p = s.k.producers[prod]!;
  if (p.txnState === 'fenced')
    return `ProducerFencedException: producer ${p.id} was fenced by a newer instance with transactional.id ${p.transactionalId}`;
  if (p.txn >= 0 && p.epoch < s.k.txns[p.txn]!.epoch) {
    markFenced(s, prod);
    return `ProducerFencedException: producer ${p.id} has epoch ${p.epoch}, but transactional.id ${p.transactionalId} is at epoch ${s.k.txns[p.txn]!.epoch}`;
  }
  return null;
}

/** The producer learns it is a zombie: every later call fails, its buffer is dropped. */
export function markFenced(s: KafkaState, prod: number): void {
  const p = s.k.producers[prod]!;
  if (p.txnState === 'fenced') return;
  p.txnState = 'fenced';
  dropUnsent(s, prod);
  const t = s.k.txns[p.txn]!;
  emit(
    s,
    () => ({
      type: 'producer-fenced',
      atMs: s.nowMs,
      producer: p.id,
      transactionalId: t.transactionalId,
      epoch: p.epoch,
      currentEpoch: t.epoch,
    }),
    'producer-fenced',
  );
}

/** Records queued and not yet sent are gone (the instance died or was fenced); in-flight ones still land. */
export function dropUnsent(s: KafkaState, prod: number): void {
  const p = s.k.producers[prod]!;
  for (const q of p.queues) {
    if (q == null) continue;
    q.rns.length = q.head + q.inflight;
  }
}

/**
 * The process holding the producer died (a consumer crash, for read-process-write). What it had
 * not sent is gone, and so is a commitTransaction or abortTransaction still waiting for its
 * flush: the Java client sends EndTxn only after every record of the transaction was answered,
 * so a crash before then means the coordinator never hears of the commit. The transaction stays
 * open there until the next instance's initTransactions (or transaction.timeout.ms) aborts it,
 * and the group's offsets sent with it are never committed.
 */
export function producerDied(s: KafkaState, prod: number): void {
  const p = s.k.producers[prod]!;
  // A request already on the wire still reaches its broker, but nobody hears the answer and
  // nobody retries it: a retry sent later would carry the next instance's epoch and land after
  // that instance's ABORT marker, visible to read_committed readers.
  for (const q of p.queues) {
    if (q == null) continue;
    q.rns.length = q.head;
    q.inflight = 0;
    q.attempts = 0;
  }
  if (p.txnState !== 'none' && p.txnState !== 'fenced') p.txnState = 'uninitialized';
}

function markerProducer(s: KafkaState): number {
  const k = s.k;
  if (k.markerProd >= 0) return k.markerProd;
  const id = 'txn-coordinator';
  k.markerProd = k.producers.length;
  setName(k.producerIndex, id, k.markerProd);
  k.producers.push(
    createProducer({ id, topic: '', ratePerSec: 0, keys: { type: 'none' }, acks: 'all' }, -1, k.parts.length, k.topics.length),
  );
  return k.markerProd;
}

/** Ends transaction `ti` as the coordinator does: markers in its partitions, offsets made visible (commit) or dropped. */
function complete(s: KafkaState, ti: number, commit: boolean, prod: number, reason: string): void {
  const k = s.k;
  const t = k.txns[ti]!;
  const mp = markerProducer(s);
  for (const pid of t.pids) {
    const value: MarkerValue = {
      controlType: commit ? 'COMMIT' : 'ABORT',
      transactionalId: t.transactionalId,
      producerEpoch: t.epoch,
      txn: ti,
      prod,
    };
    const valRef = k.values.length;
    k.values.push(value);
    const rn = produceRecord(s, mp, k.parts[pid]!.topic, -1, pid, valRef, s.nowMs);
    k.rec.st[rn]! |= TxnFlag.Marker;
    // A marker is the coordinator's, not a record an application produced.
    k.counters.produced--;
  }
  if (t.pids.length > 0) tick(s, mp, s.nowMs);
  const offsets: string[] = [];
  if (commit) {
    for (let i = 0; i < t.offsets.length; i += 3) {
      const g = k.groups[t.offsets[i]!]!;
      const pid = t.offsets[i + 1]!;
      g.committed[pid] = t.offsets[i + 2]!;
      offsets.push(`${g.id} ${partName(s, pid)}@${t.offsets[i + 2]!}`);
    }
  }
  const partitions = t.pids.map((pid) => partName(s, pid));
  t.phase = commit ? 'complete-commit' : 'complete-abort';
  if (commit) t.committed++;
  else t.aborted++;
  t.pids = [];
  t.offsets = [];
  const producer = k.producers[prod]!.id;
  emit(
    s,
    () => ({
      type: 'transaction-ended',
      atMs: s.nowMs,
      producer,
      transactionalId: t.transactionalId,
      epoch: t.epoch,
      result: commit ? 'committed' : 'aborted',
      reason,
      partitions,
      offsets,
    }),
    'transaction-ended',
  );
}

/** initTransactions: a new epoch for the transactional.id; an open transaction of an older instance is aborted. */
export function initTransactions(s: KafkaState, prod: number): Result<{ epoch: number }> {
  const k = s.k;
  const p = k.producers[prod]!;
  if (p.transactionalId === null) return fail(ErrorCode.InvalidCommand, `Producer ${p.id} has no transactional.id.`, 'producer');
  let ti = lookup(k.txnIndex, p.transactionalId);
  if (ti === undefined) {
    ti = k.txns.length;
    setName(k.txnIndex, p.transactionalId, ti);
    const t: TxnState = {
      transactionalId: p.transactionalId,
      epoch: -1,
      phase: 'empty',
      holder: prod,
      pids: [],
      offsets: [],
      seq: 0,
      committed: 0,
      aborted: 0,
    };
    k.txns.push(t);
  }
  const t = k.txns[ti]!;
  const aborting = t.phase === 'ongoing' || t.phase === 'prepare-commit' || t.phase === 'prepare-abort';
  t.epoch++;
  if (aborting) complete(s, ti, false, t.holder, 'a new instance called initTransactions');
  // A restarted instance (the same producer) loses what it had buffered.
  if (t.holder === prod) dropUnsent(s, prod);
  t.holder = prod;
  t.phase = 'empty';
  p.txn = ti;
  p.epoch = t.epoch;
  p.txnState = 'ready';
  p.txnCount = 0;
  emit(
    s,
    () => ({
      type: 'transactions-initialized',
      atMs: s.nowMs,
      producer: p.id,
      transactionalId: t.transactionalId,
      epoch: t.epoch,
      abortedOpen: aborting,
    }),
    'transactions-initialized',
  );
  return ok({ epoch: t.epoch });
}

function needState(s: KafkaState, prod: number, want: 'ready' | 'in-transaction', call: string): Result<TxnState> {
  const p = s.k.producers[prod]!;
  if (p.transactionalId === null) return fail(ErrorCode.InvalidCommand, `Producer ${p.id} has no transactional.id.`, 'producer');
  const f = fenced(s, prod);
  if (f !== null) return fail(ErrorCode.InvalidCommand, f, 'producer');
  if (p.txnState !== want)
    return fail(
      ErrorCode.InvalidCommand,
      `${call}: producer ${p.id} is ${p.txnState === 'uninitialized' ? 'not initialised (call initTransactions first)' : p.txnState}.`,
      'producer',
    );
  return ok(s.k.txns[p.txn]!);
}

export function beginTransaction(s: KafkaState, prod: number): Result<null> {
  const r = needState(s, prod, 'ready', 'beginTransaction');
  if (!r.ok) return r;
  const t = r.value;
  const p = s.k.producers[prod]!;
  p.txnState = 'in-transaction';
  p.txnCount = 0;
  t.phase = 'ongoing';
  t.seq++;
  // transaction.timeout.ms: the coordinator aborts a transaction left open this long (background).
  scheduleTask(s, s.nowMs + TRANSACTION_TIMEOUT_MS, { type: 'txn-timeout', txn: p.txn, txSeq: t.seq }, false);
  return ok(null);
}

/** sendOffsetsToTransaction with the group's consumers' current positions. */
export function sendOffsetsToTransaction(s: KafkaState, prod: number, g: number, only = -1): Result<{ offsets: number }> {
  const r = needState(s, prod, 'in-transaction', 'sendOffsetsToTransaction');
  if (!r.ok) return r;
  const t = r.value;
  let n = 0;
  s.k.consumers.forEach((con, c) => {
    if (con.group !== g || !con.alive || (only >= 0 && c !== only)) return;
    for (let a = 0; a < con.assigned.length; a++) {
      if (con.pos[a]! < 0) continue;
      t.offsets.push(g, con.assigned[a]!, con.pos[a]!);
      n++;
    }
  });
  return ok({ offsets: n });
}

/** commitTransaction / abortTransaction: waits for the producer's sends, then the coordinator ends it. */
export function endTransaction(s: KafkaState, prod: number, commit: boolean): Result<null> {
  const r = needState(s, prod, 'in-transaction', commit ? 'commitTransaction' : 'abortTransaction');
  if (!r.ok) return r;
  const p = s.k.producers[prod]!;
  p.txnState = commit ? 'committing' : 'aborting';
  scheduleTask(s, s.nowMs, { type: 'txn-end', prod, txSeq: r.value.seq }, true);
  return ok(null);
}

/**
 * The end of a consumer's batch under the `transaction` policy: its positions go into the
 * transaction, which is committed. True when the consumer must wait for the commit to end.
 */
export function commitConsumerBatch(s: KafkaState, c: number): boolean {
  const con = s.k.consumers[c]!;
  const prod = con.txProd;
  if (s.k.producers[prod]!.txnState !== 'in-transaction') return false;
  if (!sendOffsetsToTransaction(s, prod, con.group, c).ok) return false;
  return endTransaction(s, prod, true).ok;
}

/** Whether the consumer's transaction is being aborted after a failure (its poll loop waits). */
export function rollingBack(s: KafkaState, c: number): boolean {
  const tx = s.k.consumers[c]!.txProd;
  return tx >= 0 && s.k.producers[tx]!.txnState === 'aborting';
}

/** Whether every record of the open transaction has been answered (flush before EndTxn). */
function flushed(s: KafkaState, prod: number): boolean {
  const p = s.k.producers[prod]!;
  for (const pid of s.k.txns[p.txn]!.pids) {
    const q = p.queues[pid];
    if (q != null && q.rns.length > q.head) return false;
  }
  return true;
}

/** Whether a marker the coordinator wrote is still unacknowledged by its partition's leader. */
function markersPending(s: KafkaState): boolean {
  if (s.k.markerProd < 0) return false;
  for (const q of s.k.producers[s.k.markerProd]!.queues) if (q != null && q.rns.length > q.head) return true;
  return false;
}

/** The txn-end task: once flushed, EndTxn reaches the coordinator, which checks the epoch and ends it. Returns whether it ended. */
export function onTxnEnd(s: KafkaState, prod: number, seq: number): boolean {
  const p = s.k.producers[prod]!;
  if (p.txn < 0) return false;
  const t = s.k.txns[p.txn]!;
  if (t.seq !== seq || (p.txnState !== 'committing' && p.txnState !== 'aborting')) return false;
  if (fenced(s, prod) !== null) return false;
  if (!flushed(s, prod)) {
    scheduleTask(s, s.nowMs + 1, { type: 'txn-end', prod, txSeq: seq }, true);
    return false;
  }
  if (t.phase === 'ongoing')
    complete(s, p.txn, p.txnState === 'committing', prod, p.txnState === 'committing' ? 'commitTransaction' : 'abortTransaction');
  // The next transaction's AddPartitionsToTxn gets CONCURRENT_TRANSACTIONS until the coordinator
  // has written every marker: a record of it must never land before the last marker it follows.
  if (markersPending(s)) {
    scheduleTask(s, s.nowMs + 1, { type: 'txn-end', prod, txSeq: seq }, true);
    return false;
  }
  p.txnState = 'ready';
  p.txnCount = 0;
  if (p.ratePerSec > 0) tick(s, prod, s.nowMs);
  return true;
}

/** transaction.timeout.ms passed: the coordinator aborts and bumps the epoch, fencing the producer. */
export function onTxnTimeout(s: KafkaState, ti: number, seq: number): void {
  const t = s.k.txns[ti]!;
  if (t.seq !== seq || t.phase !== 'ongoing') return;
  t.epoch++;
  complete(s, ti, false, t.holder, 'transaction.timeout.ms');
}
