/** The Export menu: a disclosure button and a short list of files to download. */
import { useEffect, useRef, useState } from 'react';
import type { ExportContext, ExportKind } from './run-export.ts';

const items: ReadonlyArray<{ kind: ExportKind; label: string; lessonOnly?: boolean }> = [
  { kind: 'topology-png', label: 'Topology as PNG' },
  { kind: 'topology-svg', label: 'Topology as SVG' },
  { kind: 'sequence-svg', label: 'Sequence diagram as SVG' },
  { kind: 'sequence-mermaid', label: 'Sequence diagram as mermaid source' },
  { kind: 'trace-jsonl', label: 'Trace as JSON Lines' },
  { kind: 'handout-md', label: 'Handout (Markdown with the picture)', lessonOnly: true },
];

export function ExportMenu<C>({ ctx, handout }: { ctx: ExportContext<C>; handout: boolean }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    const onDown = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
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
    const { runExport } = await import('./run-export.ts');
    const problem = await runExport(kind, ctx);
    setBusy(null);
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
                  {busy === i.kind ? `${i.label}…` : i.label}
                </button>
              </li>
            ))}
        </ul>
      )}
      {message && (
        <p className="notice export-message" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
