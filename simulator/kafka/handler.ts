/**
 * The application's code, run on each record inside the consumer's process task and before any
 * after-process commit: the steps of the group's declarative handler (app-state.ts), or the
 * world's own handler (`RecordHost`, e.g. a saga service) when the embedding world supplies one.
 *
 * A step that fails throws, in effect: the steps before it have already happened (a store write, an
 * SMS sent) and happen again when the record is retried, as with real code. What happens next is
 * the error policy (handler-errors.ts). Whether a crash repeats or loses an effect is not decided
 * here at all: it follows from when the commit policy moves the offsets.
 */
import { Header, type AppState, type HandleOutcome, type RecordHeaders } from './app-state.ts';
import { emit, keyOf, partName, recordRef, valueOf } from './emit.ts';
import { onHandlerError } from './handler-errors.ts';
import { lookup, setName } from './names.ts';
import { pausePartition } from './consumer-pause.ts';
import { appProducer, produceCopy } from './app-produce.ts';
import type { FailWhen } from './scenario/types.ts';
import { dedupHas, dedupRecord, type DedupStore } from '../patterns/dedup-store.ts';
import type { GroupState, KafkaState } from './state.ts';

/**
 * A handler the embedding world supplies (plain functions cannot live in the state). It runs for
 * every record the consumer processes; it may crash the consumer, which stops the processing
 * before the record counts as processed and before anything is committed.
 */
export interface RecordHost {
  onRecord(s: KafkaState, c: number, pid: number, offset: number, rn: number): void;
}

/** `topic-partition@offset` of the record first consumed, read from headers for retried copies. */
export function originOf(s: KafkaState, pid: number, offset: number, hdr: RecordHeaders | undefined): string {
  if (hdr !== undefined && hdr[Header.originalTopic] !== undefined)
    return `${hdr[Header.originalTopic]}-${hdr[Header.originalPartition]}@${hdr[Header.originalOffset]}`;
  return `${partName(s, pid)}@${offset}`;
}

/** Runs the application's code for one record. */
export function handleRecord(
  s: KafkaState,
  c: number,
  pid: number,
  offset: number,
  rn: number,
  host?: RecordHost,
): HandleOutcome {
  const con = s.k.consumers[c]!;
  const inc = con.inc;
  if (host !== undefined) {
    host.onRecord(s, c, pid, offset, rn);
    if (!con.alive || con.inc !== inc) return 'stopped';
  }
  const g = s.k.groups[con.group]!;
  const app = g.app;
  if (app === null || rn < 0) return 'done';
  const ti = s.k.parts[pid]!.topic;
  const hdr = lookup(s.k.headers, String(rn));
  if (app.retryIndex[ti]! >= 0 && hdr !== undefined) {
    const due = Number(hdr[Header.dueAtMs] ?? 0);
    // Not due yet: pause this retry topic's partition until it is (Spring's back-off-aware listener).
    if (due > s.nowMs) {
      pausePartition(s, c, pid, offset, due, 'retry-not-due');
      return 'paused';
    }
  }
  const origin = originOf(s, pid, offset, hdr);
  const attempt = (lookup(app.attempts, origin) ?? 0) + 1;
  setName(app.attempts, origin, attempt);
  const error = runSteps(s, c, g, app, pid, offset, rn, origin, attempt, hdr);
  if (error === SKIPPED) {
    app.deduped++;
    setName(app.skipped, origin, (lookup(app.skipped, origin) ?? 0) + 1);
    return 'done';
  }
  if (error === null) {
    const store = dedupStoreOf(app);
    if (store !== null) dedupRecord(store, eventIdOf(s, rn, origin), s.nowMs);
    markDone(s, app, rn, origin);
    return 'done';
  }
  return onHandlerError(s, c, pid, offset, rn, { origin, attempt, error, hdr });
}

