/**
 * Heavy work without freezing the page (issue #12): opening a shared moment, whose commands are
 * replayed on the main thread for at most `quickMs` and otherwise in a Worker, and End on a long
 * run, which runs in the Worker from the page's state. The Worker reports progress and can be
 * cancelled; the page stays responsive meanwhile.
 */
import type { EndRequest } from './end-core.ts';
import { attachPieces, type Piece } from './pieces.ts';
import { replayToCursor, type Handover, type ReplayRequest } from './replay-core.ts';
import type { ReplayMessage, WorkerRequest } from './replay.worker.ts';

/** How long the main thread may replay a link before handing it to the Worker. */
export const quickMs = 60;

/** Replays on the main thread if that takes at most `quickMs`; undefined when it needs longer. */
export function replayQuickly(req: ReplayRequest): Handover | { error: string } | undefined {
  const out = replayToCursor(req, { now: () => performance.now(), budgetMs: quickMs });
  if (out.kind === 'done') return out.checkpoints;
  if (out.kind === 'error') return { error: out.message };
  return undefined;
}

export type JobResult = { ok: true; checkpoints: Handover; appended: Array<{ type: string }> } | { ok: false; message: string };

export interface ReplayJob {
  done: Promise<JobResult>;
  cancel(): void;
}

/** Runs a request in a fresh Worker; `onProgress` hears about every 100 ms. */
function inWorker(req: WorkerRequest, onProgress: (done: number, total: number) => void): ReplayJob {
  let worker: Worker | undefined;
  let settle: (r: JobResult) => void = () => {};
  const done = new Promise<JobResult>((resolve) => (settle = resolve));
  try {
    worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    settle({ ok: false, message: `This browser could not start a background replay: ${(e as Error).message}` });
    return { done, cancel: () => {} };
  }
  const checkpoints: Handover = [];
  const pieces: Piece[][] = [];
  worker.onmessage = (event: MessageEvent<ReplayMessage>) => {
    const m = event.data;
    if (m.type === 'progress') onProgress(m.done, m.total);
    // One state per message, its long arrays in slices after it: each is read in its own task.
    else if (m.type === 'checkpoint') {
      checkpoints.push({ at: m.at, state: m.state, ...(m.bytes !== undefined ? { bytes: m.bytes } : {}) });
      pieces.push([]);
    } else if (m.type === 'piece') pieces.at(-1)?.push(m.piece);
    else {
      if (m.type === 'done') checkpoints.forEach((c, i) => attachPieces(c.state, pieces[i]!));
      worker?.terminate();
      settle(m.type === 'done' ? { ok: true, checkpoints, appended: m.appended ?? [] } : { ok: false, message: m.message });
    }
  };
  worker.onerror = (event) => {
    worker?.terminate();
    settle({ ok: false, message: `The background replay failed: ${event.message || 'unknown error'}` });
  };
  // postMessage copies the request now, so the caller may go on changing what it passed.
  worker.postMessage(req);
  return {
    done,
    cancel: () => {
      worker?.terminate();
      settle({ ok: false, message: 'cancelled' });
    },
  };
}

/** Replays a link in a Worker. */
export function replayInWorker(req: ReplayRequest, onProgress: (done: number, total: number) => void): ReplayJob {
  return inWorker({ ...req, kind: 'replay' }, onProgress);
}

/** Runs End in a Worker from the page's state (app/share/end-core.ts). */
export function endInWorker(req: Omit<EndRequest, 'kind'>, onProgress: (done: number, total: number) => void): ReplayJob {
  return inWorker({ ...req, kind: 'end' }, onProgress);
}
