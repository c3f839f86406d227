/**
 * The link replay Worker: replays a shared moment's commands up to its cursor off the main
 * thread, reporting progress, and hands back the checkpoints nearest the cursor
 * (app/share/replay-core.ts). The page terminates it to cancel.
 */
import { replayToCursor, type ReplayRequest } from './replay-core.ts';

export type ReplayMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; checkpoints: Array<{ at: number; state: unknown }> }
  | { type: 'error'; message: string };

const post = (m: ReplayMessage): void => (self as unknown as { postMessage: (m: unknown) => void }).postMessage(m);

self.onmessage = (event: MessageEvent<ReplayRequest>) => {
  const outcome = replayToCursor(event.data, {
    now: () => performance.now(),
    onProgress: (done, total) => post({ type: 'progress', done, total }),
    progressEveryMs: 100,
  });
  if (outcome.kind === 'done') post({ type: 'done', checkpoints: outcome.checkpoints });
  else post({ type: 'error', message: outcome.kind === 'error' ? outcome.message : 'The replay stopped early.' });
};
