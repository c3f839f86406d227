/**
 * Commands that change the world without being faults: produce, consumers joining and leaving,
 * groups, commits and offset resets. Each validates its input against the current world and
 * returns a SimError value for anything impossible.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { SCENARIO_LIMITS as L } from './scenario/limits.ts';
import type { Acks, KafkaEngineCommand } from './scenario/types.ts';
import { missingHandlerTopics } from './app-build.ts';
import { addConsumer, addGroup } from './build.ts';
import { commitPositions } from './consumer-assignment.ts';
import { closeConsumer } from './consumer.ts';
import { groupIsActive } from './group.ts';
import { offsetForTimestamp } from './log.ts';
import { lookup, setName } from './names.ts';
import { emit } from './emit.ts';
import { readLog } from './partition.ts';
import { createProducer, internKey, produceRecord } from './producer.ts';
import { ensureTick } from './producer-send.ts';
import { schemaProduceCheck } from './schema-world.ts';
import type { KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';

type Cmd<T extends KafkaEngineCommand['type']> = Extract<KafkaEngineCommand, { type: T }>;

function implicitProducer(s: KafkaState, acks: Acks | undefined): number {
  const id = acks === undefined ? 'cli' : `cli-acks${acks}`;
  const k = s.k;
  const found = lookup(k.producerIndex, id);
  if (found !== undefined) return found;
  setName(k.producerIndex, id, k.producers.length);
  k.producers.push(
    createProducer(
      { id, topic: '', ratePerSec: 0, keys: { type: 'none' }, ...(acks !== undefined ? { acks } : {}) },
      -1,
      k.parts.length,
      k.topics.length,
    ),
  );
  return k.producers.length - 1;
}

/** Produces one record from a command (it is sent after the producer's linger time). */
export function produceCommand(s: KafkaState, c: Cmd<'produce'>): Result<{ recordId: string }> {
  const k = s.k;
  const ti = lookup(k.topicIndex, c.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `There is no topic "${c.topic}".`, 'topic');
  const topic = k.topics[ti]!;
  if (c.partition !== undefined && !(Number.isInteger(c.partition) && c.partition >= 0 && c.partition < topic.partitions)) {
    return fail(
      ErrorCode.UnknownPartition,
      `Topic ${c.topic} has partitions 0..${topic.partitions - 1}; there is no partition ${c.partition}.`,
      'partition',
    );
  }
  let prod: number;
  if (c.producer !== undefined) {
    const p = lookup(k.producerIndex, c.producer);
    if (p === undefined) return fail(ErrorCode.UnknownNode, `There is no producer "${c.producer}".`, 'producer');
    if (c.acks !== undefined && c.acks !== k.producers[p]!.acks) {
      return fail(
        ErrorCode.InvalidCommand,
        `Producer ${c.producer} uses acks=${k.producers[p]!.acks}; acks is a producer setting in Kafka, not a per-record one.`,
        'acks',
      );
    }
    prod = p;
    const pp = k.producers[p]!;
    // KafkaProducer.send outside a transaction throws for a transactional producer.
    if (pp.transactionalId !== null && pp.txnState !== 'in-transaction')
      return fail(
        ErrorCode.InvalidCommand,
        pp.txnState === 'fenced'
          ? `ProducerFencedException: producer ${c.producer} was fenced by a newer instance of ${pp.transactionalId}.`
          : `Producer ${c.producer} is transactional: call begin-transaction before producing (it is ${pp.txnState}).`,
        'producer',
      );
    const schemaCheck = schemaProduceCheck(s, p, c.value);
    if (!schemaCheck.ok) return schemaCheck;
  } else prod = implicitProducer(s, c.acks);
  const keyId = c.key === undefined || c.key === null ? -1 : internKey(s, c.key);
  let valRef: number;
  if (c.value === undefined) valRef = -(k.producers[prod]!.generated + 1);
  else {
    valRef = k.values.length;
    k.values.push(c.value);
  }
  const pid = c.partition === undefined ? -1 : pidOf(topic, c.partition);
  const rn = produceRecord(s, prod, ti, keyId, pid, valRef, s.nowMs);
  ensureTick(s, prod, s.nowMs + k.tuning.lingerMs);
  return ok({ recordId: `rec-${rn}` });
}

