/**
 * The choreographed order saga over the real Kafka model: the same services and `REACTIONS` as
 * the bus-based choreography, with every event a record on one topic keyed by order id and every
 * service a consumer group.
 *
 * One world holds the Kafka state, the services' databases and what customers placed; there is
 * one clock, the Kafka world's scheduler, and the bridge's only own task (a service restarting)
 * is queued there too. A service handles a record as its consumer's handler (the Kafka model's
 * `RecordHost`), before the record counts as processed and before the after-process commit, and produces its outcome event with
 * its own producer (choreography-kafka-handle.ts). A service crash is `crash-consumer`: whatever was being processed is not
 * committed, so the restarted consumer reads it again from the committed offset, and the
 * services' idempotency tables make that redelivery a no-op. There are no timeouts and no
 * saga table: `kafkaChoreographyView` has to read the services' tables, the topic and the
 * groups' committed offsets to say where an order is.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { heapPeek, type Scheduled } from '../core/heap.ts';
import { createTraceLog } from '../core/trace.ts';
import { runNext } from '../core/world.ts';
import { buildWorld } from '../kafka/build.ts';
import { cloneState } from '../kafka/clone.ts';
import { runTask as runKafkaTask } from '../kafka/run-task.ts';
import type { KafkaState } from '../kafka/state.ts';
import { crash, handle, produce, restart, say } from './choreography-kafka-handle.ts';
import {
  type KafkaChoreographyCommand,
  type KafkaChoreographyConfig,
  type KafkaChoreographyEntry,
  type KafkaChoreographyOptions,
  type KafkaChoreographyTask,
  type KafkaChoreographyWorld,
  type SagaEventValue,
} from './choreography-kafka-types.ts';
import { sagaScenario, serviceOfConsumer } from './kafka-bridge.ts';
import {
  SERVICE_NAMES,
  armFault,
  createServices,
  faultProblem,
  type OrderData,
  type ServiceFault,
  type ServiceName,
} from './services.ts';
import { nextEntryTasksMax, nothingRan, type RunReport } from './world-kit.ts';
import { getName, setName } from '../core/name-index.ts';

/** The config a scenario leaves unsaid (the model's schema checks replication against it). */
export const KAFKA_CHOREOGRAPHY_DEFAULTS: KafkaChoreographyConfig = {
  brokers: 3,
  partitions: 3,
  replicationFactor: 3,
  restartAfterMs: 300,
  tasksMaxPerCommand: 200_000,
};

/** A fault this model can plant; the message says why when it cannot. */
export function faultRefusal(f: ServiceFault): string | undefined {
  const p = faultProblem(f);
  if (p !== undefined) return p;
  if (f.kind === 'transient') {
    // A Kafka consumer cannot hand one record back for later; retrying in place is not modelled.
    return 'a Kafka consumer cannot put one record back for later: plant a business fault or a crash';
  }
  return undefined;
}

/** Creates the world at time 0: cluster, topic, producers and one consumer group per service. */
export function createKafkaChoreography(opts: KafkaChoreographyOptions): KafkaChoreographyWorld {
  const config: KafkaChoreographyConfig = { ...KAFKA_CHOREOGRAPHY_DEFAULTS };
  for (const k of Object.keys(KAFKA_CHOREOGRAPHY_DEFAULTS) as Array<keyof KafkaChoreographyConfig>)
    if (opts[k] !== undefined) config[k] = opts[k];
  for (const f of opts.faults ?? []) {
    const p = faultRefusal(f);
    if (p !== undefined) throw new RangeError(`kafka choreography fault: ${p}`);
  }
  const services = createServices(opts);
  for (const s of SERVICE_NAMES) {
    // With 0 ms the Kafka consumer processes a batch inside another task, where it cannot be watched.
    if (!(services.runtime[s].processingMs >= 1)) throw new RangeError(`processingMs of ${s} must be at least 1`);
  }
  return {
    seed: opts.seed >>> 0,
    config,
    kafka: buildWorld(opts.seed, sagaScenario(config, services), opts.kafkaTuning),
    services,
    published: {},
    placed: {},
    trace: createTraceLog<KafkaChoreographyEntry>('full'),
  };
}

/** Runs one scheduled task: a service restart, or a Kafka task with the services hooked in. */
export function runKafkaChoreographyTask(w: KafkaChoreographyWorld, task: KafkaChoreographyTask & Scheduled): void {
  if (task.type === 'restart-service') {
    if (task.fg) w.kafka.k.fg--;
    const rt = w.services.runtime[task.service];
    if (!rt.up && rt.incarnation === task.incarnation) restart(w, task.service);
    return;
  }
  // Each service's code is its consumer's handler: the Kafka model runs it on every record the
  // consumer processes, before the record counts and before any commit (a crash inside it stops both).
  runKafkaTask(w.kafka, task, {
    onRecord: (s, c, _pid, _offset, rn) => {
      const service = serviceOfConsumer(s, c);
      if (service !== undefined) handle(w, service, rn);
    },
  });
}

function runOne(w: KafkaChoreographyWorld): boolean {
  return runNext(w.kafka, (_s: KafkaState, t) => runKafkaChoreographyTask(w, t as KafkaChoreographyTask & Scheduled));
}

