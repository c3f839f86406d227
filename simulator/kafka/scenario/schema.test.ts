/**
 * The scenario schema: what it accepts, and for each rule it enforces, the path and the words of
 * the error a learner sees. Each row reads "this valid scenario, but ...".
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CASES, type Edit } from './error-cases.ts';
import { loadCommand, loadScenario } from './loader.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { fullScenario, minimalScenario } from './test-fixtures.ts';
import type { KafkaScenario, KafkaEngineCommand } from './types.ts';

/** Loads the minimal scenario after an edit; returns the issues as `path: message` lines. */
function problems(edit: Edit, base: () => KafkaScenario = minimalScenario): string[] {
  const s = base() as KafkaScenario & Record<string, unknown>;
  edit(s);
  const r = loadScenario(s);
  return r.ok ? [] : r.error.issues.map((i) => i.message);
}

const p0 = (s: KafkaScenario) => s.producers![0]!;
const g0 = (s: KafkaScenario) => s.groups![0]!;
const t0 = (s: KafkaScenario) => s.topics[0]!;

describe('scenario schema: accepted input', () => {
  it('accepts the minimal scenario and one that sets every field', () => {
    expect(loadScenario(minimalScenario())).toEqual({ ok: true, value: minimalScenario() });
    expect(loadScenario(fullScenario())).toEqual({ ok: true, value: fullScenario() });
  });

  it('accepts the boundaries themselves', () => {
    expect(
      problems((s) => {
        t0(s).partitions = SCENARIO_LIMITS.partitionsMax;
        p0(s).keys = { type: 'hot', hotKey: 'h', hotPerMille: 1000, keys: 0 };
        p0(s).ratePerSec = SCENARIO_LIMITS.ratePerSecMax;
        s.tasksMax = SCENARIO_LIMITS.tasksMax;
        g0(s).consumers = 0;
      }),
    ).toEqual([]);
  });
});

describe('scenario schema: each rule names the path and says what is wrong', () => {
  it.each(ERROR_CASES)('%s', (_what, edit, expected) => {
    expect(problems(edit)[0]).toBe(expected);
  });

  it('reports every problem, not just the first', () => {
    const all = problems((s) => {
      t0(s).partitions = 0;
      p0(s).topic = 'nope';
      g0(s).consumerIds = ['x'];
    });
    expect(all.map((m) => m.split(':')[0])).toEqual(['topics[0].partitions', 'producers[0].topic', 'groups[0].consumerIds']);
  });
});

describe('command schema', () => {
  const valid: KafkaEngineCommand[] = [
    ...fullScenario().schedule!.map((e) => e.command),
    { type: 'step' },
    { type: 'advance', untilMs: 100 },
    { type: 'run-until-idle' },
    { type: 'reset-offsets', group: 'g', topic: 't', to: { offset: 5 } },
    { type: 'reset-offsets', group: 'g', topic: 't', to: 'latest' },
  ];
  it.each(valid.map((c) => [c.type, c] as const))('accepts %s', (_t, c) => {
    expect(loadCommand(c)).toEqual({ ok: true, value: c });
  });

  it.each([
    [{ type: 'explode' }, 'type: unknown type "explode"; expected one of'],
    [{ type: 'produce' }, 'topic: is required: expected text (a JSON string)'],
    [{ type: 'step', extra: 1 }, 'extra: unknown field "extra"; the fields allowed here are type'],
    [
      { type: 'reset-offsets', group: 'g', topic: 't', to: 'start' },
      'to: expected "earliest", "latest", {"offset": <whole number ≥ 0>} or {"timestampMs": <ms ≥ 0>}, got the text "start"',
    ],
    [
      { type: 'produce', topic: 't', value: { f: () => 1 } },
      'value: a value must be JSON (text, numbers, true/false, null, lists, objects), got a function',
    ],
    [{ type: 'advance', untilMs: -1 }, 'untilMs: a time cannot be negative, got the number -1'],
  ])('rejects %j', (input, start) => {
    const r = loadCommand(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_COMMAND');
      expect(r.error.message.startsWith(start)).toBe(true);
    }
  });

  it('bounds the depth of a produce value', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const r = loadCommand({ type: 'produce', topic: 't', value: deep });
    expect(r.ok ? '' : r.error.message).toBe('value: a value may be nested at most 20 levels deep');
  });
});
