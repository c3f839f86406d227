/**
 * Kafka transactions as plain data: what the transaction coordinator keeps per transactional.id
 * (TransactionMetadata: producer epoch, state, partitions in the transaction, pending group
 * offsets) and what a producer instance holds (the epoch it got from initTransactions). The
 * coordinator is not a node here; its decisions are taken where the requests would arrive.
 */

/** The coordinator's states of one transactional.id (TransactionState, without the transitions' Prepare* pauses being visible). */
export type TxnPhase = 'empty' | 'ongoing' | 'prepare-commit' | 'prepare-abort' | 'complete-commit' | 'complete-abort';

/** The producer instance's side (TransactionManager's states, in the model's words). */
export type ProducerTxnState = 'none' | 'uninitialized' | 'ready' | 'in-transaction' | 'committing' | 'aborting' | 'fenced';

export interface TxnState {
  transactionalId: string;
  /** Bumped by every initTransactions (and by a coordinator abort on timeout): older epochs are fenced. */
  epoch: number;
  phase: TxnPhase;
  /** The producer index that holds the current epoch. */
  holder: number;
  /** Partitions (global pids) written in the open transaction (AddPartitionsToTxn). */
  pids: number[];
  /** Offsets sent with sendOffsetsToTransaction: flat [group, pid, offset] triples, committed with the transaction. */
  offsets: number[];
  /** Counts transactions begun; a timeout task carries it. */
  seq: number;
  committed: number;
  aborted: number;
}

/** Flags of RecordTable.st for transactions (after RecordFlag's bits). */
export const TxnFlag = {
  /** A data record written inside a transaction. */
  Transactional: 16,
  /** A control record: the COMMIT or ABORT marker the coordinator writes (it takes an offset). */
  Marker: 32,
  /** A transactional record whose transaction was aborted: read_committed consumers skip it. */
  Aborted: 64,
} as const;

/** The value of a marker record (valueOf shows it). */
export interface MarkerValue {
  controlType: 'COMMIT' | 'ABORT';
  transactionalId: string;
  producerEpoch: number;
  /** Index into KafkaModel.txns. */
  txn: number;
  /** The producer whose records this marker closes. */
  prod: number;
}

/** transaction.timeout.ms default (60 s in the Java client). */
export const TRANSACTION_TIMEOUT_MS = 60_000;
