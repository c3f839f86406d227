/**
 * The Apps tab of the Kafka workbench: the applications behind consumer groups. A form adds one —
 * what it reads, when it commits, a poison key its handler cannot handle, how failures are retried
 * and whether they end in a dead-letter topic — and each application shows what its handler did:
 * records whose effect happened once, duplicates, losses, dead letters waiting, retries, calls to
 * the outside world and records a retry let a later one overtake. "Deploy the fix" and "Replay
 * dead letters" are the operator's two moves after a poison record. All of it is model commands,
 * so it steps back and travels in the share link.
 */
import { useId, useState } from 'react';
import { kafkaAppsView, type KafkaAppView, type KafkaCommand, type KafkaState } from '../../../../simulator/index.ts';
import type { PanelProps } from '../../types.ts';
import { FeedbackLine, useCommandRunner, useModelState, usePick, type AnyStore } from '../../control-kit.tsx';
import { appCommands, commitChoices, freeAppId, retryChoices, type CommitChoice, type RetryChoice } from './app-form.ts';
import '../../../workbench/panels/panels.css';
import './apps.css';

/** The commit policy in the form's own words ("before processing (at most once)"), not its id. */
const commitWords = (c: CommitChoice): string => commitChoices.find((x) => x.value === c)?.label ?? c;

function AddApp({ store, s }: { store: AnyStore; s: KafkaState }) {
  const sources = s.k.topics.map((t) => t.name).filter((n) => !/-(dlt|retry-\d+m?s)$/.test(n));
  const [topic, setTopic] = usePick(sources);
  const [group, setGroup] = useState(() => freeAppId(s));
  const [commit, setCommit] = useState<CommitChoice>('after-process');
  const [poisonKey, setPoisonKey] = useState('');
  const [retry, setRetry] = useState<RetryChoice>('blocking');
  const [attempts, setAttempts] = useState('3');
  const [backoffMs, setBackoffMs] = useState('100');
  const [deadLetter, setDeadLetter] = useState(true);
  const [output, setOutput] = useState('');
  const { feedback, setFeedback, run } = useCommandRunner<KafkaCommand>(store);
  if (sources.length === 0) return <p className="wbp-empty">Create a topic first: an application reads one.</p>;
  const submit = (): void => {
    const cmds = appCommands(s, { group, topic, commit, poisonKey, retry, attempts, backoffMs, deadLetter, output });
    if (typeof cmds === 'string') return setFeedback({ ok: false, text: cmds });
    const said = `Application ${group.trim()} reads ${topic}${poisonKey.trim() ? `; key ${poisonKey.trim()} is poison` : ''}.`;
    if (run(cmds, () => said)) setGroup(freeAppId(store.getState().peekState() as KafkaState));
  };
  return (
    <form
      className="apps-form"
      aria-label="Add an application"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label>
        Group id <input value={group} size={10} maxLength={64} onChange={(e) => setGroup(e.currentTarget.value)} />
      </label>
      <label>
        Reads{' '}
        <select value={topic} onChange={(e) => setTopic(e.currentTarget.value)}>
          {sources.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Commits{' '}
        <select value={commit} onChange={(e) => setCommit(e.currentTarget.value as CommitChoice)}>
          {commitChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Poison key{' '}
        <input
          value={poisonKey}
          size={10}
          maxLength={64}
          placeholder="(none)"
          onChange={(e) => setPoisonKey(e.currentTarget.value)}
        />
      </label>
      <label>
        On failure{' '}
        <select value={retry} onChange={(e) => setRetry(e.currentTarget.value as RetryChoice)}>
          {retryChoices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Attempts <input value={attempts} size={3} inputMode="numeric" onChange={(e) => setAttempts(e.currentTarget.value)} />
      </label>
      <label>
        Backoff (ms){' '}
        <input value={backoffMs} size={6} inputMode="numeric" onChange={(e) => setBackoffMs(e.currentTarget.value)} />
      </label>
      <label>
        <input type="checkbox" checked={deadLetter} onChange={(e) => setDeadLetter(e.currentTarget.checked)} /> Dead-letter topic
      </label>
      <label>
        Writes to{' '}
        <select value={output} onChange={(e) => setOutput(e.currentTarget.value)}>
          <option value="">(nothing)</option>
          {s.k.topics.map((t) => (
            <option key={t.name}>{t.name}</option>
          ))}
        </select>
      </label>
      <button type="submit">Add application</button>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}

function AppCard({ app, store }: { app: KafkaAppView; store: AnyStore }) {
  const { feedback, run } = useCommandRunner<KafkaCommand>(store);
  const counts: Array<[string, number]> = [
    ['effect once', app.effectOnce],
    ['effect more than once', app.repeated],
    ['duplicates', app.duplicates],
    ['lost', app.lost],
    ['in dead-letter topic', app.parked],
    ['not handled yet', app.pending],
    ['failed attempts', app.failures],
    ['retried in place', app.retriedInPlace],
    ['sent to retry topics', app.sentToRetryTopics],
    ['dead-lettered', app.deadLettered],
    ['given up', app.dropped],
    ...(app.deduped > 0 ? [['skipped as duplicates', app.deduped] as [string, number]] : []),
    ...app.calls.map((c): [string, number] => [`${c.name} calls`, c.count]),
  ];
  return (
    <li>
      <h3 className="apps-head">
        {app.group} · commits {commitWords(app.commit)}
      </h3>
      <p>
        Handler: {app.handler}. On failure: {app.onError}.
      </p>
      <dl className="apps-counts" aria-label={`What ${app.group} did`}>
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      {app.overtaken.length > 0 && <p>Overtaken by a later record of the same key: {app.overtaken.join(', ')}</p>}
      <div className="apps-form">
        {app.failing && (
          <button
            type="button"
            onClick={() =>
              run([{ type: 'fix-handler', group: app.group }], () => `The fix for ${app.group} is deployed: nothing fails now.`)
            }
          >
            Deploy the fix to {app.group}
          </button>
        )}
        {app.deadLetterTopics
          .filter((d) => d.held > 0)
          .map((d) => (
            <button
              key={d.dlt}
              type="button"
              onClick={() =>
                run(
                  [{ type: 'replay-dead-letters', group: app.group, topic: d.topic }],
                  () => `${d.held} record(s) of ${d.dlt} were produced to ${d.topic} again.`,
                )
              }
            >
              Replay {d.held} from {d.dlt}
            </button>
          ))}
      </div>
      <FeedbackLine feedback={feedback} />
    </li>
  );
}

export function AppsPanel({ store }: { store: AnyStore }) {
  const s = useModelState<KafkaState>(store);
  const headingId = useId();
  const apps = kafkaAppsView(s);
  return (
    <section className="wbp-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        Applications
      </h2>
      <AddApp store={store} s={s} />
      {apps.length === 0 ? (
        <p className="wbp-empty">No group runs an application yet: add one above.</p>
      ) : (
        <ul className="apps-list" aria-label="Applications">
          {apps.map((a) => (
            <AppCard key={a.group} app={a} store={store} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ConnectedAppsPanel({ store }: PanelProps) {
  return <AppsPanel store={store} />;
}
