/**
 * The schemas Avro's compatibility tests share, written out in JSON form.
 *
 * Source: apache/avro `lang/java/avro/src/test/java/org/apache/avro/TestSchemas.java`, which builds
 * them with the Java API. Here each is the JSON a learner would write; a Java field built with a
 * `null` default value has no `default` key (Java's null there means "no default", not JSON null).
 * Names follow the Java constants so a reader can put the two side by side.
 */
import type { AvroSchema } from '../types.ts';

const record = (name: string, fields: object[], namespace?: string): AvroSchema =>
  namespace === undefined ? { type: 'record', name, fields } : { type: 'record', name, namespace, fields };
const enumOf = (name: string, symbols: string[], extra: object = {}): AvroSchema => ({ type: 'enum', name, symbols, ...extra });

export const NULL = 'null';
export const BOOLEAN = 'boolean';
export const INT = 'int';
export const LONG = 'long';
export const FLOAT = 'float';
export const DOUBLE = 'double';
export const STRING = 'string';
export const BYTES = 'bytes';

export const INT_ARRAY = { type: 'array', items: 'int' };
export const LONG_ARRAY = { type: 'array', items: 'long' };
export const STRING_ARRAY = { type: 'array', items: 'string' };
export const INT_MAP = { type: 'map', values: 'int' };
export const LONG_MAP = { type: 'map', values: 'long' };
export const STRING_MAP = { type: 'map', values: 'string' };

export const ENUM1_AB = enumOf('Enum1', ['A', 'B']);
export const ENUM1_AB_DEFAULT = enumOf('Enum1', ['A', 'B'], { default: 'A' });
export const ENUM1_AB_NAMESPACE_1 = enumOf('Enum1', ['A', 'B'], { namespace: 'namespace1' });
export const ENUM1_AB_NAMESPACE_2 = enumOf('Enum1', ['A', 'B'], { namespace: 'namespace2' });
export const ENUM1_ABC = enumOf('Enum1', ['A', 'B', 'C']);
export const ENUM1_BC = enumOf('Enum1', ['B', 'C']);
export const ENUM2_AB = enumOf('Enum2', ['A', 'B']);
export const ENUM_ABC_ENUM_DEFAULT_A = enumOf('Enum', ['A', 'B', 'C'], { default: 'A' });
export const ENUM_AB_ENUM_DEFAULT_A = enumOf('Enum', ['A', 'B'], { default: 'A' });
export const ENUM_ABC_ENUM_DEFAULT_A_RECORD = record('Record', [
  { name: 'Field', type: enumOf('Schema', ['A', 'B', 'C'], { default: 'A' }) },
]);
export const ENUM_AB_ENUM_DEFAULT_A_RECORD = record('Record', [
  { name: 'Field', type: enumOf('Schema', ['A', 'B'], { default: 'A' }) },
]);
export const ENUM_ABC_FIELD_DEFAULT_B_ENUM_DEFAULT_A_RECORD = record('Record', [
  { name: 'Field', type: enumOf('Schema', ['A', 'B', 'C'], { default: 'A' }), default: 'B' },
]);
export const ENUM_AB_FIELD_DEFAULT_A_ENUM_DEFAULT_B_RECORD = record('Record', [
  { name: 'Field', type: enumOf('Schema', ['A', 'B'], { default: 'B' }), default: 'A' },
]);

export const EMPTY_UNION: AvroSchema = [];
export const NULL_UNION = ['null'];
export const INT_UNION = ['int'];
export const LONG_UNION = ['long'];
export const FLOAT_UNION = ['float'];
export const DOUBLE_UNION = ['double'];
export const STRING_UNION = ['string'];
export const BYTES_UNION = ['bytes'];
export const INT_STRING_UNION = ['int', 'string'];
export const STRING_INT_UNION = ['string', 'int'];
export const INT_FLOAT_UNION = ['int', 'float'];
export const INT_LONG_UNION = ['int', 'long'];
export const INT_LONG_FLOAT_DOUBLE_UNION = ['int', 'long', 'float', 'double'];
export const NULL_INT_ARRAY_UNION = ['null', INT_ARRAY];
export const NULL_INT_MAP_UNION = ['null', INT_MAP];

export const FIXED_4_BYTES = { type: 'fixed', name: 'Fixed', size: 4 };
export const FIXED_8_BYTES = { type: 'fixed', name: 'Fixed', size: 8 };

export const EMPTY_RECORD1 = record('Record1', []);
export const EMPTY_RECORD2 = record('Record2', []);
export const A_INT_RECORD1 = record('Record1', [{ name: 'a', type: 'int' }]);
export const A_LONG_RECORD1 = record('Record1', [{ name: 'a', type: 'long' }]);
export const A_INT_B_INT_RECORD1 = record('Record1', [
  { name: 'a', type: 'int' },
  { name: 'b', type: 'int' },
]);
export const A_DINT_RECORD1 = record('Record1', [{ name: 'a', type: 'int', default: 0 }]);
export const A_INT_B_DINT_RECORD1 = record('Record1', [
  { name: 'a', type: 'int' },
  { name: 'b', type: 'int', default: 0 },
]);
export const A_DINT_B_DINT_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: 'int', default: 0 },
]);
export const A_DINT_B_DFIXED_4_BYTES_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: FIXED_4_BYTES },
]);
export const A_DINT_B_DFIXED_8_BYTES_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: FIXED_8_BYTES },
]);
export const A_DINT_B_DINT_STRING_UNION_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: INT_STRING_UNION, default: 0 },
]);
export const A_DINT_B_DINT_UNION_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: INT_UNION, default: 0 },
]);
export const A_DINT_B_DENUM_1_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: ENUM1_AB },
]);
export const A_DINT_B_DENUM_2_RECORD1 = record('Record1', [
  { name: 'a', type: 'int', default: 0 },
  { name: 'b', type: ENUM2_AB },
]);

const inner = (ns: string): AvroSchema => record('InnerRecord1', [{ name: 'a', type: 'int' }], ns);
export const NS_RECORD1 = record('Record1', [{ name: 'f1', type: ['null', { type: 'array', items: inner('ns1') }] }]);
export const NS_RECORD2 = record('Record1', [{ name: 'f1', type: ['null', { type: 'array', items: inner('ns2') }] }]);
export const WITHOUT_NS = record('Record', [{ name: 'f1', type: 'int' }]);
export const WITH_NS = record('ns.Record', [{ name: 'f1', type: 'int' }]);

export const INT_LIST_RECORD = record('List', [
  { name: 'head', type: 'int' },
  { name: 'tail', type: 'List' },
]);
export const LONG_LIST_RECORD = record('List', [
  { name: 'head', type: 'long' },
  { name: 'tail', type: 'List' },
]);
