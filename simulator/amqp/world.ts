/**
 * The AMQP model's entry points: build a world from a scenario, run one scheduled task, apply one
 * command, clone a world. Plain functions over plain data, in the shape the model contract wraps.
 *
 * A scenario that cannot be built (bad JSON, a binding to a missing queue, an argument RabbitMQ
 * refuses) is an error value with the path of the bad part; an impossible command is an error
 * value and changes nothing. Nothing here throws for user input.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import { createWorldBase, type RunOutcome } from '../core/world.ts';
import { dictGet, dictSet, newDict, restoreDict } from './dict.ts';
import { dispatch, dropExpired } from './broker.ts';
import { crashBroker, restartBroker } from './broker-faults.ts';
import { applyCommand } from './commands.ts';
import { consumerDone, crashConsumer, restartConsumer, startConsumer } from './consumers.ts';
import { emit, scheduleAt } from './emit.ts';
import { arrive, sendPublish } from './publish.ts';
import { AmqpScenarioSchema, type AmqpCommandInput, type AmqpScenario } from './schema.ts';
import { BUILTIN_EXCHANGES, addBinding, declareExchange, declareQueue } from './topology.ts';
import type { AmqpEntry } from './trace-entries.ts';
import type { AmqpFault, AmqpTask, AmqpWorld } from './types.ts';

/** What a command did to the clock. */
export interface AmqpRunReport {
  tasksRun: number;
  stoppedBy: RunOutcome['stoppedBy'];
}

export interface AmqpWorldOptions {
  traceMode?: 'full' | 'summary';
  traceKeepLast?: number;
}

function scenarioError<T>(path: string, message: string): Result<T> {
  return fail(ErrorCode.ScenarioInvalid, `${path}: ${message}`, path);
}

/** A world at virtual time 0 with the scenario's topology declared and its publishes and faults scheduled. */
export function createAmqpWorld(scenario: AmqpScenario, seed: number, opts: AmqpWorldOptions = {}): Result<AmqpWorld> {
  const parsed = AmqpScenarioSchema.safeParse(scenario);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return scenarioError(issue.path.join('.') || '(scenario)', issue.message);
  }
  const s = parsed.data;
  const w: AmqpWorld = {
    ...createWorldBase<AmqpTask, AmqpEntry>({
      seed,
      traceMode: opts.traceMode ?? 'full',
      traceKeepLast: opts.traceKeepLast ?? 1000,
    }),
    config: { networkDelayMs: s.networkDelayMs ?? 1, tasksMaxPerCommand: s.tasksMaxPerCommand ?? 1_000_000 },
    brokerUp: true,
    brokerEpoch: 0,
    exchanges: newDict(),
    queues: newDict(),
    consumers: newDict(),
    publishers: newDict(),
    published: 0,
  };
  for (const [name, type] of BUILTIN_EXCHANGES) declareExchange(w, { name, type }, true);
  for (const [i, x] of s.exchanges.entries()) {
    const r = declareExchange(w, x);
    if (!r.ok) return scenarioError(`exchanges.${i}.${r.error.path ?? 'name'}`, r.error.message);
  }
  for (const [i, x] of s.exchanges.entries())
    if (x.alternateExchange !== undefined && dictGet(w.exchanges, x.alternateExchange) === undefined)
      return scenarioError(`exchanges.${i}.alternateExchange`, `no exchange '${x.alternateExchange}' is declared`);
  for (const [i, q] of s.queues.entries()) {
    const r = declareQueue(w, q);
    if (!r.ok) return scenarioError(`queues.${i}.${r.error.path ?? 'name'}`, r.error.message);
  }
  for (const [i, b] of s.bindings.entries()) {
    const r = addBinding(w, b);
    if (!r.ok) return scenarioError(`bindings.${i}.${r.error.path ?? 'source'}`, r.error.message);
  }
  for (const p of s.publishers) dictSet(w.publishers, p.name, { name: p.name, confirms: p.confirms ?? false });
  for (const [i, c] of s.consumers.entries()) {
    if (dictGet(w.queues, c.queue) === undefined)
      return scenarioError(`consumers.${i}.queue`, `no queue '${c.queue}' is declared`);
    if (s.consumers.findIndex((o) => o.name === c.name) !== i)
      return scenarioError(`consumers.${i}.name`, `the consumer name '${c.name}' is used twice`);
    const { startAtMs, ...decl } = c;
    if ((startAtMs ?? 0) === 0) startConsumer(w, decl);
    else scheduleAt(w, startAtMs!, { type: 'start-consumer', decl });
  }
  for (const [i, p] of s.publishes.entries()) {
    if (p.exchange !== '' && dictGet(w.exchanges, p.exchange) === undefined)
      return scenarioError(`publishes.${i}.exchange`, `no exchange '${p.exchange}' is declared`);
    const { atMs, count, everyMs, ...spec } = p;
    const n = count ?? 1;
    for (let k = 0; k < n; k++) {
      const body = n > 1 ? `${spec.body}#${k + 1}` : spec.body;
      scheduleAt(w, atMs + k * (everyMs ?? 0), {
        type: 'publish-send',
        publish: { ...spec, publisher: spec.publisher ?? 'app', body },
      });
    }
  }
  for (const [i, f] of s.faults.entries()) {
    if ('consumer' in f.fault && !s.consumers.some((c) => c.name === (f.fault as { consumer: string }).consumer))
      return scenarioError(`faults.${i}.fault.consumer`, `no consumer '${f.fault.consumer}' in the scenario`);
    scheduleAt(w, f.atMs, { type: 'fault', fault: f.fault });
  }
  return ok(w);
}

