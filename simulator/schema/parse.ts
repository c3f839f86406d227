/**
 * Parses an Avro schema from its JSON form, refusing what `org.apache.avro.Schema.Parser` refuses.
 *
 * A registry must refuse a schema no Avro library could load, with the reason, before it asks
 * about compatibility at all. The rules follow the Java parser (Avro 1.12): names match Avro's
 * default name validator (a letter or `_`, then letters, digits or `_`, per namespace part); a named
 * type may not be called after a primitive or be defined twice differently; field names and enum
 * symbols are unique; an enum's default is one of its symbols; a fixed size is a non-negative int;
 * unions hold no union and no two branches of the same type (or full name); names resolve against
 * the enclosing namespace first, then as written; and every field default is valid for its type
 * (a union default may match any branch, as the Java parser accepts). References to a named type
 * defined later in the same schema resolve, as Avro 1.12's parser allows.
 */
import { PRIMITIVE_TYPES, isNamed, type AvroSchema, type FieldNode, type NamedNode, type PrimitiveType } from './types.ts';
import type { RecordNode, SchemaNode } from './types.ts';
import { isValidDefault } from './defaults.ts';
import { makeName, SchemaParseError, validateName } from './names.ts';

/** A parsed schema, or why it is not a schema and where (a JSON pointer into the input). */
export type ParseResult = { ok: true; schema: SchemaNode } | { ok: false; reason: string; path: string };

const PRIMITIVES: ReadonlySet<string> = new Set(PRIMITIVE_TYPES);
const SCHEMA_RESERVED = new Set(['doc', 'fields', 'items', 'name', 'namespace', 'size', 'symbols', 'values', 'type', 'aliases']);
const ENUM_RESERVED = new Set([...SCHEMA_RESERVED, 'default']);
const FIELD_RESERVED = new Set(['default', 'doc', 'name', 'order', 'type', 'aliases']);

/** A reference to a named type not defined yet at the point it is used; replaced after the parse. */
interface Pending {
  type: '__ref';
  fullName: string;
  bareName: string;
  path: string;
}

interface Ctx {
  names: Map<string, { node: NamedNode; raw: Record<string, unknown> }>;
}

