/**
 * Reading a datum written with one schema through another: Avro's schema resolution on JSON-form data.
 *
 * This is what a consumer does with a record whose writer schema it looked up by id. The plan
 * follows `org.apache.avro.Resolver` (what Java's resolving decoder runs): aliases of the reader
 * rename the writer's types and fields first; records match writer fields to reader fields by name
 * and skip writer fields the reader lacks; reader fields the writer lacks take their defaults, and
 * one without a default makes every such record unreadable; enums map symbols, falling back to the
 * reader enum's own default; numbers widen (int→long→float→double, long→float — a float loses
 * precision exactly as Java's does), string↔bytes convert through UTF-8; a writer union reads the
 * branch the value was written as; a reader union takes Avro's first matching branch (same type and
 * full name, else the first record that resolves cleanly, else the first promotion). Errors are
 * lazy, as in Avro: a plan holds them and only a datum that reaches one is unreadable — a writer
 * union branch the reader cannot read fails only for values written as that branch.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { conforms, utf8Decode, utf8Encode, writerBranch } from './datum-values.ts';
import {
  at,
  copyDefault,
  errorPlan,
  expectWriter,
  INT_MAX,
  INT_MIN,
  isObject,
  label,
  PROMOTIONS,
  Unreadable,
  type Plan,
} from './datum-plan.ts';
import type { FieldNode, NamedNode, RecordNode, SchemaNode, UnionNode } from './types.ts';
import { isNamed } from './types.ts';

/** Compiles resolution plans for one writer/reader pair; plans are memoised per node pair. */
class Planner {
  private readonly memo = new Map<SchemaNode, Map<SchemaNode, Plan>>();
  /** Reader aliases: writer full name → the reader's full name (Avro's Schema.applyAliases). */
  private readonly renamed = new Map<string, string>();

  constructor(reader: SchemaNode) {
    const seen = new Set<SchemaNode>();
    const walk = (n: SchemaNode): void => {
      if (seen.has(n)) return;
      seen.add(n);
      if (isNamed(n)) for (const a of n.aliases) this.renamed.set(a, n.fullName);
      if (n.type === 'record') n.fields.forEach((f) => walk(f.type));
      else if (n.type === 'array') walk(n.items);
      else if (n.type === 'map') walk(n.values);
      else if (n.type === 'union') n.branches.forEach(walk);
    };
    walk(reader);
  }

  /** The writer's name as the reader sees it after aliases. */
  private nameOf(w: NamedNode): { full: string; short: string } {
    const full = this.renamed.get(w.fullName) ?? w.fullName;
    return { full, short: full.slice(full.lastIndexOf('.') + 1) };
  }

  plan(w: SchemaNode, r: SchemaNode): Plan {
    let byReader = this.memo.get(w);
    if (byReader === undefined) this.memo.set(w, (byReader = new Map()));
    const known = byReader.get(r);
    if (known !== undefined) return known;
    // Registered before it is built, so a recursive record finds itself (its read is patched below).
    const p: Plan = { read: () => undefined, error: null };
    byReader.set(r, p);
    const built = this.build(w, r);
    p.read = built.read;
    p.error = built.error;
    return p;
  }

  private build(w: SchemaNode, r: SchemaNode): Plan {
    if (w.type === 'union') return this.writerUnion(w, r);
    if (w.type === r.type) return this.sameType(w, r);
    if (r.type === 'union') return this.readerUnion(w, r);
    return this.promote(w, r);
  }

  private writerUnion(w: UnionNode, r: SchemaNode): Plan {
    const plans = w.branches.map((b) => this.plan(b, r));
    return {
      read: (v) => {
        const i = writerBranch(w, v);
        if (i < 0) expectWriter(false, `value of the writer's union [${w.branches.map(label).join(', ')}]`, v);
        return plans[i]!.read(v);
      },
      error: null,
    };
  }