/** Adds a consumer to an existing group; it joins now. */
export function addConsumerCommand(s: KafkaState, c: Cmd<'add-consumer'>): Result<{ consumer: string }> {
  const g = lookup(s.k.groupIndex, c.group);
  if (g === undefined) return fail(ErrorCode.UnknownGroup, `There is no group "${c.group}".`, 'group');
  const grp = s.k.groups[g]!;
  let id = c.consumer;
  if (id === undefined) {
    let n = grp.consumerCount + 1;
    while (lookup(s.k.consumerIndex, `${grp.id}-c${n}`) !== undefined) n++;
    id = `${grp.id}-c${n}`;
  }
  if (lookup(s.k.consumerIndex, id) !== undefined)
    return fail(ErrorCode.InvalidCommand, `A consumer "${id}" exists already.`, 'consumer');
  if (id.startsWith('broker-') || id.startsWith('producer-'))
    return fail(ErrorCode.InvalidCommand, `Consumer ids may not start with broker- or producer- (node ids).`, 'consumer');
  const full = consumerRoomProblem(s, 1, grp.consumerCount + 1);
  if (full) return fail(ErrorCode.InvalidCommand, full, 'group');
  addConsumer(s, g, id, c.groupInstanceId ?? null, s.nowMs);
  return ok({ consumer: id });
}

/** Closes a consumer cleanly (it leaves its group). */
export function removeConsumerCommand(s: KafkaState, c: Cmd<'remove-consumer'>): Result<null> {
  const i = lookup(s.k.consumerIndex, c.consumer);
  if (i === undefined) return fail(ErrorCode.UnknownConsumer, `There is no consumer "${c.consumer}".`, 'consumer');
  if (s.k.consumers[i]!.phase === 'left') return fail(ErrorCode.InvalidCommand, `Consumer ${c.consumer} was already removed.`);
  closeConsumer(s, i);
  return ok(null);
}

/**
 * Why `adding` more consumers (making the group's `groupTotal` ever added) would pass the
 * simulator's bounds, or undefined. A removed consumer keeps its slot, so slots are what is bounded:
 * a link of many add commands cannot make the page allocate without end.
 */
function consumerRoomProblem(s: KafkaState, adding: number, groupTotal: number): string | undefined {
  if (groupTotal > L.consumersMax) return `A group may have had at most ${L.consumersMax} consumers (consumersMax).`;
  if (s.k.consumers.length + adding > L.consumersTotalMax)
    return `The cluster has created ${s.k.consumers.length} consumers (a removed one keeps its slot); the simulator's limit is ${L.consumersTotalMax} (consumersTotalMax).`;
  return undefined;
}

/** Adds a whole consumer group. */
export function addGroupCommand(s: KafkaState, c: Cmd<'add-group'>): Result<null> {
  const spec = c.group;
  if (lookup(s.k.groupIndex, spec.id) !== undefined)
    return fail(ErrorCode.InvalidCommand, `A group "${spec.id}" exists already.`, 'group.id');
  for (const t of spec.topics)
    if (lookup(s.k.topicIndex, t) === undefined)
      return fail(ErrorCode.UnknownTopic, `Group ${spec.id} subscribes to "${t}", which does not exist.`, 'group.topics');
  for (let i = 0; i < spec.consumers; i++) {
    const id = spec.consumerIds?.[i] ?? `${spec.id}-c${i + 1}`;
    if (lookup(s.k.consumerIndex, id) !== undefined)
      return fail(ErrorCode.InvalidCommand, `A consumer "${id}" exists already.`, 'group.consumerIds');
  }
  if (s.k.groups.length >= L.groupsMax)
    return fail(
      ErrorCode.InvalidCommand,
      `The cluster has created ${s.k.groups.length} consumer groups (a deleted group keeps its slot), the simulator's limit (groupsMax).`,
      'group.id',
    );
  const full = consumerRoomProblem(s, spec.consumers, spec.consumers);
  if (full) return fail(ErrorCode.InvalidCommand, full, 'group.consumers');
  const lacking = missingHandlerTopics(s, spec);
  if (lacking.length > 0)
    return fail(
      ErrorCode.UnknownTopic,
      `Group ${spec.id}'s handler needs topic(s) ${lacking.join(', ')}; a running cluster does not create them: declare them in the scenario.`,
      'group.handler',
    );
  addGroup(s, { ...spec, startAtMs: Math.max(s.nowMs, spec.startAtMs ?? 0) });
  return ok(null);
}

