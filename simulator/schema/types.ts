/**
 * The shapes of Avro schemas in this model: the JSON form a learner writes (`AvroSchema`) and the
 * parsed form the checks and the datum resolver walk (`SchemaNode`).
 *
 * The parsed form mirrors `org.apache.avro.Schema`: named types (record, enum, fixed) are single
 * objects shared by every reference to them, so a recursive record is a cycle of objects and the
 * compatibility check can memoise on object identity exactly as Avro's checker does. Parsed nodes
 * hold Maps and may be cyclic, so they are derived values, never model state: state keeps the JSON.
 */

/** A parsed Avro schema in its JSON form: a type name, a schema object, or a union array. */
export type AvroSchema = string | { readonly [key: string]: unknown } | readonly unknown[];

export const PRIMITIVE_TYPES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;
export type PrimitiveType = (typeof PRIMITIVE_TYPES)[number];

/** Every Avro type, lower case as in the JSON form. */
export type AvroTypeName = PrimitiveType | 'record' | 'enum' | 'fixed' | 'array' | 'map' | 'union';

export interface PrimitiveNode {
  type: PrimitiveType;
  /** Extra attributes such as `logicalType`, kept for the canonical form only. */
  props: ReadonlyArray<readonly [string, unknown]>;
}

/** What record, enum and fixed share: a name, looked up by full name. */
export interface NamedBase {
  /** The unqualified name. */
  name: string;
  /** The namespace, or null for none. */
  namespace: string | null;
  /** `namespace.name`, or `name` when there is no namespace. */
  fullName: string;
  /** Aliases as full names (an unqualified alias takes the type's own namespace). */
  aliases: readonly string[];
  doc: string | null;
  props: ReadonlyArray<readonly [string, unknown]>;
}

export interface FieldNode {
  name: string;
  /** Position in the record, from 0. */
  pos: number;
  type: SchemaNode;
  /** Whether the field has a `default` key at all (`"default": null` counts). */
  hasDefault: boolean;
  /** The default in JSON form, when `hasDefault`. */
  defaultValue: unknown;
  aliases: readonly string[];
  doc: string | null;
  order: 'ascending' | 'descending' | 'ignore';
  props: ReadonlyArray<readonly [string, unknown]>;
}

export interface RecordNode extends NamedBase {
  type: 'record';
  /** True for Avro's `error` records (same rules, other keyword). */
  isError: boolean;
  fields: FieldNode[];
  /** Field by name: a Map, so a field called `__proto__` is just a name. */
  fieldByName: Map<string, FieldNode>;
}

export interface EnumNode extends NamedBase {
  type: 'enum';
  symbols: readonly string[];
  symbolIndex: Map<string, number>;
  /** The enum's own default symbol, or null. */
  enumDefault: string | null;
}

export interface FixedNode extends NamedBase {
  type: 'fixed';
  size: number;
}

export interface ArrayNode {
  type: 'array';
  items: SchemaNode;
  props: ReadonlyArray<readonly [string, unknown]>;
}

export interface MapNode {
  type: 'map';
  values: SchemaNode;
  props: ReadonlyArray<readonly [string, unknown]>;
}

export interface UnionNode {
  type: 'union';
  branches: SchemaNode[];
}

export type NamedNode = RecordNode | EnumNode | FixedNode;
export type SchemaNode = PrimitiveNode | NamedNode | ArrayNode | MapNode | UnionNode;

/** Avro's name for a type in messages (`INT`, `RECORD`), as `Schema.Type` prints it. */
export function avroTypeLabel(node: SchemaNode): string {
  return TYPE_LABELS[node.type];
}

const TYPE_LABELS: Readonly<Record<AvroTypeName, string>> = {
  null: 'NULL',
  boolean: 'BOOLEAN',
  int: 'INT',
  long: 'LONG',
  float: 'FLOAT',
  double: 'DOUBLE',
  bytes: 'BYTES',
  string: 'STRING',
  record: 'RECORD',
  enum: 'ENUM',
  fixed: 'FIXED',
  array: 'ARRAY',
  map: 'MAP',
  union: 'UNION',
};

/** Whether a node is a named type (record, enum or fixed). */
export function isNamed(node: SchemaNode): node is NamedNode {
  return node.type === 'record' || node.type === 'enum' || node.type === 'fixed';
}
