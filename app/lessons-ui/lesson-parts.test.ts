import { describe, expect, it } from 'vitest';
import { lessonLoaders } from '../../lessons/index.ts';
import { lessonParts, partIndexOf, partScript, partView } from './lesson-parts.ts';

describe('lesson parts', () => {
  it('give every lesson the full arc with unique, linkable ids', async () => {
    for (const load of Object.values(lessonLoaders)) {
      const lesson = await load();
      const parts = lessonParts(lesson);
      expect(parts[0]!.kind).toBe('intro');
      expect(parts.slice(-3).map((p) => p.kind)).toEqual(['recap', 'challenge', 'simplifies']);
      expect(parts.filter((p) => p.kind === 'step')).toHaveLength(lesson.steps.length);
      expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
      for (const p of parts) expect(p.id).toMatch(/^[a-z0-9-]+$/);
      expect(partIndexOf(parts, undefined)).toBe(0);
      expect(partIndexOf(parts, 'no-such-part')).toBe(-1);
    }
  });

  it('hold a predict step at its start until the learner has answered', async () => {
    const lesson = await lessonLoaders.L06!();
    const parts = lessonParts(lesson);
    const predict = parts.find((p) => p.id === lesson.predict.stepId)!;
    const before = partScript(lesson, partView(lesson, predict, false));
    const after = partScript(lesson, partView(lesson, predict, true));
    expect(before.cursor).toBe(before.stepStart);
    expect(after.cursor).toBe(after.stepEnd);
    expect(after.cursor).toBeGreaterThan(before.cursor);
  });
});
