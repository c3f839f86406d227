/** Parsing `npm run sim` arguments: every mistake is a message, never an exception. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('takes a file and the three options, in any order and in both spellings', () => {
    expect(parseCliArgs(['s.json'])).toEqual({ ok: true, options: { scenarioPath: 's.json' } });
    expect(parseCliArgs(['--seed', '42', 's.json', '--until=5000', '--trace', 'out.jsonl'])).toEqual({
      ok: true,
      options: { scenarioPath: 's.json', seed: 42, untilMs: 5000, tracePath: 'out.jsonl' },
    });
  });

  it('takes a model and a script of commands for models other than Kafka', () => {
    expect(parseCliArgs(['s.json', '--model', 'saga', '--commands=c.json'])).toEqual({
      ok: true,
      options: { scenarioPath: 's.json', model: 'saga', commandsPath: 'c.json' },
    });
    expect(parseCliArgs(['s.json', '--commands', 'c.json'])).toEqual({
      ok: false,
      help: false,
      message: '--commands goes with --model',
    });
  });

  it('asks for help', () => {
    expect(parseCliArgs(['-h'])).toEqual({ ok: false, help: true });
    expect(parseCliArgs(['s.json', '--help'])).toEqual({ ok: false, help: true });
  });

  it.each([
    [[], 'no scenario file given'],
    [['a.json', 'b.json'], 'one scenario file at a time, got "a.json" and "b.json"'],
    [['s.json', '--speed', '2'], 'unknown option --speed'],
    [['s.json', '--seed'], '--seed needs a value'],
    [['s.json', '--trace='], '--trace needs a value'],
    [['s.json', '--seed', '-1'], '--seed needs a whole number, got "-1"'],
    [['s.json', '--until', '1.5'], '--until needs a whole number, got "1.5"'],
    [['s.json', '--seed', '99999999999'], '--seed must be at most 4294967295, got 99999999999'],
  ])('%j: %s', (argv, message) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, help: false, message });
  });
});
