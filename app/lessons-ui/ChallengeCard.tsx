/**
 * The challenge, done in the page: the task, the model's controls (forms that send commands to the
 * lesson's workbench, usable from the keyboard), a check that ticks each goal off as the learner's
 * own run meets it, and "Show the solution", which runs the worked answer on the workbench where
 * the learner can watch it — long waits played in short stretches, a saga one entry at a time —
 * and then shows the worked answer's prose, with the check passing.
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { nextEntryCommand } from '../../simulator/index.ts';
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import type { AnyModelUi } from '../models/types.ts';
import type { WorkbenchStore } from '../workbench/store.ts';
import { challengeScript, goalResults, solutionMoves, watchableSolution } from './challenge-script.ts';
import { Markdown } from './Markdown.tsx';
import './challenge.css';

type Cmd = { type: string };

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function ChallengeCard({
  lesson,
  store,
  ui,
}: {
  lesson: AnyLesson;
  store: WorkbenchStore<Cmd> | undefined;
  ui: AnyModelUi | undefined;
}) {
  const [phase, setPhase] = useState<'idle' | 'running' | 'shown'>('idle');
  const [doing, setDoing] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useRef(false);
  useEffect(
    () => () => {
      cancel.current = true;
    },
    [],
  );
  // Re-check the goals whenever the workbench shows a new moment.
  useStore(store ?? fallbackStore, (s) => s.view);
  const goals = store ? goalResults(lesson, store.getState().peekState()) : [];
  const done = goals.length > 0 && goals.every((g) => g.pass);
  const Controls = ui?.Controls;

  const runSolution = async (): Promise<void> => {
    if (!store) return;
    cancel.current = false;
    setProblem(null);
    setPhase('running');
    const st = store.getState;
    st().pause();
    st().seek(challengeScript(lesson).cursor);
    const probe = { nowMs: () => st().view.nowMs, idle: () => st().idle };
    for (const move of watchableSolution(solutionMoves(lesson), probe, nextEntryCommand)) {
      if (cancel.current) break;
      if (move.command === nextEntryCommand) {
        st().stepForward();
        setDoing(`one thing at a time. ${st().announcement}`);
      } else {
        if (!st().dispatch(move.command)) {
          setProblem(st().error?.message ?? 'the model refused a step of the solution');
          break;
        }
        // The model's own sentence for what the command did; for waiting, the clock.
        const until = (move.command as { untilMs?: unknown }).untilMs;
        setDoing(
          move.command.type === 'advance' && typeof until === 'number'
            ? `running on, ${seconds(st().view.nowMs)}`
            : st().announcement,
        );
      }
      await sleep(move.pauseMs);
    }
    setDoing('');
    setPhase(cancel.current ? 'idle' : 'shown');
  };

  return (
    <div className="challenge">
      <Markdown text={lesson.prose.challenge} />
      {goals.length > 0 && (
        <section className="challenge-check" aria-labelledby="challenge-check-title">
          <h3 id="challenge-check-title">Check</h3>
          <ul>
            {goals.map((g) => (
              <li key={g.id} className={g.pass ? 'goal-met' : 'goal-open'}>
                <span className="goal-mark">{g.pass ? '✓ done' : '○ not yet'}</span> {g.text}
              </li>
            ))}
          </ul>
          <p className={done ? 'challenge-done' : 'challenge-open'} role="status">
            {done ? 'Challenge done: every goal is met.' : `${goals.filter((g) => g.pass).length} of ${goals.length} goals met.`}
          </p>
        </section>
      )}
      {store && Controls && (
        <section className="challenge-controls" aria-labelledby="challenge-controls-title">
          <h3 id="challenge-controls-title">Your controls</h3>
          <p className="control-hint">Each control changes the simulation. Play, Step, Back and End are in its transport bar.</p>
          <Controls store={store as WorkbenchStore<{ type: string }>} only={lesson.challenge.controls} />
        </section>
      )}
      {store ? (
        <div className="challenge-solution-bar">
          {phase === 'running' ? (
            <button type="button" onClick={() => (cancel.current = true)}>
              Stop the solution
            </button>
          ) : (
            <button type="button" onClick={() => void runSolution()}>
              {phase === 'shown' ? 'Show the solution again' : 'Show the solution'}
            </button>
          )}
          {phase === 'running' && (
            <span className="challenge-doing">Running the solution on the simulation{doing ? `: ${doing}` : '…'}</span>
          )}
        </div>
      ) : (
        <div className="solution">
          <Markdown text={lesson.prose.solution} />
        </div>
      )}
      {problem !== null && (
        <p className="control-feedback refused" role="alert">
          The solution stopped: {problem}
        </p>
      )}
      {phase === 'shown' && (
        <div className="solution" aria-labelledby="solution-title">
          <h3 id="solution-title">The solution</h3>
          <Markdown text={lesson.prose.solution} />
        </div>
      )}
    </div>
  );
}

/** Stands in for a missing store so the hook order never changes (a lesson whose model has no view). */
const fallbackStore = {
  getState: () => ({ view: null }),
  getInitialState: () => ({ view: null }),
  subscribe: () => () => undefined,
  setState: () => undefined,
} as unknown as WorkbenchStore<Cmd>;
