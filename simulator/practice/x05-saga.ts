/**
 * X05 — design the order-fulfilment saga: its steps in execution order, the compensation of each,
 * and whether compensations are idempotent. The grader runs the orchestrated saga model
 * (simulator/saga) once with nothing failing, then once per step with that step refused for a
 * business reason, then once per compensation with the service crashing after committing it (so
 * the orchestrator retries a compensation that already took effect). Each run must end fully done
 * or fully compensated; compensations must run in reverse order; a retried compensation must take
 * effect once.
 *
 * The model always compensates a done step with its real undo (release inventory, refund, cancel),
 * so a design's own choices are checked against that table: a compensation that undoes a different
 * step is wrong, and a compensatable step left without one leaves its effect behind in any run
 * where it was done and the saga then failed — the grader points at that moment in the run.
 */
import { z } from 'zod';
import { sagaModel, type SagaScenario } from '../saga/saga-model.ts';
import { DEFAULT_STEPS, STEP_DEFS, type SagaCommand, type SagaEntry, type SagaWorld, type StepName } from '../saga/saga-types.ts';
import { COMPENSATIONS, type ActionName, type ServiceFault } from '../saga/services.ts';
import { drive, type Drive } from './drive.ts';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x05GraderVersion = 1;
export const sagaStepNames = DEFAULT_STEPS as readonly StepName[];
export const sagaCompensationNames = COMPENSATIONS as readonly ActionName[];

const stepName = z.enum(DEFAULT_STEPS as unknown as ['create-order', 'reserve-inventory', 'charge-payment', 'create-shipment']);
const compensationName = z.enum(COMPENSATIONS as unknown as ['cancel-order', 'release-inventory', 'refund-payment']);

export const X05DesignSchema = z
  .strictObject({
    exercise: z.literal('X05'),
    steps: z
      .array(z.strictObject({ name: stepName, compensation: compensationName.nullable() }))
      .min(1)
      .max(4),
    /** Compensations deduplicated by order and action, so a retry takes effect once (default true). */
    idempotentCompensations: z.boolean().optional(),
  })
  .superRefine((d, ctx) => {
    d.steps.forEach((s, i) => {
      if (d.steps.findIndex((x) => x.name === s.name) !== i)
        ctx.addIssue({ code: 'custom', message: `step "${s.name}" appears twice`, path: ['steps', i, 'name'] });
    });
  });
export type X05Design = z.infer<typeof X05DesignSchema>;

export function x05Scenario(d: X05Design): SagaScenario {
  return { steps: d.steps.map((s) => s.name), idempotentHandlers: d.idempotentCompensations ?? true };
}

const refusals: Record<StepName, string> = {
  'create-order': 'the order failed validation',
  'reserve-inventory': 'out of stock',
  'charge-payment': 'card declined',
  'create-shipment': 'no courier serves the address',
};

type S = Drive<SagaWorld, SagaEntry, SagaCommand>;
const orderId = 'order-1';

function runWith(d: X05Design, seed: number, fault: ServiceFault | undefined): S {
  const s = drive<SagaWorld, SagaEntry, SagaCommand>(sagaModel, x05Scenario(d), seed);
  if (fault) s.apply({ type: 'inject-fault', fault });
  s.apply({ type: 'place-order', orderId, amountCents: 4_200 });
  s.stepOut(20_000);
  return s;
}

interface Run {
  s: S;
  why: string;
  seed: number;
}

export const x05Seeds = [1, 2];

function runsOf(d: X05Design): { failing: Run[]; retried: Run[]; happy: Run[] } {
  const failing: Run[] = [];
  const retried: Run[] = [];
  const happy: Run[] = [];
  for (const seed of x05Seeds) {
    happy.push({ s: runWith(d, seed, undefined), why: 'nothing failed', seed });
    for (const step of d.steps) {
      const service = STEP_DEFS[step.name].service;
      const fault: ServiceFault = { service, action: step.name, kind: 'business', reason: refusals[step.name] };
      failing.push({ s: runWith(d, seed, fault), why: `${step.name} was refused (${refusals[step.name]})`, seed });
    }
    for (const action of COMPENSATIONS) {
      // The failing step is the last one, so every earlier step has to be undone.
      const last = d.steps[d.steps.length - 1]!.name;
      const s = drive<SagaWorld, SagaEntry, SagaCommand>(sagaModel, x05Scenario(d), seed);
      s.apply({
        type: 'inject-fault',
        fault: { service: STEP_DEFS[last].service, action: last, kind: 'business', reason: refusals[last] },
      });
      const service = action === 'cancel-order' ? 'order' : action === 'release-inventory' ? 'inventory' : 'payment';
      s.apply({ type: 'inject-fault', fault: { service, action, kind: 'crash-after-commit', restartAfterMs: 100 } });
      s.apply({ type: 'place-order', orderId, amountCents: 4_200 });
      s.stepOut(20_000);
      retried.push({ s, why: `${last} was refused and the ${service} service crashed right after committing ${action}`, seed });
    }
  }
  return { failing, retried, happy };
}

