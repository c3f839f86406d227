/**
 * A lesson part as a Markdown handout: the title, the prose the learner reads, the checked results,
 * the topology as a picture carried inside the file (a PNG data: URL, so the handout is one file
 * that opens anywhere), the sequence diagram as a mermaid block (rendered by GitHub, GitLab,
 * Obsidian and most Markdown viewers), and a link back to the part.
 */
import type { AnyLesson } from '../../../lessons/format/define-lesson.ts';
import type { LessonPart } from '../../lessons-ui/lesson-parts.ts';

export interface HandoutInput {
  lesson: AnyLesson;
  part: LessonPart;
  /** The part's address in the app. */
  url: string;
  /** The topology picture as a data: URL, when it could be taken. */
  pictureDataUrl: string | null;
  /** The sequence diagram's mermaid source, when anything has been sent. */
  mermaid: string | null;
}

function proseOf(lesson: AnyLesson, part: LessonPart): string {
  switch (part.kind) {
    case 'intro':
      return lesson.prose.learn;
    case 'recap':
      return lesson.prose.recap;
    case 'challenge':
      return lesson.prose.challenge;
    case 'simplifies':
      return lesson.prose.simplifies;
    case 'step':
      return lesson.prose.steps[part.id] ?? '';
  }
}

export function handoutMarkdown({ lesson, part, url, pictureDataUrl, mermaid }: HandoutInput): string {
  const heading = part.kind === 'step' ? `Step ${part.stepIndex + 1} of ${lesson.steps.length}: ${part.title}` : part.title;
  const lines = [`# ${lesson.id} · ${lesson.title}`, '', `## ${heading}`, '', proseOf(lesson, part).trim(), ''];
  if (part.kind === 'step') {
    const claims = lesson.steps[part.stepIndex]!.claims;
    if (claims.length > 0) {
      lines.push('### Checked by running the simulation', '');
      for (const c of claims) lines.push(`- ${c.text}`);
      lines.push('');
    }
  }
  if (pictureDataUrl !== null)
    lines.push('### The picture', '', `![The topology at this step of ${lesson.id}](${pictureDataUrl})`, '');
  if (mermaid !== null) lines.push('### What was sent', '', '```mermaid', mermaid.trim(), '```', '');
  lines.push('---', '', `From EDA Lab: [${lesson.id} · ${part.title}](${url})`, '');
  return lines.join('\n');
}
