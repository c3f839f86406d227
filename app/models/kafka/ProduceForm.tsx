/** Produce one record with a key the learner chooses, to a topic they pick. */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { KafkaCommand } from '../../../simulator/index.ts';
import type { WorkbenchStore } from '../../workbench/store.ts';

export function ProduceForm({
  topics,
  onProduce,
}: {
  topics: readonly string[];
  onProduce: (topic: string, key: string | null) => void;
}) {
  const [picked, setPicked] = useState(topics[0] ?? '');
  // Topics can appear while the page is open (the Build tab creates them).
  const topic = topics.includes(picked) ? picked : (topics[0] ?? '');
  const setTopic = setPicked;
  const [key, setKey] = useState('order-1');
  if (topics.length === 0) return null;
  return (
    <form
      className="produce-form"
      onSubmit={(e) => {
        e.preventDefault();
        onProduce(topic, key.trim() === '' ? null : key.trim());
      }}
    >
      <label>
        Topic{' '}
        <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
          {topics.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Key <input value={key} maxLength={64} size={10} onChange={(e) => setKey(e.currentTarget.value)} placeholder="(no key)" />
      </label>
      <button type="submit">Produce</button>
    </form>
  );
}

/** The playground's Kafka tools: produce a record with a key to a topic the cluster has now. */
export function KafkaTools({ store }: { store: WorkbenchStore<{ type: string }>; scenario: unknown }) {
  const topology = useStore(store, (s) => s.topology);
  const topics = useMemo(() => topology.nodes.filter((n) => n.kind === 'topic').map((n) => n.label), [topology]);
  return (
    <ProduceForm
      topics={topics}
      onProduce={(topic, key) => {
        const produce: KafkaCommand = { type: 'produce', topic, key };
        store.getState().dispatch(produce);
      }}
    />
  );
}
