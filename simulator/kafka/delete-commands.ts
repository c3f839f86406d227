/**
 * Deleting a topic and deleting a consumer group on a live cluster (kafka-topics --delete,
 * kafka-consumer-groups --delete), as the playground's Build tab sends them.
 *
 * The world refers to topics, partitions and groups by array position everywhere (partition ids,
 * the producers' send queues, the groups' offset arrays), so a deleted one keeps its slot and is
 * marked `deleted`; its name leaves the name index, so every command that names it finds nothing
 * (as Kafka answers UNKNOWN_TOPIC_OR_PARTITION or GroupIdNotFound) and a new one may take the name.
 *
 * What Kafka does, and so what happens here:
 * - A topic can be deleted while producers write to it and groups read it; Kafka does not refuse.
 *   Its partitions stop answering: a produce or fetch request gets UNKNOWN_TOPIC_OR_PARTITION, a
 *   retriable error, so a batch already in a producer's buffer is retried until delivery.timeout.ms
 *   and then fails. A producer application's next send() waits for the topic's metadata and fails
 *   after max.block.ms ("not present in metadata"): here its rate-driven records are not created
 *   from the moment of the delete (the wait is not drawn).
 * - The brokers here do not create topics on a metadata request (auto.create.topics.enable=false,
 *   the setting production clusters use), so nothing brings the topic back by itself.
 * - The offsets groups committed for the topic are deleted with it. A group subscribed to it
 *   rebalances without it (its leader sees the topic gone from the metadata). A topic created
 *   later with the same name is a new, empty topic: the producers bound to the old one write to it
 *   and the groups subscribed by that name read it again, after a rebalance.
 * - A group can be deleted only when it has no members: Kafka refuses otherwise with
 *   GroupNotEmptyException, "The group is not empty." Its committed offsets go with it.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { emit } from './emit.ts';
import { startRebalance } from './group.ts';
import { lookup, removeName } from './names.ts';
import { ensureTick } from './producer-send.ts';
import { failParkedFetches, failWaiters } from './purgatory.ts';
import type { EntryOf } from './trace-types.ts';
import type { KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';

function changed(s: KafkaState, fields: Omit<EntryOf<'cluster-changed'>, 'id' | 'type' | 'atMs'>): void {
  emit(s, () => ({ type: 'cluster-changed', atMs: s.nowMs, ...fields }), 'cluster-changed');
}

const listed = (names: string[]): string => names.join(', ');

/** kafka-topics --delete --topic <name>. */
export function deleteTopicCommand(s: KafkaState, topic: string): Result<null> {
  const k = s.k;
  const ti = lookup(k.topicIndex, topic);
  if (ti === undefined)
    return fail(ErrorCode.UnknownTopic, `Topic '${topic}' does not exist (UNKNOWN_TOPIC_OR_PARTITION).`, 'topic');
  const t = k.topics[ti]!;
  t.deleted = true;
  removeName(k.topicIndex, topic);
  const pids: number[] = [];
  for (let p = 0; p < t.partitions; p++) pids.push(pidOf(t, p));
  for (const pid of pids) {
    // Requests waiting at the leader get the error the deleted partition answers with from now on.
    const leader = k.parts[pid]!.leader;
    if (leader < 0) continue;
    failWaiters(s, pid, 'UNKNOWN_TOPIC_OR_PARTITION');
    failParkedFetches(s, pid, leader, 'UNKNOWN_TOPIC_OR_PARTITION');
  }
  const writers = k.producers.filter((p) => p.topic === ti && p.ratePerSec > 0).map((p) => p.id);
  const readers: string[] = [];
  k.groups.forEach((g, gi) => {
    if (g.deleted || !g.topics.includes(ti)) return;
    readers.push(g.id);
    g.topics = g.topics.filter((x) => x !== ti);
    g.gone = [...(g.gone ?? []), topic];
    for (const pid of pids) g.committed[pid] = null;
    if (g.members.length > 0) startRebalance(s, gi, `topic ${topic} was deleted`);
  });
  const plural = t.partitions === 1 ? '' : 's';
  const said = [`Topic ${topic} was deleted with its ${t.partitions} partition${plural} and their records.`];
  if (writers.length > 0)
    said.push(
      `${listed(writers)}: send() now fails after max.block.ms (Topic ${topic} not present in metadata); batches already buffered fail with UNKNOWN_TOPIC_OR_PARTITION.`,
    );
  if (readers.length > 0) said.push(`Group(s) ${listed(readers)} lost their offsets for it and rebalance without it.`);
  changed(s, { change: 'topic-deleted', topic, text: said.join(' ') });
  return ok(null);
}

/**
 * A topic was created with a name a deleted topic had: producers bound to that name write to the
 * new topic, and groups subscribed to it read it again (after a rebalance), as clients that look
 * topics up by name in fresh metadata do. Called by create-topic (build-commands.ts).
 */
export function rebindDeletedName(s: KafkaState, ti: number): void {
  const k = s.k;
  const name = k.topics[ti]!.name;
  k.producers.forEach((p, pi) => {
    const old = p.topic >= 0 ? k.topics[p.topic]! : undefined;
    if (old?.deleted !== true || old.name !== name) return;
    p.topic = ti;
    if (p.ratePerSec > 0) ensureTick(s, pi, s.nowMs);
  });
  k.groups.forEach((g, gi) => {
    if (g.deleted || !(g.gone ?? []).includes(name)) return;
    g.gone = g.gone!.filter((n) => n !== name);
    g.topics = [...g.topics, ti];
    if (g.members.length > 0) startRebalance(s, gi, `topic ${name} was created again`);
  });
}

/** kafka-consumer-groups --delete --group <id>: only a group with no members. */
export function deleteGroupCommand(s: KafkaState, group: string): Result<null> {
  const k = s.k;
  const gi = lookup(k.groupIndex, group);
  if (gi === undefined)
    return fail(ErrorCode.UnknownGroup, `Group '${group}' could not be deleted: The group id does not exist.`, 'group');
  const g = k.groups[gi]!;
  // A consumer that runs (or is about to join) is a member, or about to be one.
  const running = k.consumers.filter((c) => c.group === gi && c.alive && c.phase !== 'left').map((c) => c.id);
  if (g.members.length > 0 || running.length > 0) {
    const who = running.length > 0 ? `consumer(s) ${listed(running)} still run in it` : 'it still has members';
    return fail(
      ErrorCode.InvalidCommand,
      `Group '${group}' could not be deleted: The group is not empty (GroupNotEmptyException): ${who}. Remove its consumers first.`,
      'group',
    );
  }
  g.deleted = true;
  removeName(k.groupIndex, group);
  // Its consumers go with it (closed or crashed ones), so their ids are free for a new group.
  for (const c of k.consumers) if (c.group === gi) removeName(k.consumerIndex, c.id);
  g.committed = g.committed.map(() => null);
  changed(s, {
    change: 'group-deleted',
    group,
    text: `Group ${group} was deleted with its committed offsets; a group with that id would start from auto.offset.reset.`,
  });
  return ok(null);
}
