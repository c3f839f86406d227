/**
 * The design panel of each exercise: the choices a candidate actually makes, as form controls
 * (selects, number fields, checkboxes, ordered steps with move buttons), every one labelled and
 * reachable by keyboard. Each panel edits a design object; the grader validates it again.
 */
import { useId } from 'react';
import {
  classifyItems,
  messageKinds,
  orderEventFields,
  sagaCompensationNames,
  sagaStepNames,
  type Design,
  type X01Design,
  type X02Design,
  type X03Design,
  type X05Design,
  type X06Design,
  type X08Design,
  type X09Design,
} from '../../simulator/index.ts';

interface PanelProps<D> {
  design: D;
  onChange(d: D): void;
}

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="design-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint && <span className="design-hint">{props.hint}</span>}
    </div>
  );
}

function Check(props: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="design-field">
      <label className="design-check">
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} /> {props.label}
      </label>
    </div>
  );
}

const numbers = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ value: String(from + i), label: String(from + i) }));

function X01Panel({ design, onChange }: PanelProps<X01Design>) {
  const answers = new Map(Object.entries(design.answers));
  return (
    <table className="design-table">
      <caption className="visually-hidden">Classify each message</caption>
      <thead>
        <tr>
          <th scope="col">Message</th>
          <th scope="col">Sent</th>
          <th scope="col">Kind</th>
        </tr>
      </thead>
      <tbody>
        {classifyItems.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <code>{m.message}</code>
            </th>
            <td>{m.context}</td>
            <td>
              <select
                aria-label={`${m.message} is a`}
                value={answers.get(m.id) ?? ''}
                onChange={(e) => {
                  const next = Object.fromEntries(answers);
                  if (e.currentTarget.value === '') delete next[m.id];
                  else next[m.id] = e.currentTarget.value as (typeof messageKinds)[number];
                  onChange({ ...design, answers: next });
                }}
              >
                <option value="">choose…</option>
                {messageKinds.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function X02Panel({ design, onChange }: PanelProps<X02Design>) {
  const options = [
    ...orderEventFields.map((f) => ({ value: f as string, label: f as string })),
    { value: '', label: '(no key)' },
  ];
  return (
    <Select
      label="Record key"
      value={design.key ?? ''}
      options={options}
      onChange={(v) => onChange({ ...design, key: v === '' ? null : (v as X02Design['key']) })}
      hint="The field of each order event whose value becomes the Kafka record key."
    />
  );
}

function X03Panel({ design, onChange }: PanelProps<X03Design>) {
  return (
    <>
      <Select
        label="Partitions"
        value={String(design.partitions)}
        options={numbers(1, 24)}
        onChange={(v) => onChange({ ...design, partitions: Number(v) })}
      />
      <Select
        label="Consumers"
        value={String(design.consumers)}
        options={numbers(1, 24)}
        onChange={(v) => onChange({ ...design, consumers: Number(v) })}
      />
      <Select
        label="Key"
        value={design.key}
        options={[
          { value: 'orderId', label: 'orderId' },
          { value: 'storeId', label: 'storeId (one store sends most orders)' },
        ]}
        onChange={(v) => onChange({ ...design, key: v })}
      />
    </>
  );
}

function X05Panel({ design, onChange }: PanelProps<X05Design>) {
  const steps = design.steps;
  const move = (i: number, by: -1 | 1) => {
    const next = steps.slice();
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange({ ...design, steps: next });
  };
  const missing = sagaStepNames.filter((n) => !steps.some((s) => s.name === n));
  return (
    <>
      <ol className="saga-steps">
        {steps.map((s, i) => (
          <li key={s.name}>
            <span className="saga-step-name">
              {i + 1}. <code>{s.name}</code>
            </span>
            <Select
              label={`Compensation of ${s.name}`}
              value={s.compensation ?? ''}
              options={[
                { value: '', label: '(none)' },
                ...sagaCompensationNames.map((c) => ({ value: c as string, label: c as string })),
              ]}
              onChange={(v) =>
                onChange({
                  ...design,
                  steps: steps.map((x, j) =>
                    j === i ? { ...x, compensation: v === '' ? null : (v as typeof x.compensation) } : x,
                  ),
                })
              }
            />
            <span className="saga-step-moves">
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${s.name} up`}>
                ↑ Up
              </button>
              <button
                type="button"
                disabled={i === steps.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`Move ${s.name} down`}
              >
                ↓ Down
              </button>
              <button
                type="button"
                onClick={() => onChange({ ...design, steps: steps.filter((_, j) => j !== i) })}
                aria-label={`Remove ${s.name}`}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
      {missing.map((n) => (
        <button key={n} type="button" onClick={() => onChange({ ...design, steps: [...steps, { name: n, compensation: null }] })}>
          Add {n}
        </button>
      ))}
      <Check
        label="Compensations are idempotent (deduplicated by order and action)"
        checked={design.idempotentCompensations ?? true}
        onChange={(v) => onChange({ ...design, idempotentCompensations: v })}
      />
    </>
  );
}

function X06Panel({ design, onChange }: PanelProps<X06Design>) {
  return (
    <>
      <Select
        label="How the event leaves the service"
        value={design.write}
        options={[
          { value: 'dual-write', label: 'Dual write: database and broker separately' },
          { value: 'outbox', label: 'Transactional outbox + relay' },
        ]}
        onChange={(v) =>
          onChange(
            v === 'outbox'
              ? { exercise: 'X06', write: v, relay: 'polling', consumerDedup: design.consumerDedup }
              : { exercise: 'X06', write: v, dualWriteOrder: 'db-first', consumerDedup: design.consumerDedup },
          )
        }
      />
      {design.write === 'dual-write' ? (
        <Select
          label="Which write goes first"
          value={design.dualWriteOrder ?? 'db-first'}
          options={[
            { value: 'db-first', label: 'Database, then publish' },
            { value: 'publish-first', label: 'Publish, then database' },
          ]}
          onChange={(v) => onChange({ ...design, dualWriteOrder: v })}
        />
      ) : (
        <Select
          label="Relay"
          value={design.relay ?? 'polling'}
          options={[
            { value: 'polling', label: 'Polls the outbox table' },
            { value: 'cdc', label: 'Tails the write-ahead log (CDC)' },
          ]}
          onChange={(v) => onChange({ ...design, relay: v })}
        />
      )}
      <Check
        label="The consumer skips event ids it already applied (dedup store)"
        checked={design.consumerDedup}
        onChange={(v) => onChange({ ...design, consumerDedup: v })}
      />
    </>
  );
}

function X08Panel({ design, onChange }: PanelProps<X08Design>) {
  return (
    <Select
      label="How a reader's feed is served"
      value={design.readPath}
      options={[
        { value: 'feed', label: 'From their materialised feed only' },
        { value: 'feed-merged-with-own-posts', label: 'Their feed, merged with their own posts from the write model' },
        { value: 'write-model', label: 'Rebuilt from the write model on every read' },
      ]}
      onChange={(v) => onChange({ ...design, readPath: v })}
    />
  );
}

function X09Panel({ design, onChange }: PanelProps<X09Design>) {
  return (
    <>
      <Select
        label="acks"
        value={design.acks}
        options={[
          { value: '0', label: '0 (fire and forget)' },
          { value: '1', label: '1 (the leader has it)' },
          { value: 'all', label: 'all (every in-sync replica has it)' },
        ]}
        onChange={(v) => onChange({ ...design, acks: v })}
      />
      <Select
        label="Replication factor"
        value={String(design.replicationFactor)}
        options={numbers(1, 3)}
        onChange={(v) => onChange({ ...design, replicationFactor: Number(v) })}
      />
      <Select
        label="min.insync.replicas"
        value={String(design.minInsyncReplicas)}
        options={numbers(1, 3)}
        onChange={(v) => onChange({ ...design, minInsyncReplicas: Number(v) })}
      />
      <Check
        label="Unclean leader election"
        checked={design.uncleanLeaderElection}
        onChange={(v) => onChange({ ...design, uncleanLeaderElection: v })}
      />
    </>
  );
}

/** The panel for a design's exercise. */
export function DesignPanel({ design, onChange }: PanelProps<Design>) {
  const set = onChange as (d: never) => void;
  switch (design.exercise) {
    case 'X01':
      return <X01Panel design={design} onChange={set} />;
    case 'X02':
      return <X02Panel design={design} onChange={set} />;
    case 'X03':
      return <X03Panel design={design} onChange={set} />;
    case 'X05':
      return <X05Panel design={design} onChange={set} />;
    case 'X06':
      return <X06Panel design={design} onChange={set} />;
    case 'X08':
      return <X08Panel design={design} onChange={set} />;
    case 'X09':
      return <X09Panel design={design} onChange={set} />;
  }
}
