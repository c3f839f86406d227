/**
 * Indexes keyed by names a learner or a scenario chooses: topics, groups, consumers, producers,
 * record keys.
 *
 * A plain `{}` keyed by such a name is poisonable: a topic called `__proto__` or `constructor`
 * finds Object.prototype's members instead of nothing, and assigning to `__proto__` changes the
 * object's prototype instead of storing a value. These indexes are objects without a prototype,
 * read and written only through own properties, so any string is an ordinary name. They stay
 * plain data (JSON and structuredClone keep own properties); a copy from either comes back with
 * Object.prototype, which is why reads go through `lookup` and `cloneState` rebuilds them.
 */

/** An index from a user-chosen name to a value. */
export type NameIndex<T> = Record<string, T>;

/** An empty index with no prototype, so no name is taken already. */
export function nameIndex<T>(): NameIndex<T> {
  return Object.create(null) as NameIndex<T>;
}

/** The value stored under `name`, or undefined; never a member inherited from a prototype. */
export function lookup<T>(idx: NameIndex<T>, name: string): T | undefined {
  return Object.hasOwn(idx, name) ? idx[name] : undefined;
}

/** Stores `value` under `name` as an own property (assignment to `__proto__` would not). */
export function setName<T>(idx: NameIndex<T>, name: string, value: T): void {
  Object.defineProperty(idx, name, { value, writable: true, enumerable: true, configurable: true });
}

/** Frees `name` (a deleted topic's or group's), so a new one may take it. */
export function removeName<T>(idx: NameIndex<T>, name: string): void {
  if (Object.hasOwn(idx, name)) Reflect.deleteProperty(idx, name);
}

/** A prototype-free copy of an index (after JSON or structuredClone gave it a prototype back). */
export function copyNameIndex<T>(idx: NameIndex<T>): NameIndex<T> {
  const out = nameIndex<T>();
  for (const name of Object.keys(idx)) setName(out, name, idx[name]!);
  return out;
}
