/**
 * The consumer's side of the registry: a group with a reader schema deserialises each record with
 * Avro's resolution (the writer schema looked up by the record's schema id; defaults fill fields
 * the writer lacked, fields the reader lacks are skipped), as Confluent's KafkaAvroDeserializer
 * with a specific reader schema does.
 *
 * A record the reader schema cannot read is an error on that group only. Without a dead-letter
 * topic the consumer stops on it, as poll() keeps throwing RecordDeserializationException at the
 * same offset: its position stays there, the partition is not fetched again, commits stay there
 * and lag grows, until the group's reader schema changes or the learner skips the record. With
 * `deadLetter` the record is copied to `<topic>.DLT` with a header naming the reason and the
 * consumer carries on. Other groups read the same record with their own schemas, unaffected.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import { createDatumReader, type DatumReader } from '../schema/resolve-datum.ts';
import { emit, partRef, recordId, valueOf } from './emit.ts';
import { lookup, setName } from './names.ts';
import { createProducer, produceRecord } from './producer.ts';
import { ensureTick } from './producer-send.ts';
import type { AvroSchema } from '../schema/types.ts';
import { nodeOf } from './schema-sample.ts';
import type { GroupSchemaState } from './schema-types.ts';
import type { ConsumerState, KafkaState } from './state.ts';

/** Resolution plans per writer/reader text pair: compiling one costs far more than reading a record. */
const readers = new Map<string, DatumReader>();
const READERS_MAX = 1024;

function datumReader(writerCanonical: string, reader: AvroSchema): DatumReader {
  const readerText = JSON.stringify(reader);
  const key = `${writerCanonical}\u0000${readerText}`;
  let r = readers.get(key);
  if (r === undefined) {
    r = createDatumReader(nodeOf(JSON.parse(writerCanonical) as AvroSchema), nodeOf(reader));
    if (readers.size >= READERS_MAX) readers.clear();
    readers.set(key, r);
  }
  return r;
}

/** Whether the group stops at a record of this partition (the fetch path's hook). */
export function partitionStalled(s: KafkaState, group: number, pid: number): boolean {
  const w = s.k.schema;
  if (w === undefined || w.stalls.length === 0) return false;
  for (const x of w.stalls) if (x.group === group && x.pid === pid) return true;
  return false;
}

/** Reads record `rn` with the group's reader schema: its value as the reader sees it, or why not. */
export function readWithGroupSchema(s: KafkaState, gs: GroupSchemaState, rn: number): Result<unknown> {
  const w = s.k.schema!;
  const id = w.recSchema[rn] ?? 0;
  if (id === 0)
    return fail(
      ErrorCode.SchemaDatumUnreadable,
      'Unknown magic byte: the record was not written by a schema registry serializer, so it carries no schema id.',
    );
  const stored = w.registry.schemas[id - 1];
  if (stored === undefined) return fail(ErrorCode.SchemaDatumUnreadable, `Schema ${id} not found in the registry.`);
  return datumReader(stored.canonical, gs.schema!).read(valueOf(s, rn));
}

/** Makes the consumer stop at `offset` of partition `pid`: nothing after it in the batch or buffer is processed. */
function stall(s: KafkaState, con: ConsumerState, pid: number, offset: number): void {
  const a = con.assigned.indexOf(pid);
  if (a >= 0) con.pos[a] = offset;
  const b = con.batch;
  for (let j = 0; j < b.length; j += 3) {
    if (b[j] !== pid) continue;
    b[j + 1] = b[j + 2]!;
    con.batchRecs[j / 3] = [];
  }
  const buf: number[] = [];
  const bufRecs: Array<number[] | null> = [];
  for (let i = 0; i < con.buf.length; i += 3) {
    if (con.buf[i] === pid) continue;
    buf.push(con.buf[i]!, con.buf[i + 1]!, con.buf[i + 2]!);
    bufRecs.push(con.bufRecs[i / 3] ?? null);
  }
  con.buf = buf;
  con.bufRecs = bufRecs;
}

