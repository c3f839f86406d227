import { describe, expect, it } from 'vitest';
import {
  copiesInFlight,
  drawnLabel,
  groupLabel,
  groupTokens,
  insideAny,
  mergeCopies,
  placeLabel,
  repeatsOnRoute,
  type DrawnToken,
  type ScreenRect,
} from './flight-labels.ts';
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
  records = shape === 'record' ? 1 : 0,
  head = shape === 'record' ? label : '',
): FlightToken => ({
  id,
  route,
  progress,
  shape,
  label,
  colour,
  records,
  head,
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

describe('fan-out: copies of one record, one per group', () => {
  const routeC = ['topic:orders', 'group:audit', 'consumer:audit-c2'];
  const at = (t: FlightToken, x: number, y: number): DrawnToken => {
    const [group] = groupTokens([t], 1);
    return { x, y, group: group!, copies: 1, routes: [t.route] };
  };

  it('fetches of several partitions to one consumer read as the records they carry', () => {
    const tokens = [
      tok(1, routeA, 0.2, 'order-2 +4', 'batch', -1, 5, 'order-2'),
      tok(2, routeA, 0.2, 'order-7 +2', 'batch', -1, 3, 'order-7'),
    ];
    const [g] = groupTokens(tokens, 2);
    // The oldest fetch's first record, and the 8 records in all: 7 more.
    expect(g).toMatchObject({ count: 2, records: 8, label: 'order-2 +7' });
  });

  it('leave together as one token with a count, then go on apart with the same label', () => {
    const rec = (id: number, route: readonly string[]) => tok(id, route, 0, 'order-1', 'record', 3);
    const together = mergeCopies([at(rec(1, routeA), 100, 50), at(rec(2, routeB), 101, 51), at(rec(3, routeC), 100, 50)]);
    expect(together).toHaveLength(1);
    expect(drawnLabel(together[0]!)).toBe('order-1 ×3');
    expect(copiesInFlight(together)).toEqual([
      {
        label: 'order-1',
        from: 'topic:orders',
        to: ['consumer:billing-c1', 'consumer:audit-c1', 'consumer:audit-c2'],
        via: ['topic:orders', 'group:billing', 'consumer:billing-c1', 'group:audit', 'consumer:audit-c1', 'consumer:audit-c2'],
      },
    ]);
    const apart = mergeCopies([at(rec(1, routeA), 140, 30), at(rec(2, routeB), 140, 70)]);
    expect(apart.map(drawnLabel)).toEqual(['order-1', 'order-1']);
    expect(copiesInFlight(apart)[0]!.to).toHaveLength(2);
  });

  it('are not mixed with other labels, acks or commits', () => {
    const other = mergeCopies([
      at(tok(1, routeA, 0, 'order-1', 'record'), 10, 10),
      at(tok(2, routeB, 0, 'order-2', 'record'), 10, 10),
    ]);
    expect(other).toHaveLength(2);
    expect(copiesInFlight(other)).toEqual([]);
    const commits = mergeCopies([
      at(tok(1, routeA, 0, 'commit', 'control'), 10, 10),
      at(tok(2, routeB, 0, 'commit', 'control'), 90, 10),
    ]);
    expect(copiesInFlight(commits)).toEqual([]);
    // The record flying in from its producer is not a copy of the ones flying out.
    const inAndOut = mergeCopies([
      at(tok(1, ['producer:shop', 'topic:orders'], 0.5, 'order-1', 'record'), 10, 10),
      at(tok(2, routeA, 0.2, 'order-1', 'record'), 50, 10),
    ]);
    expect(copiesInFlight(inAndOut)).toEqual([]);
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
