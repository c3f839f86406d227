/**
 * Kafka's controls as forms, each reachable from the keyboard: produce records (producer, topic,
 * key, event type, how many); set any consumer's processing time, faster or slower; add a consumer
 * to a group or take one out; and reset a group's offsets to earliest, latest, an offset or a
 * timestamp, as `kafka-consumer-groups --reset-offsets` does. Each is a model command, so the
 * model's own rules apply — a reset of a group that still has members is refused, as Kafka refuses
 * it — and every change steps back and travels in the share link.
 */
import { useState } from 'react';
import type { KafkaCommand, KafkaState } from '../../../simulator/index.ts';
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
import { nextKey, resetCommand, type ResetTo } from './kafka-controls.ts';

const processingMsMax = 60_000;

/** The forms by id, as a lesson's challenge names them. */
const forms = [
  { id: 'produce', Form: ProduceControls },
  { id: 'processing-time', Form: ConsumerControls },
  { id: 'group', Form: GroupControls },
];

export function KafkaControls({ store, only }: { store: AnyStore; only?: readonly string[] }) {
  const s = useModelState<KafkaState>(store);
  return (
    <div className="model-controls">
      {pickForms(forms, only).map(({ id, Form }) => (
        <Form key={id} store={store} s={s} />
      ))}
    </div>
  );
}

type Props = { store: AnyStore; s: KafkaState };

