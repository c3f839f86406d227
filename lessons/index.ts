/**
 * The written lessons, by catalogue id, loaded on demand — read from the catalogue (catalog.ts),
 * the one place a lesson is registered.
 */
import { lessons } from './catalog.ts';
import type { AnyLesson } from './format/define-lesson.ts';

export const lessonLoaders: Record<string, () => Promise<AnyLesson>> = Object.fromEntries(
  lessons.flatMap((l) => (l.load ? [[l.id, l.load] as const] : [])),
);

/** Loads a written lesson by id (case-insensitive), or undefined when it is not written yet. */
export function loadLesson(id: string): Promise<AnyLesson> | undefined {
  const key = id.toUpperCase();
  return Object.hasOwn(lessonLoaders, key) ? lessonLoaders[key]!() : undefined;
}