function failMatches(s: KafkaState, g: GroupState, when: FailWhen, rn: number, origin: string, attempt: number): boolean {
  switch (when.type) {
    case 'always':
      return true;
    case 'key':
      return keyOf(s, rn) === when.key;
    case 'record': {
      const topic = when.topic ?? s.k.topics[g.topics[0]!]!.name;
      return origin === `${topic}-${when.partition}@${when.offset}`;
    }
    case 'first-attempts':
      return attempt <= when.attempts;
  }
}

const SKIPPED = Symbol('skipped');

/** The handler's dedup table, as a dedup store over the application's index (null without a dedup step). */
function dedupStoreOf(app: AppState): DedupStore | null {
  const step = app.steps.find((x) => x.type === 'dedup');
  return step === undefined ? null : { retentionMs: step.retentionMs, expiresAtMs: app.dedup };
}

/** The event's id: the value's `eventId` field when it has one, else the record's origin. */
function eventIdOf(s: KafkaState, rn: number, origin: string): string {
  const v = valueOf(s, rn);
  const id = v !== null && typeof v === 'object' ? (v as Record<string, unknown>).eventId : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : origin;
}

/** A value's field, or the value itself when the field is absent or the value is not an object. */
function fieldOf(v: unknown, field: string | undefined): unknown {
  if (field === undefined || v === null || typeof v !== 'object') return v;
  const x = (v as Record<string, unknown>)[field];
  return x === undefined ? v : x;
}

/**
 * The steps in order; the error of the first `fail` that matches, SKIPPED when a dedup step found
 * the event already applied, or null when all ran.
 */
function runSteps(
  s: KafkaState,
  c: number,
  g: GroupState,
  app: AppState,
  pid: number,
  offset: number,
  rn: number,
  origin: string,
  attempt: number,
  hdr: RecordHeaders | undefined,
): string | null | typeof SKIPPED {
  for (const step of app.steps) {
    switch (step.type) {
      case 'store': {
        const key = step.key ?? keyOf(s, rn) ?? '(no key)';
        if (step.op === 'set') setName(app.store, key, fieldOf(valueOf(s, rn), step.field));
        else {
          const old = lookup(app.store, key);
          setName(app.store, key, (typeof old === 'number' ? old : 0) + (step.by ?? 1));
        }
        break;
      }
      case 'produce': {
        const ti = lookup(s.k.topicIndex, step.topic);
        if (ti !== undefined) produceCopy(s, appProducer(s, c, app.prod), ti, rn, hdr);
        break;
      }
      case 'side-effect': {
        setName(app.calls, step.name, (lookup(app.calls, step.name) ?? 0) + 1);
        const con = s.k.consumers[c]!;
        emit(
          s,
          () => ({
            ...recordRef(s, pid, rn),
            type: 'side-effect-called',
            atMs: s.nowMs,
            consumer: con.id,
            group: g.id,
            offset,
            name: step.name,
            origin,
          }),
          'side-effect-called',
        );
        break;
      }
      case 'dedup':
        if (dedupHas(dedupStoreOf(app)!, eventIdOf(s, rn, origin), s.nowMs)) return SKIPPED;
        break;
      case 'fail':
        if (failMatches(s, g, step.when, rn, origin, attempt)) return step.error ?? 'the handler threw';
        break;
    }
  }
  return null;
}

/** The record's effect happened: count it, and notice when it overtook a later record of its key. */
function markDone(s: KafkaState, app: AppState, rn: number, origin: string): void {
  setName(app.effects, origin, (lookup(app.effects, origin) ?? 0) + 1);
  const key = keyOf(s, rn);
  if (key === null) return;
  const at = origin.lastIndexOf('@');
  const part = origin.slice(0, at);
  const offset = Number(origin.slice(at + 1));
  const prev = lookup(app.lastDone, key);
  if (prev !== undefined && prev[0] === part && prev[1] > offset) app.overtaken.push(origin);
  else setName(app.lastDone, key, [part, offset]);
}
