/**
 * Lock-step AMQP scripts: a topology plus a list of steps (publish, consume, ack/nack/reject a
 * message by its body, close a consumer's channel, wait), and the report of what each consumer
 * and each queue got. The same script runs on the model here and on a real RabbitMQ in
 * scripts/amqp/broker-harness.ts, and the two reports must be equal.
 *
 * Steps are lock-step so the broker's answer does not depend on timing: each step finishes (and
 * the broker settles) before the next starts, and consumers settle only when a step says so. A
 * consumer may instead ack on its own after `ackAfterMs`; then timing matters, and the test
 * compares only what is deterministic (see differential.rabbitmq.test.ts).
 */
import { dictGet, dictSet, newDict } from './dict.ts';
import { readyInOrder } from './queue-store.ts';
import type { AmqpCommandInput, AmqpScenario } from './schema.ts';
import { applyAmqpCommand, createAmqpWorld } from './world.ts';
import type { AmqpEntry } from './trace-entries.ts';
import type { AmqpWorld } from './types.ts';

export type AmqpScriptStep =
  | {
      do: 'publish';
      exchange: string;
      routingKey: string;
      body: string;
      headers?: Record<string, unknown>;
      mandatory?: boolean;
      expirationMs?: number;
      priority?: number;
      persistent?: boolean;
    }
  | { do: 'consume'; consumer: string; queue: string; prefetch?: number; noAck?: boolean; ackAfterMs?: number }
  | { do: 'ack' | 'reject' | 'nack'; consumer: string; body: string; requeue?: boolean }
  | { do: 'close'; consumer: string }
  | { do: 'wait'; ms: number };

export interface AmqpScript {
  name: string;
  exchanges?: NonNullable<AmqpScenario['exchanges']>;
  queues?: NonNullable<AmqpScenario['queues']>;
  bindings?: NonNullable<AmqpScenario['bindings']>;
  steps: AmqpScriptStep[];
}

/** One x-death entry without its `time` (wall-clock seconds differ between any two runs). */
export interface DeathRecord {
  count: number;
  reason: string;
  queue: string;
  exchange: string;
  routingKeys: string[];
  originalExpiration?: string;
}

/** One message as a consumer or a queue gave it up. */
export interface ReceivedMessage {
  body: string;
  redelivered: boolean;
  deaths?: DeathRecord[];
  firstDeath?: { reason: unknown; queue: unknown; exchange: unknown };
  /** Quorum queues' x-delivery-count, when present. */
  deliveryCount?: number;
}

export interface AmqpScriptReport {
  /** Bodies of mandatory messages that came back NO_ROUTE, in order. */
  returned: string[];
  /** Per consumer, every delivery in order. */
  consumers: Record<string, ReceivedMessage[]>;
  /** Per queue, what was still ready at the end, in the order basic.get takes it. */
  queues: Record<string, ReceivedMessage[]>;
}

/** The report's view of one message: body, redelivered, dead-letter headers, delivery count. */
export function receivedMessage(
  body: string,
  redelivered: boolean,
  headers: Record<string, unknown> | null | undefined,
): ReceivedMessage {
  const out: ReceivedMessage = { body, redelivered };
  const h = headers ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(h, k);
  if (has('x-death') && Array.isArray(h['x-death'])) {
    out.deaths = (h['x-death'] as Array<Record<string, unknown>>).map((d) => {
      const r: DeathRecord = {
        count: Number(d.count),
        reason: String(d.reason),
        queue: String(d.queue),
        exchange: String(d.exchange),
        routingKeys: (d['routing-keys'] as unknown[]).map(String),
      };
      if (d['original-expiration'] !== undefined) r.originalExpiration = String(d['original-expiration']);
      return r;
    });
    out.firstDeath = {
      reason: h['x-first-death-reason'],
      queue: h['x-first-death-queue'],
      exchange: h['x-first-death-exchange'],
    };
  }
  if (has('x-delivery-count')) out.deliveryCount = Number(h['x-delivery-count']);
  return out;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  return r.value;
}