function quote(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** Avro's getOptionalText: a non-string value counts as absent. */
function optText(o: Record<string, unknown>, key: string): string | null {
  const v = own(o, key);
  return typeof v === 'string' ? v : null;
}

const NO_PROPS: ReadonlyArray<readonly [string, unknown]> = Object.freeze([]);

function props(o: Record<string, unknown>, reserved: ReadonlySet<string>): ReadonlyArray<readonly [string, unknown]> {
  let out: Array<readonly [string, unknown]> | undefined;
  for (const k in o) if (Object.hasOwn(o, k) && !reserved.has(k)) (out ??= []).push([k, o[k]]);
  // Most schema objects carry no extra attributes: share one empty list instead of allocating.
  return out ?? NO_PROPS;
}

/** One node per primitive name written as a plain string: nothing mutates primitive nodes. */
const PRIMITIVE_NODES: ReadonlyMap<string, SchemaNode> = new Map(
  PRIMITIVE_TYPES.map((t) => [t, Object.freeze({ type: t, props: NO_PROPS })]),
);

function parseAliases(o: Record<string, unknown>, path: string): string[] {
  const a = own(o, 'aliases');
  if (a === undefined) return [];
  if (!Array.isArray(a)) throw new SchemaParseError('aliases not an array', `${path}/aliases`);
  return a.map((x, i) => {
    if (typeof x !== 'string') throw new SchemaParseError(`alias not a string: ${quote(x)}`, `${path}/aliases/${i}`);
    return x;
  });
}

function define(ctx: Ctx, node: NamedNode, o: Record<string, unknown>, path: string): void {
  const prev = ctx.names.get(node.fullName);
  // Avro accepts a second definition only if it is the same; compared as text, and only on a clash.
  if (prev === undefined) ctx.names.set(node.fullName, { node, raw: o });
  else if (prev.raw !== o && JSON.stringify(prev.raw) !== JSON.stringify(o))
    throw new SchemaParseError(`Can't redefine: ${node.fullName}`, path);
}

function namedBase(o: Record<string, unknown>, space: string | null, path: string, reserved: ReadonlySet<string>) {
  const n = makeName(own(o, 'name'), optText(o, 'namespace') ?? space, path);
  const aliases = parseAliases(o, path).map((a) => makeName(a, n.namespace, `${path}/aliases`).fullName);
  return { ...n, aliases, doc: optText(o, 'doc'), props: props(o, reserved) };
}

function parseNode(json: unknown, space: string | null, ctx: Ctx, path: string): SchemaNode | Pending {
  if (json === null || json === undefined) throw new SchemaParseError('Cannot parse <null> schema', path);
  if (typeof json === 'string') {
    const primitive = PRIMITIVE_NODES.get(json);
    if (primitive !== undefined) return primitive;
    const full = space !== null && !json.includes('.') ? `${space}.${json}` : json;
    const found = ctx.names.get(full) ?? ctx.names.get(json);
    if (found !== undefined) return found.node;
    return { type: '__ref', fullName: full, bareName: json, path };
  }
  if (Array.isArray(json))
    return { type: 'union', branches: json.map((b, i) => parseNode(b, space, ctx, `${path}/${i}`) as SchemaNode) };
  if (!isObject(json)) throw new SchemaParseError(`Schema not yet supported: ${quote(json)}`, path);
  const type = own(json, 'type');
  if (typeof type !== 'string') throw new SchemaParseError('No type: a schema object needs a "type" string', path);
  if (PRIMITIVES.has(type)) return { type: type as PrimitiveType, props: props(json, SCHEMA_RESERVED) };
  switch (type) {
    case 'record':
    case 'error':
      return parseRecord(json, space, ctx, path, type === 'error');
    case 'enum':
      return parseEnum(json, space, ctx, path);
    case 'array': {
      if (!Object.hasOwn(json, 'items')) throw new SchemaParseError('Array has no items type', path);
      return {
        type: 'array',
        items: parseNode(json.items, space, ctx, `${path}/items`) as SchemaNode,
        props: props(json, SCHEMA_RESERVED),
      };
    }
    case 'map': {
      if (!Object.hasOwn(json, 'values')) throw new SchemaParseError('Map has no values type', path);
      return {
        type: 'map',
        values: parseNode(json.values, space, ctx, `${path}/values`) as SchemaNode,
        props: props(json, SCHEMA_RESERVED),
      };
    }
    case 'fixed': {
      const base = namedBase(json, space, path, SCHEMA_RESERVED);
      const size = own(json, 'size');
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > 0x7fffffff)
        throw new SchemaParseError(`Invalid or no size: ${quote(size)} (a fixed needs a non-negative int size)`, `${path}/size`);
      const node: NamedNode = { type: 'fixed', ...base, size };
      define(ctx, node, json, path);
      return node;
    }
    default:
      throw new SchemaParseError(
        `Unknown type ${quote(type)}: "type" must be a primitive type or one of "enum", "fixed", "record", "error", "array" or "map"`,
        `${path}/type`,
      );
  }
}

function parseRecord(o: Record<string, unknown>, space: string | null, ctx: Ctx, path: string, isError: boolean): RecordNode {
  const base = namedBase(o, space, path, SCHEMA_RESERVED);
  const node: RecordNode = { type: 'record', ...base, isError, fields: [], fieldByName: new Map() };
  // Defined before its fields are parsed, so a field can refer to the record itself.
  define(ctx, node, o, path);
  const fields = own(o, 'fields');
  if (!Array.isArray(fields)) throw new SchemaParseError('Record has no fields: "fields" must be an array', path);
  fields.forEach((f: unknown, pos) => {
    const fp = `${path}/fields/${pos}`;
    if (!isObject(f)) throw new SchemaParseError('A field must be an object', fp);
    const name = validateName(optText(f, 'name') ?? own(f, 'name'), `${fp}/name`, 'Field name');
    if (!Object.hasOwn(f, 'type')) throw new SchemaParseError(`No field type for field ${name}`, fp);
    const type = parseNode(f.type, base.namespace, ctx, `${fp}/type`) as SchemaNode;
    const orderRaw = optText(f, 'order') ?? 'ascending';
    if (orderRaw !== 'ascending' && orderRaw !== 'descending' && orderRaw !== 'ignore')
      throw new SchemaParseError(`Invalid field order ${quote(orderRaw)}`, `${fp}/order`);
    let defaultValue = own(f, 'default');
    // Avro reads a string default of a float or double field as a number ("NaN", "Infinity").
    if (typeof defaultValue === 'string' && (type.type === 'float' || type.type === 'double')) {
      const n = Number(defaultValue);
      if (Number.isNaN(n) && defaultValue.trim() !== 'NaN')
        throw new SchemaParseError(`Invalid default for field ${name}`, `${fp}/default`);
      defaultValue = n;
    }
    const field: FieldNode = {
      name,
      pos,
      type,
      hasDefault: Object.hasOwn(f, 'default'),
      defaultValue,
      aliases: parseAliases(f, fp),
      doc: optText(f, 'doc'),
      order: orderRaw,
      props: props(f, FIELD_RESERVED),
    };
    if (node.fieldByName.has(name)) throw new SchemaParseError(`Duplicate field ${name} in record ${node.fullName}`, fp);
    node.fieldByName.set(name, field);
    node.fields.push(field);
  });
  return node;
}

