/**
 * More reader/writer cases ported from Avro's Java tests: type mismatches, the many-at-once case,
 * and the compatibility side of the enum-default tests. Same format as avro-compatibility-cases.ts.
 *
 * Source files: apache/avro `lang/java/avro/src/test/java/org/apache/avro/`, named on each group.
 */
import type { CaseGroup, CompatCase, ExpectedIncompatibility } from './avro-compatibility-cases.ts';
import type { AvroSchema } from '../types.ts';
import * as S from './test-schemas.ts';

const mismatch = (reader: AvroSchema, writer: AvroSchema, r: string, w: string, location: string): CompatCase => ({
  reader,
  writer,
  expect: [{ type: 'TYPE_MISMATCH', detail: `reader type: ${r} not compatible with writer type: ${w}`, location }],
});

/** TestSchemaCompatibilityMultiple: one record pair breaking nine rules at once. */
const enumT = (name: string, symbols: string[]): object => ({ type: 'enum', name, symbols });
const MULTIPLE_READER = {
  type: 'record',
  name: 'base',
  fields: [
    { name: 'check_enum_symbols_field', type: enumT('check_enum_symbols_type', ['A', 'C']) },
    { name: 'check_enum_name_field', type: enumT('check_enum_name_type', ['A', 'B', 'C', 'D']) },
    { name: 'type_mismatch_field', type: 'string' },
    {
      name: 'sub_record',
      type: {
        type: 'record',
        name: 'sub_record_type',
        fields: [
          { name: 'identical_1_field', type: 'long', default: 42 },
          { name: 'extra_no_default_field', type: 'long' },
          { name: 'fixed_length_mismatch_field', type: { type: 'fixed', name: 'fixed_length_mismatch_type', size: 4 } },
          { name: 'union_missing_branches_field', type: ['boolean'] },
          { name: 'reader_union_does_not_support_type_field', type: ['boolean'] },
          {
            name: 'record_fqn_mismatch_field',
            type: {
              type: 'record',
              name: 'recordA',
              namespace: 'not_nsA',
              fields: [
                { name: 'A_field_0', type: 'boolean', default: true },
                { name: 'array_type_mismatch_field', type: { type: 'array', items: 'string' } },
              ],
            },
          },
        ],
      },
    },
  ],
};
const MULTIPLE_WRITER = {
  type: 'record',
  name: 'base',
  fields: [
    { name: 'check_enum_symbols_field', type: enumT('check_enum_symbols_type', ['A', 'B', 'C', 'D']) },
    { name: 'check_enum_name_field', type: enumT('check_enum_name_type_ERR', ['A', 'B', 'C', 'D']) },
    { name: 'type_mismatch_field', type: 'long' },
    {
      name: 'sub_record',
      type: {
        type: 'record',
        name: 'sub_record_type',
        fields: [
          { name: 'identical_1_field', type: 'long', default: 42 },
          { name: 'fixed_length_mismatch_field', type: { type: 'fixed', name: 'fixed_length_mismatch_type', size: 8 } },
          { name: 'union_missing_branches_field', type: ['boolean', 'double', 'string'] },
          { name: 'reader_union_does_not_support_type_field', type: 'long' },
          {
            name: 'record_fqn_mismatch_field',
            type: {
              type: 'record',
              name: 'recordA',
              namespace: 'nsA',
              fields: [
                { name: 'A_field_0', type: 'boolean', default: true },
                { name: 'array_type_mismatch_field', type: { type: 'array', items: 'boolean' } },
              ],
            },
          },
        ],
      },
    },
  ],
};
const MULTIPLE_EXPECTED: ExpectedIncompatibility[] = [
  { type: 'MISSING_ENUM_SYMBOLS', detail: '[B, D]', location: '/fields/0/type/symbols' },
  { type: 'NAME_MISMATCH', detail: 'expected: check_enum_name_type_ERR', location: '/fields/1/type/name' },
  { type: 'TYPE_MISMATCH', detail: 'reader type: STRING not compatible with writer type: LONG', location: '/fields/2/type' },
  { type: 'READER_FIELD_MISSING_DEFAULT_VALUE', detail: 'extra_no_default_field', location: '/fields/3/type/fields/1' },
  { type: 'FIXED_SIZE_MISMATCH', detail: 'expected: 8, found: 4', location: '/fields/3/type/fields/2/type/size' },
  {
    type: 'MISSING_UNION_BRANCH',
    detail: 'reader union lacking writer type: DOUBLE',
    location: '/fields/3/type/fields/3/type/1',
  },
  {
    type: 'MISSING_UNION_BRANCH',
    detail: 'reader union lacking writer type: STRING',
    location: '/fields/3/type/fields/3/type/2',
  },
  { type: 'MISSING_UNION_BRANCH', detail: 'reader union lacking writer type: LONG', location: '/fields/3/type/fields/4/type' },
  {
    type: 'TYPE_MISMATCH',
    detail: 'reader type: STRING not compatible with writer type: BOOLEAN',
    location: '/fields/3/type/fields/5/type/fields/1/type/items',
  },
];