/** Runs the script on the model (network delay 0, so each step settles at once) and reports. */
export function runAmqpScriptOnModel(script: AmqpScript, seed = 1): AmqpScriptReport {
  const w: AmqpWorld = must(
    createAmqpWorld({ networkDelayMs: 0, exchanges: script.exchanges, queues: script.queues, bindings: script.bindings }, seed),
    'scenario',
  );
  const settle = () => must(applyAmqpCommand(w, { type: 'advance', untilMs: w.nowMs }), 'settle');
  for (const [i, s] of script.steps.entries()) {
    const where = `step ${i} (${s.do})`;
    switch (s.do) {
      case 'publish': {
        const { do: _d, ...p } = s;
        must(applyAmqpCommand(w, { type: 'publish', ...p } as AmqpCommandInput), where);
        break;
      }
      case 'consume':
        must(
          applyAmqpCommand(w, {
            type: 'consume',
            name: s.consumer,
            queue: s.queue,
            prefetch: s.prefetch ?? 0,
            noAck: s.noAck ?? false,
            onMessage: s.ackAfterMs === undefined ? 'manual' : 'ack',
            processingMs: s.ackAfterMs ?? 0,
          }),
          where,
        );
        break;
      case 'ack':
      case 'nack':
      case 'reject': {
        const c = dictGet(w.consumers, s.consumer);
        const u = c?.unacked.find((d) => d.qm.msg.body === s.body);
        if (u === undefined) throw new Error(`${where}: ${s.consumer} holds no unacknowledged "${s.body}"`);
        const requeue = s.requeue ?? false;
        const cmd =
          s.do === 'ack'
            ? { type: s.do, consumer: s.consumer, deliveryTag: u.deliveryTag }
            : { type: s.do, consumer: s.consumer, deliveryTag: u.deliveryTag, requeue };
        must(applyAmqpCommand(w, cmd), where);
        break;
      }
      case 'close':
        must(applyAmqpCommand(w, { type: 'crash-consumer', consumer: s.consumer }), where);
        break;
      case 'wait':
        must(applyAmqpCommand(w, { type: 'advance', untilMs: w.nowMs + s.ms }), where);
        break;
    }
    settle();
  }
  // Null-prototype maps: a consumer or queue may be called __proto__.
  const report: AmqpScriptReport = { returned: [], consumers: newDict(), queues: newDict() };
  for (const s of script.steps) if (s.do === 'consume') dictSet<ReceivedMessage[]>(report.consumers, s.consumer, []);
  const entries = w.trace.entries as AmqpEntry[];
  for (const e of entries) {
    if (e.type === 'message-returned') report.returned.push(e.body);
    if (e.type === 'message-delivered')
      dictGet(report.consumers, e.consumer)!.push(deliveredView(e.body, e.redelivered, e.headers, e.deliveryCount));
  }
  for (const q of script.queues ?? []) {
    const mark = w.trace.entries.length;
    for (let n = 0; n < 100_000; n++) {
      const queue = dictGet(w.queues, q.name);
      if (queue === undefined || readyInOrder(queue).length === 0) break;
      must(applyAmqpCommand(w, { type: 'get', queue: q.name }), `draining ${q.name}`);
    }
    dictSet(
      report.queues,
      q.name,
      (w.trace.entries.slice(mark) as AmqpEntry[]).flatMap((e) =>
        e.type === 'message-fetched' ? [deliveredView(e.body, e.redelivered, e.headers, e.deliveryCount)] : [],
      ),
    );
  }
  return report;
}

function deliveredView(
  body: string,
  redelivered: boolean,
  headers: Record<string, unknown> | null,
  deliveryCount: number,
): ReceivedMessage {
  const h: Record<string, unknown> = { ...(headers ?? {}) };
  if (deliveryCount > 0) h['x-delivery-count'] = deliveryCount;
  return receivedMessage(body, redelivered, h);
}
