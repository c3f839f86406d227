/**
 * The Kafka Build tab's live changes to clients: a producer's acks and key distribution, a group's
 * assignor and commit policy. In Kafka these are client settings, so the change stands for the
 * application redeployed with new ones (simulator/kafka/client-build-commands.ts says what moves and
 * what stays). Each field can be left as it is; each change is one model command.
 */
import { useState } from 'react';
import { SCENARIO_LIMITS as L } from '../../simulator/index.ts';
import { Choice, NumberField, Part, TextField, useNames, type AnyStore } from './form-kit.tsx';
import { assignors, keyKinds, keysOf, type KeyKind } from './KafkaClientParts.tsx';

type Send = (command: unknown, what: string) => boolean;
const keep = 'keep' as const;
const changeCommits = [
  ['auto', 'auto (every 5 s)'],
  ['after-process', 'after processing (at-least-once)'],
  ['after-record', 'after each record'],
  ['before-process', 'before processing (at-most-once)'],
] as const;

export function ChangeProducerPart({ store, send }: { store: AnyStore; send: Send }) {
  const producers = useNames(store, 'producer');
  const [picked, setPicked] = useState('');
  const producer = producers.includes(picked) ? picked : (producers[0] ?? '');
  const [acks, setAcks] = useState<typeof keep | 'all' | '1' | '0'>(keep);
  const [kind, setKind] = useState<typeof keep | KeyKind>(keep);
  const [keys, setKeys] = useState('10');
  const [hotKey, setHotKey] = useState('user-42');
  const [hotPerMille, setHotPerMille] = useState('700');
  if (producers.length === 0) return null;
  return (
    <Part
      legend="Change a producer (records sent from now on)"
      submit="Change producer"
      onSubmit={() => {
        const config = {
          ...(acks !== keep ? { acks: acks === 'all' ? 'all' : Number(acks) } : {}),
          ...(kind !== keep ? { keys: keysOf(kind, keys, hotKey, hotPerMille) } : {}),
        };
        send({ type: 'alter-producer', producer, config }, `producer ${producer} changed`);
      }}
    >
      <Choice label="Producer to change" value={producer} options={producers} onChange={setPicked} />
      <Choice
        label="New acks"
        value={acks}
        options={
          [
            [keep, 'as it is'],
            ['all', 'all'],
            ['1', '1'],
            ['0', '0'],
          ] as const
        }
        onChange={setAcks}
      />
      <Choice label="New keys" value={kind} options={[[keep, 'as they are'], ...keyKinds] as const} onChange={setKind} />
      {(kind === 'uniform' || kind === 'hot') && (
        <NumberField
          label={kind === 'hot' ? 'New other keys' : 'New key count'}
          value={keys}
          onChange={setKeys}
          min={0}
          max={L.keysMax}
        />
      )}
      {(kind === 'hot' || kind === 'fixed') && (
        <TextField label={kind === 'hot' ? 'New hot key' : 'New key'} value={hotKey} onChange={setHotKey} />
      )}
      {kind === 'hot' && (
        <NumberField label="New hot share (‰)" value={hotPerMille} onChange={setHotPerMille} min={0} max={1000} />
      )}
    </Part>
  );
}

export function ChangeGroupPart({ store, send }: { store: AnyStore; send: Send }) {
  const groups = useNames(store, 'group');
  const [picked, setPicked] = useState('');
  const group = groups.includes(picked) ? picked : (groups[0] ?? '');
  const [assignor, setAssignor] = useState<typeof keep | (typeof assignors)[number]>(keep);
  const [commit, setCommit] = useState<typeof keep | (typeof changeCommits)[number][0]>(keep);
  if (groups.length === 0) return null;
  return (
    <Part
      legend="Change a group's assignor or commit policy (a new assignor rebalances)"
      submit="Change group"
      onSubmit={() => {
        const config = {
          ...(assignor !== keep ? { assignor } : {}),
          ...(commit !== keep ? { commit: commit === 'auto' ? { type: 'auto', intervalMs: 5000 } : { type: commit } } : {}),
        };
        send({ type: 'alter-group', group, config }, `group ${group} changed`);
      }}
    >
      <Choice label="Group to change" value={group} options={groups} onChange={setPicked} />
      <Choice
        label="New assignor"
        value={assignor}
        options={[[keep, 'as it is'], ...assignors.map((a) => [a, a] as const)] as const}
        onChange={setAssignor}
      />
      <Choice
        label="New commit policy"
        value={commit}
        options={[[keep, 'as it is'], ...changeCommits] as const}
        onChange={setCommit}
      />
    </Part>
  );
}

/** kafka-consumer-groups --delete: refused while the group has members, as Kafka refuses it. */
export function DeleteGroupPart({ store, send }: { store: AnyStore; send: Send }) {
  const groups = useNames(store, 'group');
  const [picked, setPicked] = useState('');
  const group = groups.includes(picked) ? picked : (groups[0] ?? '');
  if (groups.length === 0) return null;
  return (
    <Part
      legend="Delete a consumer group (only an empty one; its offsets go too)"
      submit="Delete group"
      onSubmit={() => send({ type: 'delete-group', group }, `group ${group} deleted`)}
    >
      <Choice label="Group to delete" value={group} options={groups} onChange={setPicked} />
    </Part>
  );
}
