/**
 * Turns a playground scenario (timed publishes, consumers with processing times) into a lock-step
 * script that a real broker can run, for "run this on a real RabbitMQ".
 *
 * The topology carries over exactly. Consumers subscribe first and settle each message
 * `processingMs` after receiving it, as their `onMessage` says; publishes go out in time order
 * with waits for the gaps between them, and a final wait lets consumers finish. What a script
 * cannot express — planted faults, poison messages, restarts, late subscriptions, the network
 * delay, learner-driven (`manual`) acknowledgements — is listed in `notes` so the generated
 * program can say what it leaves out.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { AmqpScenarioSchema, type AmqpScenario } from './schema.ts';
import type { AmqpScript, AmqpScriptStep } from './script.ts';

export interface ScriptFromScenario {
  script: AmqpScript;
  /** Parts of the scenario the script leaves out, one sentence each. */
  notes: string[];
}

/** The lock-step script for a scenario, or the scenario's validation error. */
export function amqpScenarioToScript(scenario: AmqpScenario, name = 'EDA Lab scenario'): Result<ScriptFromScenario> {
  const parsed = AmqpScenarioSchema.safeParse(scenario);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(ErrorCode.ScenarioInvalid, `${issue.path.join('.') || '(scenario)'}: ${issue.message}`);
  }
  const s = parsed.data;
  const notes: string[] = [];
  if (s.faults.length > 0) notes.push(`${s.faults.length} planted fault(s) are left out: crash or slow things by hand.`);
  if ((s.networkDelayMs ?? 1) > 1) notes.push(`The network delay (${s.networkDelayMs} ms) is whatever your network has.`);
  const steps: AmqpScriptStep[] = [];
  let settleMsMax = 0;
  for (const c of s.consumers) {
    if (c.poison !== undefined) notes.push(`Consumer ${c.name}'s poison-message rule is left out.`);
    if (c.restartAfterMs !== undefined) notes.push(`Consumer ${c.name} is not restarted after a crash.`);
    if ((c.startAtMs ?? 0) > 0) notes.push(`Consumer ${c.name} subscribes at the start, not at ${c.startAtMs} ms.`);
    const manual = c.onMessage === 'manual';
    if (manual) notes.push(`Consumer ${c.name} acknowledges nothing (it is learner-driven in the playground).`);
    const step: AmqpScriptStep = { do: 'consume', consumer: c.name, queue: c.queue };
    if (c.prefetch !== undefined) step.prefetch = c.prefetch;
    if (c.noAck === true) step.noAck = true;
    else if (!manual) {
      step.ackAfterMs = c.processingMs ?? 10;
      if (c.onMessage !== undefined && c.onMessage !== 'ack' && c.onMessage !== 'manual') step.then = c.onMessage;
      settleMsMax = Math.max(settleMsMax, step.ackAfterMs);
    }
    steps.push(step);
  }
  const publishes = s.publishes.flatMap((p, i) => {
    const n = p.count ?? 1;
    return Array.from({ length: n }, (_, k) => ({ atMs: p.atMs + k * (p.everyMs ?? 0), order: i * 100_000 + k, p, k, n }));
  });
  publishes.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  let nowMs = 0;
  for (const { atMs, p, k, n } of publishes) {
    if (atMs > nowMs) steps.push({ do: 'wait', ms: atMs - nowMs });
    nowMs = Math.max(nowMs, atMs);
    const step: AmqpScriptStep = {
      do: 'publish',
      exchange: p.exchange,
      routingKey: p.routingKey,
      body: n > 1 ? `${p.body}#${k + 1}` : p.body,
    };
    if (p.headers !== undefined) step.headers = p.headers;
    if (p.mandatory !== undefined) step.mandatory = p.mandatory;
    if (p.expirationMs !== undefined) step.expirationMs = p.expirationMs;
    if (p.priority !== undefined) step.priority = p.priority;
    if (p.persistent !== undefined) step.persistent = p.persistent;
    steps.push(step);
  }
  // Long enough for every consumer to work through what it holds, bounded for a quick run.
  steps.push({ do: 'wait', ms: Math.min(30_000, Math.max(500, settleMsMax * (publishes.length + 1))) });
  return ok({ script: { name, exchanges: s.exchanges, queues: s.queues, bindings: s.bindings, steps }, notes });
}
