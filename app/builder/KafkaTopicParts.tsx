/**
 * The Kafka Build tab's cluster half: add a broker, create a topic (partitions, replication
 * factor, min.insync.replicas, retention, cleanup policy, segment size), add partitions to a live
 * topic, change a live topic's config. Each is a model command (simulator/kafka/build-commands.ts).
 */
import { useState } from 'react';
import { SCENARIO_LIMITS as L } from '../../simulator/index.ts';
import { Choice, NumberField, numberOrUndefined, Part, TextField, useNames, type AnyStore } from './form-kit.tsx';

type Send = (command: unknown, what: string) => boolean;
const policies = ['delete', 'compact', 'compact,delete'] as const;
type Policy = (typeof policies)[number];

/** Only the fields the learner filled in: an empty field means Kafka's (or the format's) default. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function BrokerPart({ store, send }: { store: AnyStore; send: Send }) {
  const brokers = useNames(store, 'broker');
  const ids = brokers.map((b) => Number(b.replace(/^broker /, ''))).filter(Number.isFinite);
  const next = String((ids.length ? Math.max(...ids) : 0) + 1);
  const [id, setId] = useState('');
  return (
    <Part
      legend={`Brokers (${brokers.length} of at most ${L.brokersMax})`}
      submit="Add broker"
      onSubmit={() => send({ type: 'add-broker', broker: Number(id || next) }, `broker ${id || next} joined`) && setId('')}
    >
      <NumberField label="broker.id" value={id} placeholder={next} onChange={setId} min={0} />
    </Part>
  );
}

export function TopicPart({ send }: { send: Send }) {
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  const [rf, setRf] = useState('1');
  const [minIsr, setMinIsr] = useState('');
  const [retentionMs, setRetentionMs] = useState('');
  const [segmentRecords, setSegmentRecords] = useState('');
  const [policy, setPolicy] = useState<Policy>('delete');
  return (
    <Part
      legend={`Create a topic (at most ${L.partitionsMax} partitions each, ${L.partitionsTotalMax} in all)`}
      submit="Create topic"
      onSubmit={() =>
        send(
          {
            type: 'create-topic',
            topic: {
              name: name.trim(),
              partitions: Number(partitions),
              replicationFactor: Number(rf),
              ...defined({
                minInsyncReplicas: numberOrUndefined(minIsr),
                retentionMs: numberOrUndefined(retentionMs),
                segmentRecords: numberOrUndefined(segmentRecords),
              }),
              ...(policy !== 'delete' ? { cleanupPolicy: policy } : {}),
            },
          },
          `topic ${name.trim()} created`,
        ) && setName('')
      }
    >
      <TextField label="Topic name" value={name} onChange={setName} placeholder="orders" />
      <NumberField label="Partitions" value={partitions} onChange={setPartitions} min={1} max={L.partitionsMax} />
      <NumberField label="Replication factor" value={rf} onChange={setRf} min={1} max={L.brokersMax} />
      <NumberField label="min.insync.replicas" value={minIsr} onChange={setMinIsr} placeholder="1" min={1} />
      <NumberField label="retention.ms" value={retentionMs} onChange={setRetentionMs} placeholder="forever" min={1} />
      <Choice label="cleanup.policy" value={policy} options={policies} onChange={setPolicy} />
      <NumberField
        label="Segment size (records)"
        value={segmentRecords}
        onChange={setSegmentRecords}
        placeholder="1048576"
        min={1}
        title="segment.bytes, counted in records"
      />
    </Part>
  );
}

export function ChangeTopicPart({ store, send }: { store: AnyStore; send: Send }) {
  const topics = useNames(store, 'topic');
  const [picked, setPicked] = useState('');
  const topic = topics.includes(picked) ? picked : (topics[0] ?? '');
  const [partitions, setPartitions] = useState('');
  const [retentionMs, setRetentionMs] = useState('');
  const [minIsr, setMinIsr] = useState('');
  const [policy, setPolicy] = useState<Policy | ''>('');
  if (topics.length === 0) return null;
  const topicChoice = <Choice label="Topic" value={topic} options={topics} onChange={setPicked} />;
  return (
    <>
      <Part
        legend="Add partitions to a live topic (records stay where they are; keys map anew)"
        submit="Add partitions"
        onSubmit={() =>
          send({ type: 'create-partitions', topic, partitions: Number(partitions) }, `${topic} has ${partitions} partitions`)
        }
      >
        {topicChoice}
        <NumberField label="New partition count" value={partitions} onChange={setPartitions} min={1} max={L.partitionsMax} />
      </Part>
      <Part
        legend="Change a topic’s config"
        submit="Change config"
        onSubmit={() =>
          send(
            {
              type: 'alter-topic-config',
              topic,
              config: {
                ...defined({ retentionMs: numberOrUndefined(retentionMs), minInsyncReplicas: numberOrUndefined(minIsr) }),
                ...(policy !== '' ? { cleanupPolicy: policy } : {}),
              },
            },
            `${topic}’s config changed`,
          )
        }
      >
        {topicChoice}
        <NumberField label="retention.ms" value={retentionMs} onChange={setRetentionMs} placeholder="unchanged" min={1} />
        <NumberField label="min.insync.replicas" value={minIsr} onChange={setMinIsr} placeholder="unchanged" min={1} />
        <Choice
          label="cleanup.policy"
          value={policy}
          options={[['', 'unchanged'], ...policies.map((p) => [p, p] as const)] as ReadonlyArray<readonly [Policy | '', string]>}
          onChange={setPolicy}
        />
      </Part>
    </>
  );
}

/** kafka-topics --delete: the topic goes while its clients run (simulator/kafka/delete-commands.ts). */
export function DeleteTopicPart({ store, send }: { store: AnyStore; send: Send }) {
  const topics = useNames(store, 'topic');
  const [picked, setPicked] = useState('');
  const topic = topics.includes(picked) ? picked : (topics[0] ?? '');
  if (topics.length === 0) return null;
  return (
    <Part
      legend="Delete a topic (its records and every group’s offsets for it go too)"
      submit="Delete topic"
      onSubmit={() => send({ type: 'delete-topic', topic }, `topic ${topic} deleted`)}
    >
      <Choice label="Topic to delete" value={topic} options={topics} onChange={setPicked} />
    </Part>
  );
}
