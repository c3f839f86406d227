/**
 * The saga's key moment, for the band under the topology: the newest saga's steps as a row, in the
 * order they run, and — once a step fails — each compensation numbered in the order it ran, so the
 * undo is seen walking back along the row, newest step first. The order comes from the trace (the
 * compensated entries as they were written); a step compensating now gets the next number.
 */
import type { MomentView, UndoItem } from '../../workbench/moment.ts';
import type { SagaWorld, StepStatus } from '../../../simulator/index.ts';

const tone: Record<StepStatus, UndoItem['tone']> = {
  pending: 'idle',
  running: 'busy',
  done: 'ok',
  failed: 'error',
  compensating: 'undoing',
  compensated: 'undone',
};

export function sagaMoment(w: SagaWorld): MomentView | undefined {
  const saga = Object.values(w.sagas).at(-1);
  if (!saga) return undefined;
  const id = saga.order.orderId;
  const undone: string[] = [];
  for (const e of w.trace.entries)
    if (e.type === 'saga-step-compensated' && e.correlationId === id) undone.push((e as { step: string }).step);
  let next = undone.length;
  const items: UndoItem[] = saga.steps.map((s) => {
    const at = undone.indexOf(s.name);
    const undoOrder = at >= 0 ? at + 1 : s.status === 'compensating' ? ++next : undefined;
    return { label: s.name, word: s.status, tone: tone[s.status], ...(undoOrder !== undefined ? { undoOrder } : {}) };
  });
  const failed = saga.steps.find((s) => s.status === 'failed')?.name ?? saga.failedStep;
  const undoing = items.some((i) => i.undoOrder !== undefined);
  const title =
    failed === undefined
      ? `${id} · ${saga.status}: the steps run in turn, left to right`
      : undoing
        ? `${id} · ${saga.status}: ${failed} failed — done steps undone newest first ←`
        : `${id} · ${saga.status}: ${failed} failed`;
  const live = saga.status === 'running' || saga.status === 'compensating';
  return { kind: 'undo', id: `saga:${id}`, live, title, items };
}
