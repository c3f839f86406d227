/**
 * Changing the clients of a live cluster: a producer's settings, a consumer group's assignor and
 * commit policy. In Kafka these are client configs, fixed when a KafkaProducer or KafkaConsumer is
 * created: the application is redeployed with new settings. Here the change is one command, and it
 * behaves as that redeploy does, not as a restart of the world:
 *
 * - A producer's new acks, keys and sticky batch size apply to records sent from now on. A request
 *   already on the wire keeps the acks it was sent with; records already written stay where they are.
 * - A group's new assignor takes effect at a rebalance, which the change starts (the consumers
 *   rejoin with the new partition.assignment.strategy). A group in the middle of a rebalance refuses
 *   the change, as a rolling restart would wait for the group to settle.
 * - A group's new commit policy applies from each consumer's next poll; offsets already committed
 *   stay. The transactional policy needs a transactional producer per consumer, made when the
 *   consumer starts, so it cannot be switched on or off on a live group.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { CommitPolicy, GroupChange, KeyDistribution, ProducerChange } from './scenario/types.ts';
import { emit } from './emit.ts';
import { startRebalance } from './group.ts';
import { lookup } from './names.ts';
import type { EntryOf } from './trace-types.ts';
import type { KafkaState } from './state.ts';

const invalid = <T>(message: string, path?: string): Result<T> => fail<T>(ErrorCode.InvalidCommand, message, path);

function changed(s: KafkaState, fields: Omit<EntryOf<'cluster-changed'>, 'id' | 'type' | 'atMs'>): void {
  emit(s, () => ({ type: 'cluster-changed', atMs: s.nowMs, ...fields }), 'cluster-changed');
}

/** "key uniform over 5 keys", for the trace. */
export function keysWords(d: KeyDistribution): string {
  switch (d.type) {
    case 'none':
      return 'no key (sticky partitioner)';
    case 'fixed':
      return `always key ${d.key}`;
    case 'uniform':
      return `keys spread over ${d.keys}`;
    case 'weighted':
      return `${d.keys.length} weighted keys`;
    case 'hot':
      return `hot key ${d.hotKey} on ${d.hotPerMille / 10}% of records, the rest over ${d.keys}`;
  }
}

/** "commit after each batch", for the trace and the page. */
export function commitWords(c: CommitPolicy): string {
  switch (c.type) {
    case 'auto':
      return `auto-commit every ${c.intervalMs} ms`;
    case 'after-process':
      return 'commit after each batch';
    case 'before-process':
      return 'commit before processing';
    case 'after-record':
      return 'commit after each record';
    case 'transaction':
      return 'commit in a transaction';
  }
}

/** The producer's application is redeployed with new settings (acks, keys, sticky batch size). */
export function alterProducerCommand(s: KafkaState, producer: string, cfg: ProducerChange): Result<null> {
  const p = lookup(s.k.producerIndex, producer);
  if (p === undefined) return fail(ErrorCode.UnknownNode, `There is no producer "${producer}".`, 'producer');
  const prod = s.k.producers[p]!;
  if (cfg.acks === undefined && cfg.keys === undefined && cfg.stickyBatchSize === undefined)
    return invalid('Nothing to change: give acks, keys or stickyBatchSize.', 'config');
  if (cfg.acks !== undefined && cfg.acks !== 'all' && prod.idempotent) {
    const why = prod.transactionalId !== null ? 'a transactional producer is idempotent' : 'this producer is idempotent';
    return invalid(`Must set acks to all in order to use the idempotent producer (${why}).`, 'config.acks');
  }
  const keys = cfg.keys;
  if (keys?.type === 'hot' && keys.keys === 0 && keys.hotPerMille !== 1000)
    return invalid('With no other keys the hot key gets every record, so hotPerMille must be 1000.', 'config.keys.hotPerMille');
  const said: string[] = [];
  if (cfg.acks !== undefined) {
    prod.acks = cfg.acks;
    // Each partition's queue sends with its own acks; requests on the wire carry the old one.
    for (const q of prod.queues) if (q != null) q.acks = cfg.acks;
    said.push(`acks=${cfg.acks}`);
  }
  if (keys !== undefined) {
    prod.keys = keys;
    prod.keyCache = [];
    said.push(keysWords(keys));
  }
  if (cfg.stickyBatchSize !== undefined) {
    prod.stickyBatchSize = cfg.stickyBatchSize;
    said.push(`keyless records stick to a partition for ${cfg.stickyBatchSize} records`);
  }
  changed(s, {
    change: 'producer-changed',
    producer,
    text: `Producer ${producer} now sends with ${said.join(', ')}; records already sent keep their settings.`,
  });
  return ok(null);
}

/** The group's consumers are redeployed with a new assignor or commit policy. */
export function alterGroupCommand(s: KafkaState, group: string, cfg: GroupChange): Result<null> {
  const gi = lookup(s.k.groupIndex, group);
  if (gi === undefined) return fail(ErrorCode.UnknownNode, `There is no consumer group "${group}".`, 'group');
  const g = s.k.groups[gi]!;
  if (cfg.assignor === undefined && cfg.commit === undefined)
    return invalid('Nothing to change: give assignor or commit.', 'config');
  if (cfg.commit !== undefined && (cfg.commit.type === 'transaction') !== (g.commit.type === 'transaction')) {
    return invalid(
      cfg.commit.type === 'transaction'
        ? `Group ${group} has no transactional producers: read-process-write needs one per consumer from its start, so add a new group with commit "transaction".`
        : `Group ${group} commits in transactions with a producer per consumer; it cannot switch to plain commits while it runs.`,
      'config.commit',
    );
  }
  const newAssignor = cfg.assignor !== undefined && cfg.assignor !== g.assignor;
  if (newAssignor && g.phase === 'preparing-rebalance') {
    return invalid(
      `Group ${group} is rebalancing (REBALANCE_IN_PROGRESS): change its assignor once the rebalance is over.`,
      'config.assignor',
    );
  }
  const said: string[] = [];
  if (cfg.assignor !== undefined) {
    const from = g.assignor;
    g.assignor = cfg.assignor;
    said.push(newAssignor ? `the ${cfg.assignor} assignor (was ${from})` : `the ${cfg.assignor} assignor, as before`);
  }
  if (cfg.commit !== undefined) {
    g.commit = cfg.commit;
    said.push(`${commitWords(cfg.commit)} from each consumer's next poll`);
  }
  changed(s, { change: 'group-changed', group, text: `Group ${group} now uses ${said.join(' and ')}.` });
  if (newAssignor && g.members.length > 0) startRebalance(s, gi, `group ${group} changed its assignor to ${cfg.assignor}`);
  return ok(null);
}
