/**
 * The Kafka Build tab's client half: producers (rate, acks, idempotence, key distribution with a
 * hot key), consumer groups (consumers, assignor, commit policy, processing time, where to start)
 * and their consumers. Each is a model command, so adding a consumer mid-run rebalances the group
 * as Kafka does.
 */
import { useState } from 'react';
import { SCENARIO_LIMITS as L } from '../../simulator/index.ts';
import { Choice, NumberField, numberOrUndefined, Part, TextField, useNames, type AnyStore } from './form-kit.tsx';

type Send = (command: unknown, what: string) => boolean;
export const keyKinds = [
  ['uniform', 'uniform over N keys'],
  ['hot', 'one hot key + N others'],
  ['fixed', 'one fixed key'],
  ['none', 'no key (sticky)'],
] as const;
export type KeyKind = (typeof keyKinds)[number][0];
export const assignors = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;
const commits = [
  ['auto', 'auto (every 5 s)'],
  ['after-process', 'after processing (at-least-once)'],
  ['before-process', 'before processing (at-most-once)'],
] as const;

export function keysOf(kind: KeyKind, keys: string, hotKey: string, hotPerMille: string): unknown {
  switch (kind) {
    case 'none':
      return { type: 'none' };
    case 'fixed':
      return { type: 'fixed', key: hotKey };
    case 'uniform':
      return { type: 'uniform', keys: Number(keys) };
    case 'hot':
      return { type: 'hot', hotKey, hotPerMille: Number(hotPerMille), keys: Number(keys) };
  }
}

export function ProducerPart({ store, send }: { store: AnyStore; send: Send }) {
  const topics = useNames(store, 'topic');
  const producers = useNames(store, 'producer');
  const [id, setId] = useState('');
  const [picked, setPicked] = useState('');
  const topic = topics.includes(picked) ? picked : (topics[0] ?? '');
  const [rate, setRate] = useState('10');
  const [count, setCount] = useState('');
  const [acks, setAcks] = useState<'all' | '1' | '0'>('all');
  const [idempotent, setIdempotent] = useState(true);
  const [kind, setKind] = useState<KeyKind>('uniform');
  const [keys, setKeys] = useState('10');
  const [hotKey, setHotKey] = useState('user-42');
  const [hotPerMille, setHotPerMille] = useState('700');
  const [stop, setStop] = useState('');
  const stopping = producers.includes(stop) ? stop : (producers[0] ?? '');
  const fallbackId = `app-${producers.length + 1}`;
  return (
    <>
      <Part
        legend={`Add a producer (at most ${L.ratePerSecTotalMax.toLocaleString('en')} records/s in all)`}
        submit="Add producer"
        disabled={topics.length === 0}
        onSubmit={() => {
          const count_ = numberOrUndefined(count);
          const sent = send(
            {
              type: 'add-producer',
              producer: {
                id: id.trim() || fallbackId,
                topic,
                ratePerSec: Number(rate),
                ...(count_ !== undefined ? { count: count_ } : {}),
                acks: acks === 'all' ? 'all' : Number(acks),
                idempotent,
                keys: keysOf(kind, keys, hotKey, hotPerMille),
              },
            },
            `producer ${id.trim() || fallbackId} started`,
          );
          if (sent) setId('');
        }}
      >
        <TextField label="Producer id" value={id} onChange={setId} placeholder={fallbackId} />
        {topics.length > 0 ? (
          <Choice label="Topic" value={topic} options={topics} onChange={setPicked} />
        ) : (
          <span className="builder-hint">Create a topic first.</span>
        )}
        <NumberField label="Records/s" value={rate} onChange={setRate} min={0} max={L.ratePerSecMax} />
        <NumberField label="Stop after (records)" value={count} onChange={setCount} placeholder="never" min={0} />
        <Choice label="acks" value={acks} options={['all', '1', '0'] as const} onChange={setAcks} />
        <label>
          <input type="checkbox" checked={idempotent} onChange={(e) => setIdempotent(e.currentTarget.checked)} />{' '}
          enable.idempotence
        </label>
        <Choice label="Key distribution" value={kind} options={keyKinds} onChange={setKind} />
        {(kind === 'uniform' || kind === 'hot') && (
          <NumberField label={kind === 'hot' ? 'Other keys' : 'Keys'} value={keys} onChange={setKeys} min={0} max={L.keysMax} />
        )}
        {(kind === 'hot' || kind === 'fixed') && (
          <TextField label={kind === 'hot' ? 'Hot key' : 'Key'} value={hotKey} onChange={setHotKey} />
        )}
        {kind === 'hot' && (
          <NumberField
            label="Hot share (‰)"
            value={hotPerMille}
            onChange={setHotPerMille}
            min={0}
            max={1000}
            title="The hot key's share of all records, in thousandths: 700 is 70%"
          />
        )}
      </Part>
      {producers.length > 0 && (
        <Part
          legend="Stop a producer"
          submit="Stop producer"
          onSubmit={() => send({ type: 'stop-producer', producer: stopping }, `${stopping} stopped`)}
        >
          <Choice label="Producer" value={stopping} options={producers} onChange={setStop} />
        </Part>
      )}
    </>
  );
}

