/**
 * Painting one frame of the records-in-flight overlay from a compact list of drawing operations.
 *
 * The overlay works out where every token is on the main thread (that needs the store and React
 * Flow's node positions) and hands the result to `paintFrame` as numbers: per token its device
 * pixel position, its sprite slot and the label it carries, if any. `paintFrame` runs in a worker
 * that owns the canvas (OffscreenCanvas), so the copying of hundreds of sprites and the canvas's
 * commit happen beside the page's main thread, not on it; where a browser cannot hand a canvas to
 * a worker, the same function paints on the main thread.
 */
import { neutral, palette } from '../palette.ts';
import type { SpriteCache } from './sprites.ts';
import type { TokenShape } from './flight-tokens.ts';

const shapes: TokenShape[] = ['record', 'batch', 'control'];
/** One number per shape × colour (colour -1: no key). */
export const spriteSlot = (shape: TokenShape, colour: number): number => shapes.indexOf(shape) * 10 + colour + 1;
/** Distinct sprite slots there can be. */
export const spriteSlots = 32;

/**
 * Numbers per drawing operation in `FrameMsg.ops`: x, y, sprite slot, label index (-1: none), and
 * the label's top-left corner relative to the token (flight-labels.ts chose it so it covers no
 * node and no other label).
 */
export const opStride = 6;
/** Numbers per highlight rectangle in `FrameMsg.rects`: x, y, width, height. */
export const rectStride = 4;

export interface FrameMsg {
  type: 'frame';
  /** Canvas size in device pixels. */
  width: number;
  height: number;
  ratio: number;
  text: string;
  halo: string;
  ops: Float32Array;
  opCount: number;
  labels: string[];
  /** Reduced motion: dashed outlines around the nodes a step touched, in device pixels. */
  rects: Float32Array;
  rectCount: number;
}

export interface Paintable {
  width: number;
  height: number;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Paints a frame; `canvas` is resized to the frame's size when it differs. */
export function paintFrame(canvas: Paintable, ctx: Ctx2D, msg: FrameMsg, sprites: SpriteCache): void {
  if (canvas.width !== msg.width || canvas.height !== msg.height) {
    canvas.width = msg.width;
    canvas.height = msg.height;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, msg.width, msg.height);
  sprites.configure(msg.ratio, msg.text, msg.halo, msg.halo);
  const { ops, ratio } = msg;
  for (let i = 0; i < msg.opCount; i++) {
    const o = i * opStride;
    const x = ops[o]!;
    const y = ops[o + 1]!;
    const slot = ops[o + 2]!;
    const colour = (slot % 10) - 1;
    const s = sprites.shape(shapes[Math.floor(slot / 10)]!, colour >= 0 ? palette[colour]! : neutral);
    ctx.drawImage(s.image, x - s.ox, y - s.oy);
    const label = ops[o + 3]!;
    if (label < 0) continue;
    const l = sprites.label(msg.labels[label]!);
    ctx.drawImage(l.image, Math.round(x + ops[o + 4]!), Math.round(y + ops[o + 5]!));
  }
  if (msg.rectCount > 0) {
    ctx.lineWidth = 4 * ratio;
    ctx.strokeStyle = msg.text;
    ctx.setLineDash([8 * ratio, 4 * ratio]);
    for (let i = 0; i < msg.rectCount; i++) {
      const r = i * rectStride;
      ctx.strokeRect(msg.rects[r]!, msg.rects[r + 1]!, msg.rects[r + 2]!, msg.rects[r + 3]!);
    }
    ctx.setLineDash([]);
  }
}
