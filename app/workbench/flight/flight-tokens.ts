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
import type { RouteTable } from './flight-map.ts';

/** Real time one token takes to cross its route, in ms. */
export const flightRealMs = 800;
/** Entries the buffer keeps at most (tokens in flight are a subset): room for over a thousand records. */
export const flightBufferMax = 8000;
/** Tokens drawn at most in one frame (a record flies as about five: its hops and acknowledgements). */
export const tokensMax = 6000;

export type TokenShape = 'record' | 'batch' | 'control';

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

export function tokenStyle(h: TraceEntryView): Pick<FlightToken, 'shape' | 'label' | 'colour'> {
  if (h.key !== undefined) {
    if (h.key === null) return { shape: 'record', label: 'no key', colour: -1 };
    const label = h.key.length > labelCharsMax ? `${h.key.slice(0, labelCharsMax - 1)}…` : h.key;
    return { shape: 'record', label, colour: keySlot(h.key) };
  }
  return {
    shape: controlTypes.has(h.type) ? 'control' : 'batch',
    label: batchWords[h.type] ?? h.type.split('-')[0]!,
    colour: -1,
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

type TokenStyle = Pick<FlightToken, 'shape' | 'label' | 'colour'>;
/** A entry's look never changes, so it is worked out once, not once per frame. */
const styles = new WeakMap<TraceEntryView, TokenStyle>();
const styleOf = (h: TraceEntryView): TokenStyle => {
  let st = styles.get(h);
  if (!st) styles.set(h, (st = tokenStyle(h)));
  return st;
};

/**
 * Fills `out` with the tokens in flight at `clockMs` (newest last) and returns how many there are.
 * A entry is in flight while `atMs <= clockMs < atMs + flightMs`. The token objects in `out`
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
  const oldest = clockMs - flightMs;
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
    const st = styleOf(h);
    const t = out[n] ?? (out[n] = { id: 0, route, progress: 0, shape: st.shape, label: '', colour: -1 });
    t.id = h.id;
    t.route = route;
    t.progress = (clockMs - h.atMs) / flightMs;
    t.shape = st.shape;
    t.label = st.label;
    t.colour = st.colour;
    n++;
  }
  return n;
}

/**
 * Topology nodes touched by the entries after `sinceId` (for the reduced-motion highlight):
 * the nodes each entry names, and the ends of its route.
 */
export function changedNodes(entries: readonly TraceEntryView[], sinceId: number, routes: RouteTable): Set<string> {
  const out = new Set<string>();
  for (let i = entries.length - 1; i >= 0 && entries[i]!.id > sinceId; i--) {
    const h = entries[i]!;
    for (const n of h.nodes) out.add(n);
    if (h.from !== undefined && h.to !== undefined) {
      const r = routes.route(h.from, h.to);
      if (r) {
        out.add(r[0]!);
        out.add(r.at(-1)!);
      }
    }
  }
  return out;
}
