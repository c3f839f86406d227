/**
 * EventStoreDB's own append tests, ported to our store. Each group names the file it comes from;
 * the cases keep their original names so a reader can find them there. Where a case needs a
 * real server feature we do not model (tombstones, deadlines, TLS), it is left out.
 */
import { describe, expect, it } from 'vitest';
import { appendToStream, createEventStoreState, readStream } from './surface.ts';
import { setStreamMetadata, streamRevision } from './store.ts';
import type { EventData, EventStoreState, ExpectedRevision } from './types.ts';

let idCounter = 0;
/** A fresh test event, like the clients' CreateTestEvents / jsonTestEvents helpers. */
function newEvent(): EventData {
  idCounter++;
  return { eventId: `ev-${idCounter}`, type: 'TestEvent', data: { n: idCounter } };
}
function newEvents(n: number): EventData[] {
  return Array.from({ length: n }, newEvent);
}

/** Threads one store value through a sequence of appends, as a single client connection would. */
function session() {
  let store: EventStoreState = createEventStoreState();
  return {
    append(stream: string, expected: ExpectedRevision, events: EventData[]) {
      const r = appendToStream(store, stream, expected, events);
      store = r.store;
      return r.result;
    },
    count: (stream: string) => readStream(store, stream).length,
    get store() {
      return store;
    },
    setMetadata(stream: string) {
      store = setStreamMetadata(store, stream, { maxCount: 10 }, `meta-${++idCounter}`).store;
    },
  };
}

