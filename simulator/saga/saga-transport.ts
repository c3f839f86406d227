/**
 * The service side of the orchestrated saga: commands arriving over the network, processing time,
 * local transactions, replies, crashes and restarts.
 *
 * Kept apart from the orchestrator so the state machine reads as pure decisions while this file
 * carries the unreliable world it lives in: a command sent to a crashed service is lost, work in
 * progress dies with the service, and a crash after commit loses only the reply — the case that
 * forces retries to be idempotent.
 */
import { nextIntBetween } from '../core/rng.ts';
import { newId } from '../core/world.ts';
import { crashService, handleAction, type LocalOutcome, type OrderData, type ServiceName } from './services.ts';
import type { SagaEntry, SagaMessage, SagaWorld } from './saga-types.ts';
import { emit, scheduleTask, type EntryDraft } from './world-kit.ts';
import { getName } from '../core/name-index.ts';

function say(w: SagaWorld, orderId: string | undefined, entry: EntryDraft<SagaEntry>, causationId?: string): void {
  const e = { ...entry } as EntryDraft<SagaEntry>;
  if (orderId !== undefined) e.correlationId = orderId;
  if (causationId !== undefined) e.causationId = causationId;
  emit(w, e);
}

function serviceOf(message: SagaMessage, w: SagaWorld): ServiceName {
  return getName(w.sagas, message.orderId)!.steps[message.stepIndex]!.service;
}

/** A command reached its service: queue it behind the processing time, or lose it if the service is down. */
export function onDeliverCommand(w: SagaWorld, message: SagaMessage, order: OrderData): void {
  const service = serviceOf(message, w);
  const rt = w.services.runtime[service];
  if (!rt.up) {
    say(
      w,
      message.orderId,
      { type: 'message-dropped', messageId: message.messageId, service, action: message.action },
      message.messageId,
    );
    return;
  }
  scheduleTask(w, { type: 'process-command', message, order, incarnation: rt.incarnation, atMs: w.nowMs + rt.processingMs });
}

/** Processing time elapsed: run the local transaction and answer, unless the service died meanwhile. */
export function onProcessCommand(w: SagaWorld, message: SagaMessage, order: OrderData, incarnation: number): void {
  const service = serviceOf(message, w);
  const rt = w.services.runtime[service];
  const { messageId, action, orderId } = message;
  if (!rt.up || rt.incarnation !== incarnation) {
    say(w, orderId, { type: 'message-dropped', messageId, service, action }, messageId);
    return;
  }
  const r = handleAction(w.services, action, order);
  switch (r.kind) {
    case 'committed':
    case 'crashed-after-commit':
      if (r.outcome.kind === 'ok')
        say(w, orderId, { type: 'local-transaction-committed', service, action, outcome: r.outcome }, messageId);
      else say(w, orderId, { type: 'local-transaction-failed', service, action, reason: r.outcome.reason }, messageId);
      if (r.kind === 'crashed-after-commit') crashNow(w, service, r.fault.restartAfterMs, true, orderId, messageId);
      else sendReply(w, message, r.outcome);
      return;
    case 'deduplicated':
      say(w, orderId, { type: 'command-deduplicated', service, action, outcome: r.outcome }, messageId);
      sendReply(w, message, r.outcome);
      return;
    case 'transient':
      say(
        w,
        orderId,
        { type: 'local-transaction-failed', service, action, reason: (r.outcome as { reason: string }).reason },
        messageId,
      );
      sendReply(w, message, r.outcome);
      return;
    case 'crashed-before-commit':
      crashNow(w, service, r.fault.restartAfterMs, false, orderId, messageId);
      return;
  }
}

function sendReply(w: SagaWorld, message: SagaMessage, outcome: LocalOutcome): void {
  const replyId = newId(w, 'reply');
  const service = serviceOf(message, w);
  say(
    w,
    message.orderId,
    { type: 'reply-sent', messageId: replyId, service, action: message.action, outcome },
    message.messageId,
  );
  const delayMs = nextIntBetween(w.rng, w.config.networkDelayMsMin, w.config.networkDelayMsMax);
  scheduleTask(w, { type: 'deliver-reply', message, replyId, outcome, atMs: w.nowMs + delayMs });
}

/** Crashes a service now and schedules its restart. Work it had in progress is lost. */
export function crashNow(
  w: SagaWorld,
  service: ServiceName,
  restartAfterMs: number | undefined,
  afterCommit: boolean,
  orderId?: string,
  causationId?: string,
): void {
  const incarnation = crashService(w.services, service);
  const restartAtMs = w.nowMs + (restartAfterMs ?? w.config.restartAfterMs);
  say(w, orderId, { type: 'service-crashed', service, restartAtMs, afterCommit }, causationId);
  scheduleTask(w, { type: 'restart-service', service, incarnation, atMs: restartAtMs });
}

/** Brings a crashed service back, unless a later crash or a manual restart superseded this one. */
export function onRestartService(w: SagaWorld, service: ServiceName, incarnation: number): void {
  const rt = w.services.runtime[service];
  if (rt.up || rt.incarnation !== incarnation) return;
  rt.up = true;
  say(w, undefined, { type: 'service-restarted', service });
}