const entries = (s: S) => s.entriesSince(0);
const fail = (name: string, r: Run, detail: string, entryId?: number): GradedCheck => ({
  name,
  held: false,
  detail: `${detail} (when ${r.why}, seed ${r.seed}).`,
  run: r.s.snapshot(entryId === undefined ? undefined : r.s.cursorAt(entryId)),
  seed: r.seed,
});

function checkComplete(d: X05Design, happy: Run): GradedCheck {
  const missing = sagaStepNames.filter((n) => !d.steps.some((s) => s.name === n));
  const name = 'The saga does the whole job';
  return missing.length === 0
    ? { name, held: true, detail: 'It creates the order, reserves stock, charges the card and ships.' }
    : fail(name, happy, `Without ${missing.join(', ')} an order is never fulfilled: every step is needed`);
}

/** The design's compensations against what really undoes each step; "show me" opens the real undo. */
function checkCompensationsMatch(d: X05Design, failing: Run[]): GradedCheck {
  const name = 'Each compensation undoes its own step';
  for (const s of d.steps) {
    const real = STEP_DEFS[s.name].compensation;
    const problem =
      s.compensation !== null && real === null
        ? `${s.name} cannot be undone (a parcel that left cannot be un-sent), yet the design compensates it with ${s.compensation}`
        : s.compensation !== null && s.compensation !== real
          ? `${s.compensation} does not undo ${s.name}; ${real} does, as this run shows`
          : undefined;
    if (problem === undefined) continue;
    // A run in which this step was done and then had to be undone.
    for (const r of failing) {
      const e = entries(r.s).find(
        (x) => (x.type === 'saga-step-compensating' || x.type === 'saga-step-not-compensatable') && x.step === s.name,
      );
      if (e) return fail(name, r, problem, e.id);
    }
    return { name, held: false, detail: `${problem}.` };
  }
  return { name, held: true, detail: 'Every compensation named undoes the step it belongs to.' };
}

function checkEnds(d: X05Design, runs: Run[]): GradedCheck {
  const name = 'Every run ends fully done or fully compensated';
  for (const r of runs) {
    const saga = r.s.state.sagas[orderId];
    const es = entries(r.s);
    if (saga?.status === 'needs-manual-action') {
      const e = es.find((x) => x.type === 'saga-step-not-compensatable');
      return fail(
        name,
        r,
        `The saga ended half done: ${e && 'step' in e ? e.step : 'a step'} had already happened and cannot be undone, so a person has to step in`,
        e?.id,
      );
    }
    if (saga?.status !== 'completed' && saga?.status !== 'compensated')
      return fail(name, r, `The saga ended ${saga?.status ?? 'without starting'}`);
    if (saga.status === 'compensated') {
      for (const step of saga.steps) {
        const design = d.steps.find((x) => x.name === step.name);
        if (
          step.status === 'compensated' &&
          design &&
          design.compensation === null &&
          STEP_DEFS[step.name].compensation !== null
        ) {
          const e = es.find((x) => x.type === 'saga-step-compensating' && x.step === step.name);
          return fail(
            name,
            r,
            `${step.name} had taken effect and the design gives it no compensation, so it stays in place after the saga gave up`,
            e?.id,
          );
        }
      }
    }
  }
  return { name, held: true, detail: `All ${runs.length} runs ended completed or compensated.` };
}

function checkReverse(runs: Run[]): GradedCheck {
  const name = 'Compensations run in reverse order';
  for (const r of runs) {
    const es = entries(r.s);
    const done = es.filter((e) => e.type === 'saga-step-completed').map((e) => (e as { step: StepName }).step);
    const undone = es.filter((e) => e.type === 'saga-step-compensated').map((e) => (e as { step: StepName }).step);
    const expected = done.filter((n) => STEP_DEFS[n].compensation !== null && undone.includes(n)).reverse();
    if (undone.join() !== expected.join())
      return fail(name, r, `Compensated ${undone.join(', ')}; reverse order is ${expected.join(', ')}`);
  }
  return { name, held: true, detail: 'In every failed run the done steps were undone last-first.' };
}

function checkIdempotent(runs: Run[]): GradedCheck {
  const name = 'A retried compensation takes effect once';
  for (const r of runs) {
    const counts = new Map<string, number>();
    for (const e of entries(r.s)) {
      if (e.type !== 'local-transaction-committed' || !COMPENSATIONS.includes(e.action)) continue;
      const n = (counts.get(e.action) ?? 0) + 1;
      counts.set(e.action, n);
      if (n > 1) return fail(name, r, `${e.action} took effect ${n} times for ${orderId}`, e.id);
    }
  }
  return { name, held: true, detail: `In ${runs.length} runs with a compensation retried after a crash, each took effect once.` };
}

export function gradeX05(d: X05Design): Verdict {
  const { failing, retried, happy } = runsOf(d);
  return verdict('X05', x05GraderVersion, [
    checkComplete(d, happy[0]!),
    checkCompensationsMatch(d, failing),
    checkEnds(d, [...happy, ...failing]),
    checkReverse(failing),
    checkIdempotent(retried),
  ]);
}
