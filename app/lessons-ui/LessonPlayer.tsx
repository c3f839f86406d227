/**
 * A lesson, played: prose on one side, the live simulation on the other. Each part of the arc has
 * its own link; a step's link shows exactly the script's state after that step. The learner can
 * leave the script (crash something, produce more) and come back with one click. The predict
 * step holds the simulation before the step until the learner has committed to an answer.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useStore } from 'zustand';
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { stateAfterStep } from '../../lessons/format/run-lesson.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { modelUiById } from '../models/index.ts';
import { openModel } from '../models/open.ts';
import type { AnyModelUi } from '../models/types.ts';
import { ConnectedNarration } from '../workbench/panels/Narration.tsx';
import { ConnectedTraceLog } from '../workbench/panels/TraceLog.tsx';
import { ConnectedCountersBar } from '../workbench/panels/CountersBar.tsx';
import type { WorkbenchStore } from '../workbench/store.ts';
import { Workbench } from '../workbench/Workbench.tsx';
import { ClaimsList, type ShownClaim } from './ClaimsList.tsx';
import { ConnectedSectionsPanel } from '../workbench/panels/SectionsPanel.tsx';
import { lessonParts, partScript, partView, type LessonPart } from './lesson-parts.ts';
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
  const script = useMemo(
    () => ({ ...partScript(lesson, view), ...(part.kind === 'challenge' ? challengeScript(lesson) : {}) }),
    [lesson, view.stepIndex, view.atStart, part.kind], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const [reload, setReload] = useState(0);
  const store = useMemo(
    () =>
      ui
        ? openModel(ui, script.scenario, { seed: script.seed, commands: script.commands as Cmd[], cursor: script.cursor })
        : undefined,
    [lesson, script, reload], // eslint-disable-line react-hooks/exhaustive-deps
  );

  useEffect(() => {
    save({
      stepIndex: partIndex,
      stepId: part.id,
      ...(part.kind === 'recap' || part.kind === 'challenge' || part.kind === 'simplifies' ? { completed: true } : {}),
    });
  }, [partIndex, part.id, part.kind, save]);

  const go = useCallback((i: number) => navigate(`/lessons/${lesson.id}/${parts[i]!.id}`), [navigate, lesson.id, parts]);
  const onAnswer = (optionId: string): void => {
    save({ predictAnswer: optionId });
    store?.getState().seek(script.stepEnd);
  };

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
          <ol className="lesson-parts">
            {parts.map((p, i) => (
              <li key={p.id}>
                <Link to={`/lessons/${lesson.id}/${p.id}`} aria-current={i === partIndex ? 'step' : undefined}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="part-title" className="lesson-part">
          <h2 id="part-title">
            {part.kind === 'step' ? `Step ${part.stepIndex + 1} of ${lesson.steps.length}: ` : ''}
            {part.title}
          </h2>
          {part.kind === 'challenge' ? (
            <ChallengeCard key={reload} lesson={lesson} store={store} ui={ui} />
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
        <div className="lesson-nav">
          <button type="button" onClick={() => go(partIndex - 1)} disabled={partIndex === 0}>
            ← Previous
          </button>
          <span>
            {partIndex + 1} / {parts.length}
          </span>
          <button type="button" onClick={() => go(partIndex + 1)} disabled={partIndex === parts.length - 1}>
            Next →
          </button>
        </div>
      </div>
      <div className="lesson-sim">
        {store && ui ? (
          <LessonWorkbench
            store={store}
            ui={ui}
            scriptLength={script.commands.length}
            highlight={part.kind === 'step' ? lesson.steps[part.stepIndex]!.highlight : []}
            onReturn={() => setReload((n) => n + 1)}
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
    const state = stateAfterStep(lesson as never, part.stepIndex);
    return lesson.steps[part.stepIndex]!.claims.map((c) => ({
      id: c.id,
      text: c.text,
      expected: c.expected,
      actual: state === undefined ? null : (c.value as (s: unknown) => string | number | boolean)(state),
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

function LessonWorkbench({
  store,
  ui,
  scriptLength,
  highlight,
  onReturn,
}: {
  store: WorkbenchStore<Cmd>;
  ui: AnyModelUi;
  scriptLength: number;
  highlight: readonly string[];
  onReturn: () => void;
}) {
  // A boolean, so playing (which changes the length every frame) does not re-render the lesson.
  const offScript = useStore(store, (s) => s.length !== scriptLength || s.commands().length !== scriptLength);
  const noop = useCallback(() => undefined, []);
  const hasSections = store.getState().view.sections !== undefined;
  const panels = useMemo(
    () => [
      ...ui.panels.map((p) => ({ id: p.id, label: p.label, render: () => p.render({ store, onInspect: noop, selected: null }) })),
      ...(hasSections ? [{ id: 'sections', label: 'State', render: () => <ConnectedSectionsPanel store={store} /> }] : []),
      {
        id: 'trace',
        label: 'Trace',
        render: () => <ConnectedTraceLog store={store} onJump={(id) => store.getState().seekToEntry(id)} />,
      },
    ],
    [store, noop, ui, hasSections],
  );
  return (
    <Workbench
      title="Simulation"
      titleLevel={2}
      store={store}
      panels={panels}
      highlighted={highlight}
      tools={
        offScript ? (
          <button type="button" onClick={onReturn}>
            Return to the script
          </button>
        ) : (
          <span className="badge">on script</span>
        )
      }
      footer={
        <>
          <ConnectedNarration store={store} />
          <ConnectedCountersBar store={store} />
        </>
      }
    />
  );
}