function ProduceControls({ store, s }: Props) {
  const producers = s.k.producers.filter((p) => !p.id.startsWith('cli')).map((p) => p.id);
  const topics = s.k.topics.map((t) => t.name);
  const [producer, setProducer] = usePick(producers);
  const own = s.k.producers.find((p) => p.id === producer);
  const [topic, setTopic] = usePick(topics, own ? s.k.topics[own.topic]?.name : undefined);
  const [key, setKey] = useState(`order-${s.k.counters.produced + 1}`);
  const [eventType, setEventType] = useState(own?.eventType ?? 'OrderPlaced');
  const [howMany, setHowMany] = useState('1');
  const { feedback, setFeedback, run } = useCommandRunner<KafkaCommand>(store);
  if (topics.length === 0) return null;
  const submit = (): void => {
    const n = wholeNumber(howMany, 'How many', 1, 100);
    if (typeof n === 'string') return setFeedback({ ok: false, text: n });
    const keys: string[] = [];
    let k = key.trim();
    for (let i = 0; i < n; i++) {
      keys.push(k);
      k = nextKey(k);
    }
    const commands: KafkaCommand[] = keys.map((kk) => ({
      type: 'produce',
      topic,
      ...(producer !== '' ? { producer } : {}),
      key: kk === '' ? null : kk,
      ...(eventType.trim() !== '' ? { value: { type: eventType.trim() } } : {}),
    }));
    const said = `${producer || 'A client'} wrote ${n === 1 ? `${eventType.trim() || 'a record'} ${keys[0] || '(no key)'}` : `${n} records, keys ${keys[0]} to ${keys.at(-1)}`} to ${topic}.`;
    if (run(commands, () => said) && key.trim() !== '') setKey(k);
  };
  return (
    <ControlGroup title="Produce records">
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        {producers.length > 0 && (
          <label>
            Producer{' '}
            <select value={producer} onChange={(e) => setProducer(e.currentTarget.value)}>
              {producers.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Topic{' '}
          <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
            {topics.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Key{' '}
          <input value={key} maxLength={64} size={10} onChange={(e) => setKey(e.currentTarget.value)} placeholder="(no key)" />
        </label>
        <label>
          Event type <input value={eventType} maxLength={40} size={12} onChange={(e) => setEventType(e.currentTarget.value)} />
        </label>
        <label>
          How many <input value={howMany} inputMode="numeric" size={3} onChange={(e) => setHowMany(e.currentTarget.value)} />
        </label>
        <button type="submit">Produce</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function ConsumerControls({ store, s }: Props) {
  const running = s.k.consumers.filter((c) => c.phase !== 'left');
  const [consumer, setConsumer] = usePick(running.map((c) => c.id));
  const current = running.find((c) => c.id === consumer);
  // The field shows the consumer's own time until the learner types another.
  const [typed, setTyped] = useState<{ consumer: string; text: string } | null>(null);
  const ms = typed !== null && typed.consumer === consumer ? typed.text : String(current?.processingMs ?? '');
  const setMs = (text: string): void => setTyped({ consumer, text });
  const { feedback, setFeedback, run } = useCommandRunner<KafkaCommand>(store);
  if (running.length === 0) return null;
  return (
    <ControlGroup title="A consumer's processing time">
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const n = wholeNumber(ms, 'Processing time', 0, processingMsMax);
          if (typeof n === 'string') return setFeedback({ ok: false, text: n });
          const before = current?.processingMs;
          run([{ type: 'slow-consumer', consumer, processingMs: n }], () => {
            const dir = before === undefined || before === n ? 'now' : n < before ? 'faster: now' : 'slower: now';
            return `${consumer} is ${dir} ${n} ms a record (up to ${n === 0 ? 'any number of' : Math.floor(1000 / n)} records a second).`;
          });
        }}
      >
        <label>
          Consumer{' '}
          <select value={consumer} onChange={(e) => setConsumer(e.currentTarget.value)}>
            {running.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id} ({c.processingMs} ms)
              </option>
            ))}
          </select>
        </label>
        <label>
          ms per record <input value={ms} inputMode="numeric" size={6} onChange={(e) => setMs(e.currentTarget.value)} />
        </label>
        <button type="submit">Set processing time</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}

function GroupControls({ store, s }: Props) {
  const groups = s.k.groups.map((g) => g.id);
  const [groupId, setGroup] = usePick(groups);
  const group = s.k.groups.findLast((g) => g.id === groupId);
  const gi = group === undefined ? -1 : s.k.groups.indexOf(group);
  const members = s.k.consumers.filter((c) => c.group === gi && c.phase !== 'left');
  const [member, setMember] = usePick(members.map((c) => c.id));
  const topics = (group?.topics ?? []).map((t) => s.k.topics[t]!.name);
  const [topic, setTopic] = usePick(topics);
  const [to, setTo] = useState<ResetTo>('timestamp');
  const [at, setAt] = useState('0');
  const { feedback, setFeedback, run } = useCommandRunner<KafkaCommand>(store);
  if (group === undefined) return null;
  const active = group.members.length;
  const leaving = active > 0 && group.members.every((m) => s.k.consumers[m.consumer]!.phase === 'left');
  const membersWords =
    active === 0
      ? 'no active members'
      : leaving
        ? `${active} member${active === 1 ? '' : 's'} leaving (the coordinator has not handled the leave yet)`
        : `${active} active member${active === 1 ? '' : 's'}`;
  return (
    <ControlGroup
      title="A consumer group"
      hint={`${groupId}: ${membersWords}. Kafka resets a group's offsets only when it has none.`}
    >
      <div className="control-row">
        <label>
          Group{' '}
          <select value={groupId} onChange={(e) => setGroup(e.currentTarget.value)}>
            {groups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() =>
            run([{ type: 'add-consumer', group: groupId }], () => `A new consumer is joining ${groupId}; the group rebalances.`)
          }
        >
          Add a consumer
        </button>
      </div>
      {members.length > 0 && (
        <div className="control-row">
          <label>
            Member{' '}
            <select value={member} onChange={(e) => setMember(e.currentTarget.value)}>
              {members.map((c) => (
                <option key={c.id}>{c.id}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() =>
              run([{ type: 'remove-consumer', consumer: member }], () => `${member} is leaving ${groupId} (a clean leave).`)
            }
          >
            Remove from the group
          </button>
        </div>
      )}
      <form
        className="control-row"
        onSubmit={(e) => {
          e.preventDefault();
          const made = resetCommand(groupId, topic, to, at);
          if (typeof made === 'string') return setFeedback({ ok: false, text: made });
          run([made], () => {
            const last = (store.getState().peekState() as KafkaState).trace.entries.findLast((x) => x.type === 'offsets-reset');
            const offsets = last?.type === 'offsets-reset' ? last.offsets.join(', ') : '?';
            return `${groupId}'s offsets on ${topic} now point at ${offsets}.`;
          });
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
          Reset to{' '}
          <select value={to} onChange={(e) => setTo(e.currentTarget.value as ResetTo)}>
            <option value="earliest">earliest</option>
            <option value="latest">latest</option>
            <option value="offset">an offset</option>
            <option value="timestamp">a time (seconds)</option>
          </select>
        </label>
        {(to === 'offset' || to === 'timestamp') && (
          <label>
            {to === 'offset' ? 'Offset' : 'At second'}{' '}
            <input value={at} inputMode="decimal" size={6} onChange={(e) => setAt(e.currentTarget.value)} />
          </label>
        )}
        <button type="submit">Reset offsets</button>
      </form>
      <FeedbackLine feedback={feedback} />
    </ControlGroup>
  );
}
