/**
 * Headers-exchange matching as RabbitMQ 3.10 does it (rabbit_exchange_type_headers.erl).
 *
 * The binding's `x-match` says how: `all` (the default, also for a value RabbitMQ would not have
 * validated) needs every compared key present with an equal value; `any` needs one. Keys starting
 * with `x-` are left out of the comparison, except in `all-with-x` / `any-with-x`. A binding value
 * of `null` (AMQP's void) asks only that the key be present. Values are compared with their types,
 * as Erlang's `==` compares AMQP values: the number 1 is not the string "1", but 1 and 1.0 are one
 * number. With nothing left to compare, `all` matches every message and `any` none, because
 * RabbitMQ's merge starts from "all so far" = true and "any so far" = false.
 */
import { dictHas } from './dict.ts';

export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

/** What RabbitMQ's validate_binding answers for a binding's `x-match` argument. */
export function validateXMatch(args: Record<string, unknown>): string | null {
  if (!dictHas(args, 'x-match')) return null;
  const v = args['x-match'];
  if (v === undefined) return null;
  if (typeof v !== 'string') return `Invalid x-match field type ${typeof v} (value ${JSON.stringify(v)}); expected longstr`;
  if (v === 'all' || v === 'any' || v === 'all-with-x' || v === 'any-with-x') return null;
  return `Invalid x-match field value ${JSON.stringify(v)}; expected all, any, all-with-x, or any-with-x`;
}

/** The match kind RabbitMQ uses; anything it does not know counts as `all` (its legacy rule). */
export function xMatchOf(args: Record<string, unknown>): XMatch {
  const v = dictHas(args, 'x-match') ? args['x-match'] : undefined;
  return v === 'any' || v === 'all-with-x' || v === 'any-with-x' ? v : 'all';
}

/** Equality of two AMQP field values, types included (arrays and tables compared deeply). */
export function amqpValueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => amqpValueEquals(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => dictHas(bo, k) && amqpValueEquals(ao[k], bo[k]));
}

/**
 * Whether a message with `headers` matches a binding with `bindingArguments`. Same answer as
 * RabbitMQ's headers_match/2 for the same key/value pairs (the walk order does not change it).
 */
export function headersMatch(
  bindingArguments: Record<string, unknown>,
  headers: Record<string, unknown> | undefined | null,
): boolean {
  const kind = xMatchOf(bindingArguments);
  const withX = kind === 'all-with-x' || kind === 'any-with-x';
  const needAll = kind === 'all' || kind === 'all-with-x';
  let all = true;
  let any = false;
  for (const key of Object.keys(bindingArguments)) {
    if (key === 'x-match') continue;
    if (!withX && key.startsWith('x-')) continue;
    const want = bindingArguments[key];
    if (want === undefined) continue;
    const present = headers != null && dictHas(headers, key) && headers[key] !== undefined;
    const hit = present && (want === null || amqpValueEquals(want, headers[key]));
    if (hit) any = true;
    else all = false;
    // RabbitMQ stops at the first miss for all-kinds and at the first hit for any-kinds.
    if (needAll ? !all : any) break;
  }
  return needAll ? all : any;
}
