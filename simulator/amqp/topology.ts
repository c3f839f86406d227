/**
 * Declaring exchanges and queues and making or removing bindings, with RabbitMQ 3.10's refusals.
 *
 * Each refusal is an error value whose message starts with the reply text RabbitMQ sends
 * (NOT_FOUND, ACCESS_REFUSED, PRECONDITION_FAILED), so a learner sees what a real client would.
 * In 3.10 a topic binding key is never refused for its wildcards (validate_binding is `ok`); what
 * is refused is anything over AMQP's 255-byte short string, which no client can even encode.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { dictFrom, dictGet, dictSet, type Dict } from './dict.ts';
import { validateXMatch } from './headers-match.ts';
import { parseQueueArguments } from './queue-config.ts';
import type { AmqpBinding, AmqpExchange, AmqpQueue, ExchangeType } from './types.ts';

/** Exchanges every RabbitMQ vhost has from the start. */
export const BUILTIN_EXCHANGES: ReadonlyArray<readonly [string, ExchangeType]> = [
  ['amq.direct', 'direct'],
  ['amq.fanout', 'fanout'],
  ['amq.topic', 'topic'],
  ['amq.headers', 'headers'],
  ['amq.match', 'headers'],
];

/** The byte length of a string in UTF-8, without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Names and keys are AMQP short strings: at most 255 bytes. */
export function shortstrProblem(what: string, s: string, path: string): Result<never> | null {
  return utf8Length(s) > 255
    ? fail(ErrorCode.InvalidCommand, `${what} is ${utf8Length(s)} bytes; AMQP short strings hold at most 255`, path)
    : null;
}

export interface Topology {
  exchanges: Dict<AmqpExchange>;
  queues: Dict<AmqpQueue>;
}

export interface ExchangeDecl {
  name: string;
  type: ExchangeType;
  durable?: boolean | undefined;
  internal?: boolean | undefined;
  alternateExchange?: string | undefined;
}

export function newExchange(d: ExchangeDecl): AmqpExchange {
  return {
    name: d.name,
    type: d.type,
    durable: d.durable ?? true,
    internal: d.internal ?? false,
    alternateExchange: d.alternateExchange ?? null,
    bindings: [],
    version: 0,
  };
}

/** exchange.declare: new, or an equivalent redeclare (which changes nothing). */
export function declareExchange(t: Topology, d: ExchangeDecl, builtin = false): Result<'created' | 'exists'> {
  const bad = shortstrProblem('the exchange name', d.name, 'name');
  if (bad) return bad;
  if (d.name === '')
    return fail(ErrorCode.InvalidCommand, 'ACCESS_REFUSED - operation not permitted on the default exchange', 'name');
  const old = dictGet(t.exchanges, d.name);
  if (old !== undefined) {
    if (old.type !== d.type)
      return fail(
        ErrorCode.InvalidCommand,
        `PRECONDITION_FAILED - inequivalent arg 'type' for exchange '${d.name}' in vhost '/': received '${d.type}' but current is '${old.type}'`,
        'type',
      );
    if (old.durable !== (d.durable ?? true))
      return fail(
        ErrorCode.InvalidCommand,
        `PRECONDITION_FAILED - inequivalent arg 'durable' for exchange '${d.name}' in vhost '/'`,
        'durable',
      );
    return ok('exists');
  }
  if (!builtin && d.name.startsWith('amq.'))
    return fail(ErrorCode.InvalidCommand, `ACCESS_REFUSED - exchange name '${d.name}' contains reserved prefix 'amq.*'`, 'name');
  dictSet(t.exchanges, d.name, newExchange(d));
  return ok('created');
}

export interface QueueDecl {
  name: string;
  durable?: boolean | undefined;
  arguments?: Record<string, unknown> | undefined;
}

