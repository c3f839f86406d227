import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/catalog.ts';
import { lessonParts } from '../../lessons-ui/lesson-parts.ts';
import { embedSnippet } from '../embed/EmbedDialog.tsx';
import { fileName } from './files.ts';
import { handoutMarkdown } from './handout.ts';
import { traceJsonLines } from './trace-lines.ts';
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
