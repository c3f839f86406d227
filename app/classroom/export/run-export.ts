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
import { formatBytes, traceFile, traceJsonLines } from './trace-lines.ts';

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

export interface ExportOptions {
  /** A long export (the trace of a long run) reports how far it is, 0..1. */
  onProgress?: (done: number) => void;
  /** What the learner should know about the file once it is saved (its size, if large), or null. */
  onDone?: (note: string | null) => void;
}

/** Files from this size up say how big they are. */
export const largeFileBytes = 1024 * 1024;

/** What to say about a saved trace: its size when large, and when the run kept only its newest entries. */
export function traceNote(lines: number, total: number, bytes: number): string | null {
  const count = `${lines.toLocaleString('en')} ${lines === 1 ? 'entry' : 'entries'}`;
  if (total > lines)
    return `Saved ${count} (${formatBytes(bytes)}): this run keeps only its newest entries, so the first ${(total - lines).toLocaleString('en')} are not in the file.`;
  return bytes >= largeFileBytes ? `Saved the whole trace: ${count}, ${formatBytes(bytes)}.` : null;
}

/** Runs an export; resolves to null when the file was downloaded, or to what went wrong. */
export async function runExport<C>(kind: ExportKind, ctx: ExportContext<C>, options: ExportOptions = {}): Promise<string | null> {
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
      case 'trace-jsonl': {
        const trace = ctx.store.getState().fullTrace();
        const file = trace
          ? await traceFile(trace, options.onProgress)
          : { blob: new Blob([traceJsonLines(state.view.entries)]), lines: state.view.entries.length, total: -1 };
        download(fileName([...ctx.stem, 'trace'], 'jsonl'), new Blob([file.blob], { type: 'application/jsonl' }));
        options.onDone?.(traceNote(file.lines, file.total, file.blob.size));
        return null;
      }
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
