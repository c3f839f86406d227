/**
 * Reordering the orchestrated saga's steps while it runs: the learner's way to try "what if
 * shipping came before payment?" without writing a scenario. The new order applies to sagas that
 * start afterwards; a saga already running keeps the order it started with, as a real orchestrator
 * keeps the workflow definition an instance was started from. Compensations follow the steps:
 * each step keeps its own compensation, and a failure still undoes the done steps in reverse.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { ActionName } from './services.ts';
import { STEP_DEFS, compensationOf, type SagaWorld, type StepName } from './saga-types.ts';
import { emit, nothingRan, type RunReport } from './world-kit.ts';

/**
 * Why `steps` cannot replace the current order, or undefined when it can: it must name exactly the
 * steps the saga has now, each once, in any order.
 */
export function stepOrderProblem(current: readonly StepName[], steps: unknown): string | undefined {
  if (!Array.isArray(steps)) return 'the step order must be a list of step names';
  const seen = new Set<string>();
  for (const s of steps) {
    if (typeof s !== 'string' || !Object.hasOwn(STEP_DEFS, s)) return `unknown step "${String(s)}"`;
    if (seen.has(s)) return `step "${s}" appears twice`;
    seen.add(s);
  }
  const missing = current.filter((s) => !seen.has(s));
  if (missing.length > 0) return `the new order leaves out ${missing.join(', ')}; a reorder keeps every step`;
  if (steps.length !== current.length)
    return `the saga has ${current.length} steps (${current.join(', ')}); a reorder cannot add one`;
  return undefined;
}

/** Sets the order of the steps for sagas started from now on. */
export function setStepOrder(w: SagaWorld, steps: readonly StepName[]): Result<RunReport> {
  const problem = stepOrderProblem(w.config.steps, steps);
  if (problem !== undefined) return fail(ErrorCode.InvalidCommand, problem, 'steps');
  w.config.steps = [...steps];
  emit(w, { type: 'steps-reordered', steps: [...steps] });
  return nothingRan();
}

/**
 * Adds a step (one of the four the services perform) to the sagas started from now on, at `at`
 * (0 = first; default: last). A saga already running keeps the steps it started with.
 */
export function addStep(w: SagaWorld, step: StepName, at?: number): Result<RunReport> {
  const current = w.config.steps;
  if (!Object.hasOwn(STEP_DEFS, step)) return fail(ErrorCode.InvalidCommand, `unknown step "${String(step)}"`, 'step');
  if (current.includes(step))
    return fail(ErrorCode.InvalidCommand, `the saga runs ${step} already; a step runs once per saga`, 'step');
  const where = at ?? current.length;
  if (!Number.isInteger(where) || where < 0 || where > current.length)
    return fail(ErrorCode.InvalidCommand, `a new step goes at a place from 0 to ${current.length}, got ${where}`, 'at');
  w.config.steps = [...current.slice(0, where), step, ...current.slice(where)];
  emit(w, { type: 'steps-changed', change: 'added', step, steps: [...w.config.steps] });
  return nothingRan();
}

/** Removes a step from the sagas started from now on; the last one cannot go (a saga needs a step). */
export function removeStep(w: SagaWorld, step: StepName): Result<RunReport> {
  const current = w.config.steps;
  if (!current.includes(step))
    return fail(ErrorCode.InvalidCommand, `the saga has no step "${String(step)}" (it runs ${current.join(', ')})`, 'step');
  if (current.length === 1)
    return fail(ErrorCode.InvalidCommand, `${step} is the saga's only step; a saga needs at least one`, 'step');
  w.config.steps = current.filter((s) => s !== step);
  emit(w, { type: 'steps-changed', change: 'removed', step, steps: [...w.config.steps] });
  return nothingRan();
}

/**
 * Sets the action that undoes `step` in sagas started from now on: its service's own compensation,
 * or none (null), which makes the step one only a person can undo once it is done. A service
 * undoes only its own actions, so any other action is refused; a saga already running keeps the
 * compensations it started with.
 */
export function setCompensation(w: SagaWorld, step: StepName, compensation: ActionName | null): Result<RunReport> {
  if (!Object.hasOwn(STEP_DEFS, step)) return fail(ErrorCode.InvalidCommand, `unknown step "${String(step)}"`, 'step');
  const own = STEP_DEFS[step].compensation;
  if (compensation !== null && own === null)
    return fail(
      ErrorCode.InvalidCommand,
      `the ${STEP_DEFS[step].service} service has no action that undoes ${step}: a parcel that left cannot be un-sent`,
      'compensation',
    );
  if (compensation !== null && compensation !== own)
    return fail(
      ErrorCode.InvalidCommand,
      `${step} is undone by the ${STEP_DEFS[step].service} service's ${own}, not by ${compensation}`,
      'compensation',
    );
  if (compensationOf(w.config, step) === compensation)
    return fail(
      ErrorCode.InvalidCommand,
      compensation === null ? `${step} has no compensation already` : `${step} is undone by ${compensation} already`,
      'compensation',
    );
  const off = (w.config.noCompensation ?? []).filter((s) => s !== step);
  w.config.noCompensation = compensation === null ? [...off, step] : off;
  emit(w, { type: 'compensation-changed', step, compensation });
  return nothingRan();
}
