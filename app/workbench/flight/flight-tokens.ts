/**
 * What is in flight at a moment of the play clock, from a model's entries.
 *
 * A entry with a sender and a receiver (`from`/`to`) becomes a token that leaves its sender at
 * the entry's virtual time and lands a fixed real-time interval later, whatever the speed: at
 * 10× a token covers ten times the virtual time, so the picture stays readable at any speed. The
 * buffer keeps entries across view updates (a view lists only its latest few hundred), and
 * starts over when the timeline moves back, so a seek never shows tokens from another future.
 * Pure: the overlay calls these once per frame; tests call them with numbers.
 */
import type { TraceEntryView } from '../view.ts';
import { routeHopsMax, type RouteTable } from './flight-map.ts';

/**
 * Real time one token takes for one hop of its route (sender to the next node), in ms: a fetch
 * from a topic through its consumer's group to the consumer takes two, so the copies leaving the
 * topic for each group are seen for a whole hop before they go on.
 */
export const flightRealMs = 800;
/** Entries the buffer keeps at most (tokens in flight are a subset): room for over a thousand records. */
export const flightBufferMax = 8000;
/** Tokens drawn at most in one frame (a record flies as about five: its hops and acknowledgements). */
export const tokensMax = 6000;

export type TokenShape = 'record' | 'batch' | 'control';

/**
 * What each token shape means, in a model's own words, for the legend under the diagram. A shape
 * the model never draws is left out. Kafka's are its records, batches (fetch, ack, copy) and group
 * control (commit, assign, revoke); a model without keyed records draws only squares, each
 * labelled with what it is (prepare, vote, reserve-inventory…).
 */
export type FlightLegendWords = Partial<Record<TokenShape, string>>;

/** The legend of a model that says nothing of its own: messages labelled with what they are. */
export const messageLegend: FlightLegendWords = { batch: 'a message (label: what it is)' };
type TokenStyle = Pick<FlightToken, 'shape' | 'label' | 'colour' | 'records' | 'head'>;

export interface FlightToken {
  id: number;
  route: readonly string[];
  /** 0 at the sender, 1 at the receiver. */
  progress: number;
  shape: TokenShape;
  /** Short text drawn beside the token: the key, or what the batch is. */
  label: string;
  /** Palette slot for the key; -1 for tokens that carry no key (batches, control). */
  colour: number;
  /** Records the token carries (1 for a record, n for a fetch of n, 0 for acks and control). */
  records: number;
  /** The first carried record's label (its key), '' when it carries none. */
  head: string;
}

/** Keyed palette size (the overlay owns the colours; keys only pick a slot). */
export const paletteSize = 8;

const batchWords: Record<string, string> = {
  'produce-acked': 'ack',
  'produce-failed': 'fail',
  'records-replicated': 'copy',
  'records-fetched': 'fetch',
  'offset-committed': 'commit',
  'partitions-assigned': 'assign',
  'partitions-revoked': 'revoke',
  // Other models' entries whose first word says nothing in flight ("in", "local", "db").
  'in-doubt-reported': 'in doubt',
  'local-transaction-committed': 'commit',
  'local-transaction-failed': 'refused',
  'record-deduplicated': 'duplicate',
  'duplicate-skipped': 'duplicate',
  'consumer-offset-committed': 'commit',
  'db-committed': 'write',
  'outbox-rows-marked-sent': 'mark sent',
};
const controlTypes = new Set(['offset-committed', 'partitions-assigned', 'partitions-revoked']);

/** A stable palette slot for a key (FNV-1a), so a key keeps its colour all run long. */
export function keySlot(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % paletteSize;
}

/** Labels are short so hundreds fit; the full key is in the trace log and inspector. */
export const labelCharsMax = 10;

const keyLabel = (key: string | null): string =>
  key === null ? 'no key' : key.length > labelCharsMax ? `${key.slice(0, labelCharsMax - 1)}…` : key;

/**
 * A token's look: a record is round, coloured and labelled by its key; a fetch that carries one
 * record looks the same as that record (the copy each group reads); a fetch of several is a batch
 * labelled with the first one's key and how many more ("order-2 +4"), so the same records fetched
 * by several groups carry the same label.
 */
export function tokenStyle(h: TraceEntryView): TokenStyle {
  if (h.key !== undefined) {
    const label = keyLabel(h.key);
    return { shape: 'record', label, colour: h.key === null ? -1 : keySlot(h.key), records: 1, head: label };
  }
  if (h.carries && h.carries.count > 0) {
    const { key, count } = h.carries;
    const head = keyLabel(key);
    if (count === 1) return { shape: 'record', label: head, colour: key === null ? -1 : keySlot(key), records: 1, head };
    return { shape: 'batch', label: `${head} +${count - 1}`, colour: -1, records: count, head };
  }
  return {
    shape: controlTypes.has(h.type) ? 'control' : 'batch',
    label: batchWords[h.type] ?? h.type.split('-')[0]!,
    colour: -1,
    records: 0,
    head: '',
  };
}