const record1 = (fieldName: string, type: AvroSchema, extra: object = {}): AvroSchema => ({
  type: 'record',
  name: 'Record1',
  fields: [{ name: fieldName, type, ...extra }],
});

export const AVRO_COMPAT_GROUPS_2: CaseGroup[] = [
  {
    source: 'TestSchemaCompatibilityTypeMismatch.java',
    test: 'testTypeMismatchSchemas',
    cases: [
      mismatch(S.NULL, S.INT, 'NULL', 'INT', '/'),
      mismatch(S.NULL, S.LONG, 'NULL', 'LONG', '/'),
      mismatch(S.BOOLEAN, S.INT, 'BOOLEAN', 'INT', '/'),
      mismatch(S.INT, S.NULL, 'INT', 'NULL', '/'),
      mismatch(S.INT, S.BOOLEAN, 'INT', 'BOOLEAN', '/'),
      mismatch(S.INT, S.LONG, 'INT', 'LONG', '/'),
      mismatch(S.INT, S.FLOAT, 'INT', 'FLOAT', '/'),
      mismatch(S.INT, S.DOUBLE, 'INT', 'DOUBLE', '/'),
      mismatch(S.LONG, S.FLOAT, 'LONG', 'FLOAT', '/'),
      mismatch(S.LONG, S.DOUBLE, 'LONG', 'DOUBLE', '/'),
      mismatch(S.FLOAT, S.DOUBLE, 'FLOAT', 'DOUBLE', '/'),
      mismatch(S.DOUBLE, S.STRING, 'DOUBLE', 'STRING', '/'),
      mismatch(S.FIXED_4_BYTES, S.STRING, 'FIXED', 'STRING', '/'),
      mismatch(S.STRING, S.BOOLEAN, 'STRING', 'BOOLEAN', '/'),
      mismatch(S.STRING, S.INT, 'STRING', 'INT', '/'),
      mismatch(S.BYTES, S.NULL, 'BYTES', 'NULL', '/'),
      mismatch(S.BYTES, S.INT, 'BYTES', 'INT', '/'),
      mismatch(S.A_INT_RECORD1, S.INT, 'RECORD', 'INT', '/'),
      mismatch(S.INT_ARRAY, S.LONG_ARRAY, 'INT', 'LONG', '/items'),
      mismatch(S.INT_MAP, S.INT_ARRAY, 'MAP', 'ARRAY', '/'),
      mismatch(S.INT_ARRAY, S.INT_MAP, 'ARRAY', 'MAP', '/'),
      mismatch(S.INT_MAP, S.LONG_MAP, 'INT', 'LONG', '/values'),
      mismatch(S.INT, S.ENUM2_AB, 'INT', 'ENUM', '/'),
      mismatch(S.ENUM2_AB, S.INT, 'ENUM', 'INT', '/'),
      mismatch(S.FLOAT, S.INT_LONG_FLOAT_DOUBLE_UNION, 'FLOAT', 'DOUBLE', '/3'),
      mismatch(S.LONG, S.INT_FLOAT_UNION, 'LONG', 'FLOAT', '/1'),
      mismatch(S.INT, S.INT_FLOAT_UNION, 'INT', 'FLOAT', '/1'),
      mismatch(S.INT_LIST_RECORD, S.LONG_LIST_RECORD, 'INT', 'LONG', '/fields/0/type'),
      mismatch(S.NULL, S.INT, 'NULL', 'INT', '/'),
    ],
  },
  {
    source: 'TestSchemaCompatibilityMultiple.java',
    test: 'multipleIncompatibilities',
    cases: [{ reader: MULTIPLE_READER, writer: MULTIPLE_WRITER, expect: MULTIPLE_EXPECTED }],
  },
  {
    source: 'TestSchemaCompatibilityEnumDefaults.java',
    test: 'the schema pairs of its five tests, asked of the checker (the Java tests decode data; datum.test.ts ports that side)',
    cases: [
      // enumDefaultNotAppliedWhenWriterFieldMissing: Avro compares the reader's enum with the writer record.
      {
        reader: record1('field1', S.ENUM_AB_ENUM_DEFAULT_A),
        writer: record1('field2', S.ENUM2_AB),
        expect: [
          {
            type: 'TYPE_MISMATCH',
            detail: 'reader type: ENUM not compatible with writer type: RECORD',
            location: '/fields/0/type',
          },
        ],
      },
      { reader: record1('field1', S.ENUM_AB_ENUM_DEFAULT_A), writer: record1('field1', S.ENUM_ABC_ENUM_DEFAULT_A), expect: [] },
      {
        reader: record1('field1', S.ENUM_AB_ENUM_DEFAULT_A, { default: 'B' }),
        writer: record1('field1', S.ENUM_ABC_ENUM_DEFAULT_A),
        expect: [],
      },
      {
        reader: record1('field1', S.ENUM1_AB, { default: 'A' }),
        writer: record1('field1', S.ENUM1_ABC),
        expect: [{ type: 'MISSING_ENUM_SYMBOLS', detail: '[C]', location: '/fields/0/type/symbols' }],
      },
    ],
  },
];