// EventStore/EventStore-Client-Dotnet: test/EventStore.Client.Streams.Tests/Append/append_to_stream.cs
describe('dotnet client append_to_stream', () => {
  it.each(['any', 'no_stream'] as const)('appending_zero_events (%s): answers no revision and creates no stream', (exp) => {
    const s = session();
    for (let i = 0; i < 2; i++) expect(s.append('zero', exp, [])).toEqual({ ok: true, nextExpectedRevision: -1 });
    expect(s.count('zero')).toBe(0);
    expect(streamRevision(s.store, 'zero')).toBe(-1);
  });

  it.each(['any', 'no_stream'] as const)('create_stream_expected_version_on_first_write_if_does_not_exist (%s)', (exp) => {
    const s = session();
    expect(s.append('first', exp, newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(s.count('first')).toBe(1);
  });

  it('multiple_idempotent_writes', () => {
    const s = session();
    const events = newEvents(4);
    expect(s.append('s', 'any', events)).toEqual({ ok: true, nextExpectedRevision: 3 });
    expect(s.append('s', 'any', events)).toEqual({ ok: true, nextExpectedRevision: 3 });
    expect(s.count('s')).toBe(4);
  });

  it('multiple_idempotent_writes_with_same_id_bug_case: six copies of one id are all written', () => {
    const s = session();
    const e = newEvent();
    expect(s.append('s', 'any', [e, e, e, e, e, e])).toEqual({ ok: true, nextExpectedRevision: 5 });
    expect(s.count('s')).toBe(6);
  });

  it('in_case_where_multiple_writes_of_multiple_events_with_the_same_ids_using_expected_version_any_then_next_expected_version_is_unreliable', () => {
    const s = session();
    const e = newEvent();
    const events = [e, e, e, e, e, e];
    expect(s.append('s', 'any', events)).toEqual({ ok: true, nextExpectedRevision: 5 });
    // The id was first written at revision 0, and the server's id cache keeps the first write.
    expect(s.append('s', 'any', events)).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(s.count('s')).toBe(6);
  });

  it('in_case_where_multiple_writes_of_multiple_events_with_the_same_ids_using_expected_version_nostream_then_next_expected_version_is_correct', () => {
    const s = session();
    const e = newEvent();
    const events = [e, e, e, e, e, e];
    expect(s.append('s', 'no_stream', events)).toEqual({ ok: true, nextExpectedRevision: 5 });
    expect(s.append('s', 'no_stream', events)).toEqual({ ok: true, nextExpectedRevision: 5 });
    expect(s.count('s')).toBe(6);
  });

  it('append_with_correct_expected_version_to_existing_stream', () => {
    const s = session();
    const first = s.append('s', 'no_stream', newEvents(1));
    expect(first).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(s.append('s', 0, newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 1 });
  });

  it('append_with_any_expected_version_to_existing_stream', () => {
    const s = session();
    expect(s.append('s', 'no_stream', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(s.append('s', 'any', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 1 });
  });

  it('appending_with_wrong_expected_version_to_existing_stream_throws_wrong_expected_version', () => {
    const s = session();
    s.append('s', 'no_stream', newEvents(1));
    expect(s.append('s', 999, newEvents(1))).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 999, actual: 0 });
  });

  it('appending_with_wrong_expected_version_to_existing_stream_returns_wrong_expected_version (stream absent)', () => {
    const s = session();
    expect(s.append('s', 1, newEvents(1))).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 1, actual: 'no_stream' });
  });

  it('append_with_stream_exists_expected_version_to_existing_stream', () => {
    const s = session();
    s.append('s', 'no_stream', newEvents(1));
    expect(s.append('s', 'stream_exists', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 1 });
  });

  it('append_with_stream_exists_expected_version_to_stream_with_multiple_events', () => {
    const s = session();
    for (let i = 0; i < 5; i++) s.append('s', 'any', newEvents(1));
    expect(s.append('s', 'stream_exists', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 5 });
  });

  it('append_with_stream_exists_expected_version_if_metadata_stream_exists', () => {
    const s = session();
    s.setMetadata('s');
    expect(s.count('s')).toBe(0);
    expect(s.append('s', 'stream_exists', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 0 });
  });

  it('appending_with_stream_exists_expected_version_and_stream_does_not_exist_throws_wrong_expected_version', () => {
    const s = session();
    expect(s.append('s', 'stream_exists', newEvents(1))).toEqual({
      ok: false,
      code: 'WrongExpectedVersion',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('can_append_multiple_events_at_once', () => {
    const s = session();
    expect(s.append('s', 'no_stream', newEvents(100))).toEqual({ ok: true, nextExpectedRevision: 99 });
  });

  it('returns_failure_status_when_conditionally_appending_with_version_mismatch', () => {
    const s = session();
    expect(s.append('s', 7, newEvents(1))).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 7, actual: 'no_stream' });
  });

  it('returns_success_status_when_conditionally_appending_with_matching_version / expected_version_no_stream', () => {
    expect(session().append('s', 'any', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(session().append('s', 'no_stream', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 0 });
  });
});

// EventStore/EventStore-Client-Dotnet: test/EventStore.Client.Streams.Tests/Append/appending_to_implicitly_created_stream.cs
// Names encode the history: "1e0" = event 1 written expecting revision 0; "em1" = expecting -1 (no_stream).
describe('dotnet client appending_to_implicitly_created_stream', () => {
  const six = () => {
    const s = session();
    const events = newEvents(6);
    s.append('s', 'no_stream', events);
    return { s, events };
  };

  it('sequence_0em1_1e0_2e1_3e2_4e3_5e4_0em1_idempotent', () => {
    const { s, events } = six();
    expect(s.append('s', 'no_stream', events.slice(0, 1)).ok).toBe(true);
    expect(s.count('s')).toBe(6);
  });

  it('sequence_0em1_1e0_2e1_3e2_4e3_4e4_0any_idempotent', () => {
    const { s, events } = six();
    expect(s.append('s', 'any', events.slice(0, 1))).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(s.count('s')).toBe(6);
  });

  it('sequence_0em1_1e0_2e1_3e2_4e3_5e4_0e5_non_idempotent', () => {
    const { s, events } = six();
    expect(s.append('s', 5, events.slice(0, 1))).toEqual({ ok: true, nextExpectedRevision: 6 });
    expect(s.count('s')).toBe(7);
  });

  it('sequence_0em1_1e0_2e1_3e2_4e3_5e4_0e6_throws_wev', () => {
    const { s, events } = six();
    expect(s.append('s', 6, events.slice(0, 1))).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 6, actual: 5 });
  });

  it('sequence_0em1_1e0_2e1_3e2_4e3_5e4_0e4_throws_wev', () => {
    const { s, events } = six();
    expect(s.append('s', 4, events.slice(0, 1))).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 4, actual: 5 });
  });

  it('sequence_0em1_0e0_non_idempotent', () => {
    const s = session();
    const events = newEvents(1);
    s.append('s', 'no_stream', events);
    expect(s.append('s', 0, events.slice(0, 1))).toEqual({ ok: true, nextExpectedRevision: 1 });
    expect(s.count('s')).toBe(2);
  });

  it.each(['any', 'no_stream'] as const)('sequence_0em1_0%s_idempotent', (exp) => {
    const s = session();
    const events = newEvents(1);
    s.append('s', 'no_stream', events);
    expect(s.append('s', exp, events.slice(0, 1))).toEqual({ ok: true, nextExpectedRevision: 0 });
    expect(s.count('s')).toBe(1);
  });

  it('sequence_0em1_1e0_2e1_1any_1any_idempotent', () => {
    const s = session();
    const events = newEvents(3);
    s.append('s', 'no_stream', events);
    expect(s.append('s', 'any', events.slice(1, 2))).toEqual({ ok: true, nextExpectedRevision: 1 });
    expect(s.append('s', 'any', events.slice(1, 2))).toEqual({ ok: true, nextExpectedRevision: 1 });
    expect(s.count('s')).toBe(3);
  });

  it.each([
    ['S_0em1_1em1_E_S_0em1_E_idempotent', 'no_stream' as const, 0],
    ['S_0em1_1em1_E_S_0any_E_idempotent', 'any' as const, 0],
    ['S_0em1_1em1_E_S_1e0_E_idempotent', 0, 1],
    ['S_0em1_1em1_E_S_1any_E_idempotent', 'any' as const, 1],
  ])('sequence_%s', (_name, exp, which) => {
    const s = session();
    const events = newEvents(2);
    s.append('s', 'no_stream', events);
    expect(s.append('s', exp, [events[which]!])).toEqual({ ok: true, nextExpectedRevision: which });
    expect(s.count('s')).toBe(2);
  });

  it('sequence_S_0em1_1em1_E_S_0em1_1em1_2em1_E_idempotancy_fail: a retry that extends the batch is rejected', () => {
    const s = session();
    const events = newEvents(3);
    s.append('s', 'no_stream', events.slice(0, 2));
    expect(s.append('s', 'no_stream', events)).toEqual({
      ok: false,
      code: 'WrongExpectedVersion',
      expected: 'no_stream',
      actual: 1,
    });
    expect(s.count('s')).toBe(2);
  });
});

