/**
 * The application pausing one of its partitions (KafkaConsumer.pause + seek): the position goes
 * back to the record to try again, whatever was fetched beyond it is dropped, and no fetch is sent
 * for the partition until a `resume` task at `untilMs`. The other partitions keep flowing. Used by
 * blocking retries (the backoff) and retry topics (a record not yet due), as Spring Kafka pauses
 * a partition for a back-off instead of sleeping the consumer thread.
 */
import { emit, partRef } from './emit.ts';
import { scheduleTask } from './network.ts';
import type { ConsumerState, KafkaState } from './state.ts';

/** Whether the application has paused partition `pid` (global id). */
export function isPaused(con: ConsumerState, pid: number): boolean {
  const p = con.paused;
  for (let i = 0; i < p.length; i += 2) if (p[i] === pid) return true;
  return false;
}

/** Seeks partition `pid` back to `offset` and pauses it until `untilMs`. */
export function pausePartition(s: KafkaState, c: number, pid: number, offset: number, untilMs: number, reason: string): void {
  const con = s.k.consumers[c]!;
  const a = con.assigned.indexOf(pid);
  if (a < 0) return;
  con.pos[a] = offset;
  con.posEpoch[a] = -1;
  // A seek makes the fetch in flight (often parked at the leader, waiting past the batch) stale:
  // its answer is dropped (it starts at another offset) and a new fetch goes out after the pause.
  con.fetching[a] = 0;
  // What was fetched past the record is thrown away and fetched again after the pause.
  const buf: number[] = [];
  const recs: Array<number[] | null> = [];
  for (let i = 0; i < con.buf.length; i += 3) {
    if (con.buf[i] === pid) continue;
    buf.push(con.buf[i]!, con.buf[i + 1]!, con.buf[i + 2]!);
    recs.push(con.bufRecs[i / 3] ?? null);
  }
  con.buf = buf;
  con.bufRecs = recs;
  if (!isPaused(con, pid)) con.paused.push(pid, untilMs);
  const g = s.k.groups[con.group]!;
  emit(
    s,
    () => ({
      type: 'partition-paused',
      atMs: s.nowMs,
      consumer: con.id,
      group: g.id,
      ...partRef(s, pid),
      offset,
      untilMs,
      reason,
    }),
    'partition-paused',
  );
  scheduleTask(s, untilMs, { type: 'resume', c, inc: con.inc, pid }, true);
}

/** The pause of `pid` is over: forget it (the caller fetches and polls). */
export function unpause(con: ConsumerState, pid: number): boolean {
  const p = con.paused;
  for (let i = 0; i < p.length; i += 2) {
    if (p[i] === pid) {
      p.splice(i, 2);
      return true;
    }
  }
  return false;
}
