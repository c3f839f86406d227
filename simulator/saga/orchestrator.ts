/**
 * The saga orchestrator: a state machine that runs the steps in order and, on a failure, runs the
 * compensations of the steps already done in reverse order.
 *
 * It is written as reactions to three kinds of task (a reply arrived, a timeout fired, a retry is
 * due) so that every decision happens at a visible moment in virtual time. The rules it follows
 * are the ones a real orchestrator needs and a learner can check in the trace:
 *
 * - a forward step is retried with backoff until `stepAttemptsMax`; a business refusal is final;
 * - a step that timed out on every attempt is *uncertain* (the service may have committed), so it
 *   is compensated too — safe only because compensations are idempotent; an uncertain step that
 *   cannot be compensated is never given up but asked again until it answers;
 * - compensations are retried until they succeed, because giving up would leave the saga half done;
 * - a done step that cannot be compensated (shipping) is reported as a required forward action,
 *   which is why such a step belongs last.
 */
import { nextIntBetween } from '../core/rng.ts';
import { newId } from '../core/world.ts';
import type { LocalOutcome, OrderData } from './services.ts';
import { STEP_DEFS, compensationOf, type SagaInstance, type SagaStep, type SagaWorld, type SagaEntry } from './saga-types.ts';
import { emit, scheduleTask, type EntryDraft } from './world-kit.ts';
import { getName, setName } from '../core/name-index.ts';

type Phase = 'forward' | 'compensation';

function say(w: SagaWorld, saga: SagaInstance, entry: EntryDraft<SagaEntry>, causationId?: string): void {
  const withIds = { ...entry, correlationId: saga.order.orderId } as EntryDraft<SagaEntry>;
  if (causationId !== undefined) withIds.causationId = causationId;
  emit(w, withIds);
}

/** Starts a saga for an order and sends its first command. */
export function startSaga(w: SagaWorld, order: OrderData, causationId?: string): SagaInstance {
  const saga: SagaInstance = {
    sagaId: newId(w, 'saga'),
    order: { ...order },
    status: 'running',
    steps: w.config.steps.map((name) => ({
      name,
      service: STEP_DEFS[name].service,
      compensatable: compensationOf(w.config, name) !== null,
      status: 'pending',
      attempts: 0,
      compensationAttempts: 0,
      awaitingAttempt: 0,
      uncertain: false,
    })),
    current: 0,
    requiredActions: [],
    startedAtMs: w.nowMs,
  };
  setName(w.sagas, order.orderId, saga);
  say(w, saga, { type: 'saga-started', sagaId: saga.sagaId, steps: [...w.config.steps] }, causationId);
  startStep(w, saga, 0, causationId);
  return saga;
}

function startStep(w: SagaWorld, saga: SagaInstance, i: number, causationId?: string): void {
  const step = saga.steps[i];
  if (step === undefined) {
    saga.status = 'completed';
    saga.endedAtMs = w.nowMs;
    say(w, saga, { type: 'saga-completed', sagaId: saga.sagaId }, causationId);
    return;
  }
  saga.current = i;
  step.status = 'running';
  say(w, saga, { type: 'saga-step-started', sagaId: saga.sagaId, step: step.name }, causationId);
  sendAttempt(w, saga, i, 'forward', causationId);
}