// EventStore/EventStore-Client-NodeJS: packages/test/src/streams/appendToStream.test.ts ("expected revision")
// jsonTestEvents() makes two events by default.
describe('node client appendToStream expected revision', () => {
  it('any succeeds; no_stream succeeds', () => {
    expect(session().append('any_stream_doesnt_matter', 'any', newEvents(2))).toEqual({ ok: true, nextExpectedRevision: 1 });
    expect(session().append('no_stream_here', 'no_stream', newEvents(2))).toEqual({ ok: true, nextExpectedRevision: 1 });
  });

  it('no_stream fails when there is a stream', () => {
    const s = session();
    s.append('no_stream_here_but_there_is', 'any', newEvents(2));
    const r = s.append('no_stream_here_but_there_is', 'no_stream', newEvents(2));
    expect(r).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 'no_stream', actual: 1 });
  });

  it('stream_exists succeeds on a stream, fails with actual no_stream without one', () => {
    const s = session();
    s.append('stream_should_exist', 'any', newEvents(2));
    expect(s.append('stream_should_exist', 'stream_exists', newEvents(2))).toEqual({ ok: true, nextExpectedRevision: 3 });
    expect(s.append('stream_should_exist_but_doesnt', 'stream_exists', newEvents(2))).toEqual({
      ok: false,
      code: 'WrongExpectedVersion',
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('exact version: succeeds at nextExpectedRevision, fails on a missing stream or one revision ahead', () => {
    const s = session();
    const first = s.append('exact', 'any', newEvents(2));
    expect(first).toEqual({ ok: true, nextExpectedRevision: 1 });
    expect(s.append('exact', 1, newEvents(2))).toEqual({ ok: true, nextExpectedRevision: 3 });
    expect(s.append('exact', 4, newEvents(2))).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 4, actual: 3 });
    expect(s.append('missing', 1, newEvents(2))).toEqual({
      ok: false,
      code: 'WrongExpectedVersion',
      expected: 1,
      actual: 'no_stream',
    });
  });
});

