/**
 * What L24's claims and goals read from a Kafka run: calls a group made back to a service, what a
 * group read and how much of it was meant for it, and how long a request waited for its reply.
 * All of it comes from the model's reads and its trace.
 */
import { kafkaAppRead as app, kafkaRead as read, type KafkaState } from '../../simulator/index.ts';
import { orderReaders } from './scenarios.ts';

/** Seconds of virtual time. */
export const at = (s: KafkaState): number => s.nowMs / 1000;

/** Calls a group's handler made to the order service. */
export const callsBack = (s: KafkaState, group: string): number => app.calls(s, group, 'call-order-service');

/** Calls the order service answered, from every reader together. */
export const orderServiceCalls = (s: KafkaState): number => orderReaders.reduce((n, g) => n + callsBack(s, g), 0);

/** Records a group has processed. */
export const processedBy = (s: KafkaState, group: string): number =>
  s.trace.entries.filter((e) => e.type === 'record-processed' && e.group === group).length;

/** Records a group has processed that one producer wrote (the ones of the kind it needs). */
export function processedFrom(s: KafkaState, group: string, producer: string): number {
  const ids = new Set<string>();
  for (const e of s.trace.entries) if (e.type === 'record-produced' && e.producer === producer) ids.add(e.recordId);
  return s.trace.entries.filter((e) => e.type === 'record-processed' && e.group === group && ids.has(e.recordId)).length;
}

/** Records a producer has written. */
export const producedBy = (s: KafkaState, producer: string): number => read.producedBy(s, producer);

/** A group's lag (-1 before its first commit). */
export const lagOf = (s: KafkaState, group: string): number => read.groupLag(s, group);

/**
 * How long a request waited for its reply, ms (NaN while there is none), from the request's
 * `record-appended` entry. Pricing answers the one partition of `requests` in order, one reply per
 * request, so the reply to the request at offset n is the record at offset n of `replies`; matching
 * by offset also works for a request the learner writes without a key.
 */
function waitOf(s: KafkaState, request: { recordId: string; offset: number }): number {
  const sent = s.trace.entries.find((e) => e.type === 'record-produced' && e.recordId === request.recordId);
  const reply = s.trace.entries.find((e) => e.type === 'record-appended' && e.topic === 'replies' && e.offset === request.offset);
  return sent === undefined || reply === undefined ? NaN : reply.atMs - sent.atMs;
}

/** Checkout's requests as appended to `requests`, in order. */
function checkoutAppends(s: KafkaState): { recordId: string; offset: number; key: string | null }[] {
  return s.trace.entries.flatMap((e) =>
    e.type === 'record-appended' && e.topic === 'requests' && e.producer === 'checkout'
      ? [{ recordId: e.recordId, offset: e.offset, key: e.key }]
      : [],
  );
}

/** How long checkout's request with this key waited for its reply, ms (NaN while there is none). */
export function replyWaitMs(s: KafkaState, key: string): number {
  const request = checkoutAppends(s).find((r) => r.key === key);
  return request === undefined ? NaN : waitOf(s, request);
}

/** How long each of checkout's requests waited for its reply, ms (NaN for one not answered yet). */
export const checkoutWaitsMs = (s: KafkaState): number[] => checkoutAppends(s).map((r) => waitOf(s, r));

/** The key of the record at this offset of partition 0 of a topic, from the trace ('' if none). */
export function keyAt(s: KafkaState, topic: string, offset: number): string {
  const e = s.trace.entries.find((x) => x.type === 'record-appended' && x.topic === topic && x.offset === offset);
  return e?.type === 'record-appended' ? (e.key ?? '') : '';
}

/** When the record at this offset of partition 0 of a topic was appended, in whole seconds. */
export function appendedAtS(s: KafkaState, topic: string, offset: number): number {
  const e = s.trace.entries.find((x) => x.type === 'record-appended' && x.topic === topic && x.offset === offset);
  return Math.round((e?.atMs ?? -1000) / 1000);
}

/** When a group's first member joined, in whole seconds (-1 if none has). */
export function groupAddedAtS(s: KafkaState, group: string): number {
  const e = s.trace.entries.find((x) => x.type === 'member-joined' && x.group === group);
  return Math.round((e?.atMs ?? -1000) / 1000);
}

/** The offset of the first record a group processed (-1 before it processed any). */
export function firstProcessedOffset(s: KafkaState, group: string): number {
  const e = s.trace.entries.find((x) => x.type === 'record-processed' && x.group === group);
  return e?.type === 'record-processed' ? e.offset : -1;
}

/** How many records with this key a group processed. */
export const processedKey = (s: KafkaState, group: string, key: string): number =>
  s.trace.entries.filter((e) => e.type === 'record-processed' && e.group === group && e.key === key).length;

/** Records appended to every topic together. */
export const appendedCount = (s: KafkaState): number => s.trace.entries.filter((e) => e.type === 'record-appended').length;

/** The time between the first two appends to `orders` in the spaghetti run: one lap of the loop, ms. */
export function lapMs(s: KafkaState): number {
  const orders = s.trace.entries.filter((e) => e.type === 'record-appended' && e.topic === 'orders');
  return orders.length < 3 ? NaN : orders[2]!.atMs - orders[1]!.atMs;
}
