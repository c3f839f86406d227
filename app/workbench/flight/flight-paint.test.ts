import { describe, expect, it } from 'vitest';
import { neutral, palette } from '../palette.ts';
import { opStride, paintFrame, spriteSlot, type FrameMsg } from './flight-paint.ts';
import type { SpriteCache } from './sprites.ts';

/** A context that records what was drawn, and sprites that say what they are. */
function fakes() {
  const calls: string[] = [];
  const ctx = {
    setTransform: () => undefined,
    clearRect: (x: number, y: number, w: number, h: number) => calls.push(`clear ${x},${y},${w},${h}`),
    drawImage: (img: { name: string }, x: number, y: number) => calls.push(`${img.name} @${x},${y}`),
    strokeRect: (x: number, y: number, w: number, h: number) => calls.push(`outline ${x},${y},${w},${h}`),
    setLineDash: () => undefined,
  } as unknown as CanvasRenderingContext2D;
  const sprites = {
    configure: () => undefined,
    shape: (shape: string, fill: string) => ({ image: { name: `${shape}:${fill}` }, ox: 5, oy: 5 }),
    label: (text: string) => ({ image: { name: `label:${text}` }, ox: 0, oy: 8 }),
  } as unknown as SpriteCache;
  return { calls, ctx, sprites };
}

const frame = (ops: number[], labels: string[], rects: number[] = []): FrameMsg => ({
  type: 'frame',
  width: 300,
  height: 200,
  ratio: 1,
  text: '#111',
  halo: '#fff',
  ops: new Float32Array(ops),
  opCount: ops.length / opStride,
  labels,
  rects: new Float32Array(rects),
  rectCount: rects.length / 4,
});

describe('painting a frame', () => {
  it('resizes the canvas, clears it, draws each sprite at its spot and a label where it was placed', () => {
    const { calls, ctx, sprites } = fakes();
    const canvas = { width: 10, height: 10 };
    paintFrame(
      canvas,
      ctx,
      frame([100, 50, spriteSlot('record', 2), 0, 8, -8, 40, 60, spriteSlot('batch', -1), -1, 0, 0], ['order-7']),
      sprites,
    );
    expect(canvas).toEqual({ width: 300, height: 200 });
    expect(calls).toEqual([
      'clear 0,0,300,200',
      `record:${palette[2]} @95,45`,
      'label:order-7 @108,42',
      `batch:${neutral} @35,55`,
    ]);
  });

  it('outlines the highlighted nodes (reduced motion)', () => {
    const { calls, ctx, sprites } = fakes();
    paintFrame({ width: 300, height: 200 }, ctx, frame([], [], [10, 20, 30, 40]), sprites);
    expect(calls).toEqual(['clear 0,0,300,200', 'outline 10,20,30,40']);
  });

  it('gives every shape and colour its own slot', () => {
    const slots = new Set<number>();
    for (const shape of ['record', 'batch', 'control'] as const)
      for (let c = -1; c < palette.length; c++) slots.add(spriteSlot(shape, c));
    expect(slots.size).toBe(3 * (palette.length + 1));
  });
});
