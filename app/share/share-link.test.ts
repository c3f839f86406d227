/** Share links: round trips, and every kind of damage gives a clear error value, never a throw. */
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { KafkaCommand } from '../../simulator/index.ts';
import { linkModels } from '../models/open-link.ts';
import { lzBombLink as bombOf } from './lz-bomb.test-helper.ts';
import { commandsMax, decodeShareState as decodeWith, encodeShareState, type SharedState } from './share-link.ts';

type KafkaEngineCommand = KafkaCommand;
/** Decodes against the app's registry of models, as the playground does. */
const decodeShareState = (text: string) => decodeWith(text, linkModels);

const spec = {
  version: 1 as const,
  name: 'two-groups',
  brokers: [{ id: 1 }],
  topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
  groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
};

const commandArb: fc.Arbitrary<KafkaEngineCommand> = fc.oneof(
  fc.constant<KafkaEngineCommand>({ type: 'step' }),
  fc.constant<KafkaEngineCommand>({ type: 'run-until-idle' }),
  fc.integer({ min: 0, max: 1_000_000 }).map((untilMs): KafkaEngineCommand => ({ type: 'advance', untilMs })),
  fc
    .record({ key: fc.stringMatching(/^[a-z0-9-]{1,12}$/) })
    .map((r): KafkaEngineCommand => ({ type: 'produce', topic: 'orders', key: r.key })),
  fc.constant<KafkaEngineCommand>({ type: 'crash-consumer', consumer: 'billing-c1' }),
);

const stateArb: fc.Arbitrary<SharedState<{ type: string }>> = fc
  .record({
    inline: fc.boolean(),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    commands: fc.array(commandArb, { maxLength: 40 }),
    cursorFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => ({
    model: 'kafka',
    scenario: r.inline ? { spec } : { id: 'L06-consumer-lag' },
    seed: r.seed,
    commands: r.commands,
    cursor: Math.floor(r.cursorFraction * r.commands.length),
  }));

describe('share links', () => {
  it('round-trip any state exactly', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const text = encodeShareState(state);
        expect(text.startsWith('v2:')).toBe(true);
        expect(text).toMatch(/^v2:[A-Za-z0-9+\-$]*$/);
        expect(decodeShareState(text)).toEqual({ ok: true, value: state });
      }),
    );
  });

  it('never throw on arbitrary input, and fail with a share-link error code', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = decodeShareState(text);
        if (!r.ok) expect(['SHARE_LINK_INVALID', 'SHARE_LINK_TOO_NEW']).toContain(r.error.code);
      }),
    );
  });

  it('reject truncated and tampered links with a message a learner can act on', () => {
    fc.assert(
      fc.property(stateArb, fc.nat(), fc.nat(), (state, cut, flip) => {
        const text = encodeShareState(state);
        const truncated = text.slice(0, 3 + (cut % Math.max(1, text.length - 3)));
        const chars = text.split('');
        const i = 3 + (flip % Math.max(1, chars.length - 3));
        chars[i] = chars[i] === 'A' ? 'z' : 'A';
        for (const damaged of [truncated, chars.join('')]) {
          const r = decodeShareState(damaged);
          // Damage may by chance still decode to a valid state; then it must be a valid state.
          if (r.ok) expect(r.value.cursor).toBeLessThanOrEqual(r.value.commands.length);
          else expect(r.error.message).toMatch(/damaged or incomplete/);
        }
      }),
    );
  });

  it('arbitrary JSON behind a valid tag is refused, not trusted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const tag of ['v1', 'v2']) {
          const r = decodeShareState(`${tag}:${compressToEncodedURIComponent(JSON.stringify(value))}`);
          expect(r.ok).toBe(false);
        }
      }),
    );
  });

  it('says when a link is from a newer version', () => {
    const r = decodeShareState('v3:N4Ig');
    expect(r).toMatchObject({ ok: false, error: { code: 'SHARE_LINK_TOO_NEW' } });
    if (!r.ok) expect(r.error.message).toMatch(/newer version/);
  });

  it('rejects a cursor past the end, a bad seed, an invalid command and an invalid inline scenario', () => {
    const wire = (w: unknown): string => `v1:${compressToEncodedURIComponent(JSON.stringify(w))}`;
    expect(decodeShareState(wire({ s: 'x', r: 1, c: [{ type: 'step' }], k: 2 })).ok).toBe(false);
    expect(decodeShareState(wire({ s: 'x', r: -1, c: [], k: 0 })).ok).toBe(false);
    expect(decodeShareState(wire({ s: 'x', r: 1, c: [{ type: 'explode' }], k: 0 })).ok).toBe(false);
    expect(
      decodeShareState(
        wire({ s: { ...spec, topics: [{ name: 'orders', partitions: 0, replicationFactor: 1 }] }, r: 1, c: [], k: 0 }),
      ).ok,
    ).toBe(false);
    expect(decodeShareState(wire({ s: '<script>', r: 1, c: [], k: 0 })).ok).toBe(false);
    expect(decodeShareState(wire({ s: 'x', r: 1, c: [{ type: 'step' }], k: 1 })).ok).toBe(true);
  });

  it('v2 links name their model; an unknown model or a command of another model is refused', () => {
    const v2 = (w: unknown): string => `v2:${compressToEncodedURIComponent(JSON.stringify(w))}`;
    expect(decodeShareState(v2({ m: 'kafka', s: 'x', r: 1, c: [{ type: 'next-entry' }], k: 1 })).ok).toBe(true);
    expect(decodeShareState(v2({ m: 'saga', s: 'x', r: 1, c: [{ type: 'place-order', orderId: 'o-1' }], k: 1 })).ok).toBe(true);
    const unknown = decodeShareState(v2({ m: 'carrier-pigeon', s: 'x', r: 1, c: [], k: 0 }));
    expect(unknown.ok === false && unknown.error.message).toMatch(/no model called “carrier-pigeon”/);
    expect(decodeShareState(v2({ m: 'saga', s: 'x', r: 1, c: [{ type: 'crash-broker', broker: 1 }], k: 0 })).ok).toBe(false);
    expect(decodeShareState(v2({ s: 'x', r: 1, c: [], k: 0 })).ok).toBe(false);
  });

  it('v1 links are Kafka links, and their old step command is read as next-entry', () => {
    const v1 = `v1:${compressToEncodedURIComponent(JSON.stringify({ s: 'x', r: 1, c: [[3, { type: 'next-happening' }]], k: 3 }))}`;
    const r = decodeShareState(v1);
    expect(r.ok && r.value.model).toBe('kafka');
    expect(r.ok && r.value.commands).toEqual([{ type: 'next-entry' }, { type: 'next-entry' }, { type: 'next-entry' }]);
  });
});

