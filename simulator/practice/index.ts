/**
 * The graded exercises: one registry the Practice page, its Web Worker, the `npm run grade` CLI
 * and the tests read. Each entry has the design's zod schema, the grader, and the scenario a
 * design describes (what the page's live preview opens in the workbench).
 *
 * `parseDesign` is the one door for untrusted designs (a file, a form, a link): it finds the
 * exercise from the design's `exercise` field and validates the rest against that exercise's
 * schema, so every error names the field that is wrong.
 */
import { z } from 'zod';
import { ErrorCode } from '../core/errors.ts';
import { parseWithSchema, type LoadResult } from '../core/parse.ts';
import { gradeX01, X01DesignSchema, x01GraderVersion, type X01Design } from './x01-classify.ts';
import { gradeX02, X02DesignSchema, x02GraderVersion, x02Scenario, type X02Design } from './x02-partition-key.ts';
import { gradeX03, X03DesignSchema, x03GraderVersion, x03Scenario, type X03Design } from './x03-lag.ts';
import { gradeX05, X05DesignSchema, x05GraderVersion, x05Scenario, type X05Design } from './x05-saga.ts';
import { gradeX06, X06DesignSchema, x06GraderVersion, x06Scenario, type X06Design } from './x06-dual-write.ts';
import { gradeX08, X08DesignSchema, x08GraderVersion, x08Scenario, type X08Design } from './x08-feed.ts';
import { gradeX09, X09DesignSchema, x09GraderVersion, x09Scenario, type X09Design } from './x09-durability.ts';
import type { Verdict } from './types.ts';

export type Design = X01Design | X02Design | X03Design | X05Design | X06Design | X08Design | X09Design;

/** What the live preview opens: a model and the scenario the design describes. */
export interface DesignPreview {
  model: string;
  scenario: unknown;
}

interface Grader<D> {
  schema: z.ZodType<D>;
  version: number;
  grade(design: D): Verdict;
  preview?(design: D): DesignPreview;
}

const graders = {
  X01: { schema: X01DesignSchema, version: x01GraderVersion, grade: gradeX01 } satisfies Grader<X01Design>,
  X02: {
    schema: X02DesignSchema,
    version: x02GraderVersion,
    grade: gradeX02,
    preview: (d) => ({ model: 'kafka', scenario: x02Scenario(d) }),
  } satisfies Grader<X02Design>,
  X03: {
    schema: X03DesignSchema,
    version: x03GraderVersion,
    grade: gradeX03,
    preview: (d) => ({ model: 'kafka', scenario: { ...x03Scenario(d), trace: { mode: 'full' } } }),
  } satisfies Grader<X03Design>,
  X05: {
    schema: X05DesignSchema as z.ZodType<X05Design>,
    version: x05GraderVersion,
    grade: gradeX05,
    preview: (d) => ({ model: 'saga', scenario: x05Scenario(d) }),
  } satisfies Grader<X05Design>,
  X06: {
    schema: X06DesignSchema,
    version: x06GraderVersion,
    grade: gradeX06,
    preview: (d) => ({ model: 'outbox', scenario: x06Scenario(d) }),
  } satisfies Grader<X06Design>,
  X08: {
    schema: X08DesignSchema,
    version: x08GraderVersion,
    grade: gradeX08,
    preview: (d) => ({ model: 'cqrs-feed', scenario: x08Scenario(d) }),
  } satisfies Grader<X08Design>,
  X09: {
    schema: X09DesignSchema,
    version: x09GraderVersion,
    grade: gradeX09,
    preview: (d) => ({ model: 'kafka', scenario: x09Scenario(d) }),
  } satisfies Grader<X09Design>,
} as const;

export type GradedExerciseId = keyof typeof graders;
export const gradedExerciseIds = Object.keys(graders) as GradedExerciseId[];

export function isGradedExercise(id: string): id is GradedExerciseId {
  return Object.hasOwn(graders, id);
}

const envelope = z.looseObject({ exercise: z.string() });

/**
 * Validates an untrusted design (an object, or JSON text). When `exercise` is given (the CLI's
 * argument, the page's route), the design must be for that exercise.
 */
export function parseDesign(input: unknown, exercise?: string): LoadResult<Design> {
  const head = parseWithSchema(envelope, input, ErrorCode.DesignInvalid, 'design');
  if (!head.ok) return head;
  const id = head.value.exercise;
  const problem = (message: string): LoadResult<Design> => ({
    ok: false,
    error: { code: ErrorCode.DesignInvalid, message, path: 'exercise', issues: [{ path: 'exercise', message }] },
  });
  if (!isGradedExercise(id))
    return problem(`exercise: "${id.slice(0, 40)}" is not a graded exercise (one of ${gradedExerciseIds.join(', ')})`);
  if (exercise !== undefined && exercise.toUpperCase() !== id)
    return problem(`exercise: this design is for ${id}, not ${exercise.toUpperCase()}`);
  return parseWithSchema(graders[id].schema as z.ZodType<Design>, head.value, ErrorCode.DesignInvalid, 'design');
}

/** Grades a validated design. Pure and deterministic: same design, same grader version, same verdict. */
export function gradeDesign(design: Design): Verdict {
  const g = graders[design.exercise] as unknown as Grader<Design>;
  return g.grade(design);
}

/** The scenario the design describes, for the live preview (undefined for X01, which has none). */
export function previewDesign(design: Design): DesignPreview | undefined {
  const g = graders[design.exercise] as unknown as Grader<Design>;
  return g.preview?.(design);
}

export function graderVersion(exercise: GradedExerciseId): number {
  return graders[exercise].version;
}

export type { Verdict, GradedCheck, GradedRun } from './types.ts';
export { classifyItems, messageKinds, type ClassifyItem, type MessageKind } from './x01-classify.ts';
export { orderEventFields } from './x02-partition-key.ts';
export { x03RatePerSec, x03ProcessingMs, x03LagBound } from './x03-lag.ts';
export { sagaStepNames, sagaCompensationNames } from './x05-saga.ts';
export { brokersX09, refusedMsMaxOneDown } from './x09-durability.ts';
export type { X01Design, X02Design, X03Design, X05Design, X06Design, X08Design, X09Design };
