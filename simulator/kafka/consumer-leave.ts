/**
 * How a running consumer drops out of its group without being closed: its poll loop stalls past
 * max.poll.interval.ms (a slow batch, or an error that stopped the application calling poll), or
 * another consumer takes its group.instance.id and the coordinator fences it.
 *
 * Either way the Java client resets its generation and member id (AbstractCoordinator's
 * resetStateAndGeneration), and we do the same with generation -1. From then on a commit fails
 * before it is sent (CommitFailedException: "not part of an active group"), and the partitions it
 * still holds are given up as lost at its next poll (ConsumerCoordinator.onJoinPrepare), where it
 * rejoins as a new member, or, if it was fenced, stops with FencedInstanceIdException. The state
 * changes they share with the poll loop are in consumer-assignment.ts.
 */
import { dropAssignment, sendJoin } from './consumer-assignment.ts';
import { sendToCoordinator } from './coordinator.ts';
import { poll } from './consumer.ts';
import { emit } from './emit.ts';
import type { KafkaState } from './state.ts';

/**
 * max.poll.interval.ms passed since the last poll: the heartbeat thread sends LeaveGroup and resets
 * the generation (AbstractCoordinator: "consumer poll timeout has expired"). A consumer still busy
 * with its batch keeps its positions until its next poll, so the commit at the end of the batch
 * fails; a consumer stopped by an error never polls again and holds nothing from now on.
 */
export function onPollTimeout(s: KafkaState, c: number, inc: number, pollMs: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || con.lastPollMs !== pollMs || con.generation < 0) return;
  const afterError = con.phase === 'error' ? con.errorMessage : null;
  if (!con.processing && afterError === null) return;
  const g = s.k.groups[con.group]!;
  const maxPollIntervalMs = s.k.tuning.maxPollIntervalMs;
  emit(
    s,
    () => ({
      type: 'consumer-left-poll-timeout',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      maxPollIntervalMs,
      afterError,
      correlationId: g.id,
    }),
    'consumer-left-poll-timeout',
  );
  sendToCoordinator(s, c, { type: 'leave', g: con.group, memberId: con.memberId, reason: 'poll-timeout' });
  con.generation = -1;
  if (afterError !== null) {
    dropAssignment(s, c, false);
    return;
  }
  // Out of the group: the next poll gives up what it holds and joins again.
  con.phase = 'idle';
  con.rejoinNeeded = true;
}

/**
 * The coordinator answered FENCED_INSTANCE_ID: another consumer holds this one's group.instance.id.
 * The Java client resets its generation at once and throws FencedInstanceIdException from the next
 * poll (the heartbeat thread records it as its failure); a consumer busy with a batch finishes it
 * first, and the commit after it fails.
 */
export function onFenced(s: KafkaState, c: number, memberId: string, request: 'heartbeat' | 'commit' | 'join'): void {
  const con = s.k.consumers[c]!;
  if (!con.alive || con.memberId !== memberId || con.phase === 'error' || con.fatalError !== null) return;
  const g = s.k.groups[con.group]!;
  const instanceId = con.instanceId!;
  const m = g.members.find((x) => x.instanceId === instanceId);
  const holder = m === undefined ? 'another consumer' : s.k.consumers[m.consumer]!.id;
  emit(
    s,
    () => ({
      type: 'consumer-fenced',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      instanceId,
      request,
      holder,
      correlationId: g.id,
    }),
    'consumer-fenced',
  );
  con.generation = -1;
  con.fatalError = `FencedInstanceIdException: group.instance.id ${instanceId} is now used by ${holder}`;
  if (!con.processing) poll(s, c);
}

/**
 * The coordinator answered a heartbeat with UNKNOWN_MEMBER_ID: the group removed this member (its
 * session or the rebalance timed out while it could not reach the coordinator). The Java client
 * resets its member id and generation (HeartbeatResponseHandler → resetStateOnResponseError) and
 * stops heartbeating; its next poll gives up what it holds as lost and joins again. A consumer
 * whose poll loop an error stopped never polls again, so it only drops its partitions. An answer
 * that finds the consumer already joining again (or never in a generation) is out of date.
 */
export function onUnknownMember(s: KafkaState, c: number, memberId: string, join = false): void {
  const con = s.k.consumers[c]!;
  if (join) {
    // The answer to a pending JoinGroup: the client resets its member id and joins again at once.
    if (con.alive && con.memberId === memberId && con.phase === 'joining' && con.pendingAssignment === null) {
      con.generation = Math.min(con.generation, 0);
      sendJoin(s, c);
    }
    return;
  }
  if (!con.alive || con.memberId !== memberId || con.generation <= 0 || con.phase === 'joining' || con.fatalError !== null)
    return;
  const g = s.k.groups[con.group]!;
  const rejoins = con.phase !== 'error';
  emit(
    s,
    () => ({
      type: 'consumer-unknown-member',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      memberId,
      rejoins,
      correlationId: g.id,
    }),
    'consumer-unknown-member',
  );
  con.generation = -1;
  if (!rejoins) {
    dropAssignment(s, c, false);
    return;
  }
  // Out of the group: the next poll gives up what it holds and joins again.
  con.phase = 'idle';
  con.rejoinNeeded = true;
  if (!con.processing) poll(s, c);
}

/**
 * The JoinGroup was refused with an error the client cannot retry (INVALID_SESSION_TIMEOUT): the
 * Java client raises it from poll(), so the consumer stops, holding nothing.
 */
export function onJoinError(s: KafkaState, c: number, inc: number, error: string): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || con.phase !== 'joining' || con.fatalError !== null) return;
  const g = s.k.groups[con.group]!;
  emit(
    s,
    () => ({ type: 'consumer-join-failed', atMs: s.nowMs, consumer: con.id, group: g.id, error, correlationId: g.id }),
    'consumer-join-failed',
  );
  con.fatalError = error;
  if (!con.processing) poll(s, c);
}