/** Runs a fault now; a fault that no longer applies (consumer already down) does nothing. */
export function runFault(w: AmqpWorld, f: AmqpFault): void {
  const c = 'consumer' in f ? dictGet(w.consumers, f.consumer) : undefined;
  switch (f.type) {
    case 'crash-consumer':
      if (c?.up) crashConsumer(w, c, f.restartAfterMs ?? c.restartAfterMs);
      return;
    case 'restart-consumer':
      if (c !== undefined) restartConsumer(w, c);
      return;
    case 'slow-consumer':
      if (c === undefined) return;
      c.processingMs = f.processingMs;
      emit(w, 'consumer-slowed', () => ({ type: 'consumer-slowed', consumer: c.name, processingMs: f.processingMs }));
      return;
    case 'crash-broker':
      crashBroker(w, f.restartAfterMs ?? null);
      return;
    case 'restart-broker':
      restartBroker(w);
      return;
  }
}

/** Runs one scheduled task (the clock is already at its time). */
export function runAmqpTask(w: AmqpWorld, task: AmqpTask & Scheduled): void {
  switch (task.type) {
    case 'publish-send':
      sendPublish(w, task.publish);
      return;
    case 'publish-arrive':
      return arrive(w, task.msg, task.mandatory);
    case 'consumer-done':
      return consumerDone(w, task.consumer, task.incarnation, task.deliveryTag);
    case 'expire-head': {
      const q = dictGet(w.queues, task.queue);
      if (q === undefined || !w.brokerUp) return;
      if (q.expiryAtMs === w.nowMs) q.expiryAtMs = null;
      dropExpired(w, q);
      return dispatch(w, q);
    }
    case 'restart-consumer': {
      const c = dictGet(w.consumers, task.consumer);
      if (c !== undefined && !c.up && c.incarnation === task.incarnation) restartConsumer(w, c);
      return;
    }
    case 'restart-broker':
      if (!w.brokerUp && w.brokerEpoch === task.epoch) restartBroker(w);
      return;
    case 'fault':
      return runFault(w, task.fault);
    case 'start-consumer':
      startConsumer(w, task.decl);
      return;
  }
}

/** Applies one command in place; an impossible one returns an error value and changes nothing. */
export function applyAmqpCommand(w: AmqpWorld, command: AmqpCommandInput): Result<AmqpRunReport> {
  return applyCommand(w, command, runAmqpTask);
}

/** An independent deep copy (name indexes keep their null prototype). */
export function cloneAmqpWorld(w: AmqpWorld): AmqpWorld {
  const c = structuredClone(w);
  restoreDict(c.exchanges);
  restoreDict(c.queues);
  restoreDict(c.consumers);
  restoreDict(c.publishers);
  return c;
}