/** Sends (or re-sends) the step's command and arms the timeout for this attempt. */
function sendAttempt(w: SagaWorld, saga: SagaInstance, i: number, phase: Phase, causationId?: string): void {
  const step = saga.steps[i]!;
  const attempt = phase === 'forward' ? ++step.attempts : ++step.compensationAttempts;
  step.awaitingAttempt = attempt;
  const action = phase === 'forward' ? step.name : STEP_DEFS[step.name].compensation!;
  const message = { messageId: newId(w, 'cmd'), orderId: saga.order.orderId, stepIndex: i, phase, action, attempt };
  say(
    w,
    saga,
    {
      type: 'command-sent',
      sagaId: saga.sagaId,
      step: step.name,
      messageId: message.messageId,
      action,
      service: step.service,
      attempt,
    },
    causationId,
  );
  const delayMs = nextIntBetween(w.rng, w.config.networkDelayMsMin, w.config.networkDelayMsMax);
  scheduleTask(w, { type: 'deliver-command', message, order: { ...saga.order }, atMs: w.nowMs + delayMs });
  scheduleTask(w, {
    type: 'step-timeout',
    orderId: saga.order.orderId,
    stepIndex: i,
    phase,
    attempt,
    atMs: w.nowMs + w.config.stepTimeoutMs,
  });
}

function expectedStatus(phase: Phase): SagaStep['status'] {
  return phase === 'forward' ? 'running' : 'compensating';
}

/** A service's reply reached the orchestrator. */
export function onReply(
  w: SagaWorld,
  orderId: string,
  stepIndex: number,
  phase: Phase,
  attempt: number,
  outcome: LocalOutcome,
  replyId: string,
): void {
  const saga = getName(w.sagas, orderId);
  const step = saga?.steps[stepIndex];
  if (saga === undefined || step === undefined) return;
  const ignore = (why: string): void =>
    say(w, saga, { type: 'reply-ignored', sagaId: saga.sagaId, step: step.name, messageId: replyId, why }, replyId);
  if (step.status !== expectedStatus(phase)) {
    ignore(phase === 'forward' ? `the step is already ${step.status}` : `the compensation is already ${step.status}`);
    return;
  }
  // A late success or refusal from an earlier attempt is as good as the latest one (handlers are
  // idempotent); a transient error only counts for the attempt still awaited.
  if (outcome.kind === 'transient') {
    if (attempt !== step.awaitingAttempt) return ignore(`a stale error from attempt ${attempt}`);
    step.awaitingAttempt = 0;
    retryOrGiveUp(w, saga, stepIndex, phase, outcome.reason, replyId);
    return;
  }
  step.awaitingAttempt = 0;
  // A definite answer settles whether the forward action happened.
  if (phase === 'forward') step.uncertain = false;
  if (phase === 'compensation' && outcome.kind !== 'ok') {
    // Compensations must not give up; a refusal is treated like any other error and retried.
    retryOrGiveUp(w, saga, stepIndex, phase, outcome.reason, replyId);
  } else if (phase === 'compensation') {
    step.status = 'compensated';
    say(w, saga, { type: 'saga-step-compensated', sagaId: saga.sagaId, step: step.name }, replyId);
    compensateFrom(w, saga, stepIndex - 1, replyId);
  } else if (outcome.kind === 'ok') {
    step.status = 'done';
    say(w, saga, { type: 'saga-step-completed', sagaId: saga.sagaId, step: step.name }, replyId);
    startStep(w, saga, stepIndex + 1, replyId);
  } else {
    failStep(w, saga, stepIndex, outcome.reason, replyId);
  }
}

/** The timeout armed for one attempt fired. Ignored if a reply already settled that attempt. */
export function onTimeout(w: SagaWorld, orderId: string, stepIndex: number, phase: Phase, attempt: number): void {
  const saga = getName(w.sagas, orderId);
  const step = saga?.steps[stepIndex];
  if (saga === undefined || step === undefined) return;
  if (step.status !== expectedStatus(phase) || step.awaitingAttempt !== attempt) return;
  step.awaitingAttempt = 0;
  // No answer means the command may have been applied; remember that for compensation.
  if (phase === 'forward') step.uncertain = true;
  say(w, saga, { type: 'step-timed-out', sagaId: saga.sagaId, step: step.name, phase, attempt });
  retryOrGiveUp(w, saga, stepIndex, phase, `no reply within ${w.config.stepTimeoutMs} ms`);
}

