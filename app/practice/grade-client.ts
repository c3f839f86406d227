/**
 * Grading from the page: one Web Worker, created on first use, answering one request at a time.
 * Where workers are unavailable the grade runs on the page after yielding a frame, so the button
 * still shows "Checking…" first.
 */
import { gradeDesign, parseDesign } from '../../simulator/index.ts';
import { withLinks, type VerdictWithLinks } from './verdict-links.ts';

export interface GradeRequest {
  id: number;
  design: unknown;
}
export type GradeReply = { id: number; ok: true; verdict: VerdictWithLinks } | { id: number; ok: false; message: string };
export type GradeOutcome = { ok: true; verdict: VerdictWithLinks } | { ok: false; message: string };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (r: GradeOutcome) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./grade.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<GradeReply>) => {
      const done = pending.get(e.data.id);
      pending.delete(e.data.id);
      done?.(e.data.ok ? { ok: true, verdict: e.data.verdict } : { ok: false, message: e.data.message });
    };
    worker.onerror = () => {
      for (const done of pending.values())
        done({ ok: false, message: 'The grader could not run in this browser. Reload the page and try again.' });
      pending.clear();
    };
  } catch {
    worker = null;
  }
  return worker;
}

function gradeHere(design: unknown): GradeOutcome {
  const d = parseDesign(design);
  return d.ok ? { ok: true, verdict: withLinks(gradeDesign(d.value)) } : { ok: false, message: d.error.message };
}

/** Grades a design off the main thread. Never rejects. */
export function gradeInWorker(design: unknown): Promise<GradeOutcome> {
  const w = getWorker();
  if (w === null) return new Promise((resolve) => setTimeout(() => resolve(gradeHere(design)), 30));
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, design } satisfies GradeRequest);
  });
}
