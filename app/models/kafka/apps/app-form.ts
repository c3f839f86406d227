/**
 * The "add an application" form as data: a learner's choices (source topic, commit policy, a
 * poison key, how failures are retried, a dead-letter topic, an output topic) become the model's
 * own commands — create-topic for each retry or dead-letter topic the cluster lacks (a running
 * cluster does not create them, as Spring Kafka's retry-topic support would at start-up), then
 * add-group with a handler. Bad input is answered with a sentence naming the field.
 */
import {
  deadLetterTopicName,
  retryTopicName,
  type CommitPolicy,
  type ErrorPolicy,
  type GroupSpec,
  type HandlerStep,
  type KafkaCommand,
  type KafkaState,
} from '../../../../simulator/index.ts';
import { wholeNumber } from '../../control-kit.tsx';

export type CommitChoice = CommitPolicy['type'];
export type RetryChoice = 'blocking' | 'retry-topics' | 'skip';

export const commitChoices: ReadonlyArray<{ value: CommitChoice; label: string }> = [
  { value: 'after-process', label: 'after each batch (at least once)' },
  { value: 'after-record', label: 'after each record' },
  { value: 'before-process', label: 'before processing (at most once)' },
  { value: 'auto', label: 'auto-commit every 1 s' },
  { value: 'transaction', label: 'in a transaction (read-process-write)' },
];

export const retryChoices: ReadonlyArray<{ value: RetryChoice; label: string }> = [
  { value: 'blocking', label: 'retry in place (the partition waits)' },
  { value: 'retry-topics', label: 'retry topics (the partition flows on)' },
  { value: 'skip', label: 'no retry' },
];

export interface AppFormInput {
  group: string;
  topic: string;
  commit: CommitChoice;
  /** Records with this key always fail; '' for none. */
  poisonKey: string;
  retry: RetryChoice;
  attempts: string;
  backoffMs: string;
  deadLetter: boolean;
  /** The handler's output topic, '' for none. */
  output: string;
}

/** The first `app-N` that no group or consumer uses. */
export function freeAppId(s: KafkaState): string {
  const taken = new Set([...s.k.groups.map((g) => g.id), ...s.k.consumers.map((c) => c.id)]);
  for (let n = 1; ; n++) {
    const id = `app-${n}`;
    if (!taken.has(id) && !taken.has(`${id}-c1`)) return id;
  }
}

function commitPolicy(c: CommitChoice): CommitPolicy {
  return c === 'auto' ? { type: 'auto', intervalMs: 1000 } : { type: c };
}

/** The retry topics' delays: the backoff, then ten times more for each further retry topic. */
function delays(first: number, retries: number): number[] {
  return Array.from({ length: retries }, (_, i) => first * 10 ** i);
}

/** The commands that add the application, or a sentence saying what is wrong. */
export function appCommands(s: KafkaState, f: AppFormInput): KafkaCommand[] | string {
  const group = f.group.trim();
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(group)) return 'Group id: use 1 to 64 letters, digits, ".", "_" or "-".';
  if (s.k.groups.some((g) => g.id === group)) return `Group id: a group "${group}" exists already.`;
  const source = s.k.topics.findLast((t) => t.name === f.topic);
  if (source === undefined) return 'Topic: pick a topic to read.';
  const attempts = wholeNumber(f.attempts, 'Attempts', 1, f.retry === 'retry-topics' ? 6 : 20);
  if (typeof attempts === 'string') return attempts;
  const backoff = wholeNumber(f.backoffMs, 'Backoff (ms)', 1, 60_000);
  if (typeof backoff === 'string') return backoff;
  if (f.retry === 'retry-topics' && attempts < 2) return 'Attempts: retry topics need at least 2 attempts (one retry).';
  const steps: HandlerStep[] = [];
  const poison = f.poisonKey.trim();
  if (poison !== '') steps.push({ type: 'fail', when: { type: 'key', key: poison }, error: `cannot handle key ${poison}` });
  steps.push({ type: 'store', op: 'increment' }, { type: 'side-effect', name: 'send-sms' });
  if (f.output !== '') steps.push({ type: 'produce', topic: f.output });
  const deadLetter = f.deadLetter;
  const onError: ErrorPolicy =
    f.retry === 'blocking'
      ? { type: 'blocking', maxAttempts: attempts, backoffMs: backoff, multiplier: 2, deadLetter }
      : f.retry === 'retry-topics'
        ? { type: 'retry-topics', delaysMs: delays(backoff, attempts - 1), deadLetter }
        : { type: 'skip', deadLetter };
  const spec: GroupSpec = {
    id: group,
    topics: [source.name],
    consumers: 1,
    commit: commitPolicy(f.commit),
    processingMs: 5,
    maxPollRecords: 10,
    autoOffsetReset: 'earliest',
    handler: { steps, onError },
  };
  const needed = [
    ...(onError.type === 'retry-topics' ? onError.delaysMs.map((d) => retryTopicName(source.name, d)) : []),
    ...(deadLetter ? [deadLetterTopicName(source.name)] : []),
  ];
  const commands: KafkaCommand[] = needed
    .filter((name) => !s.k.topics.some((t) => t.name === name))
    .map((name) => ({
      type: 'create-topic',
      topic: { name, partitions: source.partitions, replicationFactor: source.replicationFactor },
    }));
  commands.push({ type: 'add-group', group: spec });
  return commands;
}
