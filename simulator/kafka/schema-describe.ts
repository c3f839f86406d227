/**
 * Sentences for the schema entries of the Kafka trace: the registry's own (with the producer whose
 * serializer asked) and the serializer's and deserializer's. describe.ts hands these over.
 */
import { describeSchemaEntry } from '../schema/registry-describe.ts';
import type { SchemaKafkaTraceEntry } from './schema-types.ts';

/** One plain sentence about a schema entry of the Kafka trace. */
export function describeSchemaKafkaEntry(e: SchemaKafkaTraceEntry): string {
  switch (e.type) {
    case 'producer-schema-failed':
      return `Producer ${e.producer} cannot serialise for ${e.topic} and publishes nothing: ${e.error}`;
    case 'producer-schema-set':
      return `Producer ${e.producer} now writes ${e.topic} with a new schema, registered under ${e.subject}.`;
    case 'reader-schema-set':
      return `Group ${e.group} now reads with a new reader schema${e.resumed.length > 0 ? `; it fetches ${e.resumed.join(', ')} again` : ''}.`;
    case 'record-unreadable':
      return e.deadLettered
        ? `Consumer ${e.consumer} (${e.group}) could not read ${e.topic}-${e.partition} offset ${e.offset} (schema id ${e.schemaId}) and sends it to the dead-letter topic: ${e.error}`
        : `Consumer ${e.consumer} (${e.group}) could not read ${e.topic}-${e.partition} offset ${e.offset} (schema id ${e.schemaId}) and stops there; lag grows until the reader schema changes: ${e.error}`;
    case 'record-dead-lettered':
      return `Consumer ${e.consumer} (${e.group}) sent ${e.fromTopic}-${e.partition} offset ${e.offset} to ${e.topic} as ${e.recordId}, with a header saying why.`;
    case 'unreadable-skipped':
      return `Group ${e.group} skipped the record it could not read at ${e.topic}-${e.partition} offset ${e.offset}: that record is never processed.`;
    default: {
      const sentence = describeSchemaEntry(e);
      return e.producer === undefined ? sentence : `${sentence} (asked by producer ${e.producer}'s serializer)`;
    }
  }
}
