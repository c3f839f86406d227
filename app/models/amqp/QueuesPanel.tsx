/**
 * RabbitMQ's own panel: every queue as a stack of its ready messages (next out first, a requeued
 * one marked "redelivered") with its ready and unacknowledged counts and where its dead letters
 * go, and every consumer's prefetch window — the deliveries it holds unacknowledged, out of how
 * many it may hold — so competing consumers, prefetch and requeues can be read off the screen.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { AmqpView } from '../../../simulator/index.ts';
import { formatCount, plural } from '../../workbench/panels/labels.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import type { PanelProps } from '../types.ts';
import '../../workbench/panels/panels.css';

/** The AMQP slice of a view. */
export function amqpPanels(view: WorkbenchView): AmqpView {
  return (
    (view.model as AmqpView | undefined) ?? {
      nowMs: view.nowMs,
      brokerUp: true,
      exchanges: [],
      queues: [],
      consumers: [],
      edges: [],
    }
  );
}

export function QueuesPanel({ view }: { view: WorkbenchView }) {
  const headingId = useId();
  const v = amqpPanels(view);
  return (
    <section className="wbp-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        Queues and consumers
      </h2>
      {!v.brokerUp && (
        <p className="wbp-notice" role="status">
          The broker is down: only durable queues and persistent messages come back when it restarts.
        </p>
      )}
      {v.queues.length === 0 ? (
        <p className="wbp-empty">No queues in this scenario.</p>
      ) : (
        <ol className="wbp-partition-list">
          {v.queues.map((q) => (
            <li key={q.id} className="wbp-partition">
              <div className="wbp-partition-head">
                <span className="wbp-name">{q.name}</span>
                <span className="wbp-partition-facts">
                  {q.type} · {formatCount(q.ready)} ready · {formatCount(q.unacked)} unacked
                  {q.deadLetterExchange !== null ? ` · dead letters to ${q.deadLetterExchange || '(default exchange)'}` : ''}
                </span>
              </div>
              {q.messages.length === 0 ? (
                <p className="wbp-empty-strip">No ready messages.</p>
              ) : (
                <ol className="es-cells" aria-label={`Ready messages of ${q.name}, next out first`}>
                  {q.messages.map((m, i) => (
                    <li key={m.id}>
                      <span
                        className="es-cell"
                        aria-label={`${i === 0 ? 'next out: ' : ''}${m.body}${m.redelivered ? ', redelivered' : ''}`}
                      >
                        <span className="es-cell-type">{m.body}</span>
                        {m.redelivered && <span className="es-cell-amount">redelivered</span>}
                      </span>
                    </li>
                  ))}
                  {q.ready > q.messages.length && (
                    <li className="wbp-earlier">… {plural(q.ready - q.messages.length, 'more message')}</li>
                  )}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
      {v.consumers.length > 0 && (
        <ul className="es-marker-list" aria-label="Consumers">
          {v.consumers.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> on {c.queue}: {c.up ? '' : 'down · '}
              holds {plural(c.unacked.length, 'unacknowledged message')}
              {c.prefetch === 0 ? ' (no prefetch limit)' : ` of a prefetch window of ${formatCount(c.prefetch)}`}
              {c.unacked.length > 0 ? `: ${c.unacked.map((u) => `"${u.body}"`).join(', ')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ConnectedQueuesPanel({ store }: PanelProps) {
  const view = useStore(store, (s) => s.view);
  return <QueuesPanel view={view} />;
}
