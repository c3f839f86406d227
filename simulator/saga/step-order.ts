/**
 * Reordering the orchestrated saga's steps while it runs: the learner's way to try "what if
 * shipping came before payment?" without writing a scenario. The new order applies to sagas that
 * start afterwards; a saga already running keeps the order it started with, as a real orchestrator
 * keeps the workflow definition an instance was started from. Compensations follow the steps:
 * each step keeps its own compensation, and a failure still undoes the done steps in reverse.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import { STEP_DEFS, type SagaWorld, type StepName } from './saga-types.ts';
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
