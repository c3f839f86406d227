import { describe, expect, it } from 'vitest';
import { lessons } from '../../../lessons/catalog.ts';
import { notesProblems, parseNotes } from './notes.ts';

describe('speaker notes', () => {
  it('reads the three labelled parts of a step, wrapped lines included', () => {
    const notes = parseNotes(
      '# T\n\n## one\n\n**Point at:** the topic\nand its partitions.\n\n**Ask the room:** why?\n\n**Misconception:** that it is free.\n',
    );
    expect(notes.get('one')).toMatchObject({
      point: 'the topic and its partitions.',
      ask: 'why?',
      misconception: 'that it is free.',
    });
  });

  it('names a step without notes, a missing part and a section for no step', () => {
    const notes = parseNotes('## one\n\n**Point at:** x\n\n**Ask the room:** y\n\n## stray\n\ntext\n');
    expect(notesProblems(['one', 'two'], notes)).toEqual([
      'step "one" has no "Misconception" line',
      'step "two" has no notes',
      'notes for "stray", which is not a part of the lesson',
    ]);
  });

  for (const entry of lessons.filter((l) => l.ready)) {
    it(`${entry.id} has notes for every step, each with all three parts`, async () => {
      expect(entry.notes, `${entry.id} registers no notes`).toBeDefined();
      const [lesson, md] = await Promise.all([entry.load!(), entry.notes!()]);
      expect(
        notesProblems(
          lesson.steps.map((s) => s.id),
          parseNotes(md),
        ),
      ).toEqual([]);
    });
  }
});
