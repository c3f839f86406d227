/**
 * Orchestrated-saga state → what the workbench draws: the orchestrator and the four services as
 * nodes (each service's status and what its own database holds), every saga as a section with its
 * state machine per step (pending / running / done / failed / compensating / compensated), the
 * services as a section too, counters, and the trace in the simulator's own words. Pure: it reads
 * the world and decides nothing — step statuses, tables and faults are the simulator's.
 */
import type { NodeStatus, NodeView, SectionRow, ViewSection, WorkbenchView } from '../../workbench/view.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../workbench/topology.ts';
import { formatCount } from '../../workbench/panels/labels.ts';
import { recentEntryViews } from '../entry-view.ts';
import { sagaMoment } from './saga-moment.ts';
import {
  ACTIONS,
  SERVICE_NAMES,
  STEP_DEFS,
  sagaModel,
  sagaNode,
  type SagaInstance,
  type SagaWorld,
  type ServiceName,
  type StepStatus,
} from '../../../simulator/index.ts';

const n = formatCount;
const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * A step's status as the icon of a node status; the word shown is the step's own. Each step
 * status gets a different icon, so the state machine reads without colour.
 */
export const stepStatusIcon: Record<StepStatus, NodeStatus> = {
  pending: 'idle',
  running: 'busy',
  done: 'ok',
  failed: 'error',
  compensating: 'rebalancing',
  compensated: 'offline',
};

/** Services in the order the saga's steps use them, then any the steps do not use. */
export function servicesInStepOrder(w: SagaWorld): ServiceName[] {
  const out: ServiceName[] = [];
  for (const step of w.config.steps) {
    const svc = STEP_DEFS[step].service;
    if (!out.includes(svc)) out.push(svc);
  }
  for (const svc of SERVICE_NAMES) if (!out.includes(svc)) out.push(svc);
  return out;
}

/**
 * A service card with its focus ring is about 83 flow px tall: rows 100 apart leave a gap between
 * the rings, and all four services fit the desk's pane (385 px high beside the key-moment room) at
 * the readable zoom, and a projector's at 16 px text. At 120 the fourth was cut off at the bottom.
 */
const rowGapPx = 100;

/** The orchestrator on the left, a service per row on the right, in step order. */
export function sagaTopology(w: SagaWorld): Topology {
  const services = servicesInStepOrder(w);
  const nodes: TopologyNode[] = [
    {
      id: sagaNode.orchestrator,
      kind: 'orchestrator',
      shape: 'orchestrator',
      label: 'orchestrator',
      detail: `runs ${w.config.steps.length} steps in order`,
      position: { x: 0, y: ((services.length - 1) * rowGapPx) / 2 },
    },
  ];
  const edges: TopologyEdge[] = [];
  services.forEach((svc, i) => {
    const steps = w.config.steps.filter((s) => STEP_DEFS[s].service === svc);
    const stepWords = steps.map((s) => `step ${w.config.steps.indexOf(s) + 1} ${s}`).join(', ');
    nodes.push({
      id: sagaNode.service(svc),
      kind: 'service',
      shape: 'service',
      label: `${svc} service`,
      detail: stepWords || 'no step in this saga',
      position: { x: 340, y: i * rowGapPx },
    });
    edges.push({
      id: `e:${sagaNode.orchestrator}->${sagaNode.service(svc)}`,
      source: sagaNode.orchestrator,
      target: sagaNode.service(svc),
      label: `the orchestrator sends ${svc} its commands and compensations; replies come back`,
    });
  });
  return { nodes, edges };
}

function busyServices(w: SagaWorld): Set<ServiceName> {
  const busy = new Set<ServiceName>();
  for (const t of w.queue) {
    if (t.type !== 'process-command') continue;
    const svc = ACTIONS[t.message.action];
    if (w.services.runtime[svc].incarnation === t.incarnation) busy.add(svc);
  }
  return busy;
}

/** What a service's own database holds, in a few words. */
function tableWords(w: SagaWorld, svc: ServiceName): string {
  const t = w.services.tables;
  switch (svc) {
    case 'order': {
      const rows = Object.values(t.orders);
      const cancelled = rows.filter((r) => r.status === 'cancelled').length;
      return `${n(rows.length)} order${rows.length === 1 ? '' : 's'}${cancelled > 0 ? ` (${n(cancelled)} cancelled)` : ''}`;
    }
    case 'inventory':
      return Object.entries(t.stock)
        .map(([sku, qty]) => `${sku}: ${n(qty)} in stock`)
        .join(' · ');
    case 'payment':
      return `charged ${money(t.chargedCentsTotal)} · refunded ${money(t.refundedCentsTotal)}`;
    case 'shipping': {
      const count = Object.keys(t.shipments).length;
      return `${n(count)} shipment${count === 1 ? '' : 's'}`;
    }
  }
}

function faultWords(w: SagaWorld, svc: ServiceName): string {
  const armed = w.services.faults.filter((f) => f.service === svc && f.remaining > 0);
  return armed.map((f) => `next ${f.action}: ${f.kind}${f.remaining > 1 ? ` ×${n(f.remaining)}` : ''}`).join(' · ');
}

/** When a crashed service comes back, from the trace entry that crashed it. */
function restartAt(w: SagaWorld, svc: ServiceName): number | undefined {
  for (let i = w.trace.entries.length - 1; i >= 0; i--) {
    const e = w.trace.entries[i]!;
    if (e.type === 'service-crashed' && e.service === svc) return e.restartAtMs;
  }
  return undefined;
}

