/**
 * What a learner can do in the orchestrated saga: place an order at the orchestrator; on each
 * service, plant a business refusal or a crash on its next step, a crash after committing its next
 * compensation, crash it now or restart it. Nodes are found by comparing ids with `sagaNode`.
 */
import {
  ACTIONS,
  SERVICE_NAMES,
  STEP_DEFS,
  sagaNode,
  type ActionName,
  type NodeId,
  type SagaCommand,
  type SagaWorld,
  type ServiceName,
} from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';

type Action = NodeAction<SagaCommand>;

/** The business reason a "refuse" action plants, per service, in the lessons' words. */
export const refusalReasons: Record<ServiceName, string> = {
  order: 'order rejected',
  inventory: 'out of stock',
  payment: 'card declined',
  shipping: 'no courier can collect',
};

/**
 * The next `order-N` for "place a new order": one past the highest number placed so far, so a run
 * that already placed order-5 offers order-6 (as the lessons number their orders), not a gap.
 */
export function freeOrderId(w: SagaWorld): string {
  let high = 0;
  for (const id of Object.keys(w.sagas)) {
    const m = /^order-(\d{1,9})$/.exec(id);
    if (m !== null) high = Math.max(high, Number(m[1]));
  }
  for (let i = high + 1; ; i++) if (!Object.hasOwn(w.sagas, `order-${i}`)) return `order-${i}`;
}

function serviceActions(w: SagaWorld, svc: ServiceName): Action[] {
  if (!w.services.runtime[svc].up) return [{ label: 'Restart now', command: { type: 'restart-service', service: svc } }];
  const out: Action[] = [];
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

export function sagaActions(w: SagaWorld, node: NodeId): Action[] {
  if (node === sagaNode.orchestrator) {
    const orderId = freeOrderId(w);
    return [{ label: `Place ${orderId}`, command: { type: 'place-order', orderId } }];
  }
  const svc = SERVICE_NAMES.find((s) => sagaNode.service(s) === node);
  return svc === undefined ? [] : serviceActions(w, svc);
}