export function GroupPart({ store, send }: { store: AnyStore; send: Send }) {
  const topics = useNames(store, 'topic');
  const groups = useNames(store, 'group');
  const consumers = useNames(store, 'consumer');
  const [id, setId] = useState('');
  const [picked, setPicked] = useState('');
  const topic = topics.includes(picked) ? picked : (topics[0] ?? '');
  const [count, setCount] = useState('1');
  const [assignor, setAssignor] = useState<(typeof assignors)[number]>('range');
  const [commit, setCommit] = useState<(typeof commits)[number][0]>('auto');
  const [processingMs, setProcessingMs] = useState('10');
  const [reset, setReset] = useState<'earliest' | 'latest'>('earliest');
  const [groupPick, setGroupPick] = useState('');
  const group = groups.includes(groupPick) ? groupPick : (groups[0] ?? '');
  const [consumerPick, setConsumerPick] = useState('');
  const consumer = consumers.includes(consumerPick) ? consumerPick : (consumers[0] ?? '');
  const fallbackId = `group-${groups.length + 1}`;
  return (
    <>
      <Part
        legend={`Add a consumer group (at most ${L.consumersMax} consumers each)`}
        submit="Add group"
        disabled={topics.length === 0}
        onSubmit={() =>
          send(
            {
              type: 'add-group',
              group: {
                id: id.trim() || fallbackId,
                topics: [topic],
                consumers: Number(count),
                assignor,
                commit: commit === 'auto' ? { type: 'auto', intervalMs: 5000 } : { type: commit },
                processingMs: Number(processingMs),
                autoOffsetReset: reset,
              },
            },
            `group ${id.trim() || fallbackId} joined`,
          ) && setId('')
        }
      >
        <TextField label="group.id" value={id} onChange={setId} placeholder={fallbackId} />
        {topics.length > 0 ? (
          <Choice label="Subscribes to" value={topic} options={topics} onChange={setPicked} />
        ) : (
          <span className="builder-hint">Create a topic first.</span>
        )}
        <NumberField label="Consumers" value={count} onChange={setCount} min={0} max={L.consumersMax} />
        <Choice label="Assignor" value={assignor} options={assignors} onChange={setAssignor} />
        <Choice label="Commit" value={commit} options={commits} onChange={setCommit} />
        <NumberField label="Processing (ms per record)" value={processingMs} onChange={setProcessingMs} min={0} />
        <Choice label="auto.offset.reset" value={reset} options={['earliest', 'latest'] as const} onChange={setReset} />
      </Part>
      {groups.length > 0 && (
        <Part
          legend="Add a consumer to a running group (it rebalances)"
          submit="Add consumer"
          onSubmit={() => send({ type: 'add-consumer', group }, `a consumer joined ${group}`)}
        >
          <Choice label="Group" value={group} options={groups} onChange={setGroupPick} />
        </Part>
      )}
      {consumers.length > 0 && (
        <Part
          legend="Remove a consumer (it leaves its group)"
          submit="Remove consumer"
          onSubmit={() => send({ type: 'remove-consumer', consumer }, `${consumer} left`)}
        >
          <Choice label="Consumer" value={consumer} options={consumers} onChange={setConsumerPick} />
        </Part>
      )}
    </>
  );
}
