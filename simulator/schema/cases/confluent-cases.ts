/**
 * Registry-level cases ported from Confluent Schema Registry's Avro compatibility test, as data.
 *
 * Source: confluentinc/schema-registry
 * `core/src/test/java/io/confluent/kafka/schemaregistry/avro/AvroCompatibilityTest.java`. Each case
 * is (level, earlier schemas oldest first — the order the Java test passes them, which Confluent's
 * checker reverses to go newest first —, candidate, verdict), grouped by the Java test method, with
 * the test's own reason in our words.
 */
import type { CompatibilityLevel } from '../levels.ts';
import type { AvroSchema } from '../types.ts';

const myrecord = (fields: object[]): AvroSchema => ({ type: 'record', name: 'myrecord', fields });

export const SCHEMA1 = myrecord([{ type: 'string', name: 'f1' }]);
export const SCHEMA2 = myrecord([
  { type: 'string', name: 'f1' },
  { type: 'string', name: 'f2', default: 'foo' },
]);
export const SCHEMA3 = myrecord([
  { type: 'string', name: 'f1' },
  { type: 'string', name: 'f2' },
]);
export const SCHEMA4 = myrecord([{ type: 'string', name: 'f1_new', aliases: ['f1'] }]);
export const SCHEMA6 = myrecord([{ type: ['null', 'string'], name: 'f1', doc: 'doc of f1' }]);
export const SCHEMA7 = myrecord([{ type: ['null', 'string', 'int'], name: 'f1', doc: 'doc of f1' }]);
export const SCHEMA8 = myrecord([
  { type: 'string', name: 'f1' },
  { type: 'string', name: 'f2', default: 'foo' },
  { type: 'string', name: 'f3', default: 'bar' },
]);
/** testBadDefaultNull: the string "null" as the default of a ["null","string"] field still parses. */
export const BAD_DEFAULT_NULL = myrecord([
  { type: ['null', 'string'], name: 'f1', default: 'null' },
  { type: 'string', name: 'f2', default: 'foo' },
  { type: 'string', name: 'f3', default: 'bar' },
]);

export interface LevelCase {
  why: string;
  previous: AvroSchema[];
  candidate: AvroSchema;
  compatible: boolean;
}

export interface LevelGroup {
  test: string;
  level: CompatibilityLevel;
  cases: LevelCase[];
}

const c = (why: string, candidate: AvroSchema, previous: AvroSchema[], compatible: boolean): LevelCase => ({
  why,
  previous,
  candidate,
  compatible,
});

export const CONFLUENT_SOURCE =
  'confluentinc/schema-registry core/src/test/java/io/confluent/kafka/schemaregistry/avro/AvroCompatibilityTest.java';

export const CONFLUENT_GROUPS: LevelGroup[] = [
  {
    test: 'testBasicBackwardsCompatibility',
    level: 'BACKWARD',
    cases: [
      c('adding a field with a default', SCHEMA2, [SCHEMA1], true),
      c('adding a field without a default', SCHEMA3, [SCHEMA1], false),
      c('renaming a field with an alias for the old name', SCHEMA4, [SCHEMA1], true),
      c('turning a field into a union containing its type', SCHEMA6, [SCHEMA1], true),
      c('turning a union back into one of its types', SCHEMA1, [SCHEMA6], false),
      c('adding a type to a union', SCHEMA7, [SCHEMA6], true),
      c('removing a type from a union', SCHEMA6, [SCHEMA7], false),
      c('only the latest version counts: removing a default is fine against it', SCHEMA3, [SCHEMA1, SCHEMA2], true),
    ],
  },
  {
    test: 'testBasicBackwardsTransitiveCompatibility',
    level: 'BACKWARD_TRANSITIVE',
    cases: [
      c('adding fields with defaults one after the other', SCHEMA8, [SCHEMA1, SCHEMA2], true),
      c('adding a field with a default', SCHEMA2, [SCHEMA1], true),
      c('removing a default, checked against the latest only', SCHEMA3, [SCHEMA2], true),
      c('removing a default, checked against every version (1 has no f2)', SCHEMA3, [SCHEMA2, SCHEMA1], false),
    ],
  },
  {
    test: 'testBasicForwardsCompatibility',
    level: 'FORWARD',
    cases: [
      c('adding a field (with a default)', SCHEMA2, [SCHEMA1], true),
      c('adding a field (without a default)', SCHEMA3, [SCHEMA1], true),
      c('removing the default of a field', SCHEMA3, [SCHEMA2], true),
      c('adding a default to a field', SCHEMA2, [SCHEMA3], true),
      c('only the latest version counts', SCHEMA1, [SCHEMA3, SCHEMA2], true),
    ],
  },
  {
    test: 'testBasicForwardsTransitiveCompatibility',
    level: 'FORWARD_TRANSITIVE',
    cases: [
      c('removing fields with defaults one after the other', SCHEMA1, [SCHEMA8, SCHEMA2], true),
      c('adding a default to a field', SCHEMA2, [SCHEMA3], true),
      c('removing a field that has a default', SCHEMA1, [SCHEMA2], true),
      c('removing a field that had no default in an earlier version', SCHEMA1, [SCHEMA2, SCHEMA3], false),
    ],
  },
  {
    test: 'testBasicFullCompatibility',
    level: 'FULL',
    cases: [
      c('adding a field with a default', SCHEMA2, [SCHEMA1], true),
      c('only the latest counts: adding a field without a default after 2', SCHEMA3, [SCHEMA1, SCHEMA2], true),
      c('only the latest counts: removing a field after 2', SCHEMA1, [SCHEMA3, SCHEMA2], true),
    ],
  },
  {
    test: 'testBasicFullTransitiveCompatibility',
    level: 'FULL_TRANSITIVE',
    cases: [
      c('adding fields with defaults one after the other', SCHEMA8, [SCHEMA1, SCHEMA2], true),
      c('removing fields with defaults one after the other', SCHEMA1, [SCHEMA8, SCHEMA2], true),
      c('adding a default to a field', SCHEMA2, [SCHEMA3], true),
      c('removing a field that has a default', SCHEMA1, [SCHEMA2], true),
      c('adding a field with a default', SCHEMA2, [SCHEMA1], true),
      c('removing a default from a field', SCHEMA3, [SCHEMA2], true),
      c('adding a field without a default, against every version', SCHEMA3, [SCHEMA2, SCHEMA1], false),
      c('removing a field without a default, against every version', SCHEMA1, [SCHEMA2, SCHEMA3], false),
    ],
  },
];
