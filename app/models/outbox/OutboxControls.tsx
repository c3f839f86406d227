/**
 * Dual write vs the outbox: its controls as forms, each reachable from the keyboard — plant the
 * crash that hurts the service, the relay or the consumer at the one moment that matters, and
 * place an order. Each is a model command, so it steps back and travels in the share link.
 */
import { useState } from 'react';
import type { OutboxCommand, OutboxFault, OutboxWorld } from '../../../simulator/index.ts';
import { ControlGroup, FeedbackLine, useCommandRunner, type AnyStore, worldControls, type WorldForm } from '../control-kit.tsx';
import { freeOrderId } from './outbox-actions.ts';

type Kind = OutboxFault['kind'];

/** Each fault in words: where it strikes, and when. */
export const faultWords: Record<Kind, string> = {
  'relay-crash-after-publish': 'relay: crash after publishing',
  'consumer-crash-before-commit': 'consumer: crash before committing',
  'service-crash-between-writes': 'order service: crash between writes',
};

/** The forms by id, as a lesson's challenge names them. */
const forms: WorldForm<OutboxWorld>[] = [
  { id: 'faults', Form: FaultControls },
  { id: 'orders', Form: OrderControls },
];

export const OutboxControls = worldControls<OutboxWorld>(forms);

type Props = { store: AnyStore; w: OutboxWorld };

function FaultControls({ store, w }: Props) {
  const kinds = (Object.keys(faultWords) as Kind[]).filter(
    (k) => w.config.mode !== 'dual-write' || k !== 'relay-crash-after-publish',
  );
  const [kind, setKind] = useState<Kind>(kinds[0]!);
  const { feedback, run } = useCommandRunner<OutboxCommand>(store);
  const planted = w.faults.map((f) => faultWords[f.kind].split(':')[0]).join(', ');
  return (
    <ControlGroup title="Faults" hint={planted === '' ? 'No fault is planted.' : `Planted, waiting to strike: ${planted}.`}>
      <div className="control-row">
        <label>
          Plant{' '}
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {faultWords[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => run([{ type: 'plant-fault', fault: { kind } }], () => `Planted: ${faultWords[kind]}. It strikes once.`)}
        >
          Plant the fault
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function OrderControls({ store, w }: Props) {
  const [orderId, setOrderId] = useState('');
  const { feedback, setFeedback, run } = useCommandRunner<OutboxCommand>(store);
  const suggested = freeOrderId(w);
  return (
    <ControlGroup title="Orders" hint="Run the simulation on with the transport to see the order travel.">
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const id = orderId.trim() === '' ? suggested : orderId.trim();
          if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
            return setFeedback({ ok: false, text: 'an order id is 1 to 64 letters, digits, dots, dashes or underscores' });
          if (run([{ type: 'place-order', orderId: id }], () => `Placed ${id}: the order service is handling it.`))
            setOrderId('');
        }}
      >
        <label>
          Order id{' '}
          <input
            value={orderId}
            placeholder={suggested}
            size={10}
            maxLength={64}
            onChange={(e) => setOrderId(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Place order</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}
