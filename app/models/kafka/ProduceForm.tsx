/** Produce one record with a key the learner chooses, to a topic they pick. */
import { useState } from 'react';
import type { KafkaCommand, KafkaScenario } from '../../../simulator/index.ts';
import type { WorkbenchStore } from '../../workbench/store.ts';

export function ProduceForm({
  topics,
  onProduce,
}: {
  topics: readonly string[];
  onProduce: (topic: string, key: string | null) => void;
}) {
  const [topic, setTopic] = useState(topics[0] ?? '');
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

/** The playground's Kafka tools: produce a record with a key to a topic of the scenario. */
export function KafkaTools({ store, scenario }: { store: WorkbenchStore<{ type: string }>; scenario: unknown }) {
  const topics = (scenario as KafkaScenario).topics.map((t) => t.name);
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
