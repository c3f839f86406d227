/**
 * An operator's commands on a group's application: deploying a fix (the handler loses its `fail`
 * steps) and replaying the dead-letter topic — every record in `<topic>-dlt` produced back to
 * `topic` with the group's producer, its origin headers kept so its effect counts for the record
 * first consumed. Its retry count starts again.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { Header, type RecordHeaders } from './app-state.ts';
import { produceCopy } from './app-produce.ts';
import { emit } from './emit.ts';
import { offsetAtIndex } from './log.ts';
import { lookup, setName } from './names.ts';
import { readLog } from './partition.ts';
import { deadLetterTopicName } from './scenario/handler-schema.ts';
import type { KafkaEngineCommand } from './scenario/types.ts';
import type { GroupState, KafkaState } from './state.ts';
import { pidOf } from './topic-pids.ts';

type Cmd<T extends KafkaEngineCommand['type']> = Extract<KafkaEngineCommand, { type: T }>;

function appGroup(s: KafkaState, id: string): Result<GroupState> {
  const g = lookup(s.k.groupIndex, id);
  if (g === undefined) return fail(ErrorCode.UnknownGroup, `There is no group "${id}".`, 'group');
  const grp = s.k.groups[g]!;
  if (grp.app === null)
    return fail(ErrorCode.InvalidCommand, `Group ${id} has no handler; give it one in the scenario.`, 'group');
  return ok(grp);
}

/** The fix is deployed: no step of the handler fails any more. */
export function fixHandlerCommand(s: KafkaState, c: Cmd<'fix-handler'>): Result<{ stepsRemoved: number }> {
  const r = appGroup(s, c.group);
  if (!r.ok) return r;
  const app = r.value.app!;
  const before = app.steps.length;
  app.steps = app.steps.filter((x) => x.type !== 'fail');
  const stepsRemoved = before - app.steps.length;
  emit(s, () => ({ type: 'handler-fixed', atMs: s.nowMs, group: c.group, stepsRemoved }), 'handler-fixed');
  return ok({ stepsRemoved });
}

/** Produces every record the dead-letter topic of `topic` holds (below its HW) back to `topic`. */
export function replayDeadLettersCommand(s: KafkaState, c: Cmd<'replay-dead-letters'>): Result<{ count: number }> {
  const r = appGroup(s, c.group);
  if (!r.ok) return r;
  const app = r.value.app!;
  const ti = lookup(s.k.topicIndex, c.topic);
  if (ti === undefined) return fail(ErrorCode.UnknownTopic, `There is no topic "${c.topic}".`, 'topic');
  const dlt = lookup(s.k.topicIndex, deadLetterTopicName(c.topic));
  if (dlt === undefined)
    return fail(ErrorCode.InvalidCommand, `Topic ${c.topic} has no dead-letter topic ${deadLetterTopicName(c.topic)}.`, 'topic');
  const t = s.k.topics[dlt]!;
  let count = 0;
  for (let p = 0; p < t.partitions; p++) {
    const log = readLog(s.k.parts[pidOf(t, p)]!);
    for (let i = log.head; i < log.rns.length && offsetAtIndex(log, i) < log.hw; i++) {
      const rn = log.rns[i]!;
      const old = lookup(s.k.headers, String(rn));
      const h: RecordHeaders = {};
      for (const name of [Header.originalTopic, Header.originalPartition, Header.originalOffset]) {
        const v = old?.[name];
        if (v !== undefined) h[name] = v;
      }
      if (h[Header.originalTopic] !== undefined) {
        setName(app.attempts, `${h[Header.originalTopic]}-${h[Header.originalPartition]}@${h[Header.originalOffset]}`, 0);
      }
      produceCopy(s, app.prod, ti, rn, h);
      count++;
    }
  }
  emit(
    s,
    () => ({ type: 'dead-letters-replayed', atMs: s.nowMs, group: c.group, topic: c.topic, count }),
    'dead-letters-replayed',
  );
  return ok({ count });
}
