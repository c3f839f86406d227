/**
 * Reader/writer cases ported from Avro's Java tests, as data: for each, the expected verdict and,
 * when incompatible, every incompatibility Avro reports (type, Avro's detail text, location).
 *
 * Source files (apache/avro, `lang/java/avro/src/test/java/org/apache/avro/`) are named on each
 * group, with the test (method or data list) the cases come from. Schemas are in test-schemas.ts.
 */
import type { IncompatibilityType } from '../compatibility.ts';
import type { AvroSchema } from '../types.ts';
import * as S from './test-schemas.ts';

export interface ExpectedIncompatibility {
  type: IncompatibilityType;
  detail: string;
  location: string;
}

export interface CompatCase {
  reader: AvroSchema;
  writer: AvroSchema;
  /** Empty when compatible. */
  expect: ExpectedIncompatibility[];
}

export interface CaseGroup {
  source: string;
  test: string;
  cases: CompatCase[];
}

const ok = (reader: AvroSchema, writer: AvroSchema): CompatCase => ({ reader, writer, expect: [] });
const bad = (
  reader: AvroSchema,
  writer: AvroSchema,
  type: IncompatibilityType,
  detail: string,
  location: string,
): CompatCase => ({
  reader,
  writer,
  expect: [{ type, detail, location }],
});

/** TestSchemaCompatibility's writer record (anonymous in Java; JSON needs a name, so `Record`). */
const WRITER = {
  type: 'record',
  name: 'Record',
  fields: [
    { name: 'oldfield1', type: 'int' },
    { name: 'oldfield2', type: 'string' },
  ],
};
const rec = (fields: object[]): AvroSchema => ({ type: 'record', name: 'Record', fields });

const ACCOUNT_MANDATORY = { type: 'record', name: 'Account', fields: [{ name: 'age', type: 'int' }] };
const ACCOUNT_OPTIONAL = { type: 'record', name: 'Account', fields: [{ name: 'age', type: ['null', 'int'], default: null }] };

const RECORD1_WITH_ENUM_AB = { type: 'record', name: 'Record1', fields: [{ name: 'field1', type: S.ENUM1_AB }] };
const RECORD1_WITH_ENUM_ABC = { type: 'record', name: 'Record1', fields: [{ name: 'field1', type: S.ENUM1_ABC }] };
const RECORD1_WITH_INT = { type: 'record', name: 'Record1', fields: [{ name: 'field1', type: 'int' }] };
const RECORD2_WITH_INT = { type: 'record', name: 'Record2', fields: [{ name: 'field1', type: 'int' }] };
const union = (...b: AvroSchema[]): AvroSchema => b;
const branch = (detail: string, location: string): ExpectedIncompatibility => ({
  type: 'MISSING_UNION_BRANCH',
  detail,
  location,
});
const FIXED_4_ANOTHER_NAME = { type: 'fixed', name: 'AnotherName', size: 4 };