/** A retry's backoff elapsed: send again if the step still wants it. */
export function onSendRetry(w: SagaWorld, orderId: string, stepIndex: number, phase: Phase): void {
  const saga = getName(w.sagas, orderId);
  const step = saga?.steps[stepIndex];
  if (saga === undefined || step === undefined) return;
  if (step.status !== expectedStatus(phase) || step.awaitingAttempt !== 0) return;
  sendAttempt(w, saga, stepIndex, phase);
}

function retryOrGiveUp(w: SagaWorld, saga: SagaInstance, i: number, phase: Phase, reason: string, causationId?: string): void {
  const step = saga.steps[i]!;
  const attempts = phase === 'forward' ? step.attempts : step.compensationAttempts;
  // Giving up on a step whose outcome is unknown is safe only if it can be undone. A step that
  // cannot (shipping) keeps being asked until it answers: guessing wrong would ship a cancelled order.
  const mayGiveUp = step.compensatable || !step.uncertain;
  if (phase === 'forward' && attempts >= w.config.stepAttemptsMax && mayGiveUp) {
    failStep(w, saga, i, `gave up after ${attempts} attempts: ${reason}`, causationId);
    return;
  }
  const backoffMs = Math.min(w.config.retryBackoffMsMax, w.config.retryBackoffMs * 2 ** Math.min(attempts - 1, 20));
  scheduleTask(w, { type: 'send-retry', orderId: saga.order.orderId, stepIndex: i, phase, atMs: w.nowMs + backoffMs });
}

function failStep(w: SagaWorld, saga: SagaInstance, i: number, reason: string, causationId?: string): void {
  const step = saga.steps[i]!;
  step.status = 'failed';
  step.reason = reason;
  saga.failedStep = step.name;
  saga.failureReason = reason;
  saga.status = 'compensating';
  say(
    w,
    saga,
    { type: 'saga-step-failed', sagaId: saga.sagaId, step: step.name, reason, uncertain: step.uncertain },
    causationId,
  );
  compensateFrom(w, saga, i, causationId);
}

/**
 * Walks back from step `i` to the next step that needs undoing and starts its compensation; when
 * none is left, settles the saga as compensated or as needing a manual forward action.
 */
function compensateFrom(w: SagaWorld, saga: SagaInstance, i: number, causationId?: string): void {
  for (let k = i; k >= 0; k--) {
    const step = saga.steps[k]!;
    const maybeApplied = step.status === 'done' || (step.status === 'failed' && step.uncertain);
    if (!maybeApplied) continue;
    if (!step.compensatable) {
      // Only a done step gets here: an uncertain one is asked again rather than given up.
      const shipped = STEP_DEFS[step.name].compensation === null;
      const type = shipped ? 'issue-return-label' : 'undo-by-hand';
      const reason = shipped
        ? `${step.name} already happened and cannot be undone: the parcel is on its way`
        : `${step.name} already happened and the saga has no compensation for it: a person must undo it`;
      saga.requiredActions.push({ type, step: step.name, reason });
      say(
        w,
        saga,
        { type: 'saga-step-not-compensatable', sagaId: saga.sagaId, step: step.name, requiredAction: type },
        causationId,
      );
      continue;
    }
    step.status = 'compensating';
    saga.current = k;
    say(w, saga, { type: 'saga-step-compensating', sagaId: saga.sagaId, step: step.name }, causationId);
    sendAttempt(w, saga, k, 'compensation', causationId);
    return;
  }
  saga.endedAtMs = w.nowMs;
  if (saga.requiredActions.length > 0) {
    saga.status = 'needs-manual-action';
    say(
      w,
      saga,
      { type: 'saga-needs-manual-action', sagaId: saga.sagaId, actions: saga.requiredActions.map((a) => ({ ...a })) },
      causationId,
    );
  } else {
    saga.status = 'compensated';
    say(w, saga, { type: 'saga-compensated', sagaId: saga.sagaId }, causationId);
  }
}
