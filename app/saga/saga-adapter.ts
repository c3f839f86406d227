/**
 * The lessons' orchestrated order saga (lessons/format/models/saga.ts) plugged into the workbench.
 *
 * State and commands are the driver's, so a lesson's script replays here unchanged. One command is
 * added for the transport, as the Kafka adapter does: `next-happening` runs scheduled tasks until
 * something observable happens. The saga's own `step` runs exactly one task, and many tasks are
 * silent — each step's timeout still fires after its reply came in, and finds nothing to do — so
 * stepping task by task would often look as if nothing happened.
 */
import { ok, type Result } from '../../simulator/core/errors.ts';
import type { NodeAction, SimAdapter } from '../workbench/adapter.ts';
import {
  ACTIONS,
  STEP_DEFS,
  applySaga,
  cloneSaga,
  createSaga,
  nextTaskAtMs,
  sagaNodeIds,
  type ActionName,
  type SagaCommand,
  type SagaScenario,
  type SagaWorld,
  type ServiceName,
} from './saga-api.ts';
import { sagaTopology, sagaView } from './saga-view.ts';

export type SagaAppCommand = SagaCommand | { type: 'next-happening' };

/** Tasks one `next-happening` may run before giving up. */
export const sagaHappeningTasksMax = 10_000;

/** The business reason a "refuse" action plants, per service, in the lessons' words. */
export const refusalReasons: Record<ServiceName, string> = {
  order: 'order rejected',
  inventory: 'out of stock',
  payment: 'card declined',
  shipping: 'no courier can collect',
};

function nextHappening(w: SagaWorld): Result<unknown> {
  const before = w.trace.nextId;
  for (let i = 0; i < sagaHappeningTasksMax && w.queue.length > 0; i++) {
    const r = applySaga(w, { type: 'step' });
    if (!r.ok) return r;
    if (w.trace.nextId !== before) break;
  }
  return ok(null);
}

/** Applies a workbench command: the driver's own, or `next-happening`. */
export function applySagaAppCommand(w: SagaWorld, c: SagaAppCommand): Result<unknown> {
  return c.type === 'next-happening' ? nextHappening(w) : applySaga(w, c);
}

/** The first `order-N` without a saga, for "place a new order". */
export function freeOrderId(w: SagaWorld): string {
  for (let i = 1; ; i++) if (w.sagas[`order-${i}`] === undefined) return `order-${i}`;
}

function serviceActions(w: SagaWorld, svc: ServiceName): Array<NodeAction<SagaAppCommand>> {
  const out: Array<NodeAction<SagaAppCommand>> = [];
  if (!w.services.runtime[svc].up) {
    out.push({ label: 'Restart now', command: { type: 'restart-service', service: svc } });
    return out;
  }
  for (const step of w.config.steps) {
    const def = STEP_DEFS[step];
    if (def.service !== svc) continue;
    out.push({
      label: `Refuse the next ${step} (${refusalReasons[svc]})`,
      command: { type: 'inject-fault', fault: { service: svc, action: step, kind: 'business', reason: refusalReasons[svc] } },
    });
    out.push({
      label: `Crash on the next ${step}`,
      command: { type: 'inject-fault', fault: { service: svc, action: step, kind: 'crash' } },
    });
    const undo: ActionName | null = def.compensation;
    if (undo !== null && ACTIONS[undo] === svc) {
      out.push({
        label: `Crash after committing the next ${undo}`,
        command: { type: 'inject-fault', fault: { service: svc, action: undo, kind: 'crash-after-commit' } },
      });
    }
  }
  out.push({ label: 'Crash now', command: { type: 'crash-service', service: svc } });
  return out;
}

function nodeActions(w: SagaWorld, nodeId: string): Array<NodeAction<SagaAppCommand>> {
  if (nodeId === sagaNodeIds.orchestrator) {
    const orderId = freeOrderId(w);
    return [{ label: `Place ${orderId}`, command: { type: 'place-order', orderId } }];
  }
  const svc = (Object.keys(w.services.runtime) as ServiceName[]).find((s) => sagaNodeIds.service(s) === nodeId);
  return svc === undefined ? [] : serviceActions(w, svc);
}

/** The orchestrated saga as a workbench model, for a lesson's scenario (or the defaults). */
export function sagaAdapter(scenario: SagaScenario = {}): SimAdapter<SagaWorld, SagaAppCommand> {
  return {
    init: (seed) => createSaga(scenario, seed),
    apply: applySagaAppCommand,
    clone: cloneSaga,
    topology: sagaTopology,
    view: sagaView,
    nextAtMs: nextTaskAtMs,
    traceLength: (w) => w.trace.nextId,
    runToEndCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
    stepCommand: { type: 'next-happening' },
    nodeActions,
  };
}
