/**
 * The choreography's Build form: the flow is nothing but who reacts to which event, so the learner
 * changes it by adding a reaction (on an event, a service runs one of its own actions and announces
 * an event, or another when it refuses) or removing one. Each is a model command
 * (simulator/saga/choreography-reactions.ts), so it steps back and travels in the share link; a
 * refusal is the model's, beside the form.
 */
import { useState } from 'react';
import {
  ACTIONS,
  BUS_MESSAGE_NAMES,
  SERVICE_NAMES,
  reactionsOf,
  type ActionName,
  type ChoreographyCommand,
  type ChoreographyWorld,
  type Reaction,
  type ServiceName,
} from '../../../simulator/index.ts';
import { ControlGroup, FeedbackLine, useCommandRunner, usePick, worldControls, type AnyStore } from '../control-kit.tsx';

type Props = { store: AnyStore; w: ChoreographyWorld };
type EventName = Reaction['on'];

const actionsOf = (service: string): ActionName[] => (Object.keys(ACTIONS) as ActionName[]).filter((a) => ACTIONS[a] === service);

const select = (label: string, value: string, options: readonly string[], set: (v: string) => void) => (
  <label>
    {label}{' '}
    <select value={value} onChange={(e) => set(e.currentTarget.value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {o === '' ? 'nothing' : o}
        </option>
      ))}
    </select>
  </label>
);

function ReactionForm({ store, w }: Props) {
  const { feedback, run } = useCommandRunner<ChoreographyCommand>(store);
  const [on, setOn] = usePick(BUS_MESSAGE_NAMES, 'OrderPlaced');
  const [service, setService] = usePick(SERVICE_NAMES, 'inventory');
  const [action, setAction] = usePick(actionsOf(service));
  const [ok, setOk] = usePick(BUS_MESSAGE_NAMES, 'InventoryReserved');
  const [rejected, setRejected] = useState('');
  const reactions = reactionsOf(w);
  const add = (): void => {
    const reaction = {
      on: on as EventName,
      service: service as ServiceName,
      action: action as ActionName,
      ok: ok as EventName,
      ...(rejected !== '' ? { rejected: rejected as EventName } : {}),
    };
    run([{ type: 'add-reaction', reaction }], () => `From now on ${service} reacts to ${on} with ${action}.`);
  };
  return (
    <ControlGroup
      title="Reactions"
      hint="The flow is who reacts to which event. A change applies to events published afterwards."
    >
      <ul className="reaction-list">
        {reactions.map((r) => (
          <li key={`${r.on}/${r.service}`}>
            on {r.on}: {r.service} runs {r.action} → {r.ok}
            {r.rejected ? ` (refused: ${r.rejected})` : ''}{' '}
            <button
              type="button"
              onClick={() =>
                run([{ type: 'remove-reaction', on: r.on, service: r.service }], () => `${r.service} now ignores ${r.on}.`)
              }
            >
              Remove {r.service} on {r.on}
            </button>
          </li>
        ))}
      </ul>
      <form
        // builder-fields: the playground's Build tab styles it (control-row is styled by the lesson player).
        className="control-row builder-fields"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        {select('On event', on, BUS_MESSAGE_NAMES, setOn)}
        {select('Service', service, SERVICE_NAMES, setService)}
        {select('Runs', action, actionsOf(service), setAction)}
        {select('Announces', ok, BUS_MESSAGE_NAMES, setOk)}
        {select('When it refuses', rejected, ['', ...BUS_MESSAGE_NAMES], setRejected)}
        <button type="submit">Add reaction</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

export const ChoreographyControls = worldControls<ChoreographyWorld>([{ id: 'reactions', Form: ReactionForm }]);
