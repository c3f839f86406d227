/**
 * The presenter window (`#/presenter?session=<id>`), on the teacher's own screen: the speaker notes
 * for the part the projector shows, the next part's title, the elapsed time, and the controls.
 * It holds no simulation: it draws what the projector window last published and sends commands
 * back (channel.ts), so the two can never disagree. The keyboard and a clicker work here exactly
 * as in the projector window.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { findLesson } from '../../../lessons/catalog.ts';
import { Markdown } from '../../lessons-ui/Markdown.tsx';
import { usePageTitle } from '../../usePageTitle.ts';
import { formatVirtualTime } from '../../workbench/speed.ts';
import { noteLabels, parseNotes, type PartNotes } from '../notes/notes.ts';
import {
  isSessionId,
  openPresenterLink,
  presenterKeyAction,
  type PresenterAction,
  type PresenterLink,
  type ProjectorState,
} from './channel.ts';
import { ElapsedClock } from './ElapsedClock.tsx';
import '../classroom.css';

export function PresenterPage() {
  usePageTitle('Presenter view');
  const [params] = useSearchParams();
  const session = params.get('session');
  if (!isSessionId(session)) {
    return (
      <main className="presenter" role="alert">
        <h1>Presenter view</h1>
        <p>This window has no presenter session. Open a lesson or the playground and press “Presenter view” there.</p>
      </main>
    );
  }
  return <Presenter session={session} />;
}

function useLessonNotes(lessonId: string | null): Map<string, PartNotes> | null | 'none' {
  const [notes, setNotes] = useState<Map<string, PartNotes> | null | 'none'>(null);
  useEffect(() => {
    setNotes(null);
    if (lessonId === null) return;
    const load = findLesson(lessonId)?.notes;
    if (!load) {
      setNotes('none');
      return;
    }
    let live = true;
    load().then(
      (md) => live && setNotes(parseNotes(md)),
      () => live && setNotes('none'),
    );
    return () => {
      live = false;
    };
  }, [lessonId]);
  return notes;
}

function Presenter({ session }: { session: string }) {
  const [state, setState] = useState<ProjectorState | null>(null);
  const [gone, setGone] = useState(false);
  const link = useRef<PresenterLink | null>(null);
  useEffect(() => {
    const l = openPresenterLink(session, (m) => {
      if (m.t === 'state') {
        setState(m.state);
        setGone(false);
      } else if (m.t === 'bye') setGone(true);
    });
    link.current = l;
    l.post({ t: 'hello' });
    // Closing this window ends the session: the projector gets its usual page back.
    const bye = (): void => l.post({ t: 'bye' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      l.close();
      link.current = null;
    };
  }, [session]);
  const send = useCallback((action: PresenterAction, value?: number) => {
    link.current?.post(value === undefined ? { t: 'command', action } : { t: 'command', action, value });
  }, []);

  const inLesson = state?.place.kind === 'lesson';
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      const tag = t?.tagName.toLowerCase();
      // A focused button takes Space and Enter itself; a slider keeps its arrows.
      if (e.key === ' ' && (tag === 'button' || tag === 'a')) return;
      if (tag === 'input' && e.key !== 'PageDown' && e.key !== 'PageUp') return;
      const action = presenterKeyAction(e.key, inLesson);
      if (!action) return;
      e.preventDefault();
      send(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [send, inLesson]);

  const place = state?.place;
  const notes = useLessonNotes(place?.kind === 'lesson' ? place.lessonId : null);
  const partNotes = place?.kind === 'lesson' && notes instanceof Map ? notes.get(place.partId) : undefined;

  return (
    <main className="presenter" aria-labelledby="presenter-title">
      <header className="presenter-head">
        <h1 id="presenter-title">
          Presenter view
          {place && (
            <span className="presenter-where">
              {' '}
              · {place.kind === 'lesson' ? `${place.lessonId} ${place.lessonTitle}` : place.title}
            </span>
          )}
        </h1>
        <ElapsedClock />
      </header>
      {gone && (
        <p className="notice" role="status">
          The projector window has left presenter view. Press “Presenter view” there to start again.
        </p>
      )}
      {!state && !gone && (
        <p aria-busy="true" role="status">
          Waiting for the projector window…
        </p>
      )}
      {state && place && (
        <>
          <section className="presenter-now" aria-labelledby="presenter-now-title">
            <p className="presenter-label">
              Now showing{place.kind === 'lesson' ? ` · part ${place.partIndex + 1} of ${place.partCount}` : ''}
            </p>
            <h2 id="presenter-now-title" data-testid="presenter-current">
              {place.kind === 'lesson' ? place.partTitle : place.title}
            </h2>
            {place.kind === 'lesson' && (
              <p className="presenter-next" data-testid="presenter-next">
                Next: {place.nextTitle ?? '(this is the last part)'}
              </p>
            )}
          </section>
          <section className="presenter-notes" aria-labelledby="presenter-notes-title">
            <h2 id="presenter-notes-title">Speaker notes</h2>
            {place.kind === 'playground' ? (
              <p>The playground has no script, so no notes: the last thing that happened is below.</p>
            ) : notes === null ? (
              <p aria-busy="true">Loading the notes…</p>
            ) : !partNotes ? (
              <p className="presenter-muted">No notes for this part.</p>
            ) : partNotes.point || partNotes.ask || partNotes.misconception ? (
              <dl>
                {noteLabels.map(({ key, label }) =>
                  partNotes[key] ? (
                    <div key={key} className={`presenter-note presenter-note-${key}`}>
                      <dt>{label}</dt>
                      <dd>
                        <Markdown text={partNotes[key]} />
                      </dd>
                    </div>
                  ) : null,
                )}
              </dl>
            ) : (
              <Markdown text={partNotes.body} />
            )}
          </section>
          <PresenterControls state={state} send={send} />
        </>
      )}
    </main>
  );
}

function PresenterControls({ state, send }: { state: ProjectorState; send: (a: PresenterAction, v?: number) => void }) {
  const { place, cursor, first, last, entry, entries, playing, atStart, atEnd, stepDone, lock } = state;
  const lesson = place.kind === 'lesson' ? place : null;
  // The same buttons, enabled the same way, as the projector's own transport bar.
  const held = lock !== null;
  const of = entries !== null ? ` of ${entries}` : '';
  return (
    <section className="presenter-controls" aria-label="Controls">
      <div className="presenter-buttons" role="toolbar" aria-label="Lesson and simulation controls">
        {lesson && (
          <button type="button" onClick={() => send('prev-part')} disabled={lesson.partIndex === 0}>
            ← Previous part
          </button>
        )}
        <button type="button" onClick={() => send('to-start')} disabled={atStart}>
          Start
        </button>
        <button type="button" onClick={() => send('step-back')} disabled={atStart}>
          Back
        </button>
        <button
          type="button"
          onClick={() => send('toggle-play')}
          aria-pressed={playing}
          disabled={held || (!playing && atEnd && !stepDone)}
        >
          {playing ? 'Pause' : stepDone ? 'Replay step' : 'Play'}
        </button>
        <button type="button" onClick={() => send('step-forward')} disabled={atEnd || held}>
          Step
        </button>
        <button type="button" onClick={() => send('to-end')} disabled={atEnd || held}>
          End
        </button>
        {lesson && (
          <button type="button" onClick={() => send('next-part')} disabled={lesson.partIndex >= lesson.partCount - 1}>
            Next part →
          </button>
        )}
      </div>
      {held && <p className="presenter-muted">{lock}</p>}
      <label className="presenter-scrub">
        <span>
          Entry <output data-testid="presenter-cursor">{entry}</output>
          {of}
          {state.inStep ? ' in this step' : ''} · {formatVirtualTime(state.nowMs)}
          {playing ? ' · playing' : ''}
        </span>
        <input
          type="range"
          min={first}
          max={Math.max(last, first + 1)}
          step={1}
          value={cursor}
          disabled={last === first || held}
          onChange={(e) => send('seek', Number(e.currentTarget.value))}
          aria-valuetext={`entry ${entry}${of}`}
        />
      </label>
      <p className="presenter-happened">
        <span className="presenter-label">Just happened:</span> {state.announcement || 'nothing yet'}
      </p>
      <p className="presenter-keys">
        Keys here and in the projector window: PageDown / PageUp (a clicker) {lesson ? 'next / previous part' : 'step'} · → ← step
        · Space play or pause · Home / End.
      </p>
    </section>
  );
}
