/**
 * The rules of a scenario that span more than one field.
 *
 * The schema checks each value on its own (a partition count is a whole number from 1 to 1000);
 * this module checks that the values make sense together: ids are unique, every topic a producer,
 * group or command names exists, a replication factor fits the cluster, a key distribution can
 * actually pick a key, a fault names a broker or consumer that will exist when it fires. Each
 * problem carries the exact path of the value to change and a sentence saying why.
 *
 * It runs as a refinement of the scenario schema. zod still runs a refinement when a number is
 * merely out of bounds (`"consumers": 1235560340` is a "continuable" issue), so nothing here may
 * trust a numeric value: no loop or allocation is sized by one unless it is first checked against
 * its limit (`withinCount`), the work per command does not grow with the number of consumers, and
 * at most PROBLEMS_MAX problems are collected. Nothing throws.
 */
import { missing } from '../../core/messages.ts';
import { SCENARIO_DEFAULTS } from './defaults.ts';
import { SCENARIO_LIMITS as L } from './limits.ts';
import { handlerProblems } from './handler-checks.ts';
import type { GroupSpec, KafkaScenario, KafkaEngineCommand } from './types.ts';

/** A cross-field problem: where it is and what is wrong. */
export interface ScenarioProblem {
  path: Array<string | number>;
  message: string;
}

type Path = Array<string | number>;

/**
 * Problems collected at most: a file with 100,000 bad schedule entries gets the first ones, not a
 * message list (and a "did you mean" search per entry) that takes minutes to build.
 */
export const PROBLEMS_MAX = 200;

/** True when `n` is a whole number in 0..max, i.e. safe to size a loop or an array by. */
export function withinCount(n: unknown, max: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;
}

/**
 * The consumer ids a group's members get: explicit ones, else `${groupId}-c1`, `-c2`, ... A count
 * beyond the limit gives no ids at all (the schema has already refused it) rather than allocating
 * an array of a billion names first.
 */
export function consumerIdsOf(group: Pick<GroupSpec, 'id' | 'consumers' | 'consumerIds'>): string[] {
  if (group.consumerIds !== undefined) return group.consumerIds.slice(0, L.consumersMax);
  if (!withinCount(group.consumers, L.consumersMax)) return [];
  return Array.from({ length: group.consumers }, (_, i) => `${group.id}-c${i + 1}`);
}

/** The name a broker has as a network node (in link faults): `broker-<id>`. */
export function brokerNodeName(id: number): string {
  return `broker-${id}`;
}

/** The name a producer has as a network node: `producer-<id>`. Consumers are named by their id. */
export function producerNodeName(id: string): string {
  return `producer-${id}`;
}

/** Consumer ids share the node namespace with `broker-<id>` and `producer-<id>`. */
function isNodePrefixed(id: string): boolean {
  return id.startsWith('broker-') || id.startsWith('producer-');
}

function reservedMessage(id: string): string {
  return `consumer id "${id}" may not start with "broker-" or "producer-": those names belong to brokers and producers on the network`;
}

