/**
 * What the workbench shows of the registry in a Kafka run: subjects with their versions, ids and
 * levels; which schema each producer writes with and each group reads with; the records a group
 * could not read (where it stopped, or what it sent to a dead-letter topic, with the reason). Built
 * from plain state, read-only; null for a run without a registry.
 */
import type { CompatibilityLevel } from '../schema/levels.ts';
import type { AvroSchema } from '../schema/types.ts';
import { partRef, recordId } from './emit.ts';
import type { KafkaState } from './state.ts';

export interface SchemaVersionView {
  version: number;
  id: number;
  schema: AvroSchema;
  deleted: boolean;
}

export interface SchemaSubjectView {
  subject: string;
  /** The level that applies (the subject's own, else the global one). */
  level: CompatibilityLevel;
  ownLevel: boolean;
  versions: SchemaVersionView[];
}

export interface SchemaProducerView {
  producer: string;
  topic: string;
  subject: string;
  schema: AvroSchema;
  autoRegister: boolean;
  /** The id and version its serializer registered or found, null before its first send. */
  schemaId: number | null;
  version: number | null;
  /** The registry's refusal: the producer publishes nothing. */
  error: string | null;
}

export interface UnreadableRecordView {
  group: string;
  /** `orders-0`. */
  partition: string;
  offset: number;
  recordId: string;
  reason: string;
  /** True: sent to the dead-letter topic as `copy`; false: the group is stopped here. */
  deadLettered: boolean;
  copy: string | null;
}

export interface SchemaGroupView {
  group: string;
  topics: string[];
  schema: AvroSchema | null;
  deadLetter: boolean;
  read: number;
  unreadable: number;
  deadLettered: number;
  lastRead: { partition: string; offset: number; schemaId: number; value: unknown } | null;
  /** Partitions the group is stopped on, with the record it cannot read. */
  stopped: UnreadableRecordView[];
}

export interface KafkaSchemaView {
  globalLevel: CompatibilityLevel;
  subjects: SchemaSubjectView[];
  producers: SchemaProducerView[];
  groups: SchemaGroupView[];
  /** Every record some group could not read, oldest first (dead letters kept up to the newest 200). */
  unreadable: UnreadableRecordView[];
}

const DEAD_LETTERS_SHOWN = 200;

/** The registry and serializers of a run, or null when the scenario uses no schema. */
export function kafkaSchemaView(s: KafkaState): KafkaSchemaView | null {
  const w = s.k.schema;
  if (w === undefined) return null;
  const reg = w.registry;
  const subjects = reg.subjects.map((x) => ({
    subject: x.subject,
    level: x.level ?? reg.globalLevel,
    ownLevel: x.level !== null,
    versions: x.versions.map((v) => ({
      version: v.version,
      id: v.schemaId,
      schema: reg.schemas[v.schemaId - 1]!.schema,
      deleted: v.deleted,
    })),
  }));
  const producers: SchemaProducerView[] = [];
  w.producers.forEach((ps, i) => {
    if (ps === null) return;
    const p = s.k.producers[i]!;
    producers.push({
      producer: p.id,
      topic: p.topic >= 0 ? s.k.topics[p.topic]!.name : '',
      subject: ps.subject,
      schema: ps.schema,
      autoRegister: ps.autoRegister,
      schemaId: ps.id,
      version: ps.version,
      error: ps.error,
    });
  });
  const stopped: UnreadableRecordView[] = w.stalls.map((x) => {
    const r = partRef(s, x.pid);
    return {
      group: s.k.groups[x.group]!.id,
      partition: `${r.topic}-${r.partition}`,
      offset: x.offset,
      recordId: x.recordId,
      reason: x.error,
      deadLettered: false,
      copy: null,
    };
  });
  const dead: UnreadableRecordView[] = w.deadLetters.slice(-DEAD_LETTERS_SHOWN).map((d) => ({
    group: d.group,
    partition: `${d.fromTopic}-${d.fromPartition}`,
    offset: d.fromOffset,
    recordId: '',
    reason: d.reason,
    deadLettered: true,
    copy: recordId(d.rn),
  }));
  const groups: SchemaGroupView[] = [];
  w.groups.forEach((gs, i) => {
    if (gs === null) return;
    const g = s.k.groups[i]!;
    const last = gs.lastRead;
    groups.push({
      group: g.id,
      topics: g.topics.map((t) => s.k.topics[t]!.name),
      schema: gs.schema,
      deadLetter: gs.deadLetter,
      read: gs.read,
      unreadable: gs.unreadable,
      deadLettered: gs.deadLettered,
      lastRead:
        last === null
          ? null
          : { partition: `${last.topic}-${last.partition}`, offset: last.offset, schemaId: last.schemaId, value: last.value },
      stopped: stopped.filter((x) => x.group === g.id),
    });
  });
  return { globalLevel: reg.globalLevel, subjects, producers, groups, unreadable: [...dead, ...stopped] };
}

/** The schema id a record was written with (0: none), for the record inspector. */
export function recordSchemaId(s: KafkaState, rn: number): number {
  return s.k.schema?.recSchema[rn] ?? 0;
}
