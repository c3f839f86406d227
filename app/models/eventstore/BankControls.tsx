/**
 * The bank's controls as forms, each reachable from the keyboard: deposit or withdraw any amount
 * (the account's own rules refuse an overdraft, said beside the form with the balance that decided
 * it); load an account as of any revision; and choose the snapshot interval. Each is a model
 * command, so it steps back and travels in the share link.
 */
import { useState } from 'react';
import { isAccountStream, streamNames, type BankCommand, type BankState } from '../../../simulator/index.ts';
import {
  ControlGroup,
  FeedbackLine,
  pickForms,
  useCommandRunner,
  useModelState,
  usePick,
  wholeNumber,
  type AnyStore,
} from '../control-kit.tsx';
import { money, moneyOutcome, parseAmount } from './bank-controls.ts';

/** The forms by id, as a lesson's challenge names them. */
const forms = [
  { id: 'money', Form: MoneyControls },
  { id: 'load', Form: LoadControls },
  { id: 'snapshots', Form: SnapshotControls },
];

export function BankControls({ store, only }: { store: AnyStore; only?: readonly string[] }) {
  const s = useModelState<BankState>(store);
  const accounts = streamNames(s.world.store).filter(isAccountStream);
  if (accounts.length === 0) return <p className="control-hint">Open an account first (the commands node’s actions).</p>;
  return (
    <div className="model-controls">
      {pickForms(forms, only).map(({ id, Form }) => (
        <Form key={id} store={store} accounts={accounts} s={s} />
      ))}
    </div>
  );
}

type Props = { store: AnyStore; accounts: string[]; s: BankState };

function AccountPick({ accounts, value, onChange }: { accounts: string[]; value: string; onChange: (v: string) => void }) {
  return (
    <label>
      Account{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {accounts.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </select>
    </label>
  );
}

function MoneyControls({ store, accounts }: Props) {
  const [account, setAccount] = usePick(accounts);
  const [amount, setAmount] = useState('50');
  const { feedback, setFeedback, run } = useCommandRunner<BankCommand>(store);
  const send = (verb: 'deposit' | 'withdraw'): void => {
    const cents = parseAmount(amount);
    if (typeof cents === 'string') return setFeedback({ ok: false, text: cents });
    run([{ type: verb, stream: account, amountCents: cents }], () =>
      moneyOutcome(store.getState().peekState() as BankState, verb, account, cents),
    );
  };
  return (
    <ControlGroup title="Deposit or withdraw">
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          send('deposit');
        }}
      >
        <AccountPick accounts={accounts} value={account} onChange={setAccount} />
        <label>
          Amount <input value={amount} inputMode="decimal" size={8} onChange={(e) => setAmount(e.currentTarget.value)} />
        </label>
        <button type="submit">Deposit</button>
        <button type="button" onClick={() => send('withdraw')}>
          Withdraw
        </button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function LoadControls({ store, accounts }: Props) {
  const [account, setAccount] = usePick(accounts);
  const [revision, setRevision] = useState('0');
  const { feedback, setFeedback, run } = useCommandRunner<BankCommand>(store);
  return (
    <ControlGroup title="Load as of a revision">
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const r = wholeNumber(revision, 'A revision', 0, 1_000_000);
          if (typeof r === 'string') return setFeedback({ ok: false, text: r });
          run([{ type: 'load', stream: account, asOf: { revision: r } }], () => {
            const l = (store.getState().peekState() as BankState).lastLoad;
            if (l === null) return 'Loaded.';
            const from =
              l.snapshotRevision >= 0
                ? `from the snapshot at revision ${l.snapshotRevision.toLocaleString('en-US')}`
                : 'from the start';
            return `${account} as of revision ${l.revision.toLocaleString('en-US')}: balance ${money(l.state.balanceCents)} (replayed ${l.eventsReplayed.toLocaleString('en-US')} events ${from}).`;
          });
        }}
      >
        <AccountPick accounts={accounts} value={account} onChange={setAccount} />
        <label>
          Revision <input value={revision} inputMode="numeric" size={7} onChange={(e) => setRevision(e.currentTarget.value)} />
        </label>
        <button type="submit">Load</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function SnapshotControls({ store, accounts, s }: Props) {
  const [account, setAccount] = usePick(accounts);
  const [every, setEvery] = useState('1000');
  const { feedback, setFeedback, run } = useCommandRunner<BankCommand>(store);
  const now = s.world.snapshotEveryEvents;
  return (
    <ControlGroup
      title="Snapshot interval"
      hint={now === 0 ? 'Snapshots are off.' : `A snapshot every ${now.toLocaleString('en-US')} events.`}
    >
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const n = wholeNumber(every, 'The interval', 1, 1_000_000);
          if (typeof n === 'string') return setFeedback({ ok: false, text: n });
          run([{ type: 'enable-snapshots', stream: account, everyEvents: n }], () => {
            const list = (store.getState().peekState() as BankState).world.snapshots[account] ?? [];
            return `A snapshot every ${n.toLocaleString('en-US')} events: ${account} has ${list.length.toLocaleString('en-US')} snapshots${list.length > 0 ? `, the newest at revision ${list.at(-1)!.revision.toLocaleString('en-US')}` : ''}.`;
          });
        }}
      >
        <AccountPick accounts={accounts} value={account} onChange={setAccount} />
        <label>
          Every <input value={every} inputMode="numeric" size={7} onChange={(e) => setEvery(e.currentTarget.value)} /> events
        </label>
        <button type="submit">Set the interval</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}