  private sameType(w: SchemaNode, r: SchemaNode): Plan {
    switch (w.type) {
      case 'null':
        return { read: (v) => (expectWriter(v === null, 'null', v), v), error: null };
      case 'boolean':
        return { read: (v) => (expectWriter(typeof v === 'boolean', 'boolean', v), v), error: null };
      case 'int':
        return {
          read: (v) => (expectWriter(Number.isInteger(v) && (v as number) >= INT_MIN && (v as number) <= INT_MAX, 'int', v), v),
          error: null,
        };
      case 'long':
        return { read: (v) => (expectWriter(Number.isInteger(v), 'long', v), v), error: null };
      case 'float':
      case 'double':
        return { read: (v) => (expectWriter(typeof v === 'number', w.type, v), v), error: null };
      case 'string':
      case 'bytes':
        return { read: (v) => (expectWriter(typeof v === 'string', w.type, v), v), error: null };
      case 'fixed': {
        const rf = r as typeof w;
        if (this.nameOf(w).short !== rf.name || w.size !== rf.size)
          return errorPlan(`Found ${w.fullName}, expecting ${rf.fullName}`);
        return {
          read: (v) => (expectWriter(typeof v === 'string' && v.length === w.size, `fixed of ${w.size} bytes`, v), v),
          error: null,
        };
      }
      case 'array': {
        const items = this.plan(w.items, (r as typeof w).items);
        return {
          read: (v) => (expectWriter(Array.isArray(v), 'array', v), (v as unknown[]).map((x, i) => at(i, items.read, x))),
          error: null,
        };
      }
      case 'map': {
        const values = this.plan(w.values, (r as typeof w).values);
        return {
          read: (v) => {
            expectWriter(isObject(v), 'map', v);
            const out: Record<string, unknown> = Object.create(null);
            for (const k of Object.keys(v as object)) out[k] = at(k, values.read, (v as Record<string, unknown>)[k]);
            return out;
          },
          error: null,
        };
      }
      case 'enum': {
        const re = r as typeof w;
        if (this.nameOf(w).short !== re.name) return errorPlan(`Found ${w.fullName}, expecting ${re.fullName}`);
        return {
          read: (v) => {
            expectWriter(typeof v === 'string' && w.symbolIndex.has(v), `symbol of the writer's enum ${w.fullName}`, v);
            if (re.symbolIndex.has(v as string)) return v;
            if (re.enumDefault !== null) return re.enumDefault;
            throw new Unreadable(`No match for ${v as string}`);
          },
          error: null,
        };
      }
      case 'record':
        return this.record(w, r as RecordNode);
      case 'union':
        return this.writerUnion(w, r);
    }
  }

  private record(w: RecordNode, r: RecordNode): Plan {
    // Field aliases apply when the writer record is (after renaming) the reader record.
    const fieldAlias = new Map<string, string>();
    if (this.nameOf(w).full === r.fullName) for (const f of r.fields) for (const a of f.aliases) fieldAlias.set(a, f.name);
    const readerFieldFor = (wf: FieldNode): FieldNode | undefined => r.fieldByName.get(fieldAlias.get(wf.name) ?? wf.name);
    const matched = new Set<FieldNode>();
    const reads: Array<{ from: string; to: string; plan: Plan }> = [];
    const skipped: FieldNode[] = [];
    for (const wf of w.fields) {
      const rf = readerFieldFor(wf);
      if (rf === undefined) {
        // A writer field the reader lacks is skipped — but only a value the writer could write.
        skipped.push(wf);
        continue;
      }
      matched.add(rf);
      reads.push({ from: wf.name, to: rf.name, plan: this.plan(wf.type, rf.type) });
    }
    const defaults: Array<{ to: string; value: unknown }> = [];
    for (const rf of r.fields) {
      if (matched.has(rf)) continue;
      if (!rf.hasDefault) return errorPlan(`Found ${w.fullName}, expecting ${r.fullName}, missing required field ${rf.name}`);
      defaults.push({ to: rf.name, value: rf.defaultValue });
    }
    const order = r.fields.map((f) => f.name);
    const written = w.fields.map((f) => f.name);
    return {
      read: (v) => {
        expectWriter(isObject(v), `record ${w.fullName}`, v);
        const src = v as Record<string, unknown>;
        for (const name of written)
          if (!Object.hasOwn(src, name)) throw new Unreadable(`the writer's field ${name} is missing from the value`);
        const got: Record<string, unknown> = Object.create(null);
        for (const f of reads) got[f.to] = at(f.from, f.plan.read, src[f.from]);
        for (const f of skipped) at(f.name, (x) => expectWriter(conforms(f.type, x), label(f.type), x), src[f.name]);
        for (const d of defaults) got[d.to] = copyDefault(d.value);
        // Fields in the reader's order, as Avro's GenericRecord holds them.
        const out: Record<string, unknown> = Object.create(null);
        for (const name of order) out[name] = got[name];
        return out;
      },
      error: null,
    };
  }

