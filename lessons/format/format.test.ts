/**
 * The lesson format itself: defineLesson reports shape problems instead of throwing, the runner
 * catches a false claim and a failing command, and the script for step N reproduces step N.
 */
import { describe, expect, it } from 'vitest';
import { parseContent, parsePredict } from './content.ts';
import { defineLesson, type LessonSpec } from './define-lesson.ts';
import { describeFailures, runLesson, scriptForStep, stateAfterStep } from './run-lesson.ts';
import { bankRead } from '../../simulator/index.ts';

/** A predict section with `options` (`- id: text` lines). */
const predictSection = (options = ['a: A', 'b: B']): string[] => [
  '## predict',
  'Q?',
  '',
  ...options.map((o) => `- ${o}`),
  '',
  '### Why',
  'E.',
];

const content = (steps: string[], predictBefore = 'again', options?: string[]): string =>
  [
    '# T',
    '## what you will learn',
    'Learn.',
    ...steps.flatMap((s) => [
      ...(s === predictBefore ? predictSection(options) : []),
      `## ${s}`,
      `Step ${s}: the balance is 10.`,
    ]),
    '## recap',
    'R.',
    '## challenge',
    'C.',
    '## solution',
    'The balance is 10.',
    '## what this simulation simplifies',
    'W.',
  ].join('\n');

function spec(over: Partial<LessonSpec<'eventstore'>> = {}): LessonSpec<'eventstore'> {
  const balance = {
    id: 'b',
    text: 'the balance is 10',
    value: (s: Parameters<typeof bankRead.balanceNow>[0]) => bankRead.balanceNow(s, 'account-1'),
    expected: 10,
  };
  return {
    id: 'L98',
    title: 'Test',
    minutes: 5,
    model: 'eventstore',
    scenario: {},
    content: content(['open', 'again']),
    steps: [
      {
        id: 'open',
        title: 'Open',
        commands: [
          { type: 'open-account', stream: 'account-1', owner: 'a' },
          { type: 'deposit', stream: 'account-1', amountCents: 1_000 },
        ],
        highlight: [],
        claims: [balance],
      },
      {
        id: 'again',
        title: 'Again',
        scenario: {},
        commands: [
          { type: 'open-account', stream: 'account-1', owner: 'b' },
          { type: 'deposit', stream: 'account-1', amountCents: 1_000 },
        ],
        highlight: [],
        claims: [balance],
      },
    ],
    predict: { stepId: 'again', answer: 'a' },
    challenge: { solution: { commands: [], claims: [balance] } },
    ...over,
  };
}

describe('parsePredict', () => {
  it('reads the question, the options and the explanation', () => {
    expect(parsePredict('What now?\n\n- a: one thing\n- b: another, with: a colon\n\n### Why\n\nBecause.')).toEqual({
      question: 'What now?',
      options: [
        { id: 'a', text: 'one thing' },
        { id: 'b', text: 'another, with: a colon' },
      ],
      explanation: 'Because.',
      problems: [],
    });
  });
  it('says what is missing instead of guessing', () => {
    expect(parsePredict('- a: x\n- b: y').problems).toEqual([
      'predict: the "### Why" explanation is missing',
      'predict: the question is missing',
    ]);
    expect(parsePredict('Q?\n- a: x\nstray text\n### Why\nE.').problems).toEqual([
      'predict: text after the options is neither an option nor "### Why": "stray text"',
    ]);
  });
});

describe('parseContent', () => {
  it('splits ## sections and keeps the title', () => {
    const p = parseContent('# Title\n\n## One\nbody 1\n### sub\nmore\n## two\n\nbody 2\n');
    expect(p.title).toBe('Title');
    expect(p.sections).toEqual([
      { name: 'one', body: 'body 1\n### sub\nmore' },
      { name: 'two', body: 'body 2' },
    ]);
  });
});

describe('defineLesson', () => {
  it('accepts a well-formed lesson', () => {
    expect(defineLesson(spec()).problems).toEqual([]);
  });

  it('reports missing and out-of-order sections, unknown predict steps and bad answers, without throwing', () => {
    const l = defineLesson(
      spec({
        content: content(['again', 'open'], 'again', ['a: A']).replace('## recap\nR.\n', ''),
        predict: { stepId: 'nope', answer: 'z' },
      }),
    );
    expect(l.problems.join('\n')).toMatch(/sections are/);
    expect(l.problems.join('\n')).toMatch(/"## recap" is missing/);
    expect(l.problems.join('\n')).toMatch(/predict names step "nope"/);
    expect(l.problems.join('\n')).toMatch(/at least two options/);
    expect(l.problems.join('\n')).toMatch(/answer "z" is not an option/);
  });

  it('reports a claim whose text the prose does not say', () => {
    const s = spec();
    s.steps[0]!.claims = [{ id: 'x', text: 'the balance is 11', value: () => 11, expected: 11 }];
    expect(defineLesson(s).problems).toEqual(['step open: claim "x" says "the balance is 11", which its prose does not contain']);
  });
});

describe('runLesson', () => {
  it('passes a true script, restarting from a step scenario', () => {
    const run = runLesson(defineLesson(spec()));
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('fails a false claim and a failing command, with a message naming both', () => {
    const s = spec();
    s.steps[0]!.claims = [{ id: 'b', text: 'the balance is 10', value: () => 9, expected: 10 }];
    s.steps[1]!.commands.push({ type: 'deposit', stream: 'nope', amountCents: 1 });
    const run = runLesson(defineLesson(s));
    expect(run.ok).toBe(false);
    const lines = describeFailures(run);
    expect(lines.some((l) => /claim b .* expected 10, got 9/.test(l))).toBe(true);
    expect(lines.some((l) => /command 2 \(deposit\) failed/.test(l))).toBe(true);
  });

  it('a claim that throws fails instead of crashing the run', () => {
    const s = spec();
    s.steps[0]!.claims = [
      {
        id: 'b',
        text: 'the balance is 10',
        value: () => {
          throw new Error('boom');
        },
        expected: 10,
      },
    ];
    expect(describeFailures(runLesson(defineLesson(s)))).toEqual([
      'L98 open: claim b ("the balance is 10") expected 10, threw boom',
    ]);
  });

  it('reports a model the simulator does not have instead of throwing', () => {
    const l = defineLesson({ ...spec(), model: 'carrier-pigeon' as never });
    const run = runLesson(l);
    expect(run.ok).toBe(false);
    expect(run.problems).toContain('the carrier-pigeon model does not exist in this simulator');
  });
});

describe('scriptForStep', () => {
  it('gives the segment since the last restart and where the step starts', () => {
    const l = defineLesson(spec());
    expect(scriptForStep(l, 0)).toMatchObject({ stepStart: 0, stepEnd: 2, segmentFirstStep: 0 });
    expect(scriptForStep(l, 1)).toMatchObject({ stepStart: 0, stepEnd: 2, segmentFirstStep: 1 });
    expect(bankRead.eventCount(stateAfterStep(l, 1)!, 'account-1')).toBe(2);
  });
});
