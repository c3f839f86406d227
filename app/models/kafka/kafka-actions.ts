/**
 * What a learner can do to each Kafka node: crash and restart brokers and consumers, slow a
 * consumer down or speed it up, make it leave, cut or heal a node's link to each broker, add a
 * consumer or replay a group from the start, produce a record or add a group to a topic; deploy the
 * fix of a group's failing handler and replay its dead letters. Nodes are
 * found by comparing their ids with the model's own (`kafkaNode`), never by taking an id apart.
 */
import {
  cutOffFrom,
  isSlowed,
  kafkaAppsView,
  kafkaNode,
  slowProcessingMs,
  type KafkaCommand,
  type KafkaState,
  type NodeId,
} from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';

type Action = NodeAction<KafkaCommand>;

/** Cut (or heal) the network link between a node and each broker: one action per broker. */
function linkActions(s: KafkaState, address: string): Action[] {
  const cut = cutOffFrom(s, address);
  return s.k.brokers
    .filter((b) => b.node !== address)
    .map((b) =>
      cut.includes(b.id)
        ? { label: `Heal link to broker ${b.id}`, command: { type: 'heal-link', from: address, to: b.node } }
        : { label: `Cut link to broker ${b.id}`, command: { type: 'cut-link', from: address, to: b.node } },
    );
}

/** The first `group-N` not taken by a group or by its first consumer. */
function freeGroupId(s: KafkaState): string {
  const taken = new Set([...s.k.groups.map((g) => g.id), ...s.k.consumers.map((c) => c.id)]);
  for (let n = s.k.groups.length + 1; ; n++) {
    const id = `group-${n}`;
    if (!taken.has(id) && !taken.has(`${id}-c1`)) return id;
  }
}

/** A group's application: deploy the fix of a failing handler, replay what its dead-letter topics hold. */
function appActions(s: KafkaState, group: string): Action[] {
  const app = kafkaAppsView(s).find((a) => a.group === group);
  if (app === undefined) return [];
  const out: Action[] = app.failing ? [{ label: 'Deploy the fix', command: { type: 'fix-handler', group } }] : [];
  for (const d of app.deadLetterTopics)
    if (d.held > 0) out.push({ label: `Replay ${d.dlt}`, command: { type: 'replay-dead-letters', group, topic: d.topic } });
  return out;
}

export function kafkaActions(s: KafkaState, node: NodeId): Action[] {
  const broker = s.k.brokers.find((b) => kafkaNode.broker(b.id) === node);
  if (broker) {
    const crash: Action = broker.alive
      ? { label: 'Crash broker', command: { type: 'crash-broker', broker: broker.id } }
      : { label: 'Restart broker', command: { type: 'restart-broker', broker: broker.id } };
    return [crash, ...linkActions(s, broker.node)];
  }
  const consumer = s.k.consumers.findLast((c) => kafkaNode.consumer(c.id) === node);
  if (consumer) {
    if (consumer.phase === 'left') return [];
    if (!consumer.alive) return [{ label: 'Restart consumer', command: { type: 'restart-consumer', consumer: consumer.id } }];
    const group = s.k.groups[consumer.group]!;
    return [
      { label: 'Crash consumer', command: { type: 'crash-consumer', consumer: consumer.id } },
      isSlowed(consumer)
        ? { label: 'Speed up', command: { type: 'slow-consumer', consumer: consumer.id, processingMs: group.processingMs } }
        : { label: 'Slow down', command: { type: 'slow-consumer', consumer: consumer.id, processingMs: slowProcessingMs * 2 } },
      { label: 'Leave group', command: { type: 'remove-consumer', consumer: consumer.id } },
      ...linkActions(s, consumer.id),
    ];
  }
  const group = s.k.groups.findLast((g) => kafkaNode.group(g.id) === node);
  if (group) {
    return [
      { label: 'Add consumer', command: { type: 'add-consumer', group: group.id } },
      ...group.topics.map((t): Action => ({
        label: `Replay ${s.k.topics[t]!.name} from the start`,
        command: { type: 'reset-offsets', group: group.id, topic: s.k.topics[t]!.name, to: 'earliest' },
      })),
      ...(group.app === null ? [] : appActions(s, group.id)),
    ];
  }
  const topic = s.k.topics.findLast((t) => kafkaNode.topic(t.name) === node);
  if (topic) {
    return [
      { label: 'Produce a record', command: { type: 'produce', topic: topic.name, key: `key-${s.k.counters.produced + 1}` } },
      {
        label: 'Add a consumer group',
        command: { type: 'add-group', group: { id: freeGroupId(s), topics: [topic.name], consumers: 1 } },
      },
    ];
  }
  const producer = s.k.producers.find((p) => kafkaNode.producer(p.id) === node);
  return producer ? linkActions(s, producer.node) : [];
}