/** queue.declare: new, or an equivalent redeclare. */
export function declareQueue(t: Topology, d: QueueDecl): Result<'created' | 'exists'> {
  const bad = shortstrProblem('the queue name', d.name, 'name');
  if (bad) return bad;
  if (d.name === '') return fail(ErrorCode.InvalidCommand, 'give the queue a name: server-named queues are not modelled', 'name');
  const parsed = parseQueueArguments(d.name, d.arguments ?? {}, d.durable ?? true);
  if (!parsed.ok) return parsed;
  const old = dictGet(t.queues, d.name);
  if (old !== undefined) {
    if (JSON.stringify(old.config) !== JSON.stringify(parsed.value) || old.durable !== (d.durable ?? true))
      return fail(
        ErrorCode.InvalidCommand,
        `PRECONDITION_FAILED - inequivalent arguments for queue '${d.name}' in vhost '/'`,
        'arguments',
      );
    return ok('exists');
  }
  if (d.name.startsWith('amq.'))
    return fail(ErrorCode.InvalidCommand, `ACCESS_REFUSED - queue name '${d.name}' contains reserved prefix 'amq.*'`, 'name');
  const levels = parsed.value.maxPriority === null ? 1 : parsed.value.maxPriority + 1;
  dictSet(t.queues, d.name, {
    name: d.name,
    durable: d.durable ?? true,
    arguments: dictFrom(d.arguments),
    config: parsed.value,
    levels: Array.from({ length: levels }, () => ({ items: [], head: 0 })),
    returns: [],
    readyCount: 0,
    unackedCount: 0,
    nextPos: 0,
    active: [],
    expiryAtMs: null,
  });
  return ok('created');
}

export interface BindingDecl {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments?: Record<string, unknown> | undefined;
}

function sameBinding(a: AmqpBinding, b: BindingDecl): boolean {
  // Cheap fields first: declaring 10,000 bindings compares each new one with all before it.
  if (a.destination !== b.destination || a.routingKey !== b.routingKey || a.destinationType !== b.destinationType) return false;
  return JSON.stringify(a.arguments) === JSON.stringify(b.arguments ?? {});
}

function bindingProblem(t: Topology, d: BindingDecl): Result<never> | null {
  const bad = shortstrProblem('the binding key', d.routingKey, 'routingKey');
  if (bad) return bad;
  if (d.source === '' || (d.destinationType === 'exchange' && d.destination === ''))
    return fail(ErrorCode.InvalidCommand, 'ACCESS_REFUSED - operation not permitted on the default exchange', 'source');
  if (dictGet(t.exchanges, d.source) === undefined)
    return fail(ErrorCode.UnknownNode, `NOT_FOUND - no exchange '${d.source}' in vhost '/'`, 'source');
  const found = d.destinationType === 'queue' ? dictGet(t.queues, d.destination) : dictGet(t.exchanges, d.destination);
  if (found === undefined)
    return fail(ErrorCode.UnknownNode, `NOT_FOUND - no ${d.destinationType} '${d.destination}' in vhost '/'`, 'destination');
  return null;
}

/** queue.bind / exchange.bind. Binding twice is a no-op, as in RabbitMQ. */
export function addBinding(t: Topology, d: BindingDecl): Result<'created' | 'exists'> {
  const bad = bindingProblem(t, d);
  if (bad) return bad;
  const x = dictGet(t.exchanges, d.source)!;
  if (x.type === 'headers') {
    const why = validateXMatch(d.arguments ?? {});
    if (why !== null) return fail(ErrorCode.InvalidCommand, `PRECONDITION_FAILED - ${why}`, 'arguments');
  }
  if (x.bindings.some((b) => sameBinding(b, d))) return ok('exists');
  x.bindings.push({ ...d, arguments: dictFrom(d.arguments) });
  x.version++;
  return ok('created');
}

/** queue.unbind / exchange.unbind. */
export function removeBinding(t: Topology, d: BindingDecl): Result<'removed'> {
  const bad = bindingProblem(t, d);
  if (bad) return bad;
  const x = dictGet(t.exchanges, d.source)!;
  const i = x.bindings.findIndex((b) => sameBinding(b, d));
  if (i < 0)
    return fail(
      ErrorCode.InvalidCommand,
      `NOT_FOUND - no binding '${d.routingKey}' between exchange '${d.source}' and ${d.destinationType} '${d.destination}' in vhost '/'`,
    );
  x.bindings.splice(i, 1);
  x.version++;
  return ok('removed');
}

/** Drops every binding to a queue (when it is deleted or lost in a broker crash). */
export function unbindQueueEverywhere(t: Topology, queue: string): void {
  for (const name of Object.keys(t.exchanges)) {
    const x = dictGet(t.exchanges, name)!;
    const kept = x.bindings.filter((b) => !(b.destinationType === 'queue' && b.destination === queue));
    if (kept.length !== x.bindings.length) {
      x.bindings = kept;
      x.version++;
    }
  }
}
