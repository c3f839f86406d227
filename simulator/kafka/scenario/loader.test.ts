/**
 * The loader: JSON text or parsed values in, a KafkaScenario or a SimError with every issue out,
 * and never an exception, whatever the input (fuzzed with fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, loadCommand, loadScenario, type LoadResult } from './loader.ts';
import { fullScenario, minimalScenario } from './test-fixtures.ts';

describe('loadScenario', () => {
  it('reads JSON text, with or without a byte order mark', () => {
    const text = JSON.stringify(minimalScenario(), null, 2);
    expect(loadScenario(text)).toEqual({ ok: true, value: minimalScenario() });
    expect(loadScenario(`\ufeff${text}`)).toEqual({ ok: true, value: minimalScenario() });
  });

  it('turns a JSON syntax error into SCENARIO_INVALID with the line and column', () => {
    const r = loadScenario('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SCENARIO_INVALID');
    expect(r.error.path).toBeUndefined();
    expect(r.error.message).toMatch(/^scenario: is not valid JSON at line 3, column 15 \(/);
  });

  it('says an empty file is empty', () => {
    const r = loadScenario('  \n');
    expect(r.ok ? '' : r.error.message).toBe('scenario: is empty; expected a JSON object');
  });

  it('gives the first issue as message and path, and lists them all', () => {
    const s = minimalScenario();
    s.topics[0]!.partitions = 0;
    s.groups![0]!.topics = ['payments'];
    const r = loadScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({
      code: 'SCENARIO_INVALID',
      path: 'topics[0].partitions',
      message: 'topics[0].partitions: a topic needs at least 1 partition, got 0',
      issues: [
        { path: 'topics[0].partitions', message: 'topics[0].partitions: a topic needs at least 1 partition, got 0' },
        {
          path: 'groups[0].topics[0]',
          message:
            'groups[0].topics[0]: group "billing" subscribes to topic "payments", which is not defined in topics (defined: orders).',
        },
      ],
    });
  });

  it('names the whole input "scenario" when it is not an object', () => {
    for (const [input, msg] of [
      [5, 'scenario: expected an object, got the number 5'],
      [null, 'scenario: expected an object, got null'],
      [[], 'scenario: expected an object, got a list of 0 items'],
      ['"text"', 'scenario: expected an object, got the text "text"'],
    ] as const) {
      const r = loadScenario(input);
      expect(r.ok ? '' : r.error.message).toBe(msg);
    }
  });

  it('returns a copy that does not share objects with the input', () => {
    const s = fullScenario();
    const r = loadScenario(s);
    expect(r.ok && r.value !== s && r.value.topics !== s.topics).toBe(true);
  });
});

describe('formatScenarioErrors', () => {
  it('renders one line per issue under a heading naming the source', () => {
    const s = minimalScenario();
    s.topics[0]!.partitions = 0;
    s.producers![0]!.ratePerSec = -1;
    const r = loadScenario(s);
    if (r.ok) throw new Error('expected an error');
    expect(formatScenarioErrors(r.error, 'bad.json')).toBe(
      [
        'bad.json is not a valid scenario (2 problems):',
        '  - topics[0].partitions: a topic needs at least 1 partition, got 0',
        '  - producers[0].ratePerSec: must be at least 0, got the number -1',
        'The format is described in docs/scenario-format.md.',
      ].join('\n'),
    );
  });

  it('works for a plain SimError without an issue list', () => {
    expect(formatScenarioErrors({ code: 'SCENARIO_INVALID', message: 'x: broken' })).toBe(
      'the input is not a valid scenario (1 problem):\n  - x: broken\nThe format is described in docs/scenario-format.md.',
    );
  });
});

/** Every failure must be a well-formed error value: code, non-empty message, issues matching. */
function wellFormed(r: LoadResult<unknown>): boolean {
  if (r.ok) return true;
  const e = r.error;
  return (
    (e.code === 'SCENARIO_INVALID' || e.code === 'INVALID_COMMAND') &&
    e.message.length > 0 &&
    e.issues.length > 0 &&
    e.issues[0]!.message === e.message &&
    (e.path === undefined || e.message.startsWith(`${e.path}: `))
  );
}

describe('the loader never throws (fuzzed)', () => {
  const runs = { numRuns: 500 };

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => wellFormed(loadScenario(v)) && wellFormed(loadCommand(v))),
      runs,
    );
  });

  it('on any value at all', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
        (v) => wellFormed(loadScenario(v)) && wellFormed(loadCommand(v)),
      ),
      runs,
    );
  });

  it('on any string, JSON-looking or not', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })),
        (s) => wellFormed(loadScenario(s)) && wellFormed(loadCommand(s)),
      ),
      runs,
    );
  });

  it('on a valid scenario with one value anywhere replaced by random JSON', () => {
    // Near-valid input reaches the semantic checks, which random JSON alone almost never does.
    const paths = leafPaths(fullScenario());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, v) => {
        const s = structuredClone(fullScenario()) as unknown as Record<string, unknown>;
        setAt(s, path, v);
        return wellFormed(loadScenario(s));
      }),
      runs,
    );
  });

  it('on hostile shapes: cycles, getters that throw, deep nesting', () => {
    const cyclic: Record<string, unknown> = { ...minimalScenario() };
    cyclic.self = cyclic;
    const throwing = Object.defineProperty({ ...minimalScenario() }, 'name', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { topics: [deep] };
    const deepText = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const v of [cyclic, throwing, deep, deepText, { ...minimalScenario(), __proto__: { polluted: true } }]) {
      expect(wellFormed(loadScenario(v))).toBe(true);
    }
  });
});

function leafPaths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => leafPaths(x, [...prefix, k]))];
}

function setAt(root: Record<string, unknown>, path: Array<string | number>, v: unknown): void {
  if (path.length === 0) return;
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = v;
}
