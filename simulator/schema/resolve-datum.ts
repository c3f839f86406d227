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

/**
 * The prototype of every record a read returns: an empty object with no prototype of its own. A
 * field called `__proto__`, `constructor` or `toString` is then just a field (nothing is inherited,
 * and `__proto__` has no special setter without Object.prototype in the chain), as with a
 * null-prototype object, but V8 keeps such objects in its fast property layout, which a
 * null-prototype object never gets: reads build one record per datum, so this is most of their cost.
 */
const NO_INHERITED_NAMES: object = Object.freeze(Object.create(null) as object);

/** Compiles resolution plans for one writer/reader pair; plans are memoised per node pair. */
class Planner {
  private readonly memo = new Map<SchemaNode, Map<SchemaNode, Plan>>();
  /** Reader aliases: writer full name → the reader's full name (Avro's Schema.applyAliases). */
  private readonly renamed = new Map<string, string>();
  /** Plans whose read is still the placeholder (their build has not returned yet). */
  private readonly building = new Set<Plan>();

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
    this.building.add(p);
    const built = this.build(w, r);
    this.building.delete(p);
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
    const slot = new Map<FieldNode, number>(r.fields.map((f, j) => [f, j]));
    const matched = new Set<FieldNode>();
    // Reads in the writer's field order (so the first bad field is the one reported), each into
    // its reader field's slot; the output is then built once, in the reader's order.
    const readFrom: string[] = [];
    const readSlot: number[] = [];
    const readPlan: Plan[] = [];
    const skipped: FieldNode[] = [];
    for (const wf of w.fields) {
      const rf = readerFieldFor(wf);
      if (rf === undefined) {
        // A writer field the reader lacks is skipped — but only a value the writer could write.
        skipped.push(wf);
        continue;
      }
      matched.add(rf);
      readFrom.push(wf.name);
      readSlot.push(slot.get(rf)!);
      readPlan.push(this.plan(wf.type, rf.type));
    }
    const defaultSlot: number[] = [];
    const defaultValue: unknown[] = [];
    for (const rf of r.fields) {
      if (matched.has(rf)) continue;
      if (!rf.hasDefault) return errorPlan(`Found ${w.fullName}, expecting ${r.fullName}, missing required field ${rf.name}`);
      defaultSlot.push(slot.get(rf)!);
      defaultValue.push(rf.defaultValue);
    }
    const order = r.fields.map((f) => f.name);
    const written = w.fields.map((f) => f.name);
    return {
      read: (v) => {
        expectWriter(isObject(v), `record ${w.fullName}`, v);
        const src = v as Record<string, unknown>;
        for (let i = 0; i < written.length; i++)
          if (!Object.hasOwn(src, written[i]!))
            throw new Unreadable(`the writer's field ${written[i]!} is missing from the value`);
        const got: unknown[] = new Array(order.length);
        let i = 0;
        try {
          // The plan's read is looked up on each call: a recursive record's plan is patched after it is built.
          for (; i < readPlan.length; i++) got[readSlot[i]!] = readPlan[i]!.read(src[readFrom[i]!]);
        } catch (e) {
          if (e instanceof Unreadable) e.path.unshift(readFrom[i]!);
          throw e;
        }
        for (let k = 0; k < skipped.length; k++) {
          const f = skipped[k]!;
          const x = src[f.name];
          if (!conforms(f.type, x)) at(f.name, (y) => expectWriter(false, label(f.type), y), x);
        }
        for (let d = 0; d < defaultSlot.length; d++) got[defaultSlot[d]!] = copyDefault(defaultValue[d]);
        // Fields in the reader's order, as Avro's GenericRecord holds them.
        const out = Object.create(NO_INHERITED_NAMES) as Record<string, unknown>;
        for (let j = 0; j < order.length; j++) out[order[j]!] = got[j];
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
    const target = this.plan(w, r.branches[chosen]!);
    // A finished branch plan is used as it is; one still under construction (recursion) is
    // delegated to, so the read it gets once built is the one called.
    if (!this.building.has(target)) return { read: target.read, error: target.error };
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
