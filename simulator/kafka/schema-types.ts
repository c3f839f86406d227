/**
 * The Kafka model's schema registry half: the optional scenario fields, the commands, the state and
 * the trace entries that make producers serialise with a registered writer schema and consumer
 * groups deserialise with their own reader schema (issue 16).
 *
 * Every field here is optional and every state field lives under `KafkaModel.schema`, which exists
 * only when a scenario uses a schema: a scenario without one builds the same world, runs the same
 * tasks and writes the same trace, byte for byte, as before the registry existed.
 */
import type { TraceBase } from '../core/trace.ts';
import type { CompatibilityLevel } from '../schema/levels.ts';
import type { SchemaRegistryState, SchemaScenario, SchemaTraceEntry } from '../schema/registry-types.ts';
import type { AvroSchema } from '../schema/types.ts';

/** Scenario fields of a producer that serialises with Avro. */
export interface ProducerSchemaFields {
  /** The writer schema of the producer's record values (Avro JSON form). */
  valueSchema?: AvroSchema;
  /**
   * auto.register.schemas: register the schema under `<topic>-value` before the first send (true,
   * the serializer's default); false: the schema must already be registered there.
   */
  autoRegister?: boolean;
}

/** Scenario fields of a consumer group that deserialises with Avro. */
export interface GroupSchemaFields {
  /** The reader schema the group's consumers deserialise record values with (Avro JSON form). */
  readerSchema?: AvroSchema;
  /**
   * Send a record the reader schema cannot read to `<topic>.DLT` (with a header naming the reason)
   * and carry on; without it the record stops the partition until the reader schema changes.
   */
  deadLetter?: boolean;
}

/** The registry a scenario starts with (history imported without checks, as a registry restore). */
export interface ScenarioSchemaFields {
  schemaRegistry?: SchemaScenario;
}

/** Commands a learner uses to change schemas mid-run; each is accepted or refused with the reason. */
export type KafkaSchemaCommand =
  | { type: 'register-schema'; subject: string; schema: AvroSchema }
  /** Without a subject: the global level. */
  | { type: 'set-compatibility'; subject?: string; level: CompatibilityLevel }
  | { type: 'set-producer-schema'; producer: string; schema: AvroSchema; autoRegister?: boolean }
  | { type: 'set-reader-schema'; group: string; schema: AvroSchema }
  /** Seek the group past the record its reader schema cannot read, on one partition (the record is skipped). */
  | { type: 'skip-unreadable'; group: string; topic: string; partition: number };

/** A producer's serializer: its schema, and the id the registry gave it (null until registered). */
export interface ProducerSchemaState {
  schema: AvroSchema;
  autoRegister: boolean;
  subject: string;
  id: number | null;
  version: number | null;
  /** Why the serializer refuses to send (the registry's answer); the producer publishes nothing. */
  error: string | null;
  /** `KafkaSchemaWorld.changes` when the error came: the serializer asks again once the registry changes. */
  errorAt: number;
}

/** A group's deserializer. */
export interface GroupSchemaState {
  schema: AvroSchema | null;
  deadLetter: boolean;
  /** Records read through the reader schema. */
  read: number;
  unreadable: number;
  deadLettered: number;
  /** The newest record read, as the reader schema sees it (for the views). */
  lastRead: { topic: string; partition: number; offset: number; schemaId: number; value: unknown } | null;
}

/** A partition a group cannot get past: the record at `offset` does not deserialise. */
export interface StalledPartition {
  group: number;
  pid: number;
  offset: number;
  recordId: string;
  schemaId: number;
  error: string;
}

/** A record a group sent to a dead-letter topic, with the header it carries. */
export interface DeadLetterHeader {
  /** Record number of the copy on the dead-letter topic. */
  rn: number;
  /** The group that could not read the original. */
  group: string;
  reason: string;
  fromTopic: string;
  fromPartition: number;
  fromOffset: number;
}

export interface KafkaSchemaWorld {
  registry: SchemaRegistryState;
  /** By producer index; null for a producer without a schema. */
  producers: Array<ProducerSchemaState | null>;
  /** By group index; null for a group without a reader schema or dead-letter topic. */
  groups: Array<GroupSchemaState | null>;
  /** By record number: the schema id the record's value was serialised with, 0 for none. */
  recSchema: number[];
  stalls: StalledPartition[];
  deadLetters: DeadLetterHeader[];
  /** Counts accepted registry changes (a version, a level): a refused serializer retries after one. */
  changes: number;
}

interface E<T extends string> extends TraceBase {
  type: T;
}

/** The registry's own entries as the Kafka trace carries them, with the producer that caused them. */
export type RegistryKafkaEntry = SchemaTraceEntry & { producer?: string };

export type SchemaKafkaTraceEntry =
  | RegistryKafkaEntry
  | (E<'producer-schema-failed'> & { producer: string; topic: string; subject: string; error: string })
  | (E<'producer-schema-set'> & { producer: string; topic: string; subject: string })
  | (E<'reader-schema-set'> & { group: string; resumed: string[] })
  | (E<'record-unreadable'> & {
      consumer: string;
      group: string;
      topic: string;
      partition: number;
      offset: number;
      recordId: string;
      schemaId: number;
      error: string;
      deadLettered: boolean;
    })
  | (E<'record-dead-lettered'> & {
      consumer: string;
      group: string;
      topic: string;
      fromTopic: string;
      partition: number;
      offset: number;
      recordId: string;
      reason: string;
    })
  | (E<'unreadable-skipped'> & { group: string; topic: string; partition: number; offset: number });
