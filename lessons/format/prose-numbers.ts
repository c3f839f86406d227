/**
 * Which numbers in a lesson's prose no claim backs: the check behind "a lesson's prose never
 * states a number the simulator does not produce" (DESIGN.md, Lessons).
 *
 * The rule for what counts as a number is `extractNumbers` in content.ts. A number is backed
 * when a claim in scope states it — in its expected value, or in its text (claim texts quote the
 * prose, inputs included: "as of revision 2 the balance was 800"). Scope, per section:
 *
 * - a step's section: that step's claims;
 * - the predict question and explanation: the claims of the step it precedes (the options are
 *   guesses, mostly wrong on purpose, and are not checked);
 * - challenge and solution: the solution's claims and every step's claims;
 * - what you will learn, recap, what this simulation simplifies: every claim in the lesson.
 */
import { extractNumbers, normaliseNumber } from './content.ts';
import type { AnyLesson, Claim } from './define-lesson.ts';

export interface UnbackedNumber {
  section: string;
  number: string;
  /** The line of prose it appears in, for the failure message. */
  line: string;
}

function backing(claims: readonly Claim<never>[]): Set<string> {
  const out = new Set<string>();
  for (const c of claims) {
    if (typeof c.expected === 'number') out.add(normaliseNumber(String(Math.abs(c.expected))));
    else if (typeof c.expected === 'string') for (const n of extractNumbers(c.expected)) out.add(n);
    for (const n of extractNumbers(c.text)) out.add(n);
  }
  return out;
}

function unbacked(section: string, prose: string, backed: Set<string>): UnbackedNumber[] {
  const out: UnbackedNumber[] = [];
  for (const line of prose.split('\n')) {
    for (const n of extractNumbers(line)) if (!backed.has(n)) out.push({ section, number: n, line: line.trim() });
  }
  return out;
}

/** Every number in a lesson's prose that no claim in scope backs (empty for a sound lesson). */
export function unbackedNumbers(lesson: AnyLesson): UnbackedNumber[] {
  const stepClaims = new Map(lesson.steps.map((s) => [s.id, s.claims as Claim<never>[]]));
  const allSteps = [...stepClaims.values()].flat();
  const solution = lesson.challenge.solution.claims as Claim<never>[];
  const everything = backing([...allSteps, ...solution]);
  const out: UnbackedNumber[] = [];
  for (const [id, claims] of stepClaims) out.push(...unbacked(id, lesson.prose.steps[id] ?? '', backing(claims)));
  const predictBacked = backing(stepClaims.get(lesson.predict.stepId) ?? []);
  out.push(...unbacked('predict question', lesson.predict.question, predictBacked));
  out.push(...unbacked('predict explanation', lesson.predict.explanation, predictBacked));
  const challengeBacked = backing([...allSteps, ...solution]);
  out.push(...unbacked('challenge', lesson.prose.challenge, challengeBacked));
  out.push(...unbacked('solution', lesson.prose.solution, challengeBacked));
  out.push(...unbacked('what you will learn', lesson.prose.learn, everything));
  out.push(...unbacked('recap', lesson.prose.recap, everything));
  out.push(...unbacked('what this simulation simplifies', lesson.prose.simplifies, everything));
  return out;
}
