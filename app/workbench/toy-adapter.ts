/**
 * A tiny model for testing the workbench without Kafka: a ticker that emits one entry every
 * `everyMs` until it has emitted `count`, and can be crashed and restarted. Real models plug in
 * the same way.
 */
import {
  ErrorCode,
  createWorldBase,
  fail,
  nextTaskAtMs,
  nodeId,
  ok,
  runNext,
  schedule,
  traceEmit,
  type TraceBase,
  type WorldBase,
} from '../../simulator/index.ts';
import type { BoundModel } from './view.ts';

type ToyTask = { type: 'tick'; n: number };
type ToyEntry = TraceBase & { type: 'ticked' | 'crashed' | 'restarted'; n?: number };
export interface ToyState extends WorldBase<ToyTask, ToyEntry> {
  alive: boolean;
  ticks: number;
}
export type ToyCommand = { type: 'step' } | { type: 'crash' } | { type: 'restart' } | { type: 'more'; count: number };

/** The toy's one node. */
export const ticker = nodeId('ticker', 'ticker');

export function toyAdapter(count = 10, everyMs = 100): BoundModel<ToyState, ToyCommand> {
  const run = (w: ToyState, t: ToyTask): void => {
    if (!w.alive) return;
    w.ticks++;
    traceEmit(w.trace, { type: 'ticked', atMs: w.nowMs, n: t.n });
  };
  return {
    init(seed) {
      const w = { ...createWorldBase<ToyTask, ToyEntry>({ seed }), alive: true, ticks: 0 } as ToyState;
      for (let i = 1; i <= count; i++) schedule(w, { type: 'tick', n: i, atMs: i * everyMs });
      return w;
    },
    apply(w, c) {
      switch (c.type) {
        case 'step':
          runNext(w, run);
          return ok(null);
        case 'crash':
          if (!w.alive) return fail(ErrorCode.InvalidCommand, 'The ticker has already crashed.');
          w.alive = false;
          traceEmit(w.trace, { type: 'crashed', atMs: w.nowMs });
          return ok(null);
        case 'restart':
          if (w.alive) return fail(ErrorCode.InvalidCommand, 'The ticker is running; only a crashed ticker can restart.');
          w.alive = true;
          traceEmit(w.trace, { type: 'restarted', atMs: w.nowMs });
          return ok(null);
        case 'more':
          for (let i = 1; i <= c.count; i++) schedule(w, { type: 'tick', n: 1000 + i, atMs: w.nowMs + i * everyMs });
          return ok(null);
      }
    },
    clone: (w) => structuredClone(w),
    topology: () => ({
      nodes: [{ id: ticker, kind: 'ticker', shape: 'producer', label: 'ticker', detail: '', position: { x: 0, y: 0 } }],
      edges: [],
    }),
    view: (w) => ({
      nowMs: w.nowMs,
      nodes: [{ id: ticker, status: w.alive ? 'ok' : 'crashed', detail: `${w.ticks} ticks` }],
      entries: w.trace.entries.map((e) => ({
        id: e.id,
        atMs: e.atMs,
        type: e.type,
        text: e.type === 'ticked' ? `Tick ${e.n}.` : `The ticker ${e.type}.`,
        nodes: [ticker],
      })),
      counters: [{ label: 'ticks', value: w.ticks }],
    }),
    nowMs: (w) => w.nowMs,
    nextAtMs: (w) => nextTaskAtMs(w),
    traceLength: (w) => w.trace.nextId,
    stepCommand: { type: 'step' },
    nodeActions: (w) => [
      w.alive ? { label: 'Crash', command: { type: 'crash' } } : { label: 'Restart', command: { type: 'restart' } },
    ],
  };
}
