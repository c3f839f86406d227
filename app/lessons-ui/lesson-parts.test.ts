import { describe, expect, it } from 'vitest';
import { lessonLoaders } from '../../lessons/index.ts';
import { modelUiById } from '../models/index.ts';
import { kafkaView } from '../models/kafka/kafka-view.ts';
import { lessonParts, momentRoomFor, partHighlight, partIndexOf, partPanel, partScript, partView } from './lesson-parts.ts';

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

  it('open a step on a panel its model draws, and only steps name one', async () => {
    let named = 0;
    for (const load of Object.values(lessonLoaders)) {
      const lesson = await load();
      const found = modelUiById(lesson.model);
      if (!found.ok) throw new Error(found.error.message);
      const ids = found.value.panels.map((p) => p.id);
      for (const part of lessonParts(lesson)) {
        const panel = partPanel(lesson, part);
        if (part.kind !== 'step') expect(panel).toBeUndefined();
        if (panel === undefined) continue;
        named++;
        expect(ids, `${lesson.id} ${part.id}`).toContain(panel);
      }
    }
    // L23 opens its steps on the causation tree or the lag table its prose is about.
    expect(named).toBeGreaterThanOrEqual(6);
  });

  it('hold a predict step at its start until the learner has answered, then play it', async () => {
    const lesson = await lessonLoaders.L06!();
    const parts = lessonParts(lesson);
    const predict = parts.find((p) => p.id === lesson.predict.stepId)!;
    const before = partView(lesson, predict, false);
    const after = partView(lesson, predict, true);
    expect(before).toMatchObject({ atStart: true, autoplay: false });
    expect(before.lock).toMatch(/Answer the prediction first/);
    expect(after).toMatchObject({ atStart: true, autoplay: true, lock: null });
    const script = partScript(lesson, before.stepIndex, true)!;
    expect(script.cursor).toBe(script.stepStart);
    expect(script.step.end).toBeGreaterThan(script.step.start);
    // The step's default speed plays its virtual time in about eight seconds.
    const seconds = (script.atMs[script.stepEnd - 1]! - script.atMs[script.stepStart - 1]!) / script.speed / 1000;
    expect(seconds).toBeGreaterThan(5);
    expect(seconds).toBeLessThan(10);
  });

  it('name nodes on every part, so the camera frames each at a readable zoom (the challenge too)', async () => {
    for (const load of Object.values(lessonLoaders)) {
      const lesson = await load();
      for (const part of lessonParts(lesson)) expect(partHighlight(lesson, part), `${lesson.id} ${part.id}`).not.toEqual([]);
      const challenge = lessonParts(lesson).find((p) => p.kind === 'challenge')!;
      expect(partHighlight(lesson, challenge)).toEqual(lesson.challenge.highlight ?? lesson.steps.at(-1)!.highlight);
    }
  });

  it('keep the key-moment band room for a step that draws a moment by its end, and only for it', async () => {
    // L07: step 1 (the group reads the log once) draws no band; step 2 (reset to earliest) draws
    // the committed offset's jump back mid-play, and the steps after it still show it.
    const l07 = await lessonLoaders.L07!();
    const view = (s: unknown) => kafkaView(s as never);
    expect(momentRoomFor(l07, 0, view)).toBe(false);
    expect(momentRoomFor(l07, 1, view)).toBe(true);
    expect(momentRoomFor(l07, 2, view)).toBe(true);
    // L05 draws no moment: its diagram keeps the whole height on every step.
    const l05 = await lessonLoaders.L05!();
    for (let i = 0; i < l05.steps.length; i++) expect(momentRoomFor(l05, i, view), `L05 step ${i + 1}`).toBe(false);
  });
});
