/**
 * The catalogue of lessons and exercises: stable ids, titles and the part each belongs to.
 *
 * This is the one place a lesson is registered: a written lesson's entry carries `load`, which
 * imports it on demand (so the lessons index does not pull every lesson's simulation into the
 * first page load), and `ready` is simply whether it has one. Ids come from the curriculum and never
 * change: links, tests and saved progress use them. A lesson not written yet is listed without
 * `load`, so the index shows the whole course and says honestly what is still to come. `minutes`
 * is the time to complete a written lesson (reading, running each step, the predict question and
 * the challenge); it is kept here rather than read from the lesson so the index loads no lesson,
 * and a test checks it matches the lesson's own estimate.
 */
import type { AnyLesson } from './format/define-lesson.ts';

export interface LessonEntry {
  id: string;
  title: string;
  part: PartId;
  /** True for a written lesson (one with `load`). */
  ready: boolean;
  /** Time to complete, in minutes; present for ready lessons. */
  minutes?: number;
  /** Imports the written lesson. */
  load?: () => Promise<AnyLesson>;
  /**
   * Imports the lesson's speaker notes (notes.md: one `## <step-id>` section per step), read by the
   * presenter view (app/classroom). Separate from content.md so notes never change what learners read.
   */
  notes?: () => Promise<string>;
}

type Entry = Omit<LessonEntry, 'ready'>;

export const parts = [
  { id: 'foundations', title: 'Foundations' },
  { id: 'logs', title: 'Logs, partitions and consumer groups' },
  { id: 'reliability', title: 'Reliable processing' },
  { id: 'event-sourcing', title: 'Event sourcing and CQRS' },
  { id: 'transactions', title: 'Workflows across services' },
  { id: 'practice', title: 'In practice' },
] as const;

export type PartId = (typeof parts)[number]['id'];

