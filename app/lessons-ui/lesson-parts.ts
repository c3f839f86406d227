/**
 * A lesson as the pages a learner moves through: what you will learn, each step, the recap, the
 * challenge, and what the simulation simplifies. Each part has a stable id used in its deep link
 * (`#/lessons/L06/slow-consumer`) and says which script state the workbench shows for it.
 */
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { defaultPlaySpeed, playScript, type PlayScript } from '../../lessons/format/play-script.ts';
import type { StepScript } from '../workbench/step-script.ts';

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

/** Which lesson step's script a part shows, and whether it opens playing. */
export interface PartView {
  stepIndex: number;
  /** Open at the step's start (a step plays from there; the intro waits there) or at its end. */
  atStart: boolean;
  /** Play the step as soon as it opens (a step part, unless its prediction is still open). */
  autoplay: boolean;
  /** Why the forward controls are held, or null. */
  lock: string | null;
}

export const predictLock = 'Answer the prediction first: pick an option and press “Run it and see”.';

export function partView(lesson: AnyLesson, part: LessonPart, predictAnswered: boolean): PartView {
  switch (part.kind) {
    case 'intro':
      return { stepIndex: 0, atStart: true, autoplay: false, lock: null };
    case 'step': {
      const waiting = lesson.predict.stepId === part.id && !predictAnswered;
      return { stepIndex: part.stepIndex, atStart: true, autoplay: !waiting, lock: waiting ? predictLock : null };
    }
    default:
      return { stepIndex: lesson.steps.length - 1, atStart: false, autoplay: false, lock: null };
  }
}

/**
 * The nodes a part is about, which the camera frames: a step's own; the intro, the first step's
 * (the picture it opens on); the challenge, its own or the last step's; the recap and what the
 * simulation simplifies, the last step's (the state they show). Every part names some, so every
 * part opens at a readable zoom rather than the playground's overview.
 */
export function partHighlight(lesson: AnyLesson, part: LessonPart): readonly string[] {
  const last = lesson.steps[lesson.steps.length - 1]?.highlight ?? [];
  switch (part.kind) {
    case 'step':
      return lesson.steps[part.stepIndex]!.highlight;
    case 'intro':
      return lesson.steps[0]?.highlight ?? [];
    case 'challenge':
      return lesson.challenge.highlight ?? last;
    default:
      return last;
  }
}

/** The panel a step part opens on (StepSpec.panel); undefined for other parts and steps without one. */
export function partPanel(lesson: AnyLesson, part: LessonPart): string | undefined {
  return part.kind === 'step' ? lesson.steps[part.stepIndex]!.panel : undefined;
}

/**
 * Whether the key-moment band keeps its room for a part that shows step `stepIndex`: a moment is
 * drawn where that step ends. Moments, once drawn, stay (a saga's undo, a replay, a load), so one
 * drawn at the end appears at some point of the step, and keeping its room from the first frame
 * means the diagram does not shrink mid-play. `view` is the model's (it draws the moment).
 */
export function momentRoomFor(lesson: AnyLesson, stepIndex: number, view: (state: unknown) => { moment?: unknown }): boolean {
  const end = playScript(lesson, stepIndex)?.endState;
  if (end === undefined) return false;
  try {
    return view(end).moment !== undefined;
  } catch {
    return false;
  }
}

/** What the workbench opens for a part: the step's play script, its bounds and its speed. */
export function partScript(lesson: AnyLesson, stepIndex: number, atStart: boolean) {
  const script = playScript(lesson, stepIndex);
  if (!script) return undefined;
  const startMs = script.stepStart === 0 ? script.startMs : script.atMs[script.stepStart - 1]!;
  const endMs = script.stepEnd === 0 ? script.startMs : script.atMs[script.stepEnd - 1]!;
  const step: StepScript = {
    start: script.stepStart,
    end: script.stepEnd,
    atMs: script.atMs,
    entries: script.entries,
    beat: script.beat,
    startEntries: script.startEntries,
  };
  const speed = lesson.steps[stepIndex]!.playSpeed ?? defaultPlaySpeed(activeSpanMs(script) || endMs - startMs);
  return { ...script, step, speed, cursor: atStart ? script.stepStart : script.stepEnd };
}

/** Virtual time from the step's first entry to its last: what the default speed spreads out. */
export function activeSpanMs(script: PlayScript): number {
  let first = Infinity;
  let last = -Infinity;
  for (let k = script.stepStart; k < script.stepEnd; k++) {
    // Single entries and instant commands; a coarse command's own end time is not activity.
    if ((script.commands[k] as { type: string }).type !== 'next-entry' && !script.beat[k]) continue;
    first = Math.min(first, script.atMs[k]!);
    last = Math.max(last, script.atMs[k]!);
  }
  return last > first ? last - first : 0;
}
