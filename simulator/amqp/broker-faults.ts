/**
 * A broker crash and restart, and what survives it.
 *
 * What survives is RabbitMQ's rule: durable exchanges and queues come back with their bindings
 * (a binding survives when both ends are durable); a transient queue or exchange is gone. In a
 * durable classic queue only persistent messages (delivery-mode 2) are on disk; quorum queues keep
 * every message. Messages that were delivered but not acknowledged come back as ready, marked
 * redelivered (a quorum queue also counts the return against its delivery limit). Consumers lose
 * their connections; those that were running reconnect when the broker is back, as clients with
 * automatic recovery do.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { dictDelete, dictGet } from './dict.ts';
import { dispatch, requeue } from './broker.ts';
import { emit, scheduleAt } from './emit.ts';
import { clearReady, pushReady } from './queue-store.ts';
import { unbindQueueEverywhere } from './topology.ts';
import type { AmqpWorld } from './types.ts';

export function crashBroker(w: AmqpWorld, restartAfterMs: number | null): Result<true> {
  if (!w.brokerUp) return fail(ErrorCode.InvalidCommand, 'the broker is already down');
  w.brokerUp = false;
  w.brokerEpoch++;
  let lost = 0;
  const queuesLost: string[] = [];
  for (const name of Object.keys(w.consumers)) {
    const c = dictGet(w.consumers, name)!;
    if (!c.up) continue;
    c.up = false;
    c.incarnation++;
    c.blocked = false;
    c.downWithBroker = true;
  }
  for (const name of Object.keys(w.queues)) {
    const q = dictGet(w.queues, name)!;
    q.active = [];
    q.expiryAtMs = null;
    if (!q.durable) {
      lost += q.readyCount + q.unackedCount;
      queuesLost.push(name);
      dictDelete(w.queues, name);
      unbindQueueEverywhere(w, name);
      continue;
    }
    if (q.config.type === 'classic') {
      const all = clearReady(q);
      const kept = all.filter((qm) => qm.msg.persistent);
      lost += all.length - kept.length;
      for (const qm of kept) pushReady(q, qm);
    }
  }
  for (const name of Object.keys(w.exchanges)) {
    const x = dictGet(w.exchanges, name)!;
    if (!x.durable) dictDelete(w.exchanges, name);
  }
  for (const name of Object.keys(w.exchanges)) {
    const x = dictGet(w.exchanges, name)!;
    const kept = x.bindings.filter(
      (b) =>
        (b.destinationType === 'queue' ? dictGet(w.queues, b.destination) : dictGet(w.exchanges, b.destination)) !== undefined,
    );
    if (kept.length !== x.bindings.length) {
      x.bindings = kept;
      x.version++;
    }
  }
  // Unacknowledged messages: transient ones (and all in lost queues) are gone; the rest wait in
  // their consumer's list until the restart returns them.
  for (const name of Object.keys(w.consumers)) {
    const c = dictGet(w.consumers, name)!;
    const q = dictGet(w.queues, c.queue);
    const kept = q === undefined ? [] : c.unacked.filter((u) => q.config.type === 'quorum' || u.qm.msg.persistent);
    if (q !== undefined) {
      lost += c.unacked.length - kept.length;
      q.unackedCount -= c.unacked.length - kept.length;
    }
    c.unacked = kept;
  }
  const messagesLost = lost;
  emit(w, 'broker-crashed', () => ({ type: 'broker-crashed', queuesLost, messagesLost }));
  if (restartAfterMs !== null) scheduleAt(w, w.nowMs + restartAfterMs, { type: 'restart-broker', epoch: w.brokerEpoch });
  return ok(true);
}

export function restartBroker(w: AmqpWorld): Result<true> {
  if (w.brokerUp) return fail(ErrorCode.InvalidCommand, 'the broker is already up');
  w.brokerUp = true;
  for (const name of Object.keys(w.consumers)) {
    const c = dictGet(w.consumers, name)!;
    const q = dictGet(w.queues, c.queue);
    const back = c.unacked;
    c.unacked = [];
    if (q === undefined) continue;
    q.unackedCount -= back.length;
    for (const u of back) requeue(w, q, u.qm, c.name, 'consumer-down');
  }
  emit(w, 'broker-restarted', () => ({ type: 'broker-restarted', queuesRecovered: Object.keys(w.queues) }));
  for (const name of Object.keys(w.consumers)) {
    const c = dictGet(w.consumers, name)!;
    const q = dictGet(w.queues, c.queue);
    if (!c.downWithBroker || q === undefined) continue;
    c.up = true;
    c.downWithBroker = false;
    c.nextTag = 0;
    q.active.push(c.name);
  }
  for (const name of Object.keys(w.queues)) dispatch(w, dictGet(w.queues, name)!);
  return ok(true);
}
