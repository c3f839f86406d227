/**
 * The background Worker for heavy replays (issue #12): a shared moment's commands up to its cursor
 * (app/share/replay-core.ts), or End from the page's state (app/share/end-core.ts). It reports
 * progress, then posts each handed-back state in its own message (so the page reads one state per
 * task, never all of them in one long task), then `done`. The page terminates it to cancel.
 */
import { runToEndFrom, type EndRequest } from './end-core.ts';
import { detachLongArrays, type Piece } from './pieces.ts';
import { replayToCursor, type ReplayRequest } from './replay-core.ts';

export type WorkerRequest = (ReplayRequest & { kind?: 'replay' }) | EndRequest;

export type ReplayMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'checkpoint'; at: number; state: unknown; bytes?: number }
  /** A slice of a long array of the last checkpoint posted (app/share/pieces.ts). */
  | { type: 'piece'; piece: Piece }
  | { type: 'done'; appended?: Array<{ type: string }> }
  | { type: 'error'; message: string };

const post = (m: ReplayMessage): void => (self as unknown as { postMessage: (m: unknown) => void }).postMessage(m);

const hooks = {
  now: () => performance.now(),
  onProgress: (done: number, total: number) => post({ type: 'progress', done, total }),
  progressEveryMs: 100,
};

const handOver = (checkpoints: ReadonlyArray<{ at: number; state: unknown; bytes?: number }>): void => {
  for (const c of checkpoints) {
    // These states are not used here again: their long arrays go in slices of their own.
    const pieces = detachLongArrays(c.state);
    post({ type: 'checkpoint', at: c.at, state: c.state, ...(c.bytes !== undefined ? { bytes: c.bytes } : {}) });
    for (const piece of pieces) post({ type: 'piece', piece });
  }
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.kind === 'end') {
    const outcome = runToEndFrom(req, hooks);
    if (outcome.kind === 'error') return post({ type: 'error', message: outcome.message });
    handOver(outcome.checkpoints);
    return post({ type: 'done', appended: outcome.appended });
  }
  const outcome = replayToCursor(req, hooks);
  if (outcome.kind === 'done') {
    handOver(outcome.checkpoints);
    post({ type: 'done' });
  } else post({ type: 'error', message: outcome.kind === 'error' ? outcome.message : 'The replay stopped early.' });
};
