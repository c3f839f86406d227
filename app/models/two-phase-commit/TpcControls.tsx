/**
 * Two-phase commit's controls as forms, each reachable from the keyboard: plant the coordinator's
 * crash right after the next YES votes (before or after it logs the decision) and recover it; begin
 * a transaction over every participant. Each is a model command, so it steps back and travels in
 * the share link.
 */
import { useState } from 'react';
import type { TpcCommand, TpcWorld } from '../../../simulator/index.ts';
import { ControlGroup, FeedbackLine, useCommandRunner, type AnyStore, worldControls, type WorldForm } from '../control-kit.tsx';
import { freeTxId } from './tpc-actions.ts';

type When = 'before-decision' | 'after-decision';

const whenWords: Record<When, string> = {
  'before-decision': 'before it logs a decision',
  'after-decision': 'after it logs the decision',
};

/** The forms by id, as a lesson's challenge names them. */
const forms: WorldForm<TpcWorld>[] = [
  { id: 'coordinator', Form: CoordinatorControls },
  { id: 'transactions', Form: TransactionControls },
];

export const TpcControls = worldControls<TpcWorld>(forms);

type Props = { store: AnyStore; w: TpcWorld };

function CoordinatorControls({ store, w }: Props) {
  const [when, setWhen] = useState<When>('before-decision');
  const { feedback, run } = useCommandRunner<TpcCommand>(store);
  const c = w.coordinator;
  const hint = !c.up
    ? 'The coordinator is down.'
    : c.crashAfterVotes
      ? `Planted: it crashes after the next YES votes, ${whenWords[c.crashAfterVotes.when]}.`
      : 'The coordinator is up; no crash is planted.';
  return (
    <ControlGroup title="Coordinator crash" hint={hint}>
      <div className="control-row">
        <label>
          Crash after the next YES votes,{' '}
          <select value={when} onChange={(e) => setWhen(e.currentTarget.value as When)}>
            {(Object.keys(whenWords) as When[]).map((k) => (
              <option key={k} value={k}>
                {whenWords[k]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            run(
              [{ type: 'arm-coordinator-crash', when }],
              () => `The coordinator will crash after the next YES votes, ${whenWords[when]}.`,
            )
          }
        >
          Plant the crash
        </button>
      </div>
      <button
        type="button"
        onClick={() =>
          run(
            [{ type: 'recover-coordinator' }],
            () => 'The coordinator is back: it reads its log and asks the participants what they hold in doubt.',
          )
        }
      >
        Recover the coordinator
      </button>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function TransactionControls({ store, w }: Props) {
  const { feedback, run } = useCommandRunner<TpcCommand>(store);
  const txId = freeTxId(w);
  return (
    <ControlGroup title="Transactions" hint="Run the simulation on with the transport to watch the votes and the decision.">
      <button
        type="button"
        onClick={() =>
          run(
            [{ type: 'begin', txId }],
            () => `Began ${txId}: the coordinator asks ${w.config.participants.join(', ')} to prepare.`,
          )
        }
      >
        Begin {txId}
      </button>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}
