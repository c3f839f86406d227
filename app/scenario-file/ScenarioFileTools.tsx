/**
 * "Save as file" and "Open file…" for the playground, and dropping a file anywhere on the page.
 * A file that does not load shows why (with the path of the problem in the file) and changes
 * nothing: the session on screen stays as it was until a file has loaded completely.
 */
import { useEffect, useRef, useState } from 'react';
import type { Result } from '../../simulator/index.ts';
import type { Session } from '../models/open-link.ts';
import { fileNameOf, fileOf, openScenarioFile } from './open-file.ts';
import { fileCharsMax } from './scenario-file.ts';

/** Downloads a session's moment as a JSON file. */
export function saveSessionFile(session: Session): void {
  const url = URL.createObjectURL(new Blob([fileOf(session)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(session);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a picked or dropped file, refusing one too big to read before reading it. */
async function readFile(file: File): Promise<Result<Session>> {
  const tooBig = `The file “${file.name}” is ${file.size.toLocaleString('en')} bytes; this page opens scenario files of up to ${fileCharsMax.toLocaleString('en')}.`;
  if (file.size > fileCharsMax * 4) return { ok: false, error: { code: 'SCENARIO_INVALID', message: tooBig } };
  try {
    return openScenarioFile(await file.text());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'SCENARIO_INVALID', message: `The file “${file.name}” could not be read (${why}).` } };
  }
}

export function ScenarioFileTools({ session, onOpen }: { session: Session; onOpen: (s: Session) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  const open = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const r = await readFile(file);
    if (!r.ok) {
      const why = /[.!?]$/.test(r.error.message) ? r.error.message : `${r.error.message}.`;
      setProblem(`“${file.name}” was not opened: ${why} Your playground is unchanged.`);
    } else {
      setProblem(null);
      onOpenRef.current(r.value);
    }
  };
  const openRef = useRef(open);
  openRef.current = open;

  // Drop a file anywhere on the page; files only, so dragging text or a node does nothing here.
  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void openRef.current(e.dataTransfer?.files[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      <button type="button" onClick={() => saveSessionFile(session)} title="Download this moment as a JSON scenario file">
        Save as file
      </button>
      <button type="button" onClick={() => input.current?.click()} title="Open a scenario file (or drop one on the page)">
        Open file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="scenario-file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          void open(file);
        }}
      />
      {problem && (
        <p className="workbench-error scenario-file-problem" role="alert">
          {problem}{' '}
          <button type="button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </p>
      )}
      {dragging && (
        <div className="scenario-drop" aria-hidden="true">
          Drop a scenario file to open it
        </div>
      )}
    </>
  );
}
