/**
 * The pure half of the saga's control forms: moving a step up or down in a draft order, and the
 * words for a step with the compensation that undoes it (the learner reorders both at once: each
 * step keeps its own compensation, and a failure undoes the done steps in reverse).
 */
import { STEP_DEFS, compensationOf, type SagaConfig, type StepName } from '../../../simulator/index.ts';

type Undo = Pick<SagaConfig, 'noCompensation'>;

/** The draft with the step at `index` moved by `by` places (clamped to the list); a new array. */
export function moveStep(steps: readonly StepName[], index: number, by: -1 | 1): StepName[] {
  const out = [...steps];
  const to = index + by;
  if (index < 0 || index >= out.length || to < 0 || to >= out.length) return out;
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** "charge-payment (payment; undone by refund-payment)". */
export function stepWords(step: StepName, config: Undo = {}): string {
  const def = STEP_DEFS[step];
  const comp = compensationOf(config, step);
  const undo = comp === null ? 'cannot be undone by a compensation' : `undone by ${comp}`;
  return `${step} (${def.service}; ${undo})`;
}

/**
 * What happens in this order if the last step fails: the done steps are undone in reverse, and a
 * step with no compensation is left for a person.
 */
export function compensationOrder(steps: readonly StepName[], config: Undo = {}): string {
  const last = steps.at(-1);
  const done = steps.slice(0, -1);
  if (last === undefined || done.length === 0) return '';
  const undo = [...done].reverse().map((s) => compensationOf(config, s) ?? `nothing can undo ${s}: a person must act`);
  return `If ${last} fails, the done steps are undone in reverse: ${undo.join(', then ')}.`;
}
