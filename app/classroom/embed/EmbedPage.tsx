/**
 * The embed routes, outside the site's frame: `#/embed/lessons/<lesson>/<part>` plays a lesson
 * part's script (the same state its lesson link shows), `#/embed/playground?s=v2:…` a shared
 * moment. `?theme=dark|light` lets a host page match its own colours (not saved). A bad address
 * says what is wrong inside the frame rather than leaving it blank.
 */
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { findLesson } from '../../../lessons/catalog.ts';
import type { AnyLesson } from '../../../lessons/format/define-lesson.ts';
import { loadLesson } from '../../../lessons/index.ts';
import { lessonParts, partIndexOf, partScript, partView } from '../../lessons-ui/lesson-parts.ts';
import { modelUiById } from '../../models/index.ts';
import { openLink } from '../../models/open-link.ts';
import { openModel } from '../../models/open.ts';
import { applyTheme } from '../../theme/theme.ts';
import { usePageTitle } from '../../usePageTitle.ts';
import { appAddress } from '../address.ts';
import { EmbedPlayer } from './EmbedPlayer.tsx';

function useEmbedTheme(): void {
  const [params] = useSearchParams();
  const theme = params.get('theme');
  useEffect(() => {
    if (theme === 'dark' || theme === 'light') applyTheme(theme);
  }, [theme]);
}

function EmbedProblem({ message }: { message: string }) {
  return (
    <main className="embed-player embed-problem" role="alert">
      <p>{message}</p>
      <p>
        <a href={`${appAddress()}#/lessons`} target="_blank" rel="noopener">
          Open EDA Lab
        </a>
      </p>
    </main>
  );
}

export function EmbedLessonPage() {
  useEmbedTheme();
  const { lessonId = '', partId } = useParams();
  const entry = findLesson(lessonId);
  const [lesson, setLesson] = useState<AnyLesson | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  usePageTitle(entry ? `${entry.id} ${entry.title}` : 'Embed');
  useEffect(() => {
    if (!entry?.ready) return;
    let live = true;
    loadLesson(entry.id)?.then(
      (l) => live && setLesson(l),
      () => live && setFailed('The lesson could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [entry]);
  const opened = useMemo(() => {
    if (!lesson) return null;
    const parts = lessonParts(lesson);
    const index = partIndexOf(parts, partId);
    if (index < 0) return { error: `Lesson ${lesson.id} has no part called “${partId}”.` } as const;
    const part = parts[index]!;
    const ui = modelUiById(lesson.model);
    if (!ui.ok) return { error: 'This lesson’s simulation cannot be shown yet.' } as const;
    const view = partView(lesson, part, true);
    const script = partScript(lesson, view.stepIndex, view.atStart);
    if (!script) return { error: 'This part of the lesson has no simulation to show.' } as const;
    const store = openModel(ui.value, script.scenario, {
      seed: script.seed,
      commands: script.commands as Array<{ type: string }>,
      cursor: script.cursor,
    });
    const highlight = part.kind === 'step' ? lesson.steps[part.stepIndex]!.highlight : [];
    return { store, part, highlight, legend: ui.value.flightLegend } as const;
  }, [lesson, partId]);

  if (!entry) return <EmbedProblem message={`There is no lesson called “${lessonId}”.`} />;
  if (!entry.ready) return <EmbedProblem message={`${entry.id} · ${entry.title} is coming soon.`} />;
  if (failed) return <EmbedProblem message={failed} />;
  if (!lesson || !opened) return <p aria-busy="true">Loading the simulation…</p>;
  if ('error' in opened) return <EmbedProblem message={opened.error ?? ''} />;
  return (
    <EmbedPlayer
      store={opened.store}
      title={`${lesson.id} · ${lesson.title}: ${opened.part.title}`}
      fullUrl={`${appAddress()}#/lessons/${lesson.id}/${opened.part.id}`}
      highlighted={opened.highlight}
      {...(opened.legend ? { legend: opened.legend } : {})}
    />
  );
}

export function EmbedPlaygroundPage() {
  useEmbedTheme();
  usePageTitle('Embedded simulation');
  const [params] = useSearchParams();
  const link = params.get('s');
  const session = useMemo(() => (link === null ? null : openLink(link)), [link]);
  if (session === null) return <EmbedProblem message="This embed has no simulation: its address needs ?s= with a shared link." />;
  if (!session.ok) return <EmbedProblem message={`This simulation link cannot be opened: ${session.error.message}`} />;
  const { ui, scenarioId, store } = session.value;
  const title = ui.scenarios.find((s) => s.id === scenarioId)?.title ?? 'a shared moment';
  return (
    <EmbedPlayer
      store={store}
      title={`${ui.model.title}: ${title}`}
      fullUrl={`${appAddress()}#/playground?s=${encodeURIComponent(link ?? '')}`}
      {...(ui.flightLegend ? { legend: ui.flightLegend } : {})}
    />
  );
}
