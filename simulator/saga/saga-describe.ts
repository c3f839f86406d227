/**
 * One plain sentence per trace entry of the orchestrated saga, for narration.
 *
 * The UI's live region and the lessons read these aloud, so each sentence names who did what to
 * which order and, where it matters, why — without colour or layout to lean on.
 */
import type { LocalOutcome } from './services.ts';
import type { SagaEntry } from './saga-types.ts';

function outcomeWords(o: LocalOutcome): string {
  return o.kind === 'ok' ? 'success' : o.kind === 'rejected' ? `refused (${o.reason})` : `error (${o.reason})`;
}

/** A human sentence for one saga trace entry. */
export function describeSagaEntry(e: SagaEntry): string {
  const order = e.correlationId === undefined ? '' : ` for ${e.correlationId}`;
  // "The saga for order-5 (saga-1)": the order is what the learner follows; the id is kept for the trace.
  const saga = (id: string): string => (e.correlationId === undefined ? `Saga ${id}` : `The saga for ${e.correlationId} (${id})`);
  switch (e.type) {
    case 'saga-started':
      return `${saga(e.sagaId)} started with steps ${e.steps.join(' → ')}.`;
    case 'command-sent':
      return `The orchestrator sent ${e.action} to the ${e.service} service${order} (attempt ${e.attempt}).`;
    case 'message-dropped':
      return `The ${e.service} service was down, so ${e.action}${order} was lost.`;
    case 'local-transaction-committed':
      return `The ${e.service} service committed ${e.action}${order} in its own database.`;
    case 'local-transaction-failed':
      return `The ${e.service} service did not apply ${e.action}${order}: ${e.reason}.`;
    case 'command-deduplicated':
      return `The ${e.service} service had already handled ${e.action}${order}, so it repeated its answer (${outcomeWords(e.outcome)}) without doing it again.`;
    case 'service-crashed':
      return e.afterCommit
        ? `The ${e.service} service crashed after committing but before replying; it restarts at ${e.restartAtMs} ms.`
        : `The ${e.service} service crashed; it restarts at ${e.restartAtMs} ms.`;
    case 'service-restarted':
      return `The ${e.service} service is running again.`;
    case 'reply-sent':
      return `The ${e.service} service replied to ${e.action}${order}: ${outcomeWords(e.outcome)}.`;
    case 'reply-ignored':
      return `The orchestrator ignored a late reply about ${e.step}${order}: ${e.why}.`;
    case 'step-timed-out':
      return `No reply to ${e.phase === 'forward' ? e.step : `the compensation of ${e.step}`}${order} in time (attempt ${e.attempt}).`;
    case 'saga-step-started':
      return `Step ${e.step}${order} is running.`;
    case 'saga-step-completed':
      return `Step ${e.step}${order} is done.`;
    case 'saga-step-failed':
      return e.uncertain
        ? `Step ${e.step}${order} failed (${e.reason}); it may have happened anyway, so it will be compensated too.`
        : `Step ${e.step}${order} failed: ${e.reason}.`;
    case 'saga-step-compensating':
      return `Compensating step ${e.step}${order}.`;
    case 'saga-step-compensated':
      return `Step ${e.step}${order} is compensated.`;
    case 'saga-step-not-compensatable':
      return `Step ${e.step}${order} cannot be compensated; it needs a new forward action: ${e.requiredAction}.`;
    case 'saga-completed':
      return `${saga(e.sagaId)} completed: every step is done.`;
    case 'saga-compensated':
      return `${saga(e.sagaId)} is fully compensated: nothing it did is left in effect.`;
    case 'saga-needs-manual-action':
      return `${saga(e.sagaId)} could not be undone by compensation alone; required: ${e.actions.map((a) => a.type).join(', ')}.`;
    case 'fault-injected':
      return `Planted a ${e.fault.kind} fault on ${e.fault.action} at the ${e.fault.service} service.`;
    case 'steps-reordered':
      return `Sagas started from now on run ${e.steps.join(' → ')}; a failure compensates the done steps in reverse.`;
    case 'steps-changed':
      return `Step ${e.step} ${e.change === 'added' ? 'added' : 'removed'}: sagas started from now on run ${e.steps.join(' → ')}; sagas already running keep their steps.`;
    case 'compensation-changed':
      return e.compensation === null
        ? `Step ${e.step} has no compensation in sagas started from now on: once done, only a person can undo it.`
        : `Step ${e.step} is undone by ${e.compensation} again in sagas started from now on.`;
  }
}
