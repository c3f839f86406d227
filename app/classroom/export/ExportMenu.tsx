/** The Export menu: a disclosure button and a short list of files to download. */
import { useEffect, useRef, useState } from 'react';
import type { ExportContext, ExportKind } from './run-export.ts';

const items: ReadonlyArray<{ kind: ExportKind; label: string; lessonOnly?: boolean }> = [
  { kind: 'topology-png', label: 'Topology as PNG (for slides)' },
  { kind: 'topology-svg', label: 'Topology as SVG (for web pages)' },
  { kind: 'sequence-svg', label: 'Sequence diagram as SVG' },
  { kind: 'sequence-mermaid', label: 'Sequence diagram as mermaid source' },
  { kind: 'trace-jsonl', label: 'Trace as JSON Lines' },
  { kind: 'handout-md', label: 'Handout (Markdown with the picture)', lessonOnly: true },
];

/** " (12,345 entries)": the trace's size is worth knowing before a long run's file is made. */
function traceCount<C>(ctx: ExportContext<C>): string {
  const n = ctx.store.getState().traceLength();
  return ` (${n.toLocaleString('en')} ${n === 1 ? 'entry' : 'entries'})`;
}

export function ExportMenu<C>({ ctx, handout }: { ctx: ExportContext<C>; handout: boolean }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  // A note or a problem stays until the next click or key: it sits over the transport bar.
  const shown = note !== null || message !== null;
  useEffect(() => {
    if (!shown || open) return;
    const clear = (): void => {
      setNote(null);
      setMessage(null);
    };
    window.addEventListener('pointerdown', clear);
    window.addEventListener('keydown', clear);
    return () => {
      window.removeEventListener('pointerdown', clear);
      window.removeEventListener('keydown', clear);
    };
  }, [shown, open]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false);
        setMessage(null);
        root.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    const onDown = (e: PointerEvent): void => {
      if (root.current?.contains(e.target as Node)) return;
      setOpen(false);
      setMessage(null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const run = async (kind: ExportKind): Promise<void> => {
    setBusy(kind);
    setMessage(null);
    setNote(null);
    setProgress(null);
    const { runExport } = await import('./run-export.ts');
    const problem = await runExport(kind, ctx, { onProgress: setProgress, onDone: setNote });
    setBusy(null);
    setProgress(null);
    setMessage(problem);
    if (problem === null) setOpen(false);
  };

  return (
    <div className="export-menu classroom-extra" ref={root}>
      <button type="button" aria-expanded={open} aria-controls="export-list" onClick={() => setOpen(!open)}>
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id="export-list" className="export-list" aria-label="Export">
          {items
            .filter((i) => handout || !i.lessonOnly)
            .map((i) => (
              <li key={i.kind}>
                <button type="button" onClick={() => void run(i.kind)} disabled={busy !== null} aria-busy={busy === i.kind}>
                  {busy === i.kind
                    ? `${i.label}…${progress !== null ? ` ${Math.round(progress * 100)}%` : ''}`
                    : `${i.label}${i.kind === 'trace-jsonl' ? traceCount(ctx) : ''}`}
                </button>
              </li>
            ))}
          <li className="export-hint">
            PNG is the picture for slides. The topology’s SVG carries the page’s own HTML inside it: a browser draws it,
            PowerPoint, Keynote and Google Slides show it blank or not at all.
          </li>
        </ul>
      )}
      {note && !message && (
        <p className="notice export-message" role="status">
          {note}
        </p>
      )}
      {message && (
        <p className="notice export-message" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
