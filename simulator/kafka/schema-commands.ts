/**
 * The commands a learner changes schemas with mid-run: register a version under a subject, set a
 * compatibility level, switch a producer's writer schema, switch a group's reader schema, and skip
 * the record a group is stuck on. Each is accepted or refused with the registry's or the model's
 * reason; a refusal changes nothing but the trace (and, for a producer, stops it publishing).
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { ensureFetches } from './consumer-fetch.ts';
import { emit } from './emit.ts';
import { lookup } from './names.ts';
import { parseCached } from './schema-sample.ts';
import { releaseStalls } from './schema-consume.ts';
import type { KafkaSchemaCommand, ProducerSchemaState } from './schema-types.ts';
import { newGroupSchema, registryCommand, resolveProducerSchema, schemaWorld, setProducerSchema } from './schema-world.ts';
import type { KafkaState } from './state.ts';
import type { AvroSchema } from '../schema/types.ts';
import { pidOf } from './topic-pids.ts';

/** A schema the learner typed: parsed, or refused with where and why. */
function checkSchema(schema: AvroSchema, what: string): Result<null> {
  const r = parseCached(schema);
  return r.ok
    ? ok(null)
    : fail(ErrorCode.SchemaInvalid, `The ${what} is not a valid Avro schema (at ${r.path}): ${r.reason}.`, 'schema');
}

function resume(s: KafkaState, g: number): void {
  for (let c = 0; c < s.k.consumers.length; c++) {
    const con = s.k.consumers[c]!;
    if (con.group === g && con.alive) ensureFetches(s, c);
  }
}

/** What a producer goes on doing after the registry refused its new schema, in the learner's words. */
function keeps(prev: ProducerSchemaState | null): string {
  if (prev === null) return 'so it keeps writing records without a schema, as before';
  if (prev.id !== null) return `so it keeps writing with ${prev.subject} v${prev.version} (schema id ${prev.id})`;
  if (prev.error !== null) return 'so it keeps its old schema, which the registry refused too: it still publishes nothing';
  return `so it keeps its old schema (not registered yet: its serializer ${prev.autoRegister ? 'registers' : 'looks up'} it before the first send)`;
}

function setProducer(s: KafkaState, c: Extract<KafkaSchemaCommand, { type: 'set-producer-schema' }>): Result<unknown> {
  const prod = lookup(s.k.producerIndex, c.producer);
  if (prod === undefined) return fail(ErrorCode.UnknownNode, `There is no producer "${c.producer}".`, 'producer');
  const p = s.k.producers[prod]!;
  if (p.topic < 0)
    return fail(ErrorCode.InvalidCommand, `Producer ${c.producer} has no topic of its own, so no subject to register under.`);
  const bad = checkSchema(c.schema, 'writer schema');
  if (!bad.ok) return bad;
  const w = schemaWorld(s);
  const prev = w.producers[prod] ?? null;
  setProducerSchema(s, prod, { valueSchema: c.schema, autoRegister: c.autoRegister ?? prev?.autoRegister });
  const ps = w.producers[prod]!;
  // A new deployment's serializer asks the registry before it sends anything; refused, the
  // rollout stops and the running producer keeps the schema it had.
  const r = resolveProducerSchema(s, prod, ps);
  if (!r.ok) {
    w.producers[prod] = prev;
    return fail(
      r.error.code,
      `The registry refused producer ${c.producer}'s new schema, ${keeps(prev)}. ${r.error.message}`,
      'schema',
    );
  }
  ps.id = r.value.id;
  ps.version = r.value.version;
  emit(
    s,
    () => ({ type: 'producer-schema-set', atMs: s.nowMs, producer: p.id, topic: s.k.topics[p.topic]!.name, subject: ps.subject }),
    'producer-schema-set',
  );
  return ok({ subject: ps.subject, id: ps.id, version: ps.version });
}

function setReader(s: KafkaState, c: Extract<KafkaSchemaCommand, { type: 'set-reader-schema' }>): Result<unknown> {
  const g = lookup(s.k.groupIndex, c.group);
  if (g === undefined) return fail(ErrorCode.UnknownGroup, `There is no group "${c.group}".`, 'group');
  const bad = checkSchema(c.schema, 'reader schema');
  if (!bad.ok) return bad;
  const w = schemaWorld(s);
  while (w.groups.length <= g) w.groups.push(null);
  const old = w.groups[g];
  w.groups[g] = old == null ? newGroupSchema(c.schema, false) : { ...old, schema: c.schema };
  const resumed = releaseStalls(s, g);
  emit(s, () => ({ type: 'reader-schema-set', atMs: s.nowMs, group: c.group, resumed }), 'reader-schema-set');
  resume(s, g);
  return ok({ resumed });
}

function skip(s: KafkaState, c: Extract<KafkaSchemaCommand, { type: 'skip-unreadable' }>): Result<unknown> {
  const k = s.k;
  const g = lookup(k.groupIndex, c.group);
  if (g === undefined) return fail(ErrorCode.UnknownGroup, `There is no group "${c.group}".`, 'group');
  const ti = lookup(k.topicIndex, c.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `There is no topic "${c.topic}".`, 'topic');
  const pid = c.partition < k.topics[ti]!.partitions ? pidOf(k.topics[ti]!, c.partition) : -1;
  const stall = k.schema?.stalls.find((x) => x.group === g && x.pid === pid && c.partition < k.topics[ti]!.partitions);
  if (stall === undefined)
    return fail(
      ErrorCode.InvalidCommand,
      `Group ${c.group} is not stopped on ${c.topic}-${c.partition}: there is nothing to skip.`,
    );
  const next = stall.offset + 1;
  // consumer.seek(partition, offset + 1) on the owner; with no owner, the committed offset moves.
  let owned = false;
  for (const con of k.consumers) {
    const a = con.group === g ? con.assigned.indexOf(pid) : -1;
    if (a >= 0 && con.pos[a] === stall.offset) {
      con.pos[a] = next;
      owned = true;
    }
  }
  if (!owned) k.groups[g]!.committed[pid] = next;
  releaseStalls(s, g, pid);
  emit(
    s,
    () => ({
      type: 'unreadable-skipped',
      atMs: s.nowMs,
      group: c.group,
      topic: c.topic,
      partition: c.partition,
      offset: stall.offset,
    }),
    'unreadable-skipped',
  );
  resume(s, g);
  return ok({ offset: next });
}

/** Applies one schema command (command-dispatch's hook). */
export function applyKafkaSchemaCommand(s: KafkaState, c: KafkaSchemaCommand): Result<unknown> {
  switch (c.type) {
    case 'register-schema':
      // An invalid schema is refused by the registry itself, with where and why.
      return registryCommand(s, c);
    case 'set-compatibility':
      if (c.subject !== undefined && c.subject.length === 0)
        return fail(ErrorCode.InvalidCommand, 'A subject name cannot be empty.');
      return registryCommand(s, c);
    case 'set-producer-schema':
      return setProducer(s, c);
    case 'set-reader-schema':
      return setReader(s, c);
    case 'skip-unreadable':
      return skip(s, c);
  }
}

/** Whether a command is one of the schema commands. */
export function isKafkaSchemaCommand(c: { type: string }): c is KafkaSchemaCommand {
  return (
    c.type === 'register-schema' ||
    c.type === 'set-compatibility' ||
    c.type === 'set-producer-schema' ||
    c.type === 'set-reader-schema' ||
    c.type === 'skip-unreadable'
  );
}