export const AVRO_COMPAT_GROUPS: CaseGroup[] = [
  {
    source: 'TestSchemaCompatibility.java',
    test: 'validateSchemaPairMissingField, …MissingSecondField, …AllFields, …NewFieldWithDefault, …NewField',
    cases: [
      ok(rec([{ name: 'oldfield1', type: 'int' }]), WRITER),
      ok(rec([{ name: 'oldfield2', type: 'string' }]), WRITER),
      ok(
        rec([
          { name: 'oldfield1', type: 'int' },
          { name: 'oldfield2', type: 'string' },
        ]),
        WRITER,
      ),
      ok(
        rec([
          { name: 'oldfield1', type: 'int' },
          { name: 'newfield1', type: 'int', default: 42 },
        ]),
        WRITER,
      ),
      bad(
        rec([
          { name: 'oldfield1', type: 'int' },
          { name: 'newfield1', type: 'int' },
        ]),
        WRITER,
        'READER_FIELD_MISSING_DEFAULT_VALUE',
        'newfield1',
        '/fields/1',
      ),
    ],
  },
  {
    source: 'TestSchemaCompatibility.java',
    test: 'validateArrayWriterSchema, validatePrimitiveWriterSchema, unionReaderWriterSubsetIncompatibility, unionWriterSimpleReaderIncompatibility',
    cases: [
      ok(S.STRING_ARRAY, S.STRING_ARRAY),
      bad(S.STRING_MAP, S.STRING_ARRAY, 'TYPE_MISMATCH', 'reader type: MAP not compatible with writer type: ARRAY', '/'),
      ok(S.STRING, S.STRING),
      bad(S.INT, S.STRING, 'TYPE_MISMATCH', 'reader type: INT not compatible with writer type: STRING', '/'),
      bad(['int', 'string'], ['int', 'string', 'long'], 'MISSING_UNION_BRANCH', 'reader union lacking writer type: LONG', '/2'),
      bad(
        ACCOUNT_MANDATORY,
        ACCOUNT_OPTIONAL,
        'TYPE_MISMATCH',
        'reader type: INT not compatible with writer type: NULL',
        '/fields/0/type/0',
      ),
    ],
  },
  {
    source: 'TestSchemaCompatibility.java',
    test: 'COMPATIBLE_READER_WRITER_TEST_CASES (readerWriterCompatibility)',
    cases: [
      ok(S.BOOLEAN, S.BOOLEAN),
      ok(S.INT, S.INT),
      ok(S.LONG, S.INT),
      ok(S.LONG, S.LONG),
      ok(S.FLOAT, S.INT),
      ok(S.FLOAT, S.LONG),
      ok(S.DOUBLE, S.LONG),
      ok(S.DOUBLE, S.INT),
      ok(S.DOUBLE, S.FLOAT),
      ok(S.STRING, S.STRING),
      ok(S.BYTES, S.BYTES),
      ok(S.INT_ARRAY, S.INT_ARRAY),
      ok(S.LONG_ARRAY, S.INT_ARRAY),
      ok(S.INT_MAP, S.INT_MAP),
      ok(S.LONG_MAP, S.INT_MAP),
      ok(S.ENUM1_AB, S.ENUM1_AB),
      ok(S.ENUM1_ABC, S.ENUM1_AB),
      ok(S.ENUM1_AB_DEFAULT, S.ENUM1_ABC),
      ok(S.ENUM1_AB, S.ENUM1_AB_NAMESPACE_1),
      ok(S.ENUM1_AB_NAMESPACE_1, S.ENUM1_AB),
      ok(S.ENUM1_AB_NAMESPACE_1, S.ENUM1_AB_NAMESPACE_2),
      ok(S.STRING, S.BYTES),
      ok(S.BYTES, S.STRING),
      ok(S.EMPTY_UNION, S.EMPTY_UNION),
      ok(S.FLOAT_UNION, S.EMPTY_UNION),
      ok(S.FLOAT_UNION, S.INT_UNION),
      ok(S.FLOAT_UNION, S.LONG_UNION),
      ok(S.FLOAT_UNION, S.INT_LONG_UNION),
      ok(S.INT_UNION, S.INT_UNION),
      ok(S.INT_STRING_UNION, S.STRING_INT_UNION),
      ok(S.INT_UNION, S.EMPTY_UNION),
      ok(S.LONG_UNION, S.EMPTY_UNION),
      ok(S.LONG_UNION, S.INT_UNION),
      ok(S.FLOAT_UNION, S.INT_UNION),
      ok(S.DOUBLE_UNION, S.INT_UNION),
      ok(S.FLOAT_UNION, S.LONG_UNION),
      ok(S.DOUBLE_UNION, S.LONG_UNION),
      ok(S.FLOAT_UNION, S.EMPTY_UNION),
      ok(S.DOUBLE_UNION, S.FLOAT_UNION),
      ok(S.STRING_UNION, S.EMPTY_UNION),
      ok(S.STRING_UNION, S.BYTES_UNION),
      ok(S.BYTES_UNION, S.EMPTY_UNION),
      ok(S.BYTES_UNION, S.STRING_UNION),
      ok(S.DOUBLE_UNION, S.INT_FLOAT_UNION),
      ok(S.FLOAT, S.INT_FLOAT_UNION),
      ok(S.LONG, S.INT_LONG_UNION),
      ok(S.DOUBLE, S.INT_FLOAT_UNION),
      ok(S.DOUBLE, S.INT_LONG_FLOAT_DOUBLE_UNION),
      ok(S.FLOAT, S.FLOAT_UNION),
      ok(S.INT_UNION, S.INT),
      ok(S.INT, S.INT_UNION),
      ok(S.FIXED_4_BYTES, S.FIXED_4_BYTES),
      ok(S.EMPTY_RECORD1, S.EMPTY_RECORD1),
      ok(S.EMPTY_RECORD1, S.A_INT_RECORD1),
      ok(S.A_INT_RECORD1, S.A_INT_RECORD1),
      ok(S.A_DINT_RECORD1, S.A_INT_RECORD1),
      ok(S.A_DINT_RECORD1, S.A_DINT_RECORD1),
      ok(S.A_INT_RECORD1, S.A_DINT_RECORD1),
      ok(S.A_LONG_RECORD1, S.A_INT_RECORD1),
      ok(S.A_INT_RECORD1, S.A_INT_B_INT_RECORD1),
      ok(S.A_DINT_RECORD1, S.A_INT_B_INT_RECORD1),
      ok(S.A_INT_B_DINT_RECORD1, S.A_INT_RECORD1),
      ok(S.A_DINT_B_DINT_RECORD1, S.EMPTY_RECORD1),
      ok(S.A_DINT_B_DINT_RECORD1, S.A_INT_RECORD1),
      ok(S.A_INT_B_INT_RECORD1, S.A_DINT_B_DINT_RECORD1),
      ok(S.INT_LIST_RECORD, S.INT_LIST_RECORD),
      ok(S.LONG_LIST_RECORD, S.LONG_LIST_RECORD),
      ok(S.LONG_LIST_RECORD, S.INT_LIST_RECORD),
      ok(S.NULL, S.NULL),
      ok(S.ENUM_AB_ENUM_DEFAULT_A_RECORD, S.ENUM_ABC_ENUM_DEFAULT_A_RECORD),
      ok(S.ENUM_AB_FIELD_DEFAULT_A_ENUM_DEFAULT_B_RECORD, S.ENUM_ABC_FIELD_DEFAULT_B_ENUM_DEFAULT_A_RECORD),
      ok(S.NS_RECORD1, S.NS_RECORD2),
      ok(S.WITHOUT_NS, S.WITH_NS),
    ],
  },
  {
    source: 'TestSchemaCompatibilityFixedSizeMismatch.java',
    test: 'fixedSizeMismatchSchemas',
    cases: [
      bad(S.FIXED_4_BYTES, S.FIXED_8_BYTES, 'FIXED_SIZE_MISMATCH', 'expected: 8, found: 4', '/size'),
      bad(S.FIXED_8_BYTES, S.FIXED_4_BYTES, 'FIXED_SIZE_MISMATCH', 'expected: 4, found: 8', '/size'),
      bad(
        S.A_DINT_B_DFIXED_8_BYTES_RECORD1,
        S.A_DINT_B_DFIXED_4_BYTES_RECORD1,
        'FIXED_SIZE_MISMATCH',
        'expected: 4, found: 8',
        '/fields/1/type/size',
      ),
      bad(
        S.A_DINT_B_DFIXED_4_BYTES_RECORD1,
        S.A_DINT_B_DFIXED_8_BYTES_RECORD1,
        'FIXED_SIZE_MISMATCH',
        'expected: 8, found: 4',
        '/fields/1/type/size',
      ),
    ],
  },
  {
    source: 'TestSchemaCompatibilityMissingEnumSymbols.java',
    test: 'testTypeMismatchSchemas',
    cases: [
      bad(S.ENUM1_AB, S.ENUM1_ABC, 'MISSING_ENUM_SYMBOLS', '[C]', '/symbols'),
      bad(S.ENUM1_BC, S.ENUM1_ABC, 'MISSING_ENUM_SYMBOLS', '[A]', '/symbols'),
      bad(RECORD1_WITH_ENUM_AB, RECORD1_WITH_ENUM_ABC, 'MISSING_ENUM_SYMBOLS', '[C]', '/fields/0/type/symbols'),
    ],
  },
  {
    source: 'TestSchemaCompatibilityMissingUnionBranch.java',
    test: 'testMissingUnionBranch',
    cases: [
      bad(S.INT_UNION, S.INT_STRING_UNION, 'MISSING_UNION_BRANCH', 'reader union lacking writer type: STRING', '/1'),
      bad(S.STRING_UNION, S.INT_STRING_UNION, 'MISSING_UNION_BRANCH', 'reader union lacking writer type: INT', '/0'),
      bad(S.INT_UNION, union('int', RECORD1_WITH_INT), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: RECORD', '/1'),
      bad(S.INT_UNION, union('int', RECORD2_WITH_INT), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: RECORD', '/1'),
      bad(
        union('int', RECORD1_WITH_INT),
        union('int', RECORD2_WITH_INT),
        'MISSING_UNION_BRANCH',
        'reader union lacking writer type: RECORD',
        '/1',
      ),
      bad(S.INT_UNION, union('int', S.ENUM1_AB), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: ENUM', '/1'),
      bad(S.INT_UNION, union('int', S.FIXED_4_BYTES), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: FIXED', '/1'),
      bad(S.INT_UNION, union('int', 'boolean'), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: BOOLEAN', '/1'),
      bad(S.INT_UNION, S.LONG_UNION, 'MISSING_UNION_BRANCH', 'reader union lacking writer type: LONG', '/0'),
      bad(S.INT_UNION, S.FLOAT_UNION, 'MISSING_UNION_BRANCH', 'reader union lacking writer type: FLOAT', '/0'),
      bad(S.INT_UNION, S.DOUBLE_UNION, 'MISSING_UNION_BRANCH', 'reader union lacking writer type: DOUBLE', '/0'),
      bad(S.INT_UNION, S.BYTES_UNION, 'MISSING_UNION_BRANCH', 'reader union lacking writer type: BYTES', '/0'),
      bad(S.INT_UNION, union('int', S.INT_ARRAY), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: ARRAY', '/1'),
      bad(S.INT_UNION, union('int', S.INT_MAP), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: MAP', '/1'),
      bad(S.INT_UNION, union('int', 'null'), 'MISSING_UNION_BRANCH', 'reader union lacking writer type: NULL', '/1'),
      {
        reader: S.INT_UNION,
        writer: S.INT_LONG_FLOAT_DOUBLE_UNION,
        expect: [
          branch('reader union lacking writer type: LONG', '/1'),
          branch('reader union lacking writer type: FLOAT', '/2'),
          branch('reader union lacking writer type: DOUBLE', '/3'),
        ],
      },
      bad(
        S.A_DINT_B_DINT_UNION_RECORD1,
        S.A_DINT_B_DINT_STRING_UNION_RECORD1,
        'MISSING_UNION_BRANCH',
        'reader union lacking writer type: STRING',
        '/fields/1/type/1',
      ),
    ],
  },
  {
    source: 'TestSchemaCompatibilityNameMismatch.java',
    test: 'testNameMismatchSchemas',
    cases: [
      bad(S.ENUM1_AB, S.ENUM2_AB, 'NAME_MISMATCH', 'expected: Enum2', '/name'),
      bad(S.EMPTY_RECORD2, S.EMPTY_RECORD1, 'NAME_MISMATCH', 'expected: Record1', '/name'),
      bad(S.FIXED_4_BYTES, FIXED_4_ANOTHER_NAME, 'NAME_MISMATCH', 'expected: AnotherName', '/name'),
      bad(S.A_DINT_B_DENUM_1_RECORD1, S.A_DINT_B_DENUM_2_RECORD1, 'NAME_MISMATCH', 'expected: Enum2', '/fields/1/type/name'),
    ],
  },
  {
    source: 'TestSchemaCompatibilityReaderFieldMissingDefaultValue.java',
    test: 'testReaderFieldMissingDefaultValueSchemas',
    cases: [
      bad(S.A_INT_RECORD1, S.EMPTY_RECORD1, 'READER_FIELD_MISSING_DEFAULT_VALUE', 'a', '/fields/0'),
      bad(S.A_INT_B_DINT_RECORD1, S.EMPTY_RECORD1, 'READER_FIELD_MISSING_DEFAULT_VALUE', 'a', '/fields/0'),
    ],
  },
];