/** step, advance and run-until-idle over the Kafka world's clock, each bounded in tasks. */
function applyClock(
  w: KafkaChoreographyWorld,
  c: Extract<KafkaChoreographyCommand, { type: 'step' | 'advance' | 'run-until-idle' }>,
): Result<RunReport> {
  const s = w.kafka;
  const max = w.config.tasksMaxPerCommand;
  if (c.type === 'step') {
    const ran = runOne(w);
    return ok({ tasksRun: ran ? 1 : 0, stoppedBy: ran ? 'tasks-max' : 'idle' });
  }
  if (c.type === 'advance' && !(Number.isFinite(c.untilMs) && c.untilMs >= s.nowMs)) {
    return fail(ErrorCode.InvalidCommand, `cannot advance to ${c.untilMs} ms: the clock is already at ${s.nowMs} ms`, 'untilMs');
  }
  for (let n = 0; ; n++) {
    const head = heapPeek(s.queue);
    if (c.type === 'advance') {
      if (head === undefined || head.atMs > c.untilMs) {
        s.nowMs = c.untilMs;
        return ok({ tasksRun: n, stoppedBy: head === undefined ? 'idle' : 'until' });
      }
      // Heartbeats and other background work keep a live cluster busy for ever; idle means no foreground work.
    } else if (head === undefined || s.k.fg <= 0) return ok({ tasksRun: n, stoppedBy: 'idle' });
    if (n >= max) return ok({ tasksRun: n, stoppedBy: 'tasks-max' });
    runOne(w);
  }
}

/** Why an order id cannot be placed (none or already placed), or undefined when it can. */
function orderIdRefusal(w: KafkaChoreographyWorld, orderId: unknown): Result<RunReport> | undefined {
  if (typeof orderId !== 'string' || orderId === '') return fail(ErrorCode.InvalidCommand, 'an order needs an id', 'orderId');
  if (getName(w.placed, orderId) !== undefined)
    return fail(ErrorCode.InvalidCommand, `order ${orderId} was already placed`, 'orderId');
  return undefined;
}

/** The client's PlaceOrder onto the saga topic, and the order remembered as placed. */
function placeOrder(w: KafkaChoreographyWorld, order: OrderData): void {
  const value: SagaEventValue = {
    eventId: `PlaceOrder:${order.orderId}`,
    name: 'PlaceOrder',
    orderId: order.orderId,
    order,
    publisher: 'client',
  };
  const rid = produce(w, value, false);
  setName(w.placed, order.orderId, { order: { ...order }, placedAtMs: w.kafka.nowMs, recordId: rid });
}

/** Applies one command in place; impossible commands return a SimError and change nothing. */
export function applyKafkaChoreographyCommand(w: KafkaChoreographyWorld, c: KafkaChoreographyCommand): Result<RunReport> {
  const known = (s: string): s is ServiceName => (SERVICE_NAMES as readonly string[]).includes(s);
  switch (c.type) {
    case 'step':
    case 'advance':
    case 'run-until-idle':
      return applyClock(w, c);
    case 'next-entry': {
      // Until the saga's own trace speaks, or the cluster has no foreground work left (heartbeats
      // alone would keep it busy for ever).
      const before = w.trace.nextId;
      let tasksRun = 0;
      while (tasksRun < nextEntryTasksMax && w.trace.nextId === before && w.kafka.k.fg > 0 && runOne(w)) tasksRun++;
      return ok({ tasksRun, stoppedBy: w.kafka.k.fg > 0 ? 'tasks-max' : 'idle' });
    }
    case 'place-order': {
      const refused = orderIdRefusal(w, c.orderId);
      if (refused) return refused;
      const qty = c.qty ?? 1;
      const amountCents = c.amountCents ?? 2_500;
      if (!(Number.isInteger(qty) && qty >= 1 && Number.isInteger(amountCents) && amountCents >= 0)) {
        return fail(ErrorCode.InvalidCommand, 'qty and amountCents must be whole numbers (qty at least 1)');
      }
      placeOrder(w, { orderId: c.orderId, sku: c.sku ?? 'sku-1', qty, amountCents });
      return nothingRan();
    }
    case 'place-malformed-order': {
      const refused = orderIdRefusal(w, c.orderId);
      if (refused) return refused;
      // On the wire the amount is text: the type says number because well-behaved clients send one.
      placeOrder(w, { orderId: c.orderId, sku: 'sku-1', qty: 1, amountCents: '25,00' as unknown as number });
      return nothingRan();
    }
    case 'inject-fault': {
      const p = faultRefusal(c.fault);
      if (p !== undefined) return fail(ErrorCode.InvalidCommand, p, 'fault');
      w.services.faults.push(armFault(c.fault));
      say(w, { type: 'fault-injected', fault: { ...c.fault } });
      return nothingRan();
    }
    case 'crash-service':
    case 'restart-service': {
      if (!known(c.service)) return fail(ErrorCode.UnknownNode, `unknown service "${c.service}"`, 'service');
      const up = w.services.runtime[c.service].up;
      if (c.type === 'crash-service') {
        if (!up) return fail(ErrorCode.NotAvailable, `the ${c.service} service is already down`, 'service');
        const after = c.restartAfterMs;
        if (after !== undefined && !(Number.isFinite(after) && after >= 0))
          return fail(ErrorCode.InvalidCommand, 'restartAfterMs must be a number of ms, 0 or more', 'restartAfterMs');
        crash(w, c.service, c.restartAfterMs, false);
      } else {
        if (up) return fail(ErrorCode.InvalidCommand, `the ${c.service} service is already running`, 'service');
        restart(w, c.service);
      }
      return nothingRan();
    }
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

/** An independent deep copy (the Kafka state through its own fast clone). */
export function cloneKafkaChoreography(w: KafkaChoreographyWorld): KafkaChoreographyWorld {
  // Assigning over the placeholder keeps the key order, so a clone serialises exactly as the original.
  const out = structuredClone({ ...w, kafka: null }) as unknown as KafkaChoreographyWorld;
  out.kafka = cloneState(w.kafka);
  return out;
}
