/**
 * The orchestrated saga's controls as forms, each reachable from the keyboard: reorder the steps
 * (each keeps its compensation) for sagas started from then on; plant a business refusal on a
 * step; place an order. Each is a model command, so it steps back and travels in the share link.
 */
import { useState } from 'react';
import {
  DEFAULT_STEPS,
  STEP_DEFS,
  compensationOf,
  type SagaCommand,
  type SagaWorld,
  type StepName,
} from '../../../simulator/index.ts';
import { ControlGroup, FeedbackLine, useCommandRunner, type AnyStore, worldControls, type WorldForm } from '../control-kit.tsx';
import { freeOrderId, refusalReasons } from './saga-actions.ts';
import { compensationOrder, moveStep, stepWords } from './saga-controls.ts';

/** The forms by id, as a lesson's challenge names them. */
const forms: WorldForm<SagaWorld>[] = [
  { id: 'step-order', Form: StepOrderControls },
  { id: 'steps', Form: StepListControls },
  { id: 'compensations', Form: CompensationControls },
  { id: 'orders', Form: OrderControls },
];

export const SagaControls = worldControls<SagaWorld>(forms);

type Props = { store: AnyStore; w: SagaWorld };

function StepOrderControls({ store, w }: Props) {
  const current = w.config.steps;
  const [draft, setDraft] = useState<StepName[] | null>(null);
  // A draft made for another step list (after stepping back) is dropped.
  const steps = draft !== null && [...draft].sort().join() === [...current].sort().join() ? draft : current;
  const { feedback, run } = useCommandRunner<SagaCommand>(store);
  const changed = steps.join() !== current.join();
  const move = (i: number, by: -1 | 1): void => setDraft(moveStep(steps, i, by));
  return (
    <ControlGroup
      title="Order of the steps"
      hint={`Sagas now run ${current.join(' → ')}. A new order applies to sagas placed after it.`}
    >
      <ol className="step-order">
        {steps.map((step, i) => (
          <li key={step}>
            <div className="step-order-row">
              <span>{stepWords(step, w.config)}</span>
              <button type="button" aria-label={`Move ${step} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" aria-label={`Move ${step} down`} disabled={i === steps.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
            </div>
          </li>
        ))}
      </ol>
      <p className="control-hint">{compensationOrder(steps, w.config)}</p>
      <button
        type="button"
        disabled={!changed}
        onClick={() =>
          run([{ type: 'set-step-order', steps }], () => {
            setDraft(null);
            return `New sagas run ${steps.join(' → ')}.`;
          })
        }
      >
        Use this order
      </button>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

/** Add one of the services' steps (last; reorder it above) or remove one, for sagas placed afterwards. */
function StepListControls({ store, w }: Props) {
  const current = w.config.steps;
  const missing = DEFAULT_STEPS.filter((s) => !current.includes(s));
  const [picked, setPicked] = useState<StepName | ''>('');
  const adding = picked !== '' && missing.includes(picked) ? picked : missing[0];
  const { feedback, run } = useCommandRunner<SagaCommand>(store);
  return (
    <ControlGroup title="Steps of the saga" hint="Added or removed steps apply to sagas placed afterwards.">
      {adding !== undefined && (
        <form
          className="control-row"
          onSubmit={(e) => {
            e.preventDefault();
            run([{ type: 'add-step', step: adding }], () => `New sagas end with ${adding}.`);
          }}
        >
          <label>
            Step to add{' '}
            <select value={adding} onChange={(e) => setPicked(e.currentTarget.value as StepName)}>
              {missing.map((s) => (
                <option key={s} value={s}>
                  {s} ({STEP_DEFS[s].service})
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Add step</button>
        </form>
      )}
      <div className="control-row">
        {current.map((s) => (
          <button
            key={s}
            type="button"
            disabled={current.length === 1}
            onClick={() => run([{ type: 'remove-step', step: s }], () => `New sagas run without ${s}.`)}
          >
            Remove {s}
          </button>
        ))}
      </div>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

/** Switch a step's compensation off (a person must undo it) or back on, for sagas placed afterwards. */
function CompensationControls({ store, w }: Props) {
  const current = w.config.steps.filter((s) => STEP_DEFS[s].compensation !== null);
  const { feedback, run } = useCommandRunner<SagaCommand>(store);
  if (current.length === 0) return null;
  return (
    <ControlGroup
      title="Compensations"
      hint="Each step is undone by its own service's action, or by none: then a person must undo it. Applies to sagas placed afterwards."
    >
      <div className="control-row">
        {current.map((s) => {
          const own = STEP_DEFS[s].compensation!;
          const on = compensationOf(w.config, s) !== null;
          return (
            <button
              key={s}
              type="button"
              onClick={() =>
                run([{ type: 'set-compensation', step: s, compensation: on ? null : own }], () =>
                  on ? `New sagas leave ${s} for a person to undo.` : `New sagas undo ${s} with ${own}.`,
                )
              }
            >
              {on ? `No compensation for ${s}` : `Undo ${s} with ${own}`}
            </button>
          );
        })}
      </div>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function OrderControls({ store, w }: Props) {
  const steps = w.config.steps;
  const [step, setStep] = useState<StepName>('charge-payment');
  const [orderId, setOrderId] = useState('');
  const { feedback, setFeedback, run } = useCommandRunner<SagaCommand>(store);
  const suggested = freeOrderId(w);
  const service = STEP_DEFS[step].service;
  return (
    <ControlGroup title="Faults and orders">
      <div className="control-row">
        <label>
          Refuse the next{' '}
          <select value={step} onChange={(e) => setStep(e.currentTarget.value as StepName)}>
            {steps.map((s) => (
              <option key={s} value={s}>
                {s} ({refusalReasons[STEP_DEFS[s].service]})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            run(
              [
                {
                  type: 'inject-fault',
                  fault: { service, action: step, kind: 'business', reason: refusalReasons[service] },
                },
              ],
              () => `The ${service} service will refuse the next ${step} (${refusalReasons[service]}).`,
            )
          }
        >
          Plant the refusal
        </button>
      </div>
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const id = orderId.trim() === '' ? suggested : orderId.trim();
          if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
            return setFeedback({ ok: false, text: 'an order id is 1 to 64 letters, digits, dots, dashes or underscores' });
          if (run([{ type: 'place-order', orderId: id }], () => `Placed ${id}: its saga starts (${steps.join(' → ')}).`))
            setOrderId('');
        }}
      >
        <label>
          Order id{' '}
          <input
            value={orderId}
            placeholder={suggested}
            size={10}
            maxLength={64}
            onChange={(e) => setOrderId(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Place order</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}