// EventStore/EventStore: src/EventStore.Core.Tests/ClientAPI/append_to_stream.cs (the server's own suite;
// its ExpectedVersion.EmptyStream is -1, our no_stream)
describe('server ClientAPI append_to_stream', () => {
  it('should_allow_appending_zero_events_to_stream_with_no_problems', () => {
    const s = session();
    for (const stream of ['z1', 'z2']) {
      const order: ExpectedRevision[] =
        stream === 'z1' ? ['any', 'no_stream', 'any', 'no_stream'] : ['no_stream', 'any', 'no_stream', 'any'];
      for (const exp of order) expect(s.append(stream, exp, [])).toEqual({ ok: true, nextExpectedRevision: -1 });
      expect(s.count(stream)).toBe(0);
    }
  });

  it('in_wtf_multiple_case_of_multiple_writes_expected_version_any_per_all_same_id / in_slightly_reasonable_…', () => {
    const e = newEvent();
    const a = session();
    expect(a.append('s', 'any', [e, e, e, e, e, e])).toEqual({ ok: true, nextExpectedRevision: 5 });
    expect(a.append('s', 'any', [e, e, e, e, e, e])).toEqual({ ok: true, nextExpectedRevision: 0 });
    const b = session();
    expect(b.append('s', 'no_stream', [e, e, e, e, e, e])).toEqual({ ok: true, nextExpectedRevision: 5 });
    expect(b.append('s', 'no_stream', [e, e, e, e, e, e])).toEqual({ ok: true, nextExpectedRevision: 5 });
  });

  it('should_fail_appending_with_wrong_exp_ver_to_existing_stream (expected 1 on a new stream)', () => {
    expect(session().append('s', 1, newEvents(1)).ok).toBe(false);
  });
});

// EventStore/EventStore: src/EventStore.Core/Services/Storage/ReaderIndex/IndexWriter.cs (CheckCommit) —
// rules the client suites do not spell out, read from the server code.
describe('server CheckCommit rules', () => {
  it('zero events with a stale exact revision is WrongExpectedVersion; with the current one it is ok', () => {
    const s = session();
    s.append('s', 'no_stream', newEvents(3));
    expect(s.append('s', 0, [])).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 0, actual: 2 });
    expect(s.append('s', 'no_stream', [])).toEqual({ ok: false, code: 'WrongExpectedVersion', expected: 'no_stream', actual: 2 });
    expect(s.append('s', 2, [])).toEqual({ ok: true, nextExpectedRevision: 2 });
    expect(s.append('s', 'any', [])).toEqual({ ok: true, nextExpectedRevision: 2 });
    expect(s.append('s', 'stream_exists', [])).toEqual({ ok: true, nextExpectedRevision: 2 });
  });

  it('any with known ids followed by an unknown one is a partial retry: WrongExpectedVersion', () => {
    const s = session();
    const events = newEvents(2);
    s.append('s', 'any', events);
    expect(s.append('s', 'any', [events[0]!, newEvent()])).toEqual({
      ok: false,
      code: 'WrongExpectedVersion',
      expected: 'any',
      actual: 1,
    });
    expect(s.count('s')).toBe(2);
  });

  it('an id first written to another stream does not make an append idempotent', () => {
    const s = session();
    const e = newEvent();
    s.append('a', 'any', [e]);
    expect(s.append('b', 'any', [e])).toEqual({ ok: true, nextExpectedRevision: 0 });
    // …and a retry to b still writes again, because the first write of that id is in a.
    expect(s.append('b', 'any', [e])).toEqual({ ok: true, nextExpectedRevision: 1 });
  });

  it('an exact-revision retry is idempotent only at the same revisions, in order', () => {
    const s = session();
    const events = newEvents(3);
    s.append('s', 'no_stream', events);
    expect(s.append('s', 0, events.slice(1))).toEqual({ ok: true, nextExpectedRevision: 2 });
    expect(s.append('s', 0, [events[2]!, events[1]!])).toEqual({
      ok: false,
      code: 'WrongExpectedVersion',
      expected: 0,
      actual: 2,
    });
    expect(s.count('s')).toBe(3);
  });

  it('no_stream is ok on a stream that has only metadata (metadata is not the stream)', () => {
    const s = session();
    s.setMetadata('s');
    expect(s.append('s', 'no_stream', newEvents(1))).toEqual({ ok: true, nextExpectedRevision: 0 });
  });
});