describe('share links for long runs', () => {
  it('stay short: a played run of identical steps is run-length encoded', () => {
    const commands: KafkaEngineCommand[] = [
      ...Array.from({ length: 49_999 }, (): KafkaEngineCommand => ({ type: 'step' })),
      { type: 'crash-consumer', consumer: 'billing-c1' },
      ...Array.from({ length: 50_000 }, (): KafkaEngineCommand => ({ type: 'step' })),
    ];
    const text = encodeShareState({ model: 'kafka', scenario: { id: 'x' }, seed: 3, commands, cursor: 70_000 });
    expect(text.length).toBeLessThan(200);
    expect(decodeShareState(text)).toEqual({
      ok: true,
      value: { model: 'kafka', scenario: { id: 'x' }, seed: 3, commands, cursor: 70_000 },
    });
  });

  it('refuse a bad repeat count', () => {
    const wire = (w: unknown): string => `v1:${compressToEncodedURIComponent(JSON.stringify(w))}`;
    for (const bad of [
      [1, { type: 'step' }],
      [0, { type: 'step' }],
      [2.5, { type: 'step' }],
      [5_000_000, { type: 'step' }],
      [3],
    ]) {
      expect(decodeShareState(wire({ s: 'x', r: 1, c: [bad], k: 0 })).ok).toBe(false);
    }
  });
});

describe('share link command limit (issue #12)', () => {
  it('refuses a tiny link of 2 million steps at once, saying why, without building them', () => {
    const link = `v1:${compressToEncodedURIComponent(
      JSON.stringify({
        s: 'busy-cluster',
        r: 1,
        c: [
          [1_000_000, { type: 'step' }],
          [1_000_000, { type: 'step' }],
        ],
        k: 2_000_000,
      }),
    )}`;
    expect(link.length).toBeLessThan(200);
    const t0 = performance.now();
    const r = decodeShareState(link);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SHARE_LINK_INVALID');
    expect(r.error.message).toMatch(/more than 100,000 steps and commands, more than this page can replay at once/);
  });

  it('opens a link at the limit', () => {
    const commands = Array.from({ length: commandsMax }, (): KafkaEngineCommand => ({ type: 'step' }));
    const r = decodeShareState(
      encodeShareState({ model: 'kafka', scenario: { id: 'busy-cluster' }, seed: 1, commands, cursor: commandsMax }),
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.commands.length).toBe(commandsMax);
  });
});

describe('share link sizes near and over every limit (issue #12)', () => {
  const wrap = (wire: unknown) => `v2:${compressToEncodedURIComponent(JSON.stringify(wire))}`;
  const bounded = (text: string) => {
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = decodeShareState(text);
    // Generous bounds: the broken decoder took tens of seconds and gigabytes on these.
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(1_500_000_000);
    return r;
  };

  it('a small link that would expand to gigabytes is refused before it expands', () => {
    const bomb = bombOf(60_000); // about 1.8 × 10^9 characters
    expect(bomb.length).toBeLessThan(200_000);
    const r = bounded(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/expands to more than 16,000,000 characters/);
  });

  it('command counts, repeat counts and cursors near and over their limits end in a value or a clear refusal', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(1, 2, 99_999, 100_000, 100_001, 999_999, 1_000_000, 1_000_001, 2 ** 31, -1, 1.5),
            fc.constantFrom({ type: 'next-entry' }, { type: 'advance', untilMs: 1e12 }, { type: 'nope' }),
          ),
          { maxLength: 4 },
        ),
        fc.constantFrom(0, 1, 100_000, 100_001, -1, 2 ** 53),
        (runs, cursor) => {
          const c = runs.map(([n, cmd]) => (n === 1 ? cmd : [n, cmd]));
          const r = bounded(wrap({ m: 'kafka', s: 'busy-cluster', r: 1, c, k: cursor }));
          if (r.ok) {
            expect(r.value.commands.length).toBeLessThanOrEqual(commandsMax);
            expect(r.value.cursor).toBeLessThanOrEqual(r.value.commands.length);
          } else expect(r.error.code).toBe('SHARE_LINK_INVALID');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('an encoded link at and over its length limit is refused at once, not decompressed', () => {
    for (const n of [1_999_990, 2_000_001, 8_000_000]) {
      const r = bounded(`v2:${'A'.repeat(n)}`);
      expect(r.ok).toBe(false);
    }
  });
});
