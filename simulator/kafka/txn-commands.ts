/**
 * The transaction commands a learner or a script gives a producer with a transactional.id: each
 * names the producer and calls the KafkaProducer method of the same name (txn-coordinator.ts). A
 * call the producer's state does not allow — or a zombie's call — is an error value whose message
 * says why (Kafka throws IllegalStateException or ProducerFencedException).
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import { lookup } from './names.ts';
import type { KafkaEngineCommand } from './scenario/types.ts';
import type { KafkaState } from './state.ts';
import { beginTransaction, endTransaction, initTransactions, sendOffsetsToTransaction } from './txn-coordinator.ts';

type TxnCommand = Extract<
  KafkaEngineCommand,
  { type: 'init-transactions' | 'begin-transaction' | 'commit-transaction' | 'abort-transaction' | 'send-offsets-to-transaction' }
>;

export function txnCommand(s: KafkaState, c: TxnCommand): Result<unknown> {
  const prod = lookup(s.k.producerIndex, c.producer);
  if (prod === undefined) return fail(ErrorCode.UnknownNode, `There is no producer "${c.producer}".`, 'producer');
  switch (c.type) {
    case 'init-transactions':
      return initTransactions(s, prod);
    case 'begin-transaction':
      return beginTransaction(s, prod);
    case 'commit-transaction':
      return endTransaction(s, prod, true);
    case 'abort-transaction':
      return endTransaction(s, prod, false);
    case 'send-offsets-to-transaction': {
      const g = lookup(s.k.groupIndex, c.group);
      if (g === undefined) return fail(ErrorCode.UnknownGroup, `There is no group "${c.group}".`, 'group');
      return sendOffsetsToTransaction(s, prod, g);
    }
  }
}