/**
 * Entries with a sender and receiver, kept across view updates. `merge` takes each new view's
 * list; the buffer appends what it has not seen and starts over when the timeline went back.
 */
export class FlightBuffer {
  items: TraceEntryView[] = [];
  private cursor = -1;

  /** Takes a view's entries at a timeline cursor; returns true when it started over. */
  merge(entries: readonly TraceEntryView[], cursor: number): boolean {
    const newest = this.items.at(-1)?.id ?? -1;
    const viewNewest = entries.at(-1)?.id ?? -1;
    const back = cursor < this.cursor || viewNewest < newest;
    this.cursor = cursor;
    if (back) this.items = [];
    const since = back ? -1 : newest;
    // Entries are oldest first: walk back from the end to the first one not yet seen.
    let i = entries.length;
    while (i > 0 && entries[i - 1]!.id > since) i--;
    for (; i < entries.length; i++) {
      const h = entries[i]!;
      if (h.from !== undefined && h.to !== undefined) this.items.push(h);
    }
    if (this.items.length > flightBufferMax) this.items.splice(0, this.items.length - flightBufferMax);
    return back;
  }

  /** Drops entries that landed before `oldestAtMs` (their tokens can never show again). */
  prune(oldestAtMs: number): void {
    let n = 0;
    while (n < this.items.length && this.items[n]!.atMs < oldestAtMs) n++;
    if (n > 0) this.items.splice(0, n);
  }

  clear(): void {
    this.items = [];
    this.cursor = -1;
  }
}

/** Virtual ms a token is in flight at a speed (virtual ms per real ms). */
export const flightVirtualMs = (speed: number): number => flightRealMs * Math.max(speed, 0.01);

/** A entry's look never changes, so it is worked out once, not once per frame. */
const styles = new WeakMap<TraceEntryView, TokenStyle>();
const styleOf = (h: TraceEntryView): TokenStyle => {
  let st = styles.get(h);
  if (!st) styles.set(h, (st = tokenStyle(h)));
  return st;
};

/** Virtual ms after which no token of any route is in flight any more (the longest route's flight). */
export const flightSpanMs = (flightMs: number): number => flightMs * routeHopsMax;

/**
 * Fills `out` with the tokens in flight at `clockMs` (newest last) and returns how many there are.
 * A entry is in flight while `atMs <= clockMs < atMs + flightMs × hops` (its route's hops). The token objects in `out`
 * are reused from frame to frame (the overlay calls this sixty times a second); entries past the
 * returned count are left over from earlier frames.
 */
export function tokensAt(
  items: readonly TraceEntryView[],
  clockMs: number,
  flightMs: number,
  routes: RouteTable,
  out: FlightToken[],
): number {
  // Items are in time order: find the oldest one still flying, then walk forward.
  let lo = 0;
  let hi = items.length;
  const oldest = clockMs - flightSpanMs(flightMs);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.atMs <= oldest) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.max(lo, items.length - tokensMax);
  let n = 0;
  for (let i = start; i < items.length; i++) {
    const h = items[i]!;
    if (h.atMs > clockMs) break;
    const route = routes.routeOf(h);
    if (!route) continue;
    const progress = (clockMs - h.atMs) / (flightMs * Math.max(1, route.length - 1));
    if (progress >= 1) continue;
    const st = styleOf(h);
    const t = out[n] ?? (out[n] = { id: 0, route, progress: 0, shape: st.shape, label: '', colour: -1, records: 0, head: '' });
    t.id = h.id;
    t.route = route;
    t.progress = progress;
    t.shape = st.shape;
    t.label = st.label;
    t.colour = st.colour;
    t.records = st.records;
    t.head = st.head;
    n++;
  }
  return n;
}

/**
 * Topology nodes touched by the entries after `sinceId` (for the reduced-motion highlight):
 * the nodes each entry names, and every node of its route.
 */
export function changedNodes(entries: readonly TraceEntryView[], sinceId: number, routes: RouteTable): Set<string> {
  const out = new Set<string>();
  for (let i = entries.length - 1; i >= 0 && entries[i]!.id > sinceId; i--) {
    const h = entries[i]!;
    for (const n of h.nodes) out.add(n);
    if (h.from !== undefined && h.to !== undefined) {
      // Every node on the way: a fetch's copy outlines its group too, so fan-out shows as every
      // group outlined at once.
      for (const id of routes.route(h.from, h.to) ?? []) out.add(id);
    }
  }
  return out;
}

/**
 * Entries after `sinceId` that carry records from one node to another (at most the newest `max`,
 * oldest first): what reduced motion holds still, labelled, instead of flying.
 */
export function carriedSince(entries: readonly TraceEntryView[], sinceId: number, max: number): TraceEntryView[] {
  const out: TraceEntryView[] = [];
  for (let i = entries.length - 1; i >= 0 && entries[i]!.id > sinceId && out.length < max; i--) {
    const h = entries[i]!;
    if (h.from !== undefined && h.to !== undefined && styleOf(h).records > 0) out.push(h);
  }
  return out.reverse();
}
