/**
 * Build RabbitMQ routing from the page: declare an exchange (direct, topic, fanout or headers), a
 * queue, and a binding from an exchange to a queue with a routing key (or, for a headers exchange,
 * arguments such as `x-match=any, format=pdf`), then add a consumer. Each is a command — it steps
 * back, forks the future and travels in the link — and RabbitMQ's refusals come back as the
 * model's own error, shown above the picture.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { AmqpModelCommand } from '../../../simulator/index.ts';
import type { WorkbenchStore } from '../../workbench/store.ts';
import { amqpPanels } from './QueuesPanel.tsx';

const types = ['direct', 'topic', 'fanout', 'headers'] as const;

/** `x-match=any, format=pdf` → { 'x-match': 'any', format: 'pdf' }; numbers and true/false typed. */
export function parseArguments(text: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const part of text.split(',')) {
    const [k, ...rest] = part.split('=');
    const key = k?.trim() ?? '';
    if (key === '') continue;
    const v = rest.join('=').trim();
    out[key] = v === 'true' ? true : v === 'false' ? false : v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}

export function AmqpBuilder({ store }: { store: WorkbenchStore<{ type: string }> }) {
  const view = useStore(store, (s) => s.view);
  const { exchanges, queues } = amqpPanels(view);
  const userExchanges = exchanges.filter((x) => !x.builtin && x.name !== '');
  const [exchangeName, setExchangeName] = useState('');
  const [exchangeType, setExchangeType] = useState<(typeof types)[number]>('topic');
  const [queueName, setQueueName] = useState('');
  const [source, setSource] = useState('');
  const [destination, setDestination] = useState('');
  const [key, setKey] = useState('');
  const [consumer, setConsumer] = useState('');
  const send = (c: AmqpModelCommand): void => void store.getState().dispatch(c);
  const from = source || userExchanges[0]?.name || '';
  const to = destination || queues[0]?.name || '';
  const fromType = userExchanges.find((x) => x.name === from)?.type;
  return (
    <details className="amqp-builder">
      <summary>Build routing</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'declare-exchange', name: exchangeName.trim(), exchangeType });
        }}
      >
        <label>
          Exchange <input value={exchangeName} onChange={(e) => setExchangeName(e.currentTarget.value)} placeholder="alerts" />
        </label>
        <label>
          type{' '}
          <select value={exchangeType} onChange={(e) => setExchangeType(e.currentTarget.value as (typeof types)[number])}>
            {types.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <button type="submit">Declare exchange</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'declare-queue', name: queueName.trim() });
        }}
      >
        <label>
          Queue <input value={queueName} onChange={(e) => setQueueName(e.currentTarget.value)} placeholder="pager" />
        </label>
        <button type="submit">Declare queue</button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const headers = fromType === 'headers';
          send({
            type: 'bind',
            source: from,
            destination: to,
            destinationType: 'queue',
            routingKey: headers ? '' : key,
            ...(headers ? { arguments: parseArguments(key) } : {}),
          });
        }}
      >
        <label>
          Bind{' '}
          <select value={from} onChange={(e) => setSource(e.currentTarget.value)} aria-label="Exchange to bind from">
            {userExchanges.map((x) => (
              <option key={x.name}>{x.name}</option>
            ))}
          </select>
        </label>
        <label>
          to{' '}
          <select value={to} onChange={(e) => setDestination(e.currentTarget.value)} aria-label="Queue to bind to">
            {queues.map((q) => (
              <option key={q.name}>{q.name}</option>
            ))}
          </select>
        </label>
        <label>
          {fromType === 'headers' ? 'arguments' : 'key'}{' '}
          <input
            aria-label={fromType === 'headers' ? 'Binding arguments' : 'Binding key'}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            placeholder={fromType === 'headers' ? 'x-match=any, urgent=true' : 'critical.#'}
          />
        </label>
        <button type="submit" disabled={from === '' || to === ''}>
          Bind
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'consume', name: consumer.trim(), queue: to, prefetch: 1 });
        }}
      >
        <label>
          Consumer <input value={consumer} onChange={(e) => setConsumer(e.currentTarget.value)} placeholder="on-call" />
        </label>
        <button type="submit" disabled={to === ''}>
          Consume from {to || 'a queue'}
        </button>
      </form>
    </details>
  );
}
