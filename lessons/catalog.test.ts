/**
 * The catalogue and the written lessons agree: every lesson folder is registered (has a loader in
 * the catalogue), and every written lesson has the catalogue's title and time estimate.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lessons } from './catalog.ts';
import { lessonLoaders } from './index.ts';

describe('catalogue', () => {
  it('ready lessons are exactly the registered ones', () => {
    expect(lessons.filter((l) => l.ready).map((l) => l.id)).toEqual(Object.keys(lessonLoaders).sort());
  });

  it('every numbered lesson folder is registered under its number', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
      .map((d) => `L${d.name.slice(0, 2)}`);
    expect(folders.sort()).toEqual(Object.keys(lessonLoaders).sort());
  });

  for (const entry of lessons.filter((l) => l.ready)) {
    it(`${entry.id}: title and minutes match the lesson`, async () => {
      const lesson = await lessonLoaders[entry.id]!();
      expect(lesson.id).toBe(entry.id);
      expect(lesson.title).toBe(entry.title);
      expect(lesson.minutes).toBe(entry.minutes);
    });
  }
});
