/**
 * The classroom tools beside a simulation: "Presenter view" (this window becomes the projector,
 * a second window gets the notes and controls), "Embed" (an <iframe> snippet for this moment)
 * and "Export" (pictures, the diagram, the trace, a handout). One component that a lesson and the
 * playground each place once; it also keeps the projector in step with the presenter window.
 */
import { useRef, useState } from 'react';
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import { lessonParts } from '../lessons-ui/lesson-parts.ts';
import type { WorkbenchStore } from '../workbench/store.ts';
import { appAddress } from './address.ts';
import type { ProjectorPlace } from './presenter/channel.ts';
import { startProjecting, stopProjecting, useProjectorSession } from './presenter/session.ts';
import { useProjectorSync } from './presenter/useProjectorSync.ts';
import { EmbedDialog } from './embed/EmbedDialog.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';
import type { ExportContext } from './export/run-export.ts';
import './classroom.css';

export type ClassroomBarProps<C> = { store: WorkbenchStore<C> | undefined } & (
  | { kind: 'lesson'; lesson: AnyLesson; partIndex: number; goToPart: (i: number) => void }
  | { kind: 'playground'; title: string; modelId: string; link: () => string }
);

export function ClassroomBar<C>(props: ClassroomBarProps<C>) {
  const session = useProjectorSession();
  const [blocked, setBlocked] = useState<string | null>(null);
  const [embedPath, setEmbedPath] = useState<string | null>(null);
  const presenterWindow = useRef<Window | null>(null);

  const parts = props.kind === 'lesson' ? lessonParts(props.lesson) : [];
  const part = props.kind === 'lesson' ? parts[props.partIndex] : undefined;
  const place: ProjectorPlace =
    props.kind === 'lesson'
      ? {
          kind: 'lesson',
          lessonId: props.lesson.id,
          lessonTitle: props.lesson.title,
          partIndex: props.partIndex,
          partCount: parts.length,
          partId: part?.id ?? '',
          partTitle:
            part?.kind === 'step'
              ? `Step ${part.stepIndex + 1} of ${props.lesson.steps.length}: ${part.title}`
              : (part?.title ?? ''),
          nextTitle: parts[props.partIndex + 1]?.title ?? null,
        }
      : { kind: 'playground', title: props.title };
  useProjectorSync(session, {
    place,
    store: props.store,
    ...(props.kind === 'lesson' ? { goToPart: props.goToPart } : {}),
  });

  const openPresenter = (): void => {
    const id = session ?? startProjecting();
    const url = `${appAddress()}#/presenter?session=${id}`;
    const w = window.open(url, `eda-lab-presenter-${id}`, 'popup=yes,width=960,height=720');
    if (!w) {
      setBlocked(url);
      return;
    }
    setBlocked(null);
    presenterWindow.current = w;
  };
  const stop = (): void => {
    presenterWindow.current?.close();
    presenterWindow.current = null;
    stopProjecting();
  };

  // The playground's link is encoded when asked for: encoding a long run on every render would cost.
  const openEmbed = (): void =>
    setEmbedPath(
      props.kind === 'lesson'
        ? `/embed/lessons/${props.lesson.id}/${part?.id ?? ''}`
        : `/embed/playground?s=${encodeURIComponent(props.link())}`,
    );
  const exportCtx: ExportContext<C> | null = props.store
    ? {
        store: props.store,
        stem: props.kind === 'lesson' ? [props.lesson.id, part?.id ?? ''] : ['playground', props.modelId],
        ...(props.kind === 'lesson' && part
          ? { lesson: { lesson: props.lesson, part, url: `${appAddress()}#/lessons/${props.lesson.id}/${part.id}` } }
          : {}),
      }
    : null;

  return (
    <div className="classroom-bar" role="group" aria-label="Classroom">
      {session === null ? (
        <button type="button" onClick={openPresenter}>
          Presenter view
        </button>
      ) : (
        <>
          <button type="button" className="classroom-reopen" onClick={openPresenter}>
            Reopen presenter window
          </button>
          <button type="button" className="classroom-stop" onClick={stop}>
            End presenter view
          </button>
        </>
      )}
      <button type="button" className="classroom-extra" onClick={openEmbed}>
        Embed
      </button>
      {exportCtx && <ExportMenu ctx={exportCtx} handout={props.kind === 'lesson'} />}
      {blocked && (
        <p className="notice classroom-wide" role="alert">
          The browser blocked the presenter window. Allow pop-ups for this site, or open{' '}
          <a href={blocked} target="_blank" rel="noopener">
            the presenter view
          </a>{' '}
          in a new window yourself.
        </p>
      )}
      {embedPath !== null && (
        <EmbedDialog path={embedPath} title={embedTitle(props, part?.title)} onClose={() => setEmbedPath(null)} />
      )}
    </div>
  );
}

function embedTitle<C>(props: ClassroomBarProps<C>, partTitle: string | undefined): string {
  return props.kind === 'lesson'
    ? `EDA Lab: ${props.lesson.id} ${props.lesson.title} — ${partTitle ?? ''}`
    : `EDA Lab: ${props.title}`;
}
