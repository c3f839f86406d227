import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/catalog.ts';
import { lessonParts } from '../../lessons-ui/lesson-parts.ts';
import { embedSnippet } from '../embed/EmbedDialog.tsx';
import { fileName } from './files.ts';
import { handoutMarkdown } from './handout.ts';
import { linesPerChunk, traceFile, traceJsonLines } from './trace-lines.ts';
import { traceNote } from './run-export.ts';
import type { TraceEntryView } from '../../workbench/view.ts';

describe('exports', () => {
  it('writes one parseable JSON object per line for each trace entry', () => {
    const entries = [
      { id: 0, atMs: 0, type: 'record-appended', text: 'Record "a\nb" appended', nodes: ['t'], from: 'p', to: 't', key: null },
      { id: 1, atMs: 5, type: 'x', text: 'y', nodes: [] },
    ] as unknown as TraceEntryView[];
    const text = traceJsonLines(entries);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l) as { id: number; key?: unknown })).toMatchObject([{ id: 0, key: null }, { id: 1 }]);
  });

  it("writes the whole trace, chunk by chunk, with each entry's own fields under detail", async () => {
    const n = linesPerChunk * 2 + 7;
    const kept = Array.from({ length: n }, (_, id) => ({
      id,
      atMs: id * 10,
      type: 'sent',
      offset: BigInt(id),
      partition: id % 3,
    }));
    const progress: number[] = [];
    const file = await traceFile(
      {
        total: n,
        kept,
        show: (e) => {
          const r = e as (typeof kept)[number];
          return { id: r.id, atMs: r.atMs, type: r.type, text: `sent #${r.id}`, nodes: ['p'] } as unknown as TraceEntryView;
        },
      },
      (d) => progress.push(d),
    );
    const lines = (await file.blob.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(n);
    expect(file).toMatchObject({ lines: n, total: n });
    expect(JSON.parse(lines[0]!)).toEqual({
      id: 0,
      atMs: 0,
      type: 'sent',
      text: 'sent #0',
      nodes: ['p'],
      detail: { offset: '0', partition: 0 },
    });
    expect((JSON.parse(lines.at(-1)!) as { id: number }).id).toBe(n - 1);
    // The page got a turn between chunks, and heard how far the file was.
    expect(progress).toEqual([linesPerChunk / n, (2 * linesPerChunk) / n]);
  });

  it('says how big a large trace file is, and when a summary trace left entries out', () => {
    expect(traceNote(300, 300, 40_000)).toBeNull();
    expect(traceNote(12_345, 12_345, 3.5 * 1024 * 1024)).toBe('Saved the whole trace: 12,345 entries, 3.5 MB.');
    expect(traceNote(1000, 5000, 200_000)).toContain('the first 4,000 are not in the file');
  });

  it('names files safely', () => {
    expect(fileName(['L06', 'slow-consumer', 'topology'], 'png')).toBe('l06-slow-consumer-topology.png');
    expect(fileName(['../..', ''], 'md')).toBe('eda-lab.md');
  });

  it('escapes the embed snippet so a title cannot break out of its attribute', () => {
    const s = embedSnippet('https://x/#/embed/lessons/L02/one-order', 'A "quoted" <title>');
    expect(s).toContain('title="A &quot;quoted&quot; &lt;title&gt;"');
    expect(s.startsWith('<iframe src="https://x/#/embed/lessons/L02/one-order"')).toBe(true);
  });

  it('a handout carries the step prose, its checked claims, the picture and the diagram', async () => {
    const lesson = await lessons.find((l) => l.id === 'L06')!.load!();
    const part = lessonParts(lesson).find((p) => p.kind === 'step')!;
    const md = handoutMarkdown({
      lesson,
      part,
      url: 'https://x/#/lessons/L06/keeping-up',
      pictureDataUrl: 'data:image/png;base64,AAAA',
      mermaid: 'sequenceDiagram\n  p1->>p2: hi',
    });
    expect(md).toContain(`# L06 · ${lesson.title}`);
    expect(md).toContain(`Step 1 of ${lesson.steps.length}: ${part.title}`);
    expect(md).toContain(lesson.prose.steps[part.id]!.split('\n')[0]);
    for (const c of lesson.steps[0]!.claims) expect(md).toContain(`- ${c.text}`);
    expect(md).toContain('](data:image/png;base64,AAAA)');
    expect(md).toContain('```mermaid\nsequenceDiagram');
  });
});
