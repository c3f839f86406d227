/**
 * The written lessons, by catalogue id, loaded on demand so the lessons index does not pull every
 * lesson's simulation into the first page load. `catalog.ts` says which lessons are ready; a test
 * checks the two agree.
 */
import type { AnyLesson } from './format/define-lesson.ts';

export const lessonLoaders: Record<string, () => Promise<AnyLesson>> = {
  L02: () => import('./02-pub-sub-fan-out/lesson.ts').then((m) => m.lesson),
  L04: () => import('./04-partitions-offsets-keys/lesson.ts').then((m) => m.lesson),
  L05: () => import('./05-consumer-groups/lesson.ts').then((m) => m.lesson),
  L06: () => import('./06-consumer-lag/lesson.ts').then((m) => m.lesson),
  L07: () => import('./07-retention-replay-compaction/lesson.ts').then((m) => m.lesson),
  L13: () => import('./13-event-sourcing/lesson.ts').then((m) => m.lesson),
  L15: () => import('./15-snapshots/lesson.ts').then((m) => m.lesson),
  L20: () => import('./20-saga-compensation/lesson.ts').then((m) => m.lesson),
};

/** Loads a written lesson by id (case-insensitive), or undefined when it is not written yet. */
export function loadLesson(id: string): Promise<AnyLesson> | undefined {
  return lessonLoaders[id.toUpperCase()]?.();
}
