/**
 * The catalogue of lessons and exercises: stable ids, titles and the part each belongs to.
 *
 * Ids come from the curriculum and never change: links, tests and saved progress use them. A
 * lesson that is not written yet is listed with `ready: false` so the index can show the whole
 * course and say honestly what is still to come. `minutes` is the time to complete a written
 * lesson (reading, running each step, the predict question and the challenge); it is kept here
 * rather than read from the lesson so the index does not load every lesson's simulation, and a
 * test checks it matches the lesson's own estimate.
 */

export interface LessonEntry {
  id: string;
  title: string;
  part: PartId;
  ready: boolean;
  /** Time to complete, in minutes; present for ready lessons. */
  minutes?: number;
}

export const parts = [
  { id: 'foundations', title: 'Foundations' },
  { id: 'logs', title: 'Logs, partitions and consumer groups' },
  { id: 'reliability', title: 'Reliable processing' },
  { id: 'event-sourcing', title: 'Event sourcing and CQRS' },
  { id: 'transactions', title: 'Workflows across services' },
  { id: 'practice', title: 'In practice' },
] as const;

export type PartId = (typeof parts)[number]['id'];

export const lessons: readonly LessonEntry[] = [
  { id: 'L01', title: 'Events, commands, queries', part: 'foundations', ready: false },
  { id: 'L02', title: 'Pub/sub fan-out', part: 'foundations', ready: true, minutes: 12 },
  { id: 'L03', title: 'Four messaging primitives', part: 'foundations', ready: false },
  { id: 'L04', title: 'Partitions, offsets, keys', part: 'logs', ready: true, minutes: 12 },
  { id: 'L05', title: 'Consumer groups and rebalancing', part: 'logs', ready: true, minutes: 15 },
  { id: 'L06', title: 'Consumer lag', part: 'logs', ready: true, minutes: 12 },
  { id: 'L07', title: 'Retention, replay, compaction', part: 'logs', ready: true, minutes: 14 },
  { id: 'L08', title: 'Replication and durability', part: 'logs', ready: false },
  { id: 'L09', title: 'Delivery semantics', part: 'reliability', ready: false },
  { id: 'L10', title: 'Idempotent consumers', part: 'reliability', ready: false },
  { id: 'L11', title: 'Retries, backoff, dead letters', part: 'reliability', ready: false },
  { id: 'L12', title: 'RabbitMQ routing', part: 'reliability', ready: false },
  { id: 'L13', title: 'Event sourcing', part: 'event-sourcing', ready: true, minutes: 12 },
  { id: 'L14', title: 'Optimistic concurrency', part: 'event-sourcing', ready: false },
  { id: 'L15', title: 'Snapshots', part: 'event-sourcing', ready: true, minutes: 10 },
  { id: 'L16', title: 'Temporal queries and rebuilding projections', part: 'event-sourcing', ready: false },
  { id: 'L17', title: 'CQRS and eventual consistency', part: 'event-sourcing', ready: false },
  { id: 'L18', title: 'Schema evolution', part: 'event-sourcing', ready: false },
  { id: 'L19', title: 'Two-phase commit', part: 'transactions', ready: false },
  { id: 'L20', title: 'Saga orchestration and compensation', part: 'transactions', ready: true, minutes: 15 },
  { id: 'L21', title: 'Saga choreography', part: 'transactions', ready: false },
  { id: 'L22', title: 'Dual writes, outbox and CDC', part: 'transactions', ready: false },
  { id: 'L23', title: 'Observability', part: 'practice', ready: false },
  { id: 'L24', title: 'Choosing, and not choosing, EDA', part: 'practice', ready: false },
];

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
