/**
 * One short human sentence per trace entry: the UI's narration and the screen reader's live region.
 *
 * Pure and total over the entry union (the switch is exhaustive, so a new entry type without a
 * sentence does not compile). Sentences name nodes as the learner sees them and say what the
 * entry means, not just what it is ("…; group billing is rebalancing").
 */
import { describeSchemaKafkaEntry } from './schema-describe.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

function tp(e: { topic: string; partition: number }): string {
  return `${e.topic}-${e.partition}`;
}

function list(xs: readonly string[]): string {
  return xs.length === 0 ? 'nothing' : xs.join(', ');
}

/** A one-sentence description of a trace entry. */
export function describeEntry(e: KafkaTraceEntry): string {
  switch (e.type) {
    case 'record-produced':
      return `Producer ${e.producer} created ${e.recordId}${e.key === null ? ' (no key)' : ` with key ${e.key}`} for ${tp(e)}.`;
    case 'record-appended':
      return `Leader ${e.broker} appended ${e.recordId} to ${tp(e)} at offset ${e.offset}.`;
    case 'produce-deduplicated':
      return `${e.broker} recognised a retried batch of ${e.count} from idempotent producer ${e.producer} on ${tp(e)} and did not write it twice.`;
    case 'records-replicated':
      return `Follower ${e.broker} copied offsets ${e.fromOffset}–${e.toOffset - 1} of ${tp(e)} from leader ${e.leader}.`;
    case 'hw-advanced':
      return `High watermark of ${tp(e)} is now ${e.highWatermark}: consumers can read offsets below it.`;
    case 'produce-acked':
      return `Producer ${e.producer} got acks=${e.acks} for ${e.count} record(s) on ${tp(e)} from offset ${e.baseOffset}.`;
    case 'produce-failed':
      return `Producer ${e.producer}'s batch of ${e.count} to ${tp(e)} failed with ${e.error}${e.willRetry ? `; retrying (attempt ${e.attempt})` : '; giving up'}.`;
    case 'records-fetched':
      return `Consumer ${e.consumer} (${e.group}) fetched offsets ${e.fromOffset}–${e.toOffset - 1} of ${tp(e)}.`;
    case 'record-processed':
      return `Consumer ${e.consumer} (${e.group}) processed ${tp(e)} offset ${e.offset}${e.duplicate ? ' again — a duplicate' : e.replay ? ' again — a replay' : ''}.`;
    case 'offset-committed':
      return `Group ${e.group} committed offset ${e.offset} on ${tp(e)} (from ${e.consumer}).`;
    case 'commit-failed':
      return e.reason.startsWith('CommitFailedException')
        ? `Consumer ${e.consumer}'s commit to group ${e.group} failed (${e.reason}): it is no longer a member, so whoever owns its partitions now will process those records again.`
        : e.reason === 'FENCED_INSTANCE_ID'
          ? `Consumer ${e.consumer}'s commit to group ${e.group} was refused (FENCED_INSTANCE_ID): another consumer holds its group.instance.id now.`
          : `Consumer ${e.consumer}'s commit to group ${e.group} failed (${e.reason}).`;
    case 'member-joined':
      return `Consumer ${e.consumer} joined group ${e.group}.`;
    case 'rebalance-started':
      return `Group ${e.group} is rebalancing: ${e.reason}.`;
    case 'partitions-revoked':
      return `Consumer ${e.consumer} (${e.group}) gave up ${list(e.partitions)}.`;
    case 'partitions-assigned':
      return e.partitions.length === 0
        ? `Consumer ${e.consumer} (${e.group}) got no partitions in generation ${e.generation}: it is idle.`
        : `Consumer ${e.consumer} (${e.group}) owns ${list(e.partitions)} in generation ${e.generation}.`;
    case 'rebalance-completed':
      return `Group ${e.group} finished rebalancing (generation ${e.generation})${e.followUp ? '; some partitions wait for a second round' : ''}.`;
    case 'static-member-rejoined':
      return e.rebalancing
        ? `Static member ${e.consumer} came back to group ${e.group} during the rebalance under way and rejoins it under its group.instance.id; the assignor decides its partitions in that round.`
        : `Static member ${e.consumer} came back to group ${e.group} and kept its partitions without a rebalance.`;
    case 'static-member-replaced':
      return e.rebalancing
        ? `Consumer ${e.consumer} joined group ${e.group} with group.instance.id ${e.instanceId}, which ${e.replaced} held: it takes ${e.replaced}'s place in the rebalance under way, and ${e.replaced} is fenced.`
        : `Consumer ${e.consumer} joined group ${e.group} with group.instance.id ${e.instanceId}, which ${e.replaced} held: it takes over ${e.replaced}'s partitions without a rebalance, and ${e.replaced} is fenced.`;
    case 'consumer-fenced':
      return `Consumer ${e.consumer}'s ${e.request} was answered FENCED_INSTANCE_ID: ${e.holder} holds group.instance.id ${e.instanceId} in group ${e.group} now, so ${e.consumer} stops with FencedInstanceIdException at its next poll.`;
    case 'broker-crashed':
      return `Broker ${e.broker} crashed.`;
    case 'broker-restarted':
      return `Broker ${e.broker} restarted and is catching up.`;
    case 'leader-elected':
      return `${e.broker} is now the leader of ${tp(e)} (epoch ${e.epoch})${e.unclean ? ' — an unclean election: records may be lost' : ''}.`;
    case 'partition-offline':
      return `${tp(e)} has no leader: no in-sync replica is alive.`;
    case 'isr-shrunk':
      return `${e.broker} fell out of the ISR of ${tp(e)}; ISR is now ${list(e.isr)}.`;
    case 'isr-expanded':
      return `${e.broker} caught up and rejoined the ISR of ${tp(e)}; ISR is now ${list(e.isr)}.`;
    case 'log-truncated':
      return `${e.broker} cut ${e.removed} record(s) off its copy of ${tp(e)} (log now ends at ${e.toOffset}).`;
    case 'record-lost':
      return `${e.recordId} (offset ${e.offset} of ${tp(e)}) was acknowledged to ${e.producer} but is gone: it is lost.`;
    case 'consumer-started':
      return `Consumer ${e.consumer} started and is joining group ${e.group}.`;
    case 'consumer-crashed':
      return `Consumer ${e.consumer} crashed; group ${e.group} will notice after the session timeout (${e.sessionTimeoutMs} ms).`;
    case 'consumer-restarted':
      return `Consumer ${e.consumer} restarted and rejoins group ${e.group}.`;
    case 'consumer-left':
      return `Consumer ${e.consumer} left group ${e.group}.`;
    case 'consumer-left-session-timeout':
      return `Consumer ${e.consumer} missed its heartbeats; group ${e.group} removed it and is rebalancing.`;
    case 'consumer-left-rebalance-timeout':
      return `Consumer ${e.consumer} did not rejoin group ${e.group} within the rebalance timeout (max.poll.interval.ms, ${e.rebalanceTimeoutMs} ms): the coordinator removed it and finished the join phase without it.`;
    case 'consumer-unknown-member':
      return e.rejoins
        ? `Consumer ${e.consumer}'s heartbeat was answered UNKNOWN_MEMBER_ID: group ${e.group} no longer has member ${e.memberId}, so the consumer gives up its partitions as lost and joins again as a new member.`
        : `Consumer ${e.consumer}'s heartbeat was answered UNKNOWN_MEMBER_ID: group ${e.group} no longer has member ${e.memberId}; stopped by its error, the consumer drops its partitions and does not rejoin.`;
    case 'consumer-left-poll-timeout':
      return e.afterError === null
        ? `Consumer ${e.consumer} took too long between polls; it left group ${e.group}.`
        : `Consumer ${e.consumer} has not polled since its error for max.poll.interval.ms (${e.maxPollIntervalMs} ms), so its heartbeat thread left group ${e.group}; its partitions go to the other members.`;
    case 'consumer-slowed':
      return `Consumer ${e.consumer} now takes ${e.processingMs} ms per record.`;
    case 'consumer-join-failed':
      return `Consumer ${e.consumer}'s JoinGroup to group ${e.group} was refused with INVALID_SESSION_TIMEOUT, so its poll() throws and it stops: ${e.error}.`;
    case 'consumer-error':
      return `Consumer ${e.consumer} stopped with an error on ${tp(e)}: ${e.error}. It no longer polls, but its heartbeats keep it in group ${e.group}, holding its partitions, until max.poll.interval.ms passes.`;
    case 'offset-reset':
      return `Consumer ${e.consumer} starts ${tp(e)} at offset ${e.offset} (${e.reason}).`;
    case 'offsets-reset':
      return `Group ${e.group}'s offsets on ${e.topic} were reset to ${e.to}: ${e.offsets.join(', ')}.`;
    case 'records-skipped':
      return `Group ${e.group} skips offsets ${e.fromOffset}–${e.toOffset - 1} of ${tp(e)}: they were committed but never processed.`;
    case 'retention-deleted':
      return `Retention deleted ${e.count} record(s) of ${tp(e)} on ${e.broker}; the log now starts at ${e.logStartOffset}.`;
    case 'compacted':
      return `Compaction removed ${e.removed} superseded record(s) of ${tp(e)} on ${e.broker}${e.tombstonesRemoved > 0 ? `, ${e.tombstonesRemoved} of them tombstones` : ''}.`;
    case 'link-changed':
      return e.state === 'cut'
        ? `The link ${e.from} ↔ ${e.to} is cut.`
        : e.state === 'healed'
          ? `The link ${e.from} ↔ ${e.to} is healed.`
          : `The link ${e.from} ↔ ${e.to} now takes ${e.latencyMs} ms.`;
    case 'command-rejected':
      return `Command ${e.command} was rejected: ${e.error}`;
    case 'side-effect-called':
      return `Consumer ${e.consumer} (${e.group}) called ${e.name} for ${e.origin}.`;
    case 'record-handler-failed':
      return `Group ${e.group}'s handler failed on ${tp(e)} offset ${e.offset} (attempt ${e.attempt}: ${e.error}); ${
        e.action === 'retry-in-place'
          ? `the partition pauses and retries it at ${e.retryAtMs} ms`
          : e.action === 'retry-topic'
            ? `it goes to ${e.toTopic}, due at ${e.retryAtMs} ms, and the partition moves on`
            : e.action === 'dead-letter'
              ? `it goes to the dead-letter topic ${e.toTopic}`
              : 'it is given up and its effect never happens'
      }.`;
    case 'partition-paused':
      return `Consumer ${e.consumer} paused ${tp(e)} at offset ${e.offset} until ${e.untilMs} ms (${e.reason === 'retry-backoff' ? 'backoff before a retry' : 'a retry record not yet due'}); its lag grows meanwhile.`;
    case 'transactions-initialized':
      return `Producer ${e.producer} called initTransactions for ${e.transactionalId}: epoch ${e.epoch}${e.abortedOpen ? '; the transaction the previous instance left open is aborted' : ''}.`;
    case 'transaction-ended':
      return `The coordinator ${e.result === 'committed' ? 'committed' : 'aborted'} ${e.transactionalId}'s transaction (${e.reason}): a ${e.result === 'committed' ? 'COMMIT' : 'ABORT'} marker goes to ${list(e.partitions)}${e.offsets.length > 0 && e.result === 'committed' ? `, and offsets ${e.offsets.join(', ')} are committed` : ''}.`;
    case 'producer-fenced':
      return `Producer ${e.producer} is a zombie: it has epoch ${e.epoch} of ${e.transactionalId}, now at epoch ${e.currentEpoch}, so it is fenced (ProducerFencedException).`;
    case 'handler-fixed':
      return `Group ${e.group}'s handler was fixed: ${e.stepsRemoved} failing step(s) removed.`;
    case 'dead-letters-replayed':
      return `${e.count} record(s) of the dead-letter topic were produced back to ${e.topic} for group ${e.group}.`;
    case 'schema-registered':
    case 'schema-already-registered':
    case 'schema-refused':
    case 'compatibility-set':
    case 'compatibility-cleared':
    case 'schema-version-deleted':
    case 'producer-schema-failed':
    case 'producer-schema-set':
    case 'reader-schema-set':
    case 'record-unreadable':
    case 'record-dead-lettered':
    case 'unreadable-skipped':
      return describeSchemaKafkaEntry(e);
    case 'cluster-changed':
      return e.text;
  }
}