function parseEnum(o: Record<string, unknown>, space: string | null, ctx: Ctx, path: string): NamedNode {
  const base = namedBase(o, space, path, ENUM_RESERVED);
  const raw = own(o, 'symbols');
  if (!Array.isArray(raw)) throw new SchemaParseError('Enum has no symbols: "symbols" must be an array', path);
  const symbolIndex = new Map<string, number>();
  const symbols = raw.map((s: unknown, i) => {
    const sym = validateName(s, `${path}/symbols/${i}`, 'Enum symbol');
    if (symbolIndex.has(sym)) throw new SchemaParseError(`Duplicate enum symbol: ${sym}`, `${path}/symbols/${i}`);
    symbolIndex.set(sym, i);
    return sym;
  });
  const def = own(o, 'default');
  const enumDefault = typeof def === 'string' ? def : null;
  if (enumDefault !== null && !symbolIndex.has(enumDefault))
    throw new SchemaParseError(
      `The enum default ${enumDefault} is not in the enum symbol set [${symbols.join(', ')}]`,
      `${path}/default`,
    );
  const node: NamedNode = { type: 'enum', ...base, symbols, symbolIndex, enumDefault };
  define(ctx, node, o, path);
  return node;
}

/** Replaces forward references, then checks unions and defaults, which need resolved types. */
function resolveAndCheck(root: SchemaNode | Pending, ctx: Ctx): SchemaNode {
  const fix = (n: SchemaNode | Pending): SchemaNode => {
    if (n.type !== '__ref') return n;
    const found = ctx.names.get(n.fullName) ?? ctx.names.get(n.bareName);
    if (found === undefined)
      throw new SchemaParseError(
        `Undefined name: ${quote(n.bareName)} is neither a primitive nor a named type defined in this schema`,
        n.path,
      );
    return found.node;
  };
  const top = fix(root);
  const seen = new Set<SchemaNode>();
  const walk = (n: SchemaNode, path: string): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.type === 'record') {
      for (const f of n.fields) {
        f.type = fix(f.type);
        walk(f.type, `${path}/fields/${f.pos}/type`);
      }
      for (const f of n.fields) {
        if (f.hasDefault && !isValidDefault(f.type, f.defaultValue))
          throw new SchemaParseError(
            `Invalid default for field ${f.name}: ${quote(f.defaultValue)} is not a valid ${f.type.type}`,
            `${path}/fields/${f.pos}/default`,
          );
      }
    } else if (n.type === 'array') {
      n.items = fix(n.items);
      walk(n.items, `${path}/items`);
    } else if (n.type === 'map') {
      n.values = fix(n.values);
      walk(n.values, `${path}/values`);
    } else if (n.type === 'union') {
      const keys = new Set<string>();
      n.branches = n.branches.map((b, i) => {
        const r = fix(b);
        if (r.type === 'union') throw new SchemaParseError('Nested union: a union may not hold a union', `${path}/${i}`);
        const key = isNamed(r) ? r.fullName : r.type;
        if (keys.has(key)) throw new SchemaParseError(`Duplicate in union: ${key}`, `${path}/${i}`);
        keys.add(key);
        walk(r, `${path}/${i}`);
        return r;
      });
    }
  };
  walk(top, '');
  return top;
}

/** Parses a schema in JSON form, or says why Avro's parser would refuse it and where. */
export function parseAvroSchema(json: AvroSchema | unknown): ParseResult {
  const ctx: Ctx = { names: new Map() };
  try {
    return { ok: true, schema: resolveAndCheck(parseNode(json, null, ctx, ''), ctx) };
  } catch (e) {
    if (e instanceof SchemaParseError) return { ok: false, reason: e.message, path: e.path === '' ? '/' : e.path };
    throw e;
  }
}