  /** Avro's ReaderUnion.firstMatchingBranch, bug for bug as Resolver keeps it. */
  private readerUnion(w: SchemaNode, r: UnionNode): Plan {
    let structure = -1;
    let chosen = -1;
    for (let j = 0; j < r.branches.length && chosen < 0; j++) {
      const b = r.branches[j]!;
      if (b.type !== w.type) continue;
      if (!isNamed(w) || !isNamed(b)) chosen = j;
      else if (this.nameOf(w).full === b.fullName) chosen = j;
      else if (w.type === 'record' && !this.recordHasError(w, b as RecordNode)) {
        if (structure < 0 || this.nameOf(w).short === b.name) structure = j;
      }
    }
    if (chosen < 0) chosen = structure;
    if (chosen < 0) chosen = r.branches.findIndex((b) => PROMOTIONS[w.type]?.includes(b.type) === true);
    if (chosen < 0) return errorPlan(`Found ${label(w)}, expecting union [${r.branches.map(label).join(', ')}]`);
    // Delegate rather than copy: the branch plan may still be under construction (recursion).
    const target = this.plan(w, r.branches[chosen]!);
    return { read: (v) => target.read(v), error: target.error };
  }

  private recordHasError(w: RecordNode, r: RecordNode): boolean {
    const p = this.plan(w, r);
    if (p.error !== null) return true;
    return w.fields.some((wf) => {
      const rf = r.fieldByName.get(wf.name);
      return rf !== undefined && this.plan(wf.type, rf.type).error !== null;
    });
  }

  private promote(w: SchemaNode, r: SchemaNode): Plan {
    if (PROMOTIONS[w.type]?.includes(r.type) !== true) return errorPlan(`Found ${label(w)}, expecting ${label(r)}`);
    const check = this.sameType(w, w).read;
    if (r.type === 'float') return { read: (v) => Math.fround(check(v) as number), error: null };
    if (r.type === 'bytes') return { read: (v) => utf8Encode(check(v) as string), error: null };
    if (r.type === 'string') return { read: (v) => utf8Decode(check(v) as string), error: null };
    return { read: check, error: null };
  }
}

/** Reads datums written with `writer` as `reader` sees them. Build once per schema pair, read many. */
export interface DatumReader {
  /** The datum as the reader sees it, or an error value naming why and where it is unreadable. */
  read(datum: unknown): Result<unknown>;
}

/** Builds the resolution plan for a writer/reader pair once. */
export function createDatumReader(writer: SchemaNode, reader: SchemaNode): DatumReader {
  const plan = new Planner(reader).plan(writer, reader);
  return {
    read(datum) {
      try {
        return ok(plan.read(datum));
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        const path = '/' + e.path.join('/');
        return fail(
          ErrorCode.SchemaDatumUnreadable,
          `The record cannot be read with the reader schema (at ${path}): ${e.message}.`,
          path,
        );
      }
    },
  };
}
