/**
 * Plain-object indexes keyed by names a user chose, made safe.
 *
 * Models keep their state as plain data (checkpointed with structuredClone, shared as JSON), so
 * many indexes are objects keyed by an order id, a stream or a transaction id. Read as
 * `index[name]`, the name `constructor` finds Object's constructor and `__proto__` finds
 * Object.prototype; written as `index[name] = v`, `__proto__` replaces the object's prototype
 * instead of adding an entry. A null-prototype object would avoid both, but structuredClone and
 * JSON.parse give the copy an ordinary prototype again. These helpers look at own properties
 * only and define entries (never assign them), which works on any plain object and survives
 * every kind of copy.
 */

/** An index keyed by names. Any plain object is one; use the helpers below to read and write. */
export type NameIndex<V> = Record<string, V>;

/** An empty index. Its prototype does not matter to the helpers; null keeps a stray read safe. */
export function nameIndex<V>(): NameIndex<V> {
  return Object.create(null) as NameIndex<V>;
}

/** True when the index has an entry of its own for `name` (never an inherited member). */
export function hasName(index: Readonly<NameIndex<unknown>>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(index, name);
}

/** The entry for `name`, or undefined: inherited members such as `constructor` are not entries. */
export function getName<V>(index: Readonly<NameIndex<V>>, name: string): V | undefined {
  return hasName(index, name) ? index[name] : undefined;
}

/** Sets the entry for `name` (an own, enumerable data property, even for `__proto__`); returns it. */
export function setName<V>(index: NameIndex<V>, name: string, value: NoInfer<V>): V {
  Object.defineProperty(index, name, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** The entry for `name`, made by `make` and stored first if there is none (`??=` made safe). */
export function getOrSetName<V>(index: NameIndex<V>, name: string, make: () => NoInfer<V>): V {
  return hasName(index, name) ? index[name]! : setName(index, name, make());
}

/** Removes the entry for `name`, if the index has one of its own. */
export function deleteName(index: NameIndex<unknown>, name: string): void {
  if (hasName(index, name)) delete index[name];
}