const entries: readonly Entry[] = [
  { id: 'L01', title: 'Events, commands, queries', part: 'foundations' },
  {
    id: 'L02',
    title: 'Pub/sub fan-out',
    part: 'foundations',
    minutes: 12,
    load: () => import('./02-pub-sub-fan-out/lesson.ts').then((m) => m.lesson),
    notes: () => import('./02-pub-sub-fan-out/notes.md?raw').then((m) => m.default),
  },
  { id: 'L03', title: 'Four messaging primitives', part: 'foundations' },
  {
    id: 'L04',
    title: 'Partitions, offsets, keys',
    part: 'logs',
    minutes: 12,
    load: () => import('./04-partitions-offsets-keys/lesson.ts').then((m) => m.lesson),
    notes: () => import('./04-partitions-offsets-keys/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L05',
    title: 'Consumer groups and rebalancing',
    part: 'logs',
    minutes: 15,
    load: () => import('./05-consumer-groups/lesson.ts').then((m) => m.lesson),
    notes: () => import('./05-consumer-groups/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L06',
    title: 'Consumer lag',
    part: 'logs',
    minutes: 12,
    load: () => import('./06-consumer-lag/lesson.ts').then((m) => m.lesson),
    notes: () => import('./06-consumer-lag/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L07',
    title: 'Retention, replay, compaction',
    part: 'logs',
    minutes: 14,
    load: () => import('./07-retention-replay-compaction/lesson.ts').then((m) => m.lesson),
    notes: () => import('./07-retention-replay-compaction/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L08',
    title: 'Replication and durability',
    part: 'logs',
    minutes: 16,
    load: () => import('./08-replication-durability/lesson.ts').then((m) => m.lesson),
    notes: () => import('./08-replication-durability/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L09',
    title: 'Delivery semantics',
    part: 'reliability',
    minutes: 12,
    load: () => import('./09-delivery-semantics/lesson.ts').then((m) => m.lesson),
    notes: () => import('./09-delivery-semantics/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L10',
    title: 'Idempotent consumers',
    part: 'reliability',
    minutes: 14,
    load: () => import('./10-idempotent-consumers/lesson.ts').then((m) => m.lesson),
    notes: () => import('./10-idempotent-consumers/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L11',
    title: 'Retries, backoff, dead letters',
    part: 'reliability',
    minutes: 14,
    load: () => import('./11-retries-dead-letters/lesson.ts').then((m) => m.lesson),
    notes: () => import('./11-retries-dead-letters/notes.md?raw').then((m) => m.default),
  },
  { id: 'L12', title: 'RabbitMQ routing', part: 'reliability' },
  {
    id: 'L13',
    title: 'Event sourcing',
    part: 'event-sourcing',
    minutes: 12,
    load: () => import('./13-event-sourcing/lesson.ts').then((m) => m.lesson),
    notes: () => import('./13-event-sourcing/notes.md?raw').then((m) => m.default),
  },
  { id: 'L14', title: 'Optimistic concurrency', part: 'event-sourcing' },
  {
    id: 'L15',
    title: 'Snapshots',
    part: 'event-sourcing',
    minutes: 10,
    load: () => import('./15-snapshots/lesson.ts').then((m) => m.lesson),
    notes: () => import('./15-snapshots/notes.md?raw').then((m) => m.default),
  },
  { id: 'L16', title: 'Temporal queries and rebuilding projections', part: 'event-sourcing' },
  { id: 'L17', title: 'CQRS and eventual consistency', part: 'event-sourcing' },
  { id: 'L18', title: 'Schema evolution', part: 'event-sourcing' },
  {
    id: 'L19',
    title: 'Two-phase commit',
    part: 'transactions',
    minutes: 13,
    load: () => import('./19-two-phase-commit/lesson.ts').then((m) => m.lesson),
    notes: () => import('./19-two-phase-commit/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L20',
    title: 'Saga orchestration and compensation',
    part: 'transactions',
    minutes: 15,
    load: () => import('./20-saga-compensation/lesson.ts').then((m) => m.lesson),
    notes: () => import('./20-saga-compensation/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L21',
    title: 'Saga choreography',
    part: 'transactions',
    minutes: 13,
    load: () => import('./21-saga-choreography/lesson.ts').then((m) => m.lesson),
    notes: () => import('./21-saga-choreography/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L22',
    title: 'Dual writes, outbox and CDC',
    part: 'transactions',
    minutes: 16,
    load: () => import('./22-dual-writes-outbox-cdc/lesson.ts').then((m) => m.lesson),
    notes: () => import('./22-dual-writes-outbox-cdc/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L23',
    title: 'Observability',
    part: 'practice',
    minutes: 15,
    load: () => import('./23-observability/lesson.ts').then((m) => m.lesson),
    notes: () => import('./23-observability/notes.md?raw').then((m) => m.default),
  },
  {
    id: 'L24',
    title: 'Choosing, and not choosing, EDA',
    part: 'practice',
    minutes: 21,
    load: () => import('./24-choosing-eda/lesson.ts').then((m) => m.lesson),
    notes: () => import('./24-choosing-eda/notes.md?raw').then((m) => m.default),
  },
];

/** Every lesson of the curriculum, in order; `ready` when written. */
export const lessons: readonly LessonEntry[] = entries.map((e) => ({ ...e, ready: e.load !== undefined }));

export interface ExerciseEntry {
  id: string;
  title: string;
}

export const exercises: readonly ExerciseEntry[] = [
  { id: 'X01', title: 'Classify messages as event, command or query' },
  { id: 'X02', title: 'Choose a partition key that keeps every order in order' },
  { id: 'X03', title: 'Size partitions and consumers to bound lag' },
  { id: 'X04', title: 'Make the SMS consumer idempotent' },
  { id: 'X05', title: 'Design the order-fulfilment saga' },
  { id: 'X06', title: 'Remove the dual write' },
  { id: 'X07', title: 'Evolve OrderPlaced safely' },
  { id: 'X08', title: 'A CQRS feed with read-your-writes' },
  { id: 'X09', title: 'Never lose an acknowledged order' },
  { id: 'X10', title: 'Route alerts with a topic exchange' },
  { id: 'X11', title: 'Open design prompts, timed' },
];

/** Finds a lesson by id, case-insensitively (links are typed by hand in classrooms). */
export function findLesson(id: string): LessonEntry | undefined {
  const wanted = id.toUpperCase();
  return lessons.find((l) => l.id === wanted);
}
