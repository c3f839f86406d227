/**
 * One exercise (`#/practice/X09`): the problem as an interviewer states it, a design panel made
 * for it, a live preview of the design in the workbench, "Check my design" (graded in a Web
 * Worker, so the page stays responsive) with every property held or broken and "Show me" for each
 * broken one, the hint ladder, the model answer, the learner's explanation kept with the attempt,
 * and a link that reproduces the graded design (`?d=`).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { findExercise, folderOf } from '../../lessons/exercises/catalog.ts';
import { loadExerciseContent, type ExerciseContent } from '../../lessons/exercises/content.ts';
import { isGradedExercise, parseDesign, previewDesign, type Design } from '../../simulator/index.ts';
import { Markdown } from '../lessons-ui/Markdown.tsx';
import { decodeDesign, exerciseHref } from '../practice/design-link.ts';
import { DesignPanel } from '../practice/DesignPanels.tsx';
import { DesignPreview } from '../practice/DesignPreview.tsx';
import { startDesign } from '../practice/designs.ts';
import { gradeInWorker } from '../practice/grade-client.ts';
import { HintLadder } from '../practice/HintLadder.tsx';
import { practiceStorage } from '../practice/storage.ts';
import { readPractice, recordAttempt, updateExercise } from '../practice/progress.ts';
import type { VerdictWithLinks } from '../practice/verdict-links.ts';
import { VerdictList } from '../practice/VerdictList.tsx';
import { usePageTitle } from '../usePageTitle.ts';
import '../practice/practice.css';

export function ExercisePage() {
  const { exerciseId = '' } = useParams();
  const [search] = useSearchParams();
  const x = findExercise(exerciseId);
  usePageTitle(x ? `${x.id} ${x.title}` : 'Exercise not found');
  if (!x || !isGradedExercise(x.id)) {
    return (
      <div className="page">
        <h1>No such exercise</h1>
        <p>
          There is no graded exercise called “{exerciseId.slice(0, 20)}”. <Link to="/practice">See all exercises</Link>.
        </p>
      </div>
    );
  }
  // A shared design in the address opens afresh, even on the exercise already open.
  return <Exercise key={`${x.id}:${search.get('d') ?? ''}`} id={x.id} />;
}

function initialDesign(id: string, shared: string | null): { design: Design; notice: string | null; explanation: string } {
  const saved = readPractice(practiceStorage()).data.exercises[id];
  if (shared !== null) {
    const d = decodeDesign(shared, id);
    if (d.ok)
      return { design: d.design, notice: 'This design came from a shared link. Check it to see its verdict.', explanation: '' };
    return { design: startDesign(id as never), notice: d.message, explanation: saved?.explanation ?? '' };
  }
  const mine = saved?.design !== undefined && saved.design !== null ? parseDesign(saved.design, id) : null;
  return { design: mine?.ok ? mine.value : startDesign(id as never), notice: null, explanation: saved?.explanation ?? '' };
}

function Exercise({ id }: { id: string }) {
  const x = findExercise(id)!;
  const [params] = useSearchParams();
  const [init] = useState(() => initialDesign(id, params.get('d')));
  const [design, setDesign] = useState<Design>(init.design);
  const [explanation, setExplanation] = useState(init.explanation);
  const [content, setContent] = useState<ExerciseContent | null>(null);
  const [contentError, setContentError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<{ verdict: VerdictWithLinks; design: Design } | { error: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    loadExerciseContent(folderOf(x)).then(
      (c) => live && setContent(c),
      (e: unknown) => live && setContentError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [x]);

  const preview = useMemo(() => previewDesign(design), [design]);

  const check = async () => {
    setChecking(true);
    const graded = design;
    const r = await gradeInWorker(graded);
    setChecking(false);
    if (!r.ok) {
      setResult({ error: r.message });
    } else {
      setResult({ verdict: r.verdict, design: graded });
      const held = r.verdict.checks.filter((c) => c.held).length;
      updateExercise(practiceStorage(), id, (prev) =>
        recordAttempt(prev, { design: graded, explanation, passed: r.verdict.passed, held, total: r.verdict.checks.length }),
      );
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const saveExplanation = () =>
    updateExercise(practiceStorage(), id, (prev) =>
      prev ? { ...prev, explanation } : { state: 'attempted', design, explanation, attempts: 0, last: null },
    );

  const share = async () => {
    if (!result || !('verdict' in result)) return;
    const link = `${window.location.origin}${window.location.pathname}${exerciseHref(id, result.design)}`;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <div className="page exercise-page">
      <p className="breadcrumb">
        <Link to="/practice">Practice</Link> / {x.id}
      </p>
      <h1>
        <span className="lesson-id">{x.id}</span> {x.title}
      </h1>
      <p className="exercise-meta">
        <span className="badge">{x.difficulty}</span> {x.trains}
      </p>
      {init.notice && (
        <p className="notice" role="status">
          {init.notice}
        </p>
      )}
      <section aria-labelledby="problem-h">
        <h2 id="problem-h">The problem</h2>
        {content ? (
          <Markdown text={content.problem} />
        ) : contentError ? (
          <p className="notice">{contentError}</p>
        ) : (
          <p>Loading…</p>
        )}
      </section>

      <div className="exercise-work">
        <section aria-labelledby="design-h" className="design-panel">
          <h2 id="design-h">Your design</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void check();
            }}
          >
            <DesignPanel design={design} onChange={setDesign} />
            <div className="design-field">
              <label htmlFor="explain">Explain your choice (kept with your attempt)</label>
              <textarea
                id="explain"
                rows={3}
                maxLength={4000}
                value={explanation}
                onChange={(e) => setExplanation(e.currentTarget.value)}
                onBlur={saveExplanation}
              />
            </div>
            <button type="submit" className="primary" disabled={checking} aria-busy={checking}>
              {checking ? 'Checking…' : 'Check my design'}
            </button>
          </form>
        </section>
        <section aria-labelledby="verdict-h" className="verdict-panel">
          <h2 id="verdict-h" tabIndex={-1} ref={resultRef}>
            {result === null
              ? 'Verdict'
              : 'error' in result
                ? 'The design could not be checked'
                : result.verdict.passed
                  ? 'Passed'
                  : 'Not yet'}
          </h2>
          <div aria-live="polite">
            {checking && <p role="status">Running your design under faults…</p>}
            {result === null && !checking && (
              <p className="muted">Check your design to see which properties hold under the grader's faults.</p>
            )}
            {result !== null && 'error' in result && <p className="notice">{result.error}</p>}
            {result !== null && 'verdict' in result && <VerdictList verdict={result.verdict} />}
          </div>
          {result !== null && 'verdict' in result && (
            <button type="button" onClick={() => void share()}>
              {copied ? 'Link copied' : 'Share this verdict'}
            </button>
          )}
        </section>
      </div>

      {content && <HintLadder hints={content.hints} answer={content.answer} />}

      {preview && (
        <section aria-label="Live preview" className="exercise-preview">
          <DesignPreview preview={preview} />
        </section>
      )}
    </div>
  );
}
