/**
 * A lesson as the pages a learner moves through: what you will learn, each step, the recap, the
 * challenge, and what the simulation simplifies. Each part has a stable id used in its deep link
 * (`#/lessons/L06/slow-consumer`) and says which script state the workbench shows for it.
 */
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { scriptForStep } from '../../lessons/format/run-lesson.ts';

export type LessonPart =
  | { kind: 'intro'; id: 'intro'; title: string }
  | { kind: 'step'; id: string; title: string; stepIndex: number }
  | { kind: 'recap'; id: 'recap'; title: string }
  | { kind: 'challenge'; id: 'challenge'; title: string }
  | { kind: 'simplifies'; id: 'simplifies'; title: string };

export function lessonParts(lesson: AnyLesson): LessonPart[] {
  return [
    { kind: 'intro', id: 'intro', title: 'What you will learn' },
    ...lesson.steps.map((s, stepIndex) => ({ kind: 'step' as const, id: s.id, title: s.title, stepIndex })),
    { kind: 'recap', id: 'recap', title: 'Recap' },
    { kind: 'challenge', id: 'challenge', title: 'Challenge' },
    { kind: 'simplifies', id: 'simplifies', title: 'What this simulation simplifies' },
  ];
}

/** The index of a part by id; no id means the first part; an unknown id gives -1. */
export function partIndexOf(parts: readonly LessonPart[], id: string | undefined): number {
  if (id === undefined || id === '') return 0;
  return parts.findIndex((p) => p.id === id);
}

/** Which lesson step's script a part shows, and where its cursor starts. */
export interface PartView {
  stepIndex: number;
  /** Show the state before the step's commands (intro, and a predict step not yet answered). */
  atStart: boolean;
}

export function partView(lesson: AnyLesson, part: LessonPart, predictAnswered: boolean): PartView {
  switch (part.kind) {
    case 'intro':
      return { stepIndex: 0, atStart: true };
    case 'step':
      return { stepIndex: part.stepIndex, atStart: lesson.predict.stepId === part.id && !predictAnswered };
    default:
      return { stepIndex: lesson.steps.length - 1, atStart: false };
  }
}

/** The script (scenario, seed, commands) and cursor for a part. */
export function partScript(lesson: AnyLesson, view: PartView) {
  const script = scriptForStep(lesson as never, view.stepIndex);
  return { ...script, cursor: view.atStart ? script.stepStart : script.stepEnd };
}
