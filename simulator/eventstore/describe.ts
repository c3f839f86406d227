/**
 * One plain sentence per event-store trace entry, for the trace log, the narration and the
 * sequence diagram. Nothing is computed here: every number comes from the entry.
 */
import type { EsTraceEntry } from './trace-entries.ts';

const n = (x: number): string => Math.trunc(x).toLocaleString('en-US');
const events = (x: number): string => `${n(x)} event${x === 1 ? '' : 's'}`;

function revisionWords(r: number | string): string {
  if (r === 'no_stream') return 'no stream yet';
  if (r === 'any') return 'any revision';
  if (r === 'stream_exists') return 'an existing stream';
  return `revision ${typeof r === 'number' ? n(r) : r}`;
}

/** A human sentence for one event-store trace entry. */
export function describeEsEntry(e: EsTraceEntry): string {
  switch (e.type) {
    case 'event-appended':
      return `${e.eventType} was appended to ${e.stream} at revision ${n(e.revision)} (position ${n(e.position)} in $all).`;
    case 'append-rejected':
      return `An append to ${e.stream} was rejected (WrongExpectedVersion): it expected ${revisionWords(e.expected)}, the stream is at ${revisionWords(e.actual)}.`;
    case 'append-idempotent':
      return `An append to ${e.stream} repeated events already stored, so nothing new was written.`;
    case 'snapshot-saved':
      return `A snapshot of ${e.stream} was saved at revision ${n(e.revision)}.`;
    case 'aggregate-loaded':
      if (e.revision < 0) return `${e.stream} was loaded: it has no events yet, so the aggregate starts empty.`;
      return e.snapshotRevision >= 0
        ? `${e.stream} was loaded from the snapshot at revision ${n(e.snapshotRevision)}, replaying ${events(e.eventsReplayed)} up to revision ${n(e.revision)}.`
        : `${e.stream} was loaded by replaying ${events(e.eventsReplayed)} from the start, up to revision ${n(e.revision)}.`;
    case 'subscription-delivered':
      return `Subscription ${e.subscriberId} received the ${e.stream} event at position ${n(e.position)}.`;
    case 'subscription-caught-up':
      return `${e.subscriberId} has caught up at checkpoint ${n(e.checkpoint)}; new events now reach it live.`;
    case 'projection-updated':
      return e.lagEvents > 0
        ? `Projection ${e.projectionId} applied the ${e.stream} event at position ${n(e.position)}; ${events(e.lagEvents)} still to read.`
        : `Projection ${e.projectionId} applied the ${e.stream} event at position ${n(e.position)} and is up to date.`;
    case 'projection-reset':
      return `Projection ${e.projectionId} was reset to position 0 with projector ${e.projector}; it replays the log from the start.`;
    case 'projection-rebuilt':
      return `Projection ${e.projectionId} is rebuilt: it replayed ${events(e.eventsReplayed)} in ${n(e.durationMs)} ms of virtual time.`;
  }
}
