/**
 * Name-keyed indexes that are safe for any name a learner types, `__proto__` and `constructor`
 * included.
 *
 * RabbitMQ lets a queue or exchange be called anything up to 255 bytes, so a plain `{}` keyed by
 * name would hand back Object.prototype's members for names nobody declared and would re-parent
 * itself on `__proto__`. These helpers keep the index a null-prototype object (still plain,
 * JSON-serialisable data) and only ever read own properties, so they stay correct even after a
 * structuredClone or JSON round trip has given the object an ordinary prototype back.
 */

/** A name-keyed index: plain data, no prototype. */
export type Dict<V> = Record<string, V>;

/** An empty index with no prototype. */
export function newDict<V>(): Dict<V> {
  return Object.create(null) as Dict<V>;
}

/** The value stored under `key`, or undefined; never an inherited member. */
export function dictGet<V>(d: Dict<V>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(d, key) ? d[key] : undefined;
}

export function dictHas(d: Dict<unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(d, key);
}

/** Stores `value` under `key` as an own data property, even when `key` is `__proto__`. */
export function dictSet<V>(d: Dict<V>, key: string, value: V): void {
  Object.defineProperty(d, key, { value, writable: true, enumerable: true, configurable: true });
}

export function dictDelete(d: Dict<unknown>, key: string): void {
  if (dictHas(d, key)) delete d[key];
}

/** A copy of a record as a null-prototype index (e.g. headers or arguments from user input). */
export function dictFrom<V>(src: Record<string, V> | undefined | null): Dict<V> {
  const d = newDict<V>();
  if (src) for (const k of Object.keys(src)) dictSet(d, k, src[k] as V);
  return d;
}

/** Gives every listed index its null prototype back (after structuredClone, which drops it). */
export function restoreDict<V>(d: Dict<V>): Dict<V> {
  if (Object.getPrototypeOf(d) !== null) Object.setPrototypeOf(d, null);
  return d;
}