function serviceStatus(w: SagaWorld, svc: ServiceName, busy: Set<ServiceName>): NodeStatus {
  if (!w.services.runtime[svc].up) return 'crashed';
  return busy.has(svc) ? 'busy' : 'ok';
}

function serviceDetail(w: SagaWorld, svc: ServiceName): string {
  const parts = [tableWords(w, svc)];
  if (!w.services.runtime[svc].up) {
    const at = restartAt(w, svc);
    parts.unshift(at !== undefined ? `down until ${n(at)} ms` : 'down');
  }
  const faults = faultWords(w, svc);
  if (faults) parts.push(`planted: ${faults}`);
  return parts.join(' · ');
}

function sagaCounts(w: SagaWorld): Record<SagaInstance['status'], number> {
  const c: Record<SagaInstance['status'], number> = {
    running: 0,
    completed: 0,
    compensating: 0,
    compensated: 0,
    'needs-manual-action': 0,
  };
  for (const s of Object.values(w.sagas)) c[s.status]++;
  return c;
}

function orchestratorView(w: SagaWorld): NodeView {
  const c = sagaCounts(w);
  const active = c.running + c.compensating;
  // The card reads as words: "1 needs manual action", not the state's id.
  const parts = (Object.keys(c) as Array<keyof typeof c>)
    .filter((k) => c[k] > 0)
    .map((k) => `${n(c[k])} ${k === 'needs-manual-action' ? (c[k] === 1 ? 'needs manual action' : 'need manual action') : k}`);
  return {
    id: sagaNode.orchestrator,
    status: active > 0 ? 'busy' : Object.keys(w.sagas).length === 0 ? 'idle' : 'ok',
    detail: parts.length > 0 ? parts.join(' · ') : 'no saga yet',
  };
}

function stepDetail(step: SagaInstance['steps'][number]): string {
  const parts: string[] = [];
  if (step.attempts > 0) parts.push(`${n(step.attempts)} attempt${step.attempts === 1 ? '' : 's'}`);
  if (step.compensationAttempts > 0)
    parts.push(`${n(step.compensationAttempts)} compensation attempt${step.compensationAttempts === 1 ? '' : 's'}`);
  if (step.uncertain) parts.push('outcome unknown (timed out)');
  if (step.reason !== undefined) parts.push(step.reason);
  if (!step.compensatable) parts.push('cannot be compensated');
  return parts.join(' · ');
}

/** One section per saga: its status and why, then each step's state. */
export function sagaSection(saga: SagaInstance): ViewSection {
  const rows: SectionRow[] = saga.steps.map((step, i) => ({
    label: `${i + 1}. ${step.name}`,
    status: stepStatusIcon[step.status],
    statusWord: step.status,
    detail: stepDetail(step),
    nodeId: sagaNode.service(step.service),
  }));
  for (const a of saga.requiredActions) {
    rows.push({ label: 'required action', status: 'error', statusWord: 'to do', detail: `${a.type} for ${a.step}: ${a.reason}` });
  }
  const why = saga.failedStep !== undefined ? ` — ${saga.failedStep} failed: ${saga.failureReason ?? 'no reason given'}` : '';
  const o = saga.order;
  return {
    id: `saga:${saga.order.orderId}`,
    title: `Saga for ${o.orderId}`,
    summary: `${saga.status}${why} · ${n(o.qty)} × ${o.sku}, ${money(o.amountCents)}`,
    rows,
  };
}

function servicesSection(w: SagaWorld, busy: Set<ServiceName>): ViewSection {
  return {
    id: 'services',
    title: 'Services',
    rows: servicesInStepOrder(w).map((svc) => {
      const status = serviceStatus(w, svc, busy);
      return {
        label: `${svc} service`,
        status,
        statusWord: status === 'crashed' ? 'down' : status === 'busy' ? 'processing' : 'up',
        detail: serviceDetail(w, svc),
        nodeId: sagaNode.service(svc),
      };
    }),
  };
}

/** The whole view of a saga world. */
const withMoment = (m: WorkbenchView['moment']): Pick<WorkbenchView, 'moment'> => (m ? { moment: m } : {});

export function sagaView(w: SagaWorld): WorkbenchView {
  const busy = busyServices(w);
  const nodes: NodeView[] = [orchestratorView(w)];
  for (const svc of servicesInStepOrder(w))
    nodes.push({ id: sagaNode.service(svc), status: serviceStatus(w, svc, busy), detail: serviceDetail(w, svc) });
  const c = sagaCounts(w);
  const counts = w.trace.counts;
  const entries = w.trace.entries;
  return {
    nowMs: w.nowMs,
    nodes,
    entries: recentEntryViews(sagaModel, w, entries),
    counters: [
      { label: 'sagas started', value: Object.keys(w.sagas).length },
      { label: 'completed', value: c.completed },
      { label: 'compensated', value: c.compensated },
      { label: 'need manual action', value: c['needs-manual-action'] },
      { label: 'commands sent', value: counts['command-sent'] ?? 0 },
      { label: 'messages lost', value: counts['message-dropped'] ?? 0 },
      { label: 'deduplicated', value: counts['command-deduplicated'] ?? 0 },
    ],
    // Newest saga first: the one the step is about is at the top of the State tab.
    sections: [...Object.values(w.sagas).map(sagaSection).reverse(), servicesSection(w, busy)],
    ...withMoment(sagaMoment(w)),
  };
}
