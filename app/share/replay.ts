/**
 * Opening a heavy shared moment without freezing the page (issue #12): the link's commands are
 * replayed on the main thread for at most `quickMs`; a link that needs longer is replayed in a
 * Worker that reports progress and can be cancelled, and the page stays responsive meanwhile.
 */
import { replayToCursor, type Handover, type ReplayRequest } from './replay-core.ts';
import type { ReplayMessage } from './replay.worker.ts';

/** How long the main thread may replay a link before handing it to the Worker. */
export const quickMs = 150;

/** Replays on the main thread if that takes at most `quickMs`; undefined when it needs longer. */
export function replayQuickly(req: ReplayRequest): Handover | { error: string } | undefined {
  const out = replayToCursor(req, { now: () => performance.now(), budgetMs: quickMs });
  if (out.kind === 'done') return out.checkpoints;
  if (out.kind === 'error') return { error: out.message };
  return undefined;
}

export interface ReplayJob {
  done: Promise<{ ok: true; checkpoints: Handover } | { ok: false; message: string }>;
  cancel(): void;
}

/** Replays in a Worker; `onProgress` hears about every 100 ms. */
export function replayInWorker(req: ReplayRequest, onProgress: (done: number, total: number) => void): ReplayJob {
  let worker: Worker | undefined;
  let settle: (r: Awaited<ReplayJob['done']>) => void = () => {};
  const done = new Promise<Awaited<ReplayJob['done']>>((resolve) => (settle = resolve));
  try {
    worker = new Worker(new URL('./replay.worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    settle({ ok: false, message: `This browser could not start a background replay: ${(e as Error).message}` });
    return { done, cancel: () => {} };
  }
  worker.onmessage = (event: MessageEvent<ReplayMessage>) => {
    const m = event.data;
    if (m.type === 'progress') onProgress(m.done, m.total);
    else {
      worker?.terminate();
      settle(m.type === 'done' ? { ok: true, checkpoints: m.checkpoints } : { ok: false, message: m.message });
    }
  };
  worker.onerror = (event) => {
    worker?.terminate();
    settle({ ok: false, message: `The background replay failed: ${event.message || 'unknown error'}` });
  };
  worker.postMessage(req);
  return {
    done,
    cancel: () => {
      worker?.terminate();
      settle({ ok: false, message: 'cancelled' });
    },
  };
}
