/**
 * How a running consumer drops out of its group without being closed: its poll loop stalls past
 * max.poll.interval.ms because a batch takes too long.
 *
 * The Java client then resets its generation and member id (AbstractCoordinator's
 * resetStateAndGeneration), and we do the same with generation -1. From then on a commit fails
 * before it is sent (CommitFailedException: "not part of an active group"), and the partitions it
 * still holds are given up as lost at its next poll (ConsumerCoordinator.onJoinPrepare), where it
 * rejoins as a new member. Split from consumer.ts, which keeps joining, assignments, polling and
 * commits.
 */
import { emit } from './net.ts';
import { sendToCoordinator } from './group.ts';
import type { KafkaState } from './state.ts';
import { dropAssignment } from './consumer.ts';

/**
 * max.poll.interval.ms passed since the last poll: the heartbeat thread sends LeaveGroup and resets
 * the generation (AbstractCoordinator: "consumer poll timeout has expired"). A consumer still busy
 * with its batch keeps its positions until its next poll, so the commit at the end of the batch
 * fails.
 */
export function onPollTimeout(s: KafkaState, c: number, inc: number, pollMs: number): void {
  const con = s.k.consumers[c]!;
  if (con.inc !== inc || !con.alive || con.lastPollMs !== pollMs || !con.processing || con.generation < 0) return;
  const g = s.k.groups[con.group]!;
  emit(
    s,
    () => ({ type: 'consumer-left-poll-timeout', atMs: s.nowMs, consumer: con.id, group: g.id, correlationId: g.id }),
    'consumer-left-poll-timeout',
  );
  sendToCoordinator(s, c, { type: 'leave', g: con.group, memberId: con.memberId, reason: 'poll-timeout' });
  con.generation = -1;
  // Out of the group: the next poll gives up what it holds and joins again.
  con.phase = 'idle';
  con.rejoinNeeded = true;
}

/**
 * A commit while out of the group fails before it is sent: ConsumerCoordinator's
 * sendOffsetCommitRequest finds no stable generation. Whoever owns the partitions now will process
 * the records again.
 */
export function commitOutOfGroup(s: KafkaState, c: number): void {
  const con = s.k.consumers[c]!;
  const g = s.k.groups[con.group]!;
  const reason = 'CommitFailedException: the consumer is not part of an active group';
  emit(s, () => ({ type: 'commit-failed', atMs: s.nowMs, consumer: con.id, group: g.id, reason }), 'commit-failed');
}

/**
 * The generation was reset while partitions were still held: they are lost, not revoked (Kafka
 * calls onPartitionsLost and forgets them, whatever the protocol), and the next join owns nothing.
 */
export function dropLostPartitions(s: KafkaState, c: number): void {
  dropAssignment(s, c, false);
  s.k.consumers[c]!.prevOwned = [];
}
