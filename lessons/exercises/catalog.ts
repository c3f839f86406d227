/**
 * The graded exercises as content: what each trains, how hard it is, and the designs in its folder
 * that must fail, each with the check that must catch it. Ids are the curriculum's and never change
 * (links, saved progress and the CLI use them). Each folder `<id>-<slug>/` holds `content.md` (the
 * problem, three hints, the model answer), `solution.json` (a design that passes) and at least two
 * `wrong-*.json` (designs that fail, each for a different reason); `exercises.test.ts` grades them all.
 */

export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export interface ExerciseDefinition {
  id: string;
  /** The folder is `<id>-<slug>`. */
  slug: string;
  title: string;
  /** What the exercise trains, in a line. */
  trains: string;
  difficulty: Difficulty;
  /**
   * Each wrong design in the folder: the check that must fail for it, and words its detail must
   * contain (what tells this reason apart from the other wrong designs').
   */
  wrong: Record<string, { check: string; mentions: string }>;
}

export const exerciseDefinitions: readonly ExerciseDefinition[] = [
  {
    id: 'X01',
    slug: 'classify-messages',
    title: 'Classify messages as event, command or query',
    trains: 'Telling facts from requests from questions: tense, ownership, coupling, fan-out.',
    difficulty: 'beginner',
    wrong: {
      'wrong-all-events.json': { check: 'm02 PlaceOrder', mentions: 'You said event' },
      'wrong-compensation-is-event.json': { check: 'm16 RefundPayment', mentions: 'A compensation is still a command' },
    },
  },
  {
    id: 'X02',
    slug: 'partition-key',
    title: 'Choose a partition key that keeps every order in order',
    trains: 'Kafka orders records per partition only; the key decides what shares a partition.',
    difficulty: 'beginner',
    wrong: {
      'wrong-event-id.json': { check: "Each order's events are processed in order", mentions: 'every event has its own key' },
      'wrong-no-key.json': { check: "Each order's events are processed in order", mentions: 'Without a key' },
    },
  },
  {
    id: 'X03',
    slug: 'size-for-lag',
    title: 'Size partitions and consumers to bound lag',
    trains: 'Capacity arithmetic for a consumer group, idle consumers, and the hot key no scaling fixes.',
    difficulty: 'intermediate',
    wrong: {
      'wrong-too-few-partitions.json': { check: 'Lag stays under 120 records for the whole run', mentions: 'sit idle' },
      'wrong-hot-key.json': { check: 'Lag stays under 120 records for the whole run', mentions: 'whatever the consumer count' },
    },
  },
  {
    id: 'X05',
    slug: 'order-saga',
    title: 'Design the order-fulfilment saga',
    trains: 'Step order, compensations in reverse, the non-compensatable step last, idempotent undo.',
    difficulty: 'intermediate',
    wrong: {
      'wrong-ship-early.json': { check: 'Every run ends fully done or fully compensated', mentions: 'cannot be undone' },
      'wrong-refund-twice.json': { check: 'A retried compensation takes effect once', mentions: 'took effect 2 times' },
      'wrong-mismatched-compensation.json': { check: 'Each compensation undoes its own step', mentions: 'does not undo' },
    },
  },
  {
    id: 'X06',
    slug: 'remove-dual-write',
    title: 'Remove the dual write',
    trains: 'Why two writes cannot be atomic, the transactional outbox, at-least-once relays, idempotent consumers.',
    difficulty: 'intermediate',
    wrong: {
      'wrong-dual-write.json': { check: 'No event is lost', mentions: 'never reached the broker' },
      'wrong-publish-first.json': { check: 'No phantom event', mentions: 'never saved' },
      'wrong-no-dedup.json': { check: 'Duplicates are harmless', mentions: 'took effect 2 times' },
    },
  },
  {
    id: 'X08',
    slug: 'cqrs-feed',
    title: 'A CQRS feed with read-your-writes',
    trains: 'Eventual consistency in a read model, and serving the author their own write at once.',
    difficulty: 'intermediate',
    wrong: {
      'wrong-feed-only.json': {
        check: 'The author sees their own post on the next read',
        mentions: 'projector had not caught up',
      },
      'wrong-scan-write-model.json': { check: 'Reads are served by the read model', mentions: 'scanned' },
    },
  },
  {
    id: 'X09',
    slug: 'never-lose-an-order',
    title: 'Never lose an acknowledged order',
    trains: 'acks, replication factor, min.insync.replicas and unclean election, and what durability costs.',
    difficulty: 'advanced',
    wrong: {
      'wrong-acks-1.json': { check: 'No acknowledged order is lost', mentions: 'acks=1' },
      'wrong-unclean.json': { check: 'No acknowledged order is lost', mentions: 'fell out of sync' },
      'wrong-min-insync-3.json': { check: 'Orders are still taken while one broker is down', mentions: 'With one broker down' },
    },
  },
];

/** The definition for an id, case-insensitively (ids are typed into links by hand). */
export function findExercise(id: string): ExerciseDefinition | undefined {
  const wanted = id.toUpperCase();
  return exerciseDefinitions.find((x) => x.id === wanted);
}

export const folderOf = (x: ExerciseDefinition): string => `${x.id}-${x.slug}`;
