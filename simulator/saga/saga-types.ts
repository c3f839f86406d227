/**
 * The plain-data shapes of the orchestrated saga: its configuration, the state of each saga
 * instance, the learner's commands, the scheduler's tasks and the trace entries.
 *
 * They live apart from the state machine so the UI and the lessons can import the vocabulary
 * without the behaviour, and so every shape a checkpoint holds is visible in one file.
 */
import type { TraceBase } from '../core/trace.ts';
import type { WorldBase } from '../core/world.ts';
import type {
  ActionName,
  ServiceFault,
  LocalOutcome,
  OrderData,
  ServiceName,
  ServicesOptions,
  ServicesState,
} from './services.ts';
import type { ClockCommand } from './world-kit.ts';

/** The forward steps an order saga can take, named after the action each one asks for. */
export type StepName = 'create-order' | 'reserve-inventory' | 'charge-payment' | 'create-shipment';

/** Which service performs a step and which action undoes it (null: it cannot be undone). */
export const STEP_DEFS: Record<StepName, { service: ServiceName; compensation: ActionName | null }> = {
  'create-order': { service: 'order', compensation: 'cancel-order' },
  'reserve-inventory': { service: 'inventory', compensation: 'release-inventory' },
  'charge-payment': { service: 'payment', compensation: 'refund-payment' },
  // A parcel that left the warehouse cannot be un-sent; the only remedy is a new forward action.
  'create-shipment': { service: 'shipping', compensation: null },
};

/** The textbook order: the non-compensatable step goes last. */
/** The action that undoes `step` in sagas started now, or null (none, or switched off). */
export function compensationOf(config: Pick<SagaConfig, 'noCompensation'>, step: StepName): ActionName | null {
  return (config.noCompensation ?? []).includes(step) ? null : STEP_DEFS[step].compensation;
}

export const DEFAULT_STEPS: readonly StepName[] = ['create-order', 'reserve-inventory', 'charge-payment', 'create-shipment'];

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'compensating' | 'compensated';
export type SagaStatus = 'running' | 'completed' | 'compensating' | 'compensated' | 'needs-manual-action';

export interface SagaStep {
  name: StepName;
  service: ServiceName;
  compensatable: boolean;
  status: StepStatus;
  /** Forward attempts made (sends of the command, including retries). */
  attempts: number;
  compensationAttempts: number;
  /** The attempt whose reply or timeout is awaited; 0 while nothing is in flight (e.g. during backoff). */
  awaitingAttempt: number;
  /**
   * True when the step's outcome is unknown: it timed out on every attempt, so the service may or
   * may not have committed. Such a step is compensated too, which is safe only because
   * compensations are idempotent and leave a tombstone.
   */
  uncertain: boolean;
  /** Why the step failed, when it did. */
  reason?: string;
}

/** A forward action that compensation cannot replace, left for a person or a new process. */
export interface RequiredAction {
  /** A return label for a parcel sent; a person undoing by hand a step whose compensation was switched off. */
  type: 'issue-return-label' | 'undo-by-hand';
  step: StepName;
  reason: string;
}

export interface SagaInstance {
  sagaId: string;
  order: OrderData;
  status: SagaStatus;
  steps: SagaStep[];
  /** Index of the step being run or compensated. */
  current: number;
  failedStep?: StepName;
  failureReason?: string;
  requiredActions: RequiredAction[];
  startedAtMs: number;
  endedAtMs?: number;
}

export interface SagaConfig {
  /** The steps in the order the orchestrator runs them. */
  steps: StepName[];
  networkDelayMsMin: number;
  networkDelayMsMax: number;
  /** How long the orchestrator waits for a reply before retrying. */
  stepTimeoutMs: number;
  /** Forward attempts per step before the step counts as failed (compensations retry forever). */
  stepAttemptsMax: number;
  /** First retry delay; doubled per attempt up to retryBackoffMsMax. */
  retryBackoffMs: number;
  retryBackoffMsMax: number;
  /** Default downtime of a crashed service, in virtual ms. */
  restartAfterMs: number;
  /** The bound on tasks run by one clock command. */
  tasksMaxPerCommand: number;
  /**
   * Steps whose compensation the learner switched off (set-compensation, step-order.ts): new sagas
   * treat them as steps nothing can undo. Absent until the first such change.
   */
  noCompensation?: StepName[];
}

export interface SagaOptions extends Partial<SagaConfig>, ServicesOptions {
  seed: number;
}