/** The dead-letter producer of a group: one per group, created on its first dead letter. */
function deadLetterProducer(s: KafkaState, groupId: string): number {
  const k = s.k;
  const id = `${groupId}-dlt`;
  const found = lookup(k.producerIndex, id);
  if (found !== undefined) return found;
  setName(k.producerIndex, id, k.producers.length);
  k.producers.push(createProducer({ id, topic: '', ratePerSec: 0, keys: { type: 'none' } }, -1, k.parts.length, k.topics.length));
  return k.producers.length - 1;
}

function deadLetter(
  s: KafkaState,
  con: ConsumerState,
  gs: GroupSchemaState,
  pid: number,
  offset: number,
  rn: number,
  reason: string,
): void {
  const k = s.k;
  const w = k.schema!;
  const g = k.groups[con.group]!;
  const from = partRef(s, pid);
  const dlt = `${from.topic}.DLT`;
  const ti = lookup(k.topicIndex, dlt);
  // The loader makes a dead-letter group's scenario declare its DLT topics; add-group may not have.
  if (ti === undefined) return;
  const prod = deadLetterProducer(s, g.id);
  k.values.push(valueOf(s, rn));
  const copy = produceRecord(s, prod, ti, k.rec.key[rn]!, -1, k.values.length - 1, s.nowMs);
  // The copy carries the original bytes, schema id included.
  w.recSchema[copy] = w.recSchema[rn] ?? 0;
  w.deadLetters.push({ rn: copy, group: g.id, reason, fromTopic: from.topic, fromPartition: from.partition, fromOffset: offset });
  gs.deadLettered++;
  ensureTick(s, prod, s.nowMs + k.tuning.lingerMs);
  emit(
    s,
    () => ({
      type: 'record-dead-lettered',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      topic: dlt,
      fromTopic: from.topic,
      partition: from.partition,
      offset,
      recordId: recordId(copy),
      reason,
    }),
    'record-dead-lettered',
  );
}

/**
 * processOne's hook: deserialises the record for a group with a reader schema. True when the
 * consumer goes on (read, or sent to the dead-letter topic); false when it stops at this record.
 */
export function admitRecord(s: KafkaState, con: ConsumerState, pid: number, offset: number, rn: number): boolean {
  const gs = s.k.schema!.groups[con.group] ?? null;
  if (gs === null || gs.schema === null || rn < 0) return true;
  const r = readWithGroupSchema(s, gs, rn);
  if (r.ok) {
    gs.read++;
    gs.lastRead = { ...partRef(s, pid), offset, schemaId: s.k.schema!.recSchema[rn] ?? 0, value: r.value };
    return true;
  }
  gs.unreadable++;
  const error = r.error.message;
  const g = s.k.groups[con.group]!;
  const toDlt = gs.deadLetter && lookup(s.k.topicIndex, `${partRef(s, pid).topic}.DLT`) !== undefined;
  emit(
    s,
    () => ({
      type: 'record-unreadable',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      ...partRef(s, pid),
      offset,
      recordId: recordId(rn),
      schemaId: s.k.schema!.recSchema[rn] ?? 0,
      error,
      deadLettered: toDlt,
    }),
    'record-unreadable',
  );
  if (toDlt) {
    deadLetter(s, con, gs, pid, offset, rn, error);
    return true;
  }
  stall(s, con, pid, offset);
  const w = s.k.schema!;
  if (!partitionStalled(s, con.group, pid))
    w.stalls.push({ group: con.group, pid, offset, recordId: recordId(rn), schemaId: w.recSchema[rn] ?? 0, error });
  return false;
}

/** Lets a group fetch its stalled partitions again (its reader schema changed, or a record was skipped). */
export function releaseStalls(s: KafkaState, group: number, pid?: number): string[] {
  const w = s.k.schema;
  if (w === undefined) return [];
  const released = w.stalls.filter((x) => x.group === group && (pid === undefined || x.pid === pid));
  w.stalls = w.stalls.filter((x) => !released.includes(x));
  return released.map((x) => {
    const r = partRef(s, x.pid);
    return `${r.topic}-${r.partition}`;
  });
}