/** Checks one scenario; returns every problem found, in input order. */
export function checkScenario(spec: KafkaScenario): ScenarioProblem[] {
  const out: ScenarioProblem[] = [];
  const add = (path: Path, message: string): void => {
    if (out.length < PROBLEMS_MAX) out.push({ path, message });
  };
  const full = (): boolean => out.length >= PROBLEMS_MAX;
  const uniq = (items: readonly string[], base: (i: number) => Path, what: string): void => {
    const seen = new Map<string, number>();
    items.forEach((v, i) => {
      const first = seen.get(v);
      if (first === undefined) seen.set(v, i);
      else add(base(i), `${what} "${v}" is used twice; the first use is at index ${first}`);
    });
  };

  // Brokers and topics.
  uniq(
    spec.brokers.map((b) => String(b.id)),
    (i) => ['brokers', i, 'id'],
    'broker id',
  );
  const brokerIds = new Set(spec.brokers.map((b) => b.id));
  const brokerNodes = new Set(spec.brokers.map((b) => brokerNodeName(b.id)));
  uniq(
    spec.topics.map((t) => t.name),
    (i) => ['topics', i, 'name'],
    'topic name',
  );
  const topics = new Map(spec.topics.map((t) => [t.name, t]));
  let partitionsTotal = 0;
  let replicasTotal = 0;
  spec.topics.forEach((t, i) => {
    partitionsTotal += t.partitions;
    replicasTotal += t.partitions * t.replicationFactor;
    const n = spec.brokers.length;
    if (t.replicationFactor > n) {
      add(
        ['topics', i, 'replicationFactor'],
        `a replication factor of ${t.replicationFactor} needs at least ${t.replicationFactor} brokers, but the cluster has ${n}`,
      );
    }
    if (t.minInsyncReplicas !== undefined && t.minInsyncReplicas > t.replicationFactor) {
      add(
        ['topics', i, 'minInsyncReplicas'],
        `min.insync.replicas (${t.minInsyncReplicas}) cannot exceed the replication factor (${t.replicationFactor}): every acks=all write would fail`,
      );
    }
  });
  if (partitionsTotal > L.partitionsTotalMax) {
    add(['topics'], `the topics have ${partitionsTotal} partitions in all; the simulator's limit is ${L.partitionsTotalMax}`);
  }
  if (replicasTotal > L.replicasTotalMax) {
    add(
      ['topics'],
      `the topics have ${replicasTotal} partition replicas in all (partitions × replicationFactor); the simulator's limit is ${L.replicasTotalMax}`,
    );
  }

  // Producers.
  const producers = spec.producers ?? [];
  uniq(
    producers.map((p) => p.id),
    (i) => ['producers', i, 'id'],
    'producer id',
  );
  producers.forEach((p, i) => {
    const at = (...rest: Path): Path => ['producers', i, ...rest];
    if (!topics.has(p.topic))
      add(at('topic'), missing('topic', p.topic, topics.keys(), 'topics', `producer "${p.id}" writes to`));
    if (p.startAtMs !== undefined && p.stopAtMs !== undefined && p.stopAtMs < p.startAtMs) {
      add(at('stopAtMs'), `stops (${p.stopAtMs} ms) before it starts (${p.startAtMs} ms)`);
    }
    if (p.idempotent === true && p.acks !== undefined && p.acks !== 'all') {
      add(at('idempotent'), `the idempotent producer needs acks "all" (Kafka refuses it otherwise), but acks is ${p.acks}`);
    }
    const k = p.keys;
    if (k.type === 'weighted') {
      if (k.keys.every((e) => e.weight <= 0)) {
        add(
          at('keys', 'keys'),
          'does not sum up: every weight is 0, so no key could ever be picked; give at least one key a weight above 0',
        );
      }
      uniq(
        k.keys.map((e) => e.key),
        (j) => at('keys', 'keys', j, 'key'),
        'key',
      );
    } else if (k.type === 'hot' && k.keys === 0 && k.hotPerMille !== 1000) {
      add(
        at('keys', 'hotPerMille'),
        `does not sum up: with no other keys (keys is 0) the hot key gets every record, so hotPerMille must be 1000, got ${k.hotPerMille}`,
      );
    }
  });
  const producerIds = new Set(producers.map((p) => p.id));
  const rateTotal = producers.reduce((n, p) => n + p.ratePerSec, 0);
  if (rateTotal > L.ratePerSecTotalMax) {
    add(
      ['producers'],
      `the producers write ${rateTotal} records per second in all; the simulator's limit is ${L.ratePerSecTotalMax}`,
    );
  }

  // Groups and their consumers. Consumer ids are global: faults name a consumer without its group.
  const groupIds = new Set<string>();
  const consumers = new Set<string>();
  let consumersTotal = 0;
  const checkGroup = (g: GroupSpec, at: (...rest: Path) => Path): void => {
    if (groupIds.has(g.id)) add(at('id'), `group id "${g.id}" is used twice`);
    groupIds.add(g.id);
    g.topics.forEach((t, j) => {
      if (!topics.has(t)) add(at('topics', j), missing('topic', t, topics.keys(), 'topics', `group "${g.id}" subscribes to`));
    });
    uniq(g.topics, (j) => at('topics', j), 'topic');
    if (g.consumerIds !== undefined && g.consumerIds.length !== g.consumers) {
      add(
        at('consumerIds'),
        `lists ${g.consumerIds.length} consumer ids but consumers is ${g.consumers}; give exactly one id per consumer`,
      );
    }
    if (g.groupInstanceIds !== undefined) {
      if (g.groupInstanceIds.length !== g.consumers) {
        add(
          at('groupInstanceIds'),
          `lists ${g.groupInstanceIds.length} group instance ids but consumers is ${g.consumers}; give exactly one per consumer`,
        );
      }
      uniq(g.groupInstanceIds, (j) => at('groupInstanceIds', j), 'group instance id');
    }
    if (
      g.heartbeatIntervalMs !== undefined &&
      g.heartbeatIntervalMs >= (g.sessionTimeoutMs ?? SCENARIO_DEFAULTS.group.sessionTimeoutMs)
    ) {
      add(
        at('heartbeatIntervalMs'),
        `must be lower than the session timeout (${g.sessionTimeoutMs ?? SCENARIO_DEFAULTS.group.sessionTimeoutMs} ms), as Kafka requires, got ${g.heartbeatIntervalMs}`,
      );
    }
    consumerIdsOf(g).forEach((c, j) => {
      if (isNodePrefixed(c)) add(g.consumerIds === undefined ? at('id') : at('consumerIds', j), reservedMessage(c));
      if (consumers.has(c))
        add(
          g.consumerIds === undefined ? at('id') : at('consumerIds', j),
          `consumer id "${c}" is used twice (consumer ids must be unique across all groups)`,
        );
      consumers.add(c);
    });
    consumersTotal += g.consumers;
    if (g.handler !== undefined) for (const p of handlerProblems(g, topics)) add(at('handler', ...p.path), p.message);
  };
  (spec.groups ?? []).forEach((g, i) => checkGroup(g, (...rest) => ['groups', i, ...rest]));
  if (consumersTotal > L.consumersTotalMax) {
    add(['groups'], `the groups have ${consumersTotal} consumers in all; the simulator's limit is ${L.consumersTotalMax}`);
  }

  // The schedule, in the order it will run (by time, ties in file order), so that a command may
  // name a consumer or group that an earlier add-consumer or add-group creates.
  const schedule = (spec.schedule ?? []).map((e, i) => ({ e, i }));
  schedule.sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i);
  for (const { e, i } of schedule) {
    if (full()) break;
    checkCommand(e.command, (...rest) => ['schedule', i, 'command', ...rest]);
  }

  function checkCommand(c: KafkaEngineCommand, at: (...rest: Path) => Path): void {
    const needConsumer = (id: string): void => {
      if (!consumers.has(id)) add(at('consumer'), missing('consumer', id, consumers, 'any group or earlier add-consumer'));
    };
    const needTopic = (field: string, t: string): boolean => {
      if (topics.has(t)) return true;
      add(at(field), missing('topic', t, topics.keys(), 'topics'));
      return false;
    };
    const knownNode = (n: string): boolean =>
      consumers.has(n) || brokerNodes.has(n) || (n.startsWith('producer-') && producerIds.has(n.slice('producer-'.length)));
    // Listing every node (for the message) is done only when a problem is reported.
    const nodes = (): Set<string> => new Set([...brokerNodes, ...[...producerIds].map(producerNodeName), ...consumers]);
    switch (c.type) {
      case 'crash-broker':
      case 'restart-broker':
        if (!brokerIds.has(c.broker))
          add(at('broker'), missing('broker', String(c.broker), [...brokerIds].map(String), 'brokers'));
        return;
      case 'crash-consumer':
      case 'restart-consumer':
      case 'slow-consumer':
      case 'remove-consumer':
      case 'commit':
        needConsumer(c.consumer);
        return;
      case 'delay-link':
      case 'cut-link':
      case 'heal-link': {
        const where = 'the scenario (brokers are broker-<id>, producers producer-<id>)';
        if (!knownNode(c.from)) add(at('from'), missing('node', c.from, nodes(), where));
        if (!knownNode(c.to)) add(at('to'), missing('node', c.to, nodes(), where));
        if (c.from === c.to) add(at('to'), `a link joins two different nodes, but from and to are both "${c.to}"`);
        return;
      }
      case 'produce': {
        if (c.producer !== undefined && !producerIds.has(c.producer))
          add(at('producer'), missing('producer', c.producer, producerIds, 'producers'));
        const named = producers.find((p) => p.id === c.producer);
        const namedAcks = named?.acks ?? SCENARIO_DEFAULTS.producer.acks;
        if (named !== undefined && c.acks !== undefined && c.acks !== namedAcks) {
          add(
            at('acks'),
            `producer "${named.id}" uses acks ${namedAcks}; in Kafka acks is a producer setting, so a record cannot ask for acks ${c.acks}`,
          );
        }
        const t = topics.get(c.topic);
        if (needTopic('topic', c.topic) && t !== undefined && c.partition !== undefined && c.partition >= t.partitions) {
          add(at('partition'), `topic "${c.topic}" has partitions 0..${t.partitions - 1}, got ${c.partition}`);
        }
        return;
      }
      case 'add-consumer':
        if (!groupIds.has(c.group)) add(at('group'), missing('group', c.group, groupIds, 'groups or an earlier add-group'));
        if (c.consumer !== undefined) {
          if (isNodePrefixed(c.consumer)) add(at('consumer'), reservedMessage(c.consumer));
          if (consumers.has(c.consumer)) add(at('consumer'), `consumer id "${c.consumer}" is already in use`);
          consumers.add(c.consumer);
        }
        return;
      case 'add-group':
        checkGroup(c.group, (...rest) => at('group', ...rest));
        return;
      case 'init-transactions':
      case 'begin-transaction':
      case 'commit-transaction':
      case 'abort-transaction':
      case 'send-offsets-to-transaction':
        if (!producerIds.has(c.producer)) add(at('producer'), missing('producer', c.producer, producerIds, 'producers'));
        else if (producers.find((p) => p.id === c.producer)?.transactionalId === undefined)
          add(at('producer'), `producer "${c.producer}" has no transactionalId, so it cannot use transactions`);
        if (c.type === 'send-offsets-to-transaction' && !groupIds.has(c.group))
          add(at('group'), missing('group', c.group, groupIds, 'groups or an earlier add-group'));
        return;
      case 'fix-handler':
        if (!groupIds.has(c.group)) add(at('group'), missing('group', c.group, groupIds, 'groups or an earlier add-group'));
        return;
      case 'replay-dead-letters':
      case 'reset-offsets':
        if (!groupIds.has(c.group)) add(at('group'), missing('group', c.group, groupIds, 'groups or an earlier add-group'));
        needTopic('topic', c.topic);
        return;
      case 'step':
      case 'advance':
      case 'run-until-idle':
        add(at('type'), `"${c.type}" controls the clock and cannot be scheduled; a schedule entry already runs at its atMs`);
        return;
    }
  }
  return out;
}
