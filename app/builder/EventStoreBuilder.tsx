/**
 * The event store's Build tab: open accounts (each an aggregate with its own stream), deposit and
 * withdraw, add projections (the correct balances projector or the buggy one, to rebuild later),
 * and a snapshot policy. Each is a command of the bank model (simulator/eventstore/bank-model.ts).
 */
import { useState } from 'react';
import { bankModel, eventStoreModel } from '../../simulator/index.ts';
import { BuildStatus, Choice, NumberField, Part, TextField, useNames, useSend, type AnyStore } from './form-kit.tsx';

const projectors = Object.keys(bankModel.projectors);

export function EventStoreBuilder({ store }: { store: AnyStore }) {
  const { send, problem, refused, done } = useSend(store, eventStoreModel.loadCommand);
  const accounts = useNames(store, 'aggregate');
  const projections = useNames(store, 'projection');
  const [stream, setStream] = useState('');
  const [owner, setOwner] = useState('Ada');
  const [picked, setPicked] = useState('');
  const account = accounts.includes(picked) ? picked : (accounts[0] ?? '');
  const [amount, setAmount] = useState('100');
  const [projection, setProjection] = useState('');
  const [projector, setProjector] = useState(projectors[0] ?? 'balances');
  const [processingMs, setProcessingMs] = useState('50');
  const [every, setEvery] = useState('5');
  const nextStream = `account-${accounts.length + 1}`;
  const nextProjection = `balances-${projections.length + 1}`;
  const cents = Math.round(Number(amount) * 100);
  return (
    <div className="builder">
      <BuildStatus problem={problem} refused={refused} done={done} />
      <Part
        legend="Open an account (an aggregate with its own stream, account-<id>)"
        submit="Open account"
        onSubmit={() =>
          send({ type: 'open-account', stream: stream.trim() || nextStream, owner }, `${stream.trim() || nextStream} opened`)
        }
      >
        <TextField label="Stream" value={stream} onChange={setStream} placeholder={nextStream} />
        <TextField label="Owner" value={owner} onChange={setOwner} />
      </Part>
      {accounts.length > 0 && (
        <Part
          legend="Move money"
          submit="Deposit"
          onSubmit={() => send({ type: 'deposit', stream: account, amountCents: cents }, `deposited into ${account}`)}
        >
          <Choice label="Account" value={account} options={accounts} onChange={setPicked} />
          <NumberField label="Amount" value={amount} onChange={setAmount} min={0} />
          <button
            type="button"
            onClick={() => send({ type: 'withdraw', stream: account, amountCents: cents }, `withdrew from ${account}`)}
          >
            Withdraw
          </button>
        </Part>
      )}
      <Part
        legend="Add a projection (a read model fed by a subscription)"
        submit="Add projection"
        onSubmit={() =>
          send(
            { type: 'add-projection', id: projection.trim() || nextProjection, projector, processingMs: Number(processingMs) },
            `projection ${projection.trim() || nextProjection} added`,
          )
        }
      >
        <TextField label="Projection id" value={projection} onChange={setProjection} placeholder={nextProjection} />
        <Choice label="Projector" value={projector} options={projectors} onChange={setProjector} />
        <NumberField label="Processing (ms per event)" value={processingMs} onChange={setProcessingMs} min={0} max={60000} />
      </Part>
      {accounts.length > 0 && (
        <Part
          legend="Snapshot policy"
          submit="Snapshot every N events"
          onSubmit={() =>
            send({ type: 'enable-snapshots', stream: account, everyEvents: Number(every) }, `snapshots every ${every} events`)
          }
        >
          <Choice label="Account" value={account} options={accounts} onChange={setPicked} />
          <NumberField label="Every (events)" value={every} onChange={setEvery} min={1} />
        </Part>
      )}
    </div>
  );
}
