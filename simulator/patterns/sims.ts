/**
 * The patterns' models as the same five-member bundle the saga models and Kafka expose (init,
 * apply, runTask, clone, describeEntry), so the workbench wraps them all alike.
 */
import type { ModelSim } from '../saga/sims.ts';
import {
  applyIdempotentConsumerCommand,
  cloneIdempotentConsumer,
  createIdempotentConsumer,
  describeIdempotentConsumerEntry,
  runIdempotentConsumerTask,
  type IdempotentConsumerCommand,
  type IdempotentConsumerEntry,
  type IdempotentConsumerOptions,
  type IdempotentConsumerTask,
  type IdempotentConsumerWorld,
} from './idempotent-consumer.ts';
import { applyOutboxCommand, cloneOutboxSim, createOutboxSim, runOutboxTask } from './outbox.ts';
import type { OutboxCommand, OutboxEntry, OutboxOptions, OutboxTask, OutboxWorld } from './outbox-types.ts';
import { describeOutboxEntry } from './outbox-view.ts';

export function createIdempotentConsumerSim(
  opts: IdempotentConsumerOptions,
): ModelSim<IdempotentConsumerWorld, IdempotentConsumerCommand, IdempotentConsumerTask, IdempotentConsumerEntry> {
  return {
    init: () => createIdempotentConsumer(opts),
    apply: applyIdempotentConsumerCommand,
    runTask: runIdempotentConsumerTask,
    clone: cloneIdempotentConsumer,
    describeEntry: describeIdempotentConsumerEntry,
  };
}

export function createOutboxModelSim(opts: OutboxOptions): ModelSim<OutboxWorld, OutboxCommand, OutboxTask, OutboxEntry> {
  return {
    init: () => createOutboxSim(opts),
    apply: applyOutboxCommand,
    runTask: runOutboxTask,
    clone: cloneOutboxSim,
    describeEntry: describeOutboxEntry,
  };
}