/** Commits a consumer's current positions now (a manual commitSync). */
export function commitCommand(s: KafkaState, c: Cmd<'commit'>): Result<null> {
  const i = lookup(s.k.consumerIndex, c.consumer);
  if (i === undefined) return fail(ErrorCode.UnknownConsumer, `There is no consumer "${c.consumer}".`, 'consumer');
  if (!s.k.consumers[i]!.alive) return fail(ErrorCode.NotAvailable, `Consumer ${c.consumer} is not running.`);
  commitPositions(s, i);
  return ok(null);
}

/**
 * kafka-consumer-groups --reset-offsets: moves a group's committed offsets for a topic. As in
 * Kafka, only for a group with no members; offsets outside [log start, HW] are clamped.
 */
export function resetOffsetsCommand(s: KafkaState, c: Cmd<'reset-offsets'>): Result<{ offsets: number[] }> {
  const k = s.k;
  const g = lookup(k.groupIndex, c.group);
  if (g === undefined) return fail(ErrorCode.UnknownGroup, `There is no group "${c.group}".`, 'group');
  const ti = lookup(k.topicIndex, c.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `There is no topic "${c.topic}".`, 'topic');
  const grp = k.groups[g]!;
  if (groupIsActive(grp)) {
    // A consumer that has closed is still a member until its LeaveGroup reaches the coordinator.
    const leaving = grp.members.every((m) => k.consumers[m.consumer]!.phase === 'left');
    return fail(
      ErrorCode.NotAvailable,
      leaving
        ? `Group ${grp.id} still has members: its consumers are leaving, but the coordinator has not yet handled their LeaveGroup. Let the run go on a moment, then reset; Kafka only resets offsets of an inactive group.`
        : `Group ${grp.id} still has members; Kafka only resets offsets of an inactive group. Remove its consumers (or wait for their sessions to time out) first.`,
    );
  }
  const topic = k.topics[ti]!;
  const offsets: number[] = [];
  for (let p = 0; p < topic.partitions; p++) {
    const pid = pidOf(topic, p);
    const log = readLog(k.parts[pid]!);
    const to = c.to;
    let o: number;
    if (to === 'earliest') o = log.start;
    else if (to === 'latest') o = log.hw;
    else if ('offset' in to) o = to.offset;
    else o = offsetForTimestamp(log, to.timestampMs, k.rec.ts);
    o = Math.max(log.start, Math.min(log.hw, o));
    offsets.push(o);
    grp.committed[pid] = o;
    // Going back is a replay, not a redelivery: remember what was processed before.
    grp.replayUntil[pid] = Math.max(grp.replayUntil[pid]!, grp.processedTo[pid]!);
    if (o > grp.processedTo[pid]!) grp.processedTo[pid] = o;
  }
  const shown = typeof c.to === 'string' ? c.to : JSON.stringify(c.to);
  emit(
    s,
    () => ({ type: 'offsets-reset', atMs: s.nowMs, group: grp.id, topic: topic.name, to: shown, offsets }),
    'offsets-reset',
  );
  return ok({ offsets });
}
