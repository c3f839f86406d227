/**
 * Every number in every written lesson's prose is backed by a claim that the lesson's own test
 * asserts against the simulation (rule and scopes: prose-numbers.ts and content.ts). Also pins
 * the number rule itself, so a change to it is a visible decision.
 */
import { describe, expect, it } from 'vitest';
import { extractNumbers } from './content.ts';
import { unbackedNumbers } from './prose-numbers.ts';
import { defineLesson } from './define-lesson.ts';
import { lessonLoaders } from '../index.ts';

describe('the number rule', () => {
  it('reads quantities, with thousands commas and decimals', () => {
    expect(extractNumbers('It holds 4 events, 10,000 in all; 25.00 is 25. Then 750, 800.')).toEqual([
      '4',
      '10000',
      '25',
      '25',
      '750',
      '800',
    ]);
  });

  it('skips ids, headings, years, list markers and link targets', () => {
    const prose = [
      '# L13 heading 99',
      'See L13, account-42, order-3, v2 and 3PC in 2025.',
      '1. first',
      '[L15](#/lessons/15)',
    ].join('\n');
    expect(extractNumbers(prose)).toEqual([]);
  });

  it('counts a year-sized quantity written with a comma, and numbers in a compound adjective', () => {
    expect(extractNumbers('2,000 of them; a 10,000-event stream; minus -1')).toEqual(['2000', '10000', '1']);
  });
});

describe('written lessons', () => {
  for (const [id, load] of Object.entries(lessonLoaders)) {
    it(`${id}: every number in the prose has a claim`, async () => {
      const lesson = await load();
      expect(unbackedNumbers(lesson).map((u) => `${u.section}: ${u.number} in "${u.line}"`)).toEqual([]);
    });
  }

  it('the check fails for a number no claim backs', () => {
    const content = [
      '## what you will learn',
      'Learn.',
      '## predict',
      'q 9?',
      '- a: 1',
      '- b: 2',
      '### Why',
      'e',
      '## only',
      'The balance is 750 and there are 3 events.',
      '## recap',
      'R.',
      '## challenge',
      'C.',
      '## solution',
      'S 750.',
      '## what this simulation simplifies',
      'W.',
    ].join('\n');
    const lesson = defineLesson({
      id: 'L99',
      title: 't',
      minutes: 1,
      model: 'eventstore',
      scenario: {},
      content,
      steps: [
        {
          id: 'only',
          title: 'o',
          commands: [],
          highlight: [],
          claims: [{ id: 'b', text: 'the balance is 750', value: () => 750, expected: 750 }],
        },
      ],
      predict: { stepId: 'only', answer: 'a' },
      challenge: { solution: { commands: [], claims: [{ id: 'c', text: 'S 750', value: () => 750, expected: 750 }] } },
    });
    expect(lesson.problems).toEqual([]);
    expect(unbackedNumbers(lesson).map((u) => `${u.section}:${u.number}`)).toEqual(['only:3', 'predict question:9']);
  });
});
