/**
 * RabbitMQ's Build tab: what the "Build routing" form in the head (app/models/amqp/AmqpBuilder.tsx)
 * does not: declare a queue with its arguments (x-message-ttl, x-max-length, x-overflow,
 * x-dead-letter-exchange, x-queue-type, …), delete a queue, and remove a binding. RabbitMQ's
 * refusals (an argument that does not match an existing queue's: PRECONDITION_FAILED) come back
 * from the model in its words.
 */
import { useState } from 'react';
import { amqpModel } from '../../simulator/index.ts';
import { parseArguments } from '../models/amqp/AmqpBuilder.tsx';
import { BuildStatus, Choice, Part, TextField, useNames, useSend, type AnyStore } from './form-kit.tsx';

export function AmqpBuildParts({ store }: { store: AnyStore }) {
  const { send, problem, refused, done } = useSend(store, amqpModel.loadCommand);
  const queues = useNames(store, 'queue');
  const exchanges = useNames(store, 'exchange').filter((x) => x !== '' && !x.startsWith('(') && !x.startsWith('amq.'));
  const [name, setName] = useState('');
  const [args, setArgs] = useState('x-message-ttl=5000, x-dead-letter-exchange=dlx');
  const [qPick, setQPick] = useState('');
  const queue = queues.includes(qPick) ? qPick : (queues[0] ?? '');
  const [xPick, setXPick] = useState('');
  const exchange = exchanges.includes(xPick) ? xPick : (exchanges[0] ?? '');
  const [key, setKey] = useState('');
  return (
    <div className="builder">
      <BuildStatus problem={problem} refused={refused} done={done} />
      <p className="builder-hint">
        Exchanges, bindings and consumers: <strong>Build routing</strong> at the top of the page. Here: queues with their
        arguments, and taking parts away.
      </p>
      <Part
        legend="Declare a queue with arguments"
        submit="Declare queue"
        onSubmit={() => {
          const parsed = parseArguments(args);
          send(
            { type: 'declare-queue', name: name.trim(), ...(Object.keys(parsed).length ? { arguments: parsed } : {}) },
            `queue ${name.trim()} declared`,
          );
        }}
      >
        <TextField label="Queue" value={name} onChange={setName} placeholder="orders" />
        <TextField
          label="Arguments"
          value={args}
          onChange={setArgs}
          placeholder="x-max-length=10, x-overflow=reject-publish"
          wide
        />
      </Part>
      {queues.length > 0 && (
        <Part
          legend="Delete a queue"
          submit="Delete queue"
          onSubmit={() => send({ type: 'delete-queue', name: queue }, `queue ${queue} deleted`)}
        >
          <Choice label="Queue" value={queue} options={queues} onChange={setQPick} />
        </Part>
      )}
      {queues.length > 0 && exchanges.length > 0 && (
        <Part
          legend="Remove a binding"
          submit="Unbind"
          onSubmit={() =>
            send(
              { type: 'unbind', source: exchange, destination: queue, destinationType: 'queue', routingKey: key },
              `${exchange} → ${queue} unbound`,
            )
          }
        >
          <Choice label="Exchange" value={exchange} options={exchanges} onChange={setXPick} />
          <Choice label="Queue" value={queue} options={queues} onChange={setQPick} />
          <TextField label="Routing key" value={key} onChange={setKey} />
        </Part>
      )}
    </div>
  );
}