/** A command on its way to a service, or a reply on its way back. */
export interface SagaMessage {
  messageId: string;
  orderId: string;
  stepIndex: number;
  phase: 'forward' | 'compensation';
  action: ActionName;
  attempt: number;
}

export type SagaTask =
  | { type: 'deliver-command'; message: SagaMessage; order: OrderData }
  | { type: 'process-command'; message: SagaMessage; order: OrderData; incarnation: number }
  | { type: 'deliver-reply'; message: SagaMessage; replyId: string; outcome: LocalOutcome }
  | { type: 'step-timeout'; orderId: string; stepIndex: number; phase: 'forward' | 'compensation'; attempt: number }
  | { type: 'send-retry'; orderId: string; stepIndex: number; phase: 'forward' | 'compensation' }
  | { type: 'restart-service'; service: ServiceName; incarnation: number };

interface E<T extends string> extends TraceBase {
  type: T;
}
interface StepRef {
  sagaId: string;
  step: StepName;
}

/** Everything the orchestrated saga can report. correlationId is always the order id. */
export type SagaEntry =
  | (E<'saga-started'> & { sagaId: string; steps: StepName[] })
  | (E<'command-sent'> & StepRef & { messageId: string; action: ActionName; service: ServiceName; attempt: number })
  | (E<'message-dropped'> & { messageId: string; service: ServiceName; action: ActionName })
  | (E<'local-transaction-committed'> & { service: ServiceName; action: ActionName; outcome: LocalOutcome })
  | (E<'command-deduplicated'> & { service: ServiceName; action: ActionName; outcome: LocalOutcome })
  | (E<'local-transaction-failed'> & { service: ServiceName; action: ActionName; reason: string })
  | (E<'service-crashed'> & { service: ServiceName; restartAtMs: number; afterCommit: boolean })
  | (E<'service-restarted'> & { service: ServiceName })
  | (E<'reply-sent'> & { messageId: string; service: ServiceName; action: ActionName; outcome: LocalOutcome })
  | (E<'reply-ignored'> & StepRef & { messageId: string; why: string })
  | (E<'step-timed-out'> & StepRef & { phase: 'forward' | 'compensation'; attempt: number })
  | (E<'saga-step-started'> & StepRef)
  | (E<'saga-step-completed'> & StepRef)
  | (E<'saga-step-failed'> & StepRef & { reason: string; uncertain: boolean })
  | (E<'saga-step-compensating'> & StepRef)
  | (E<'saga-step-compensated'> & StepRef)
  | (E<'saga-step-not-compensatable'> & StepRef & { requiredAction: RequiredAction['type'] })
  | (E<'saga-completed'> & { sagaId: string })
  | (E<'saga-compensated'> & { sagaId: string })
  | (E<'saga-needs-manual-action'> & { sagaId: string; actions: RequiredAction[] })
  | (E<'fault-injected'> & { fault: ServiceFault })
  | (E<'steps-reordered'> & { steps: StepName[] })
  | (E<'steps-changed'> & { change: 'added' | 'removed'; step: StepName; steps: StepName[] })
  | (E<'compensation-changed'> & { step: StepName; compensation: ActionName | null });

export type SagaEntryType = SagaEntry['type'];

/** The whole orchestrated-saga world: core base + services + saga instances. Plain data. */
export interface SagaWorld extends WorldBase<SagaTask, SagaEntry> {
  config: SagaConfig;
  services: ServicesState;
  /** Saga instances by order id, in the order they started. */
  sagas: Record<string, SagaInstance>;
}

/** What a learner or a lesson script can ask of the orchestrated saga. */
export type SagaCommand =
  | ClockCommand
  | { type: 'place-order'; orderId: string; sku?: string; qty?: number; amountCents?: number }
  | { type: 'inject-fault'; fault: ServiceFault }
  | { type: 'crash-service'; service: ServiceName; restartAfterMs?: number }
  | { type: 'restart-service'; service: ServiceName }
  /** New sagas run the same steps in this order (see step-order.ts). */
  | { type: 'set-step-order'; steps: StepName[] }
  /** New sagas run one step more (at `at`, default last) or one fewer (see step-order.ts). */
  | { type: 'add-step'; step: StepName; at?: number }
  | { type: 'remove-step'; step: StepName }
  /** New sagas undo `step` with its service's compensation, or (null) with none (see step-order.ts). */
  | { type: 'set-compensation'; step: StepName; compensation: ActionName | null };
