/**
 * The registry's identity of a schema: the JSON text Avro's `Schema.toString()` writes.
 *
 * Confluent Schema Registry compares schemas (to return an existing version, or reuse a global id
 * across subjects) by this canonical string, not by the text a producer sent. So whitespace, key
 * order, `{"type": "int"}` versus `"int"`, a namespace repeated where it is inherited, and a named
 * type written out again where a reference would do all make no difference; a changed `doc`,
 * default, alias or custom property does make a new schema (Confluent only strips those when asked
 * to normalise, which this model does not do). Key order follows Avro's writer.
 */
import { isNamed, type FieldNode, type NamedNode, type SchemaNode } from './types.ts';

type Json = unknown;

function qualified(fullName: string, ns: string | null, space: string | null): string {
  return ns !== null && ns === space ? fullName.slice(ns.length + 1) : fullName;
}

function withProps(out: Record<string, Json>, props: ReadonlyArray<readonly [string, unknown]>): Record<string, Json> {
  for (const [k, v] of props)
    if (!Object.hasOwn(out, k)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

function nameAttrs(n: NamedNode, space: string | null): Record<string, Json> {
  const out: Record<string, Json> = { type: n.type === 'record' && n.isError ? 'error' : n.type, name: n.name };
  if (n.namespace !== null ? n.namespace !== space : space !== null) out.namespace = n.namespace ?? '';
  if (n.doc !== null) out.doc = n.doc;
  return out;
}

function aliases(n: NamedNode, out: Record<string, Json>): Record<string, Json> {
  const nsOf = (full: string): string | null => (full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : null);
  // Avro writes an alias short when it lives in the type's own namespace, else in full.
  if (n.aliases.length > 0) out.aliases = n.aliases.map((a) => qualified(a, nsOf(a), n.namespace));
  return out;
}

function field(f: FieldNode, known: Set<string>, space: string | null): Record<string, Json> {
  const out: Record<string, Json> = { name: f.name, type: toJson(f.type, known, space) };
  if (f.doc !== null) out.doc = f.doc;
  if (f.hasDefault) out.default = f.defaultValue;
  if (f.order !== 'ascending') out.order = f.order;
  if (f.aliases.length > 0) out.aliases = [...f.aliases];
  return withProps(out, f.props);
}

function toJson(n: SchemaNode, known: Set<string>, space: string | null): Json {
  if (isNamed(n)) {
    // A named type is written out once; every later mention is a reference by name.
    if (known.has(n.fullName)) return qualified(n.fullName, n.namespace, space);
    known.add(n.fullName);
    const out = nameAttrs(n, space);
    if (n.type === 'record') out.fields = n.fields.map((f) => field(f, known, n.namespace));
    else if (n.type === 'enum') {
      out.symbols = [...n.symbols];
      if (n.enumDefault !== null) out.default = n.enumDefault;
    } else out.size = n.size;
    return aliases(n, withProps(out, n.props));
  }
  switch (n.type) {
    case 'array':
      return withProps({ type: 'array', items: toJson(n.items, known, space) }, n.props);
    case 'map':
      return withProps({ type: 'map', values: toJson(n.values, known, space) }, n.props);
    case 'union':
      return n.branches.map((b) => toJson(b, known, space));
    default:
      return n.props.length === 0 ? n.type : withProps({ type: n.type }, n.props);
  }
}

/** The canonical JSON text of a parsed schema, as the registry compares schemas. */
export function canonicalString(schema: SchemaNode): string {
  return JSON.stringify(toJson(schema, new Set(), null));
}
