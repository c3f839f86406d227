/**
 * Runs one export and downloads the file. Loaded with import() when the learner picks an export,
 * together with modern-screenshot (and mermaid for the diagram), so none of it is in a page's
 * JavaScript until then. Every failure comes back as a sentence to show; nothing throws.
 */
import type { AnyLesson } from '../../../lessons/format/define-lesson.ts';
import type { LessonPart } from '../../lessons-ui/lesson-parts.ts';
import type { WorkbenchStore } from '../../workbench/store.ts';
import { download, fileName } from './files.ts';
import { handoutMarkdown } from './handout.ts';
import { blobToDataUrl, topologyElement, topologyPng, topologySvg } from './picture.ts';
import { sequenceSource, sequenceSvg } from './sequence.ts';
import { traceJsonLines } from './trace-lines.ts';

export type ExportKind = 'topology-png' | 'topology-svg' | 'sequence-svg' | 'sequence-mermaid' | 'trace-jsonl' | 'handout-md';

export interface ExportContext<C> {
  store: WorkbenchStore<C>;
  /** File-name stem, e.g. ['L06', 'slow-consumer']. */
  stem: readonly string[];
  /** Present in a lesson: the part for the handout and its address. */
  lesson?: { lesson: AnyLesson; part: LessonPart; url: string };
}

const noPicture = 'The topology is not on screen (on a narrow screen, open its tab first).';
const nothingSent = 'Nothing has been sent yet, so there is no sequence diagram: step forward first.';

/** Runs an export; resolves to null when the file was downloaded, or to what went wrong. */
export async function runExport<C>(kind: ExportKind, ctx: ExportContext<C>): Promise<string | null> {
  try {
    const state = ctx.store.getState();
    const seqText = sequenceSource(state);
    const hasMessages = seqText.split('\n').length > 1 && /->>|-->>|Note /.test(seqText);
    switch (kind) {
      case 'topology-png':
      case 'topology-svg': {
        const el = topologyElement();
        if (!el) return noPicture;
        if (kind === 'topology-png') download(fileName([...ctx.stem, 'topology'], 'png'), await topologyPng(el));
        else download(fileName([...ctx.stem, 'topology'], 'svg'), new Blob([await topologySvg(el)], { type: 'image/svg+xml' }));
        return null;
      }
      case 'sequence-svg':
        if (!hasMessages) return nothingSent;
        download(fileName([...ctx.stem, 'sequence'], 'svg'), new Blob([await sequenceSvg(seqText)], { type: 'image/svg+xml' }));
        return null;
      case 'sequence-mermaid':
        if (!hasMessages) return nothingSent;
        download(fileName([...ctx.stem, 'sequence'], 'mmd'), new Blob([`${seqText}\n`], { type: 'text/plain' }));
        return null;
      case 'trace-jsonl':
        download(
          fileName([...ctx.stem, 'trace'], 'jsonl'),
          new Blob([traceJsonLines(state.view.entries)], { type: 'application/jsonl' }),
        );
        return null;
      case 'handout-md': {
        if (!ctx.lesson) return 'A handout is made from a lesson part.';
        const el = topologyElement();
        const picture = el ? await blobToDataUrl(await topologyPng(el)) : null;
        const md = handoutMarkdown({ ...ctx.lesson, pictureDataUrl: picture, mermaid: hasMessages ? seqText : null });
        download(fileName([...ctx.stem, 'handout'], 'md'), new Blob([md], { type: 'text/markdown' }));
        return null;
      }
    }
  } catch (e) {
    return `The export could not be made: ${e instanceof Error ? e.message : 'an unknown error'}.`;
  }
}
