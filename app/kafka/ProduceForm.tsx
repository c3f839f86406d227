/** Produce one record with a key the learner chooses, to a topic they pick. */
import { useState } from 'react';

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
