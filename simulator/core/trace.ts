/**
 * The trace: every observable entry in a run, as typed plain data.
 *
 * The UI, the sequence diagrams, the invariant checks and the lessons' claims all read the trace,
 * so it is the one source of truth about what happened. Big runs (a million records) must not hold
 * millions of objects, so the log has two modes: `full` keeps every entry; `summary` keeps only the
 * newest `keepLast` entries plus a count per entry type. Producers of entries should ask
 * `traceWants(log)` before building an entry object, so summary mode with `keepLast: 0` costs no
 * allocation at all.
 */

/** What every trace entry carries. Models extend this with a `type` literal and their own fields. */
export interface TraceBase {
  /** Stable id: the entry's position in the run's whole trace (0-based), also in summary mode. */
  id: number;
  /** Virtual time of the entry, in ms. */
  atMs: number;
  /** The kind of entry, e.g. `record-appended`. */
  type: string;
  /** The business flow this entry belongs to (e.g. an order id), when there is one. */
  correlationId?: string;
  /** The id of the record, message or command that directly caused this entry. */
  causationId?: string;
}

export type TraceMode = 'full' | 'summary';

/** The trace log itself: plain data, checkpointed with the world. */
export interface TraceLog<E extends TraceBase = TraceBase> {
  mode: TraceMode;
  /** In summary mode, how many of the newest entries are kept. */
  keepLast: number;
  /** Kept entries, oldest first. In summary mode at most 2 × keepLast are held between trims. */
  entries: E[];
  /** The id the next entry will get; equals the total number of entries ever emitted. */
  nextId: number;
  /** Entries emitted per type over the whole run, kept in both modes. */
  counts: Record<string, number>;
}

/** Creates an empty trace log. */
export function createTraceLog<E extends TraceBase>(mode: TraceMode = 'full', keepLast = 1000): TraceLog<E> {
  return { mode, keepLast, entries: [], nextId: 0, counts: {} };
}

/** Whether an entry emitted now would be kept (so whether it is worth building the object). */
export function traceWants(log: TraceLog): boolean {
  return log.mode === 'full' || log.keepLast > 0;
}

/**
 * Counts an entry of `type` and returns its id, without building it. Use when `traceWants` is false.
 */
export function traceCount(log: TraceLog, type: string): number {
  log.counts[type] = (log.counts[type] ?? 0) + 1;
  return log.nextId++;
}

/**
 * Emits an entry. The caller passes everything but `id`, which the log assigns.
 * Returns the entry's id.
 */
export function traceEmit<E extends TraceBase>(log: TraceLog<E>, entry: Omit<E, 'id'>): number {
  const id = traceCount(log, entry.type);
  if (log.mode === 'full') {
    log.entries.push({ ...entry, id } as E);
  } else if (log.keepLast > 0) {
    log.entries.push({ ...entry, id } as E);
    // Trim in halves so the cost is amortised O(1) per entry instead of a shift per entry.
    if (log.entries.length >= 2 * log.keepLast) log.entries.splice(0, log.entries.length - log.keepLast);
  }
  return id;
}

/**
 * Like `traceEmit`, but takes ownership of `entry` and writes its `id` in place instead of copying
 * it: for hot paths that build a fresh entry object per entry (a million-record run would
 * otherwise copy a million objects). The caller must not reuse or mutate the object afterwards.
 */
export function traceEmitOwned<E extends TraceBase>(log: TraceLog<E>, entry: Omit<E, 'id'>): number {
  const id = traceCount(log, entry.type);
  if (log.mode === 'full' || log.keepLast > 0) {
    (entry as E).id = id;
    log.entries.push(entry as E);
    if (log.mode === 'summary' && log.entries.length >= 2 * log.keepLast)
      log.entries.splice(0, log.entries.length - log.keepLast);
  }
  return id;
}

/** The kept entries, newest `keepLast` only in summary mode. */
export function traceEntries<E extends TraceBase>(log: TraceLog<E>): readonly E[] {
  if (log.mode === 'summary' && log.entries.length > log.keepLast) {
    return log.entries.slice(log.entries.length - log.keepLast);
  }
  return log.entries;
}
