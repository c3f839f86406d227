/**
 * The choreographed saga over Kafka: its controls as forms, each reachable from the keyboard —
 * plant a refusal or a crash on a service's step, and place an order. Each is a model command, so
 * it steps back and travels in the share link.
 */
import { useState } from 'react';
import type { KafkaChoreographyCommand, KafkaChoreographyWorld } from '../../../simulator/index.ts';
import { ControlGroup, FeedbackLine, useCommandRunner, type AnyStore, worldControls, type WorldForm } from '../control-kit.tsx';
import { freeOrderId } from '../choreography/services-view.ts';

type Fault = Extract<KafkaChoreographyCommand, { type: 'inject-fault' }>['fault'];

/** The faults a learner picks from, in words; each strikes the next matching delivery once. */
export const choreographyFaults: ReadonlyArray<{ id: string; words: string; fault: Fault }> = [
  {
    id: 'shipping-refuses',
    words: 'shipping refuses create-shipment (no courier can collect)',
    fault: { service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier can collect' },
  },
  {
    id: 'payment-declines',
    words: 'payment declines charge-payment (card declined)',
    fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' },
  },
  {
    id: 'payment-crash-after-refund',
    words: 'payment crashes after committing refund-payment',
    fault: { service: 'payment', action: 'refund-payment', kind: 'crash-after-commit' },
  },
];

/** The forms by id, as a lesson's challenge names them. */
const forms: WorldForm<KafkaChoreographyWorld>[] = [
  { id: 'faults', Form: FaultControls },
  { id: 'orders', Form: OrderControls },
];

export const KafkaChoreographyControls = worldControls<KafkaChoreographyWorld>(forms);

type Props = { store: AnyStore; w: KafkaChoreographyWorld };

function FaultControls({ store }: Props) {
  const [picked, setPicked] = useState(choreographyFaults[0]!.id);
  const { feedback, run } = useCommandRunner<KafkaChoreographyCommand>(store);
  const f = choreographyFaults.find((x) => x.id === picked) ?? choreographyFaults[0]!;
  return (
    <ControlGroup title="Faults" hint="A planted fault strikes the next matching delivery, once.">
      <div className="control-row">
        <label>
          Plant{' '}
          <select value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
            {choreographyFaults.map((x) => (
              <option key={x.id} value={x.id}>
                {x.words}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => run([{ type: 'inject-fault', fault: f.fault }], () => `Planted: ${f.words}.`)}>
          Plant the fault
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function OrderControls({ store, w }: Props) {
  const [orderId, setOrderId] = useState('');
  const { feedback, setFeedback, run } = useCommandRunner<KafkaChoreographyCommand>(store);
  const suggested = freeOrderId((id) => Object.hasOwn(w.placed, id));
  return (
    <ControlGroup title="Orders" hint="Run the simulation on with the transport to watch the events.">
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const id = orderId.trim() === '' ? suggested : orderId.trim();
          if (!/^[A-Za-z0-9._-]{1,64}$/.test(id))
            return setFeedback({ ok: false, text: 'an order id is 1 to 64 letters, digits, dots, dashes or underscores' });
          if (run([{ type: 'place-order', orderId: id }], () => `Placed ${id}: PlaceOrder is on the topic.`)) setOrderId('');
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
