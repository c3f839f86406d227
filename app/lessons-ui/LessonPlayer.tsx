/**
 * A lesson, played: prose on one side, the live simulation on the other. Each part of the arc has
 * its own link; a step's link shows exactly the script's state after that step. The learner can
 * leave the script (crash something, produce more) and come back with one click. The predict
 * step holds the simulation before the step until the learner has committed to an answer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { playScript } from '../../lessons/format/play-script.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { modelUiById } from '../models/index.ts';
import { openModel } from '../models/open.ts';
import { lessons, type LessonEntry } from '../../lessons/catalog.ts';
import { LessonWorkbench } from './LessonWorkbench.tsx';
import { ClaimsList, type ShownClaim } from './ClaimsList.tsx';
import { lessonParts, momentRoomFor, partHighlight, partPanel, partScript, partView, type LessonPart } from './lesson-parts.ts';
import { Markdown } from './Markdown.tsx';
import { PredictCard } from './PredictCard.tsx';
import { ChallengeCard } from './ChallengeCard.tsx';
import { challengeScript } from './challenge-script.ts';
import { useLessonProgress } from './useLessonProgress.ts';
import { progressNotice } from '../../lessons/format/progress-session.ts';
import './lesson.css';
import { ClassroomBar } from '../classroom/ClassroomBar.tsx';

type Cmd = { type: string };

export function LessonPlayer({ lesson, partIndex }: { lesson: AnyLesson; partIndex: number }) {
  const parts = useMemo(() => lessonParts(lesson), [lesson]);
  const found = modelUiById(lesson.model);
  const ui = found.ok ? found.value : undefined;
  const part = parts[partIndex]!;
  const navigate = useNavigate();
  const { progress, report, save } = useLessonProgress(lesson.id);
  const notice = progressNotice(report);
  const answered = progress.predictAnswer !== null;
  usePageTitle(`${lesson.id} ${lesson.title}: ${part.title}`);

  const view = partView(lesson, part, answered);
  // Returning to the script after running off it reopens the step at its end.
  const [reload, setReload] = useState({ n: 0, part: -1 });
  const atStart = view.atStart && reload.part !== partIndex;
  const challenge = part.kind === 'challenge';
  const script = useMemo(() => partScript(lesson, view.stepIndex, atStart), [lesson, view.stepIndex, atStart]);
  // The challenge is the learner's own run from the challenge's start: no step bounds it.
  const challengeRun = useMemo(() => (challenge ? challengeScript(lesson) : undefined), [lesson, challenge]);
  const store = useMemo(() => {
    if (!ui) return undefined;
    if (challengeRun) {
      return openModel(ui, challengeRun.scenario, {
        seed: challengeRun.seed,
        commands: challengeRun.commands,
        cursor: challengeRun.cursor,
      });
    }
    if (!script) return undefined;
    const s = openModel(ui, script.scenario, {
      seed: script.seed,
      commands: script.commands as Cmd[],
      cursor: script.cursor,
      script: script.step,
      speed: script.speed,
    });
    s.getState().setLock(view.lock);
    return s;
  }, [lesson, script, challengeRun, reload]); // eslint-disable-line react-hooks/exhaustive-deps
  const lock = view.lock;
  const highlight = useMemo(() => partHighlight(lesson, part), [lesson, part]);
  const momentRoom = useMemo(
    () => ui !== undefined && momentRoomFor(lesson, view.stepIndex, (st) => ui.view(st)),
    [lesson, ui, view.stepIndex],
  );
  useEffect(() => {
    // A step plays as it opens (Next, a link, a reload); the prediction holds it until answered.
    // The intro shows the first step's start in the same store, so Next from it opens no new store:
    // the part changing is what starts the play.
    if (store && view.autoplay && atStart) store.getState().play();
  }, [store, partIndex]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    save({
      stepIndex: partIndex,
      stepId: part.id,
      ...(part.kind === 'recap' || part.kind === 'challenge' || part.kind === 'simplifies' ? { completed: true } : {}),
    });
  }, [partIndex, part.id, part.kind, save]);

  // Keyboard focus follows the learner to the new part's heading (not the body, not below).
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [partIndex]);

  // The parts list scrolls sideways on a phone: keep the current part in view.
  const partsList = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = partsList.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (list && current && list.scrollWidth > list.clientWidth)
      list.scrollLeft = current.offsetLeft - list.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
  }, [partIndex]);

  const go = useCallback((i: number) => navigate(`/lessons/${lesson.id}/${parts[i]!.id}`), [navigate, lesson.id, parts]);
  const onAnswer = (optionId: string): void => {
    save({ predictAnswer: optionId });
    // "Run it and see": the step plays from its start, and focus goes to its heading.
    store?.getState().setLock(null);
    store?.getState().play();
    requestAnimationFrame(() => heading.current?.focus());
  };
  const next = nextLesson(lesson.id);
  const stepNo = part.kind === 'step' ? `Step ${part.stepIndex + 1} of ${lesson.steps.length}: ` : '';

  return (
    <div className="lesson">
      <div className="lesson-prose">
        <p className="breadcrumb">
          <Link to="/lessons">Lessons</Link> / {lesson.id} · {lesson.minutes} min
        </p>
        <h1>
          {lesson.id} · {lesson.title}
        </h1>
        <ClassroomBar kind="lesson" lesson={lesson} partIndex={partIndex} goToPart={go} store={store} />
        {notice !== null && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <nav aria-label="Lesson parts">
          <ol className="lesson-parts" ref={partsList}>
            {parts.map((p, i) => (
              <li key={p.id}>
                {lock !== null && i > partIndex ? (
                  <span className="part-locked" aria-disabled="true" aria-describedby="lock-reason">
                    {partLabel(p)}
                  </span>
                ) : (
                  <Link to={`/lessons/${lesson.id}/${p.id}`} aria-current={i === partIndex ? 'step' : undefined}>
                    {partLabel(p)}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="part-title" className="lesson-part">
          <h2 id="part-title" ref={heading} tabIndex={-1}>
            {stepNo}
            {part.title}
          </h2>
          {part.kind === 'challenge' ? (
            <ChallengeCard key={reload.n} lesson={lesson} store={store} ui={ui} />
          ) : (
            <PartProse
              lesson={lesson}
              part={part}
              answered={answered}
              predictAnswer={progress.predictAnswer}
              onAnswer={onAnswer}
            />
          )}
        </section>
        {lock !== null && (
          <p id="lock-reason" className="lock-reason">
            {lock}
          </p>
        )}
        <div className="lesson-nav">
          <button type="button" onClick={() => go(partIndex - 1)} disabled={partIndex === 0}>
            ← Previous
          </button>
          {partIndex < parts.length - 1 ? (
            <button
              type="button"
              onClick={() => go(partIndex + 1)}
              disabled={lock !== null}
              aria-describedby={lock !== null ? 'lock-reason' : undefined}
            >
              Next →
            </button>
          ) : next ? (
            <Link className="next-lesson" to={`/lessons/${next.id}`}>
              Next lesson: {next.id} · {next.title} →
            </Link>
          ) : (
            <Link to="/lessons">Back to all lessons</Link>
          )}
        </div>
      </div>
      <div className="lesson-sim">
        {store && ui ? (
          <LessonWorkbench
            store={store}
            ui={ui}
            highlight={highlight}
            momentRoom={momentRoom}
            partId={part.id}
            {...(partPanel(lesson, part) === undefined ? {} : { panel: partPanel(lesson, part)! })}
            onReturn={() => setReload((r) => ({ n: r.n + 1, part: partIndex }))}
          />
        ) : (
          <p className="notice">
            The live picture for this lesson’s model is coming soon; the checked results below come from the same simulation.
          </p>
        )}
      </div>
    </div>
  );
}

/** A part's name in the parts list, numbered like its heading: "Step 2", not a second scheme. */
function partLabel(p: LessonPart): string {
  return p.kind === 'step' ? `Step ${p.stepIndex + 1} · ${p.title}` : p.title;
}

