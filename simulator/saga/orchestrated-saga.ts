/**
 * The orchestrated order saga as a model: create a world, apply commands, run its tasks.
 *
 * This is the public face of the orchestrator, services and transport in this folder. It follows
 * the shape every model in the simulator has — `create(opts)` gives plain data, `apply(state,
 * command)` returns a Result and never throws for a learner's mistake, `runTask` is what the
 * scheduler calls, `clone` copies — so it plugs into core's timeline for stepping back.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { createWorldBase } from '../core/world.ts';
import { onReply, onSendRetry, onTimeout, startSaga } from './orchestrator.ts';
import { crashNow, onDeliverCommand, onProcessCommand, onRestartService } from './saga-transport.ts';
import { SERVICE_NAMES, armFault, createServices, faultProblem, type ServiceName } from './services.ts';
import {
  DEFAULT_STEPS,
  STEP_DEFS,
  type SagaCommand,
  type SagaConfig,
  type SagaEntry,
  type SagaOptions,
  type SagaTask,
  type SagaWorld,
} from './saga-types.ts';
import { applyClockCommand, cloneWorld, emit, isClockCommand, nothingRan, type RunReport } from './world-kit.ts';
import { getName } from '../core/name-index.ts';
import { addStep, removeStep, setCompensation, setStepOrder } from './step-order.ts';

/** The config a scenario leaves unsaid (the saga's schema checks delays against it). */
export const DEFAULT_CONFIG: SagaConfig = {
  steps: [...DEFAULT_STEPS],
  networkDelayMsMin: 5,
  networkDelayMsMax: 15,
  stepTimeoutMs: 200,
  stepAttemptsMax: 4,
  retryBackoffMs: 50,
  retryBackoffMsMax: 400,
  restartAfterMs: 300,
  tasksMaxPerCommand: 100_000,
};

/** Checks a saga configuration; the step order must name each known step at most once. */
export function sagaConfigProblem(c: SagaConfig): string | undefined {
  const seen = new Set<string>();
  for (const s of c.steps) {
    if (!(s in STEP_DEFS)) return `unknown step "${s}"`;
    if (seen.has(s)) return `step "${s}" appears twice`;
    seen.add(s);
  }
  if (!(c.networkDelayMsMin >= 0 && c.networkDelayMsMax >= c.networkDelayMsMin)) return 'network delay range is empty';
  if (!(c.stepTimeoutMs > 0 && c.stepAttemptsMax >= 1 && c.tasksMaxPerCommand >= 1))
    return 'timeouts, attempts and task bound must be positive';
  return undefined;
}

/**
 * Creates an orchestrated-saga world at time 0 with idle services. Throws a RangeError for an
 * impossible configuration, which is a programming error (a lesson's UI only offers valid orders).
 */
export function createOrchestratedSaga(opts: SagaOptions): SagaWorld {
  const config: SagaConfig = {
    ...DEFAULT_CONFIG,
    ...Object.fromEntries(Object.entries(opts).filter(([k, v]) => k in DEFAULT_CONFIG && v !== undefined)),
  };
  config.steps = [...config.steps];
  const problem = sagaConfigProblem(config);
  if (problem !== undefined) throw new RangeError(`saga config: ${problem}`);
  for (const f of opts.faults ?? []) {
    const p = faultProblem(f);
    if (p !== undefined) throw new RangeError(`saga fault: ${p}`);
  }
  return {
    ...createWorldBase<SagaTask, SagaEntry>({ seed: opts.seed }),
    config,
    services: createServices(opts),
    sagas: {},
  };
}

/** Runs one scheduled task. The scheduler calls this; tests may too. */
export function runSagaTask(w: SagaWorld, task: SagaTask & Scheduled): void {
  switch (task.type) {
    case 'deliver-command':
      return onDeliverCommand(w, task.message, task.order);
    case 'process-command':
      return onProcessCommand(w, task.message, task.order, task.incarnation);
    case 'deliver-reply': {
      const m = task.message;
      return onReply(w, m.orderId, m.stepIndex, m.phase, m.attempt, task.outcome, task.replyId);
    }
    case 'step-timeout':
      return onTimeout(w, task.orderId, task.stepIndex, task.phase, task.attempt);
    case 'send-retry':
      return onSendRetry(w, task.orderId, task.stepIndex, task.phase);
    case 'restart-service':
      return onRestartService(w, task.service, task.incarnation);
  }
}

function knownService(s: string): s is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(s);
}

/**
 * Applies one command to the world in place. A command that cannot apply (an unknown service, a
 * duplicate order id, a time in the past) returns a SimError and leaves the world unchanged.
 */
export function applySagaCommand(w: SagaWorld, c: SagaCommand): Result<RunReport> {
  if (isClockCommand(c)) return applyClockCommand(w, runSagaTask, c, w.config.tasksMaxPerCommand);
  switch (c.type) {
    case 'place-order': {
      if (typeof c.orderId !== 'string' || c.orderId === '')
        return fail(ErrorCode.InvalidCommand, 'an order needs an id', 'orderId');
      if (getName(w.sagas, c.orderId) !== undefined)
        return fail(ErrorCode.InvalidCommand, `order ${c.orderId} already has a saga`, 'orderId');
      const qty = c.qty ?? 1;
      const amountCents = c.amountCents ?? 2_500;
      if (!(Number.isInteger(qty) && qty >= 1))
        return fail(ErrorCode.InvalidCommand, 'qty must be a whole number of at least 1', 'qty');
      if (!(Number.isInteger(amountCents) && amountCents >= 0))
        return fail(ErrorCode.InvalidCommand, 'amountCents must be a whole number', 'amountCents');
      startSaga(w, { orderId: c.orderId, sku: c.sku ?? 'sku-1', qty, amountCents });
      return nothingRan();
    }
    case 'inject-fault': {
      const p = faultProblem(c.fault);
      if (p !== undefined) return fail(ErrorCode.InvalidCommand, p, 'fault');
      w.services.faults.push(armFault(c.fault));
      emit(w, { type: 'fault-injected', fault: { ...c.fault } });
      return nothingRan();
    }
    case 'crash-service': {
      if (!knownService(c.service)) return fail(ErrorCode.UnknownNode, `unknown service "${c.service}"`, 'service');
      if (!w.services.runtime[c.service].up)
        return fail(ErrorCode.NotAvailable, `the ${c.service} service is already down`, 'service');
      crashNow(w, c.service, c.restartAfterMs, false);
      return nothingRan();
    }
    case 'restart-service': {
      if (!knownService(c.service)) return fail(ErrorCode.UnknownNode, `unknown service "${c.service}"`, 'service');
      const rt = w.services.runtime[c.service];
      if (rt.up) return fail(ErrorCode.InvalidCommand, `the ${c.service} service is already running`, 'service');
      rt.up = true;
      emit(w, { type: 'service-restarted', service: c.service });
      return nothingRan();
    }
    case 'set-step-order':
      return setStepOrder(w, c.steps);
    case 'add-step':
      return addStep(w, c.step, c.at);
    case 'remove-step':
      return removeStep(w, c.step);
    case 'set-compensation':
      return setCompensation(w, c.step, c.compensation);
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

/** An independent deep copy of a saga world. */
export function cloneSagaWorld(w: SagaWorld): SagaWorld {
  return cloneWorld(w);
}

/** True when every saga has ended (completed, compensated or handed to a person). */
export function allSagasSettled(w: SagaWorld): boolean {
  return Object.values(w.sagas).every(
    (s) => s.status === 'completed' || s.status === 'compensated' || s.status === 'needs-manual-action',
  );
}
