import { describe, expect, it } from 'vitest';
import { groupLabel, groupTokens, insideAny, placeLabel, repeatsOnRoute, type ScreenRect } from './flight-labels.ts';
import type { FlightToken } from './flight-tokens.ts';

const routeA = ['topic:orders', 'group:billing', 'consumer:billing-c1'];
const routeB = ['topic:orders', 'group:audit', 'consumer:audit-c1'];
const tok = (
  id: number,
  route: readonly string[],
  progress: number,
  label: string,
  shape: FlightToken['shape'] = 'batch',
  colour = -1,
): FlightToken => ({
  id,
  route,
  progress,
  shape,
  label,
  colour,
});

describe('tokens that travel together', () => {
  it('are one token with a count: same route, same moment, same shape', () => {
    const tokens = [
      tok(1, routeA, 0.5, 'fetch'),
      tok(2, routeA, 0.5, 'fetch'),
      tok(3, routeA, 0.5, 'fetch'),
      tok(4, routeB, 0.5, 'fetch'),
      tok(5, routeA, 0.25, 'fetch'),
      tok(6, routeA, 0.5, 'commit', 'control'),
    ];
    const groups = groupTokens(tokens, tokens.length);
    expect(groups.map((g) => [g.token.id, g.count, g.label])).toEqual([
      [6, 1, 'commit'],
      [5, 1, 'fetch'],
      [4, 1, 'fetch'],
      [3, 3, 'fetch ×3'],
    ]);
  });

  it('say how many records when their keys differ, and lose the key colour', () => {
    const tokens = [tok(1, routeA, 0.1, 'order-1', 'record', 2), tok(2, routeA, 0.1, 'order-2', 'record', 5)];
    const [g] = groupTokens(tokens, 2);
    expect(g).toMatchObject({ count: 2, label: '2 records', colour: -1 });
    expect(groupLabel('record', 'order-1', 2, 1)).toBe('order-1 ×2');
    expect(groupLabel('batch', 'ack', 3, 2)).toBe('ack +2');
    // Only the first n tokens count (the rest are left over from earlier frames).
    expect(groupTokens(tokens, 1)).toHaveLength(1);
  });
});

describe('labels of tokens in flight', () => {
  const canvas = { w: 400, h: 300 };
  const node: ScreenRect = { x: 200, y: 100, w: 150, h: 60 };

  it('go right of the token when that is free', () => {
    const placed: ScreenRect[] = [];
    expect(placeLabel(100, 130, 6, 50, 16, [node], placed, canvas)).toEqual([8, -8]);
    expect(placed).toEqual([{ x: 108, y: 122, w: 50, h: 16 }]);
  });

  it('never cover a node: a token just left of a node labels to its left', () => {
    const placed: ScreenRect[] = [];
    const at = placeLabel(190, 130, 6, 50, 16, [node], placed, canvas);
    expect(at).toEqual([-58, -8]);
  });

  it('never cover each other: the second of two tokens at one spot goes elsewhere, and a full spot gets no label', () => {
    const placed: ScreenRect[] = [];
    const spots = [0, 1, 2, 3, 4].map(() => placeLabel(100, 60, 6, 50, 16, [], placed, canvas));
    expect(spots.slice(0, 4).every((s) => s !== null)).toBe(true);
    expect(spots[4]).toBeNull();
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
  });

  it('stay on the canvas, and a token inside a node is found inside it', () => {
    expect(placeLabel(380, 150, 6, 50, 16, [], [], canvas)).toEqual([-58, -8]);
    expect(placeLabel(395, 5, 6, 50, 16, [], [], canvas)).toBeNull();
    expect(insideAny(250, 120, [node])).toBe(true);
    expect(insideAny(199, 120, [node])).toBe(false);
  });
});

describe('a label says something new on its route', () => {
  it('gives a label once per route and text in a frame; other routes and texts keep theirs', () => {
    const given = new Map<readonly string[], Set<string>>();
    const toStream = ['aggregate', 'stream'];
    const toStore = ['stream', 'store'];
    expect(repeatsOnRoute(given, toStream, 'event')).toBe(false);
    expect(repeatsOnRoute(given, toStream, 'event')).toBe(true);
    expect(repeatsOnRoute(given, toStream, 'event')).toBe(true);
    expect(repeatsOnRoute(given, toStore, 'event')).toBe(false);
    expect(repeatsOnRoute(given, toStream, 'order-7')).toBe(false);
    expect(repeatsOnRoute(new Map(), toStream, 'event')).toBe(false);
  });
});