/** The next written lesson in the curriculum, if any. */
function nextLesson(id: string): LessonEntry | undefined {
  const i = lessons.findIndex((l) => l.id === id);
  return i < 0 ? undefined : lessons.slice(i + 1).find((l) => l.ready);
}

function PartProse({
  lesson,
  part,
  answered,
  predictAnswer,
  onAnswer,
}: {
  lesson: AnyLesson;
  part: LessonPart;
  answered: boolean;
  predictAnswer: string | null;
  onAnswer: (id: string) => void;
}) {
  const claims = useMemo<ShownClaim[]>(() => {
    if (part.kind !== 'step') return [];
    // Evaluated once per lesson on the state each step ends in (play-script.ts), not replayed here.
    return (playScript(lesson, part.stepIndex)?.claims ?? []).map((c) => ({
      id: c.id,
      text: c.text,
      expected: c.expected,
      actual: c.actual,
    }));
  }, [lesson, part]);
  const [showSolution, setShowSolution] = useState(false);
  switch (part.kind) {
    case 'intro':
      return <Markdown text={lesson.prose.learn} />;
    case 'recap':
      return <Markdown text={lesson.prose.recap} />;
    case 'simplifies':
      return <Markdown text={lesson.prose.simplifies} />;
    case 'challenge':
      return (
        <>
          <Markdown text={lesson.prose.challenge} />
          <button type="button" aria-expanded={showSolution} onClick={() => setShowSolution(!showSolution)}>
            {showSolution ? 'Hide the solution' : 'Show the solution'}
          </button>
          {showSolution && (
            <div className="solution">
              <Markdown text={lesson.prose.solution} />
            </div>
          )}
        </>
      );
    case 'step': {
      const isPredict = lesson.predict.stepId === part.id;
      return (
        <>
          {isPredict && <PredictCard predict={lesson.predict} answer={predictAnswer} onAnswer={onAnswer} />}
          {(!isPredict || answered) && (
            <>
              <Markdown text={lesson.prose.steps[part.id] ?? ''} />
              <ClaimsList claims={claims} />
            </>
          )}
        </>
      );
    }
  }
}
