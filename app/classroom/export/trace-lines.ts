/**
 * The trace as JSON Lines: one trace entry per line, as the workbench shows it (the newest entries
 * the view keeps), each line a complete JSON object, so `jq`, a notebook or a spreadsheet import
 * reads it line by line.
 */
import type { TraceEntryView } from '../../workbench/view.ts';

export function traceJsonLines(entries: readonly TraceEntryView[]): string {
  return entries
    .map((e) =>
      JSON.stringify({
        id: e.id,
        atMs: e.atMs,
        type: e.type,
        text: e.text,
        ...(e.from !== undefined ? { from: e.from } : {}),
        ...(e.to !== undefined ? { to: e.to } : {}),
        ...(e.key !== undefined ? { key: e.key } : {}),
        ...(e.correlationId !== undefined ? { correlationId: e.correlationId } : {}),
        nodes: e.nodes,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
