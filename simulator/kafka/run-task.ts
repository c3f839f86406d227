/**
 * The task dispatcher: runs one scheduled task of the Kafka model.
 *
 * Kept apart from kafka-sim.ts so that callers driving the core scheduler (`runNext`, `runUntil`)
 * and the command loop share exactly one path. It also keeps the foreground-task count right,
 * whoever pops the task.
 */
import type { Scheduled } from '../core/heap.ts';
import { onCleaner } from './cleaner.ts';
import { onProduceArrive } from './broker-produce.ts';
import { applyGuarded, dispatchWorldCommand } from './command-dispatch.ts';
import { onConsumerStart, onHeartbeatTimer, onJoinTimeout } from './consumer.ts';
import { onAssignment, onAutoCommit, onFetchResponse, onProcess, onRebalanceNotice, onResume } from './consumer-events.ts';
import type { RecordHost } from './handler.ts';
import { onFetchRetry } from './consumer-fetch.ts';
import { onFenced, onJoinError, onPollTimeout, onUnknownMember } from './consumer-leave.ts';
import { emit } from './emit.ts';
import { onCommit, onHeartbeat, onJoin, onJoinDeadline, onLeave, onRebalanceTimeout, onSessionCheck } from './group.ts';
import { onProduceResponse } from './producer-ack.ts';
import { onProduceRetry, onProduceTimeout, onProducerTick } from './producer-send.ts';
import { onFetch } from './purgatory.ts';
import { onFollowerFetch, onFollowerResponse, onFollowerRetry, onIsrCheck } from './replication.ts';
import type { KafkaState } from './state.ts';
import type { KafkaTask } from './tasks.ts';
import { onTxnTimeout } from './txn-coordinator.ts';
import { onTxnEndTask } from './txn-events.ts';

/**
 * Runs one task. Scheduled commands that fail are recorded as `command-rejected` entries. `host` is
 * the embedding world's record handler (handler.ts), run for every record a consumer processes.
 */
export function runTask(s: KafkaState, t: KafkaTask & Scheduled, host?: RecordHost): void {
  if (t.fg) s.k.fg--;
  switch (t.type) {
    case 'command':
      if (t.command.type === 'step' || t.command.type === 'advance' || t.command.type === 'run-until-idle') {
        // Moving time from inside a task would re-enter the scheduler; a schedule cannot ask for it.
        const command = t.command.type;
        emit(
          s,
          () => ({
            type: 'command-rejected',
            atMs: s.nowMs,
            command,
            error: `${command} cannot be scheduled; it is for the caller driving the run.`,
            causationId: t.cmdId,
          }),
          'command-rejected',
        );
        return;
      }
      return void applyGuarded(s, t.command, dispatchWorldCommand);
    case 'producer-tick':
      return onProducerTick(s, t.prod);
    case 'produce-arrive':
      return onProduceArrive(s, t.prod, t.pid, t.reqId, t.broker, t.rns, t.acks, t.txe);
    case 'txn-end':
      return onTxnEndTask(s, t.prod, t.txSeq);
    case 'txn-timeout':
      return onTxnTimeout(s, t.txn, t.txSeq);
    case 'produce-response':
      return onProduceResponse(s, t.prod, t.pid, t.reqId, t.error, t.baseOffset);
    case 'produce-timeout':
      return onProduceTimeout(s, t.prod, t.pid, t.reqId);
    case 'produce-retry':
      return onProduceRetry(s, t.prod, t.pid, t.reqId);
    case 'follower-fetch':
      return onFollowerFetch(s, t.pid, t.ri, t.loop, t.offset, t.leader);
    case 'follower-response':
      return onFollowerResponse(s, t.pid, t.ri, t.loop, t.from, t.count, t.hw, t.epoch);
    case 'follower-retry':
      return onFollowerRetry(s, t.pid, t.ri, t.loop);
    case 'isr-check':
      return onIsrCheck(s, t.pid, t.once === 1);
    case 'fetch':
      return onFetch(s, t.c, t.inc, t.pid, t.offset, t.broker);
    case 'fetch-response':
      return onFetchResponse(s, t.c, t.inc, t.pid, t.from, t.to, t.error, t.epoch, t.recs);
    case 'fetch-retry':
      return onFetchRetry(s, t.c, t.inc, t.pid);
    case 'consumer-start':
      return onConsumerStart(s, t.c, t.inc);
    case 'process':
      return onProcess(s, t.c, t.inc, host);
    case 'resume':
      return onResume(s, t.c, t.inc, t.pid);
    case 'auto-commit':
      return onAutoCommit(s, t.c, t.inc);
    case 'hb-timer':
      return onHeartbeatTimer(s, t.c, t.inc);
    case 'hb':
      return onHeartbeat(s, t.g, t.c, t.memberId);
    case 'session-check':
      return onSessionCheck(s, t.g, t.memberId, t.check);
    case 'poll-timeout':
      return onPollTimeout(s, t.c, t.inc, t.pollMs);
    case 'join':
      return onJoin(s, t.g, t.c, t.memberId, t.owned, t.ownedGeneration, t.fresh);
    case 'join-error':
      return onJoinError(s, t.c, t.inc, t.error);
    case 'join-timeout':
      return onJoinTimeout(s, t.c, t.inc, t.seq);
    case 'join-deadline':
      return onJoinDeadline(s, t.g, t.token);
    case 'rebalance-timeout':
      return onRebalanceTimeout(s, t.g, t.round);
    case 'leave':
      return onLeave(s, t.g, t.memberId, t.reason);
    case 'assignment':
      return onAssignment(s, t.c, t.inc, t.generation, t.pids);
    case 'rebalance-notice':
      return onRebalanceNotice(s, t.c, t.inc, t.generation);
    case 'fenced':
      return onFenced(s, t.c, t.memberId, t.request);
    case 'unknown-member':
      return onUnknownMember(s, t.c, t.memberId, t.join === 1);
    case 'commit':
      return onCommit(s, t.g, t.c, t.memberId, t.generation, t.pids, t.offsets);
    case 'cleaner':
      return onCleaner(s, t.topic, t.compaction === 1);
  }
}
