/**
 * The trace as JSON Lines: one trace entry per line, each line a complete JSON object, so `jq`, a
 * notebook or a spreadsheet import reads it line by line. Every entry the run keeps is written
 * (the whole trace, not only the newest entries the workbench shows): its sentence and the nodes
 * it touches as the workbench shows them, and under `detail` the model's own fields.
 *
 * A long run has hundreds of thousands of entries: the file is built in chunks, giving the page
 * back between them, as a Blob of parts (never one giant string).
 */
import type { FullTrace, TraceEntryView } from '../../workbench/view.ts';

/** Entries written per chunk before the page gets a turn. */
export const linesPerChunk = 2000;

const base = new Set(['id', 'atMs', 'type', 'correlationId']);

/** JSON has no bigint, Map or Set: write them as a string, an object and a list. */
function plain(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

/** One line (with its newline) for an entry shown as `e`, with the model's raw entry `raw` if any. */
export function traceLine(e: TraceEntryView, raw?: object): string {
  const detail = raw ? Object.fromEntries(Object.entries(raw).filter(([k]) => !base.has(k))) : undefined;
  const line = {
    id: e.id,
    atMs: e.atMs,
    type: e.type,
    text: e.text,
    ...(e.from !== undefined ? { from: e.from } : {}),
    ...(e.to !== undefined ? { to: e.to } : {}),
    ...(e.key !== undefined ? { key: e.key } : {}),
    ...(e.correlationId !== undefined ? { correlationId: e.correlationId } : {}),
    nodes: e.nodes,
    ...(detail && Object.keys(detail).length > 0 ? { detail } : {}),
  };
  return `${JSON.stringify(line, plain)}\n`;
}

export function traceJsonLines(entries: readonly TraceEntryView[]): string {
  return entries.map((e) => traceLine(e)).join('');
}

export interface TraceFile {
  blob: Blob;
  /** Entries written to the file. */
  lines: number;
  /** Entries the run wrote in all (more than `lines` when the scenario kept a summary trace). */
  total: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The whole trace as a JSON Lines Blob, built chunk by chunk; `onProgress` gets 0..1. */
export async function traceFile(trace: FullTrace, onProgress?: (done: number) => void): Promise<TraceFile> {
  const kept = trace.kept.slice();
  const parts: string[] = [];
  for (let i = 0; i < kept.length; i += linesPerChunk) {
    let chunk = '';
    for (const raw of kept.slice(i, i + linesPerChunk)) chunk += traceLine(trace.show(raw), raw);
    parts.push(chunk);
    if (i + linesPerChunk < kept.length) {
      onProgress?.((i + linesPerChunk) / kept.length);
      await nextTurn();
    }
  }
  return { blob: new Blob(parts, { type: 'application/jsonl' }), lines: kept.length, total: trace.total };
}

/** "2.4 MB", "310 KB", "900 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
