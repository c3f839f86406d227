/**
 * Where the records-in-flight frames get painted: by a worker that owns the canvas when the
 * browser can hand a canvas over (OffscreenCanvas), otherwise on the main thread by the same
 * `paintFrame`. A canvas can be handed over only once, so the surface is kept per canvas element
 * and outlives a quick unmount and remount of the effect that uses it (React's strict mode does
 * that, and so does a topology change); it is let go a moment after the last user left.
 */
import { paintFrame, type FrameMsg } from './flight-paint.ts';
import { SpriteCache } from './sprites.ts';

export interface FlightSurface {
  paint(msg: FrameMsg): void;
  /** True when a worker paints (for tests and the benchmark). */
  readonly offThread: boolean;
}

interface Held {
  surface: FlightSurface;
  users: number;
  release?: ReturnType<typeof setTimeout>;
  dispose(): void;
}

const held = new WeakMap<HTMLCanvasElement, Held>();

function mainThreadSurface(canvas: HTMLCanvasElement): Held | null {
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    // A canvas already handed to a worker has no context here.
  }
  if (!ctx) return null;
  const sprites = new SpriteCache(1, '', '', '');
  return {
    surface: { paint: (msg) => paintFrame(canvas, ctx, msg, sprites), offThread: false },
    users: 0,
    dispose: () => undefined,
  };
}

function workerSurface(canvas: HTMLCanvasElement): Held | null {
  if (typeof Worker === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./flight-worker.ts', import.meta.url), { type: 'module' });
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ type: 'init', canvas: offscreen }, [offscreen]);
  } catch {
    return null;
  }
  return {
    surface: {
      paint: (msg) => worker.postMessage(msg, [msg.ops.buffer, msg.rects.buffer]),
      offThread: true,
    },
    users: 0,
    dispose: () => worker.terminate(),
  };
}

/** The canvas's surface, made on first use. Pair every call with `releaseSurface`. */
export function acquireSurface(canvas: HTMLCanvasElement): FlightSurface | null {
  let h = held.get(canvas);
  if (!h) {
    const made = workerSurface(canvas) ?? mainThreadSurface(canvas);
    if (!made) return null;
    h = made;
    held.set(canvas, h);
  }
  clearTimeout(h.release);
  h.users++;
  return h.surface;
}

export function releaseSurface(canvas: HTMLCanvasElement): void {
  const h = held.get(canvas);
  if (!h) return;
  h.users--;
  if (h.users > 0) return;
  h.release = setTimeout(() => {
    if (h.users > 0) return;
    h.dispose();
    held.delete(canvas);
  }, 1000);
}
