/**
 * The schema editor: Avro JSON in a text area, a target (a producer writes with it, a group reads
 * with it, or it is registered under a subject), the subject's compatibility level, and Register.
 * The registry's answer — accepted, or refused with the rule and the field — shows below, and the
 * learner watches the consumers read or fail in the strips and groups. Everything is a command.
 */
import { useId, useState } from 'react';
import { COMPATIBILITY_LEVELS } from '../../../../simulator/index.ts';
import type { AvroSchema, CompatibilityLevel, KafkaCommand, KafkaSchemaView } from '../../../../simulator/index.ts';
import type { WorkbenchStore } from '../../../workbench/store.ts';
import { jsonErrorMessage, presetsFor } from './schema-presets.ts';

type Target = { kind: 'producer' | 'group' | 'subject'; name: string };

function targetsOf(view: KafkaSchemaView): Target[] {
  const out: Target[] = [];
  for (const p of view.producers) if (p.topic !== '') out.push({ kind: 'producer', name: p.producer });
  for (const g of view.groups) out.push({ kind: 'group', name: g.group });
  for (const s of view.subjects) out.push({ kind: 'subject', name: s.subject });
  return out;
}

const key = (t: Target): string => `${t.kind}:${t.name}`;

function targetText(t: Target): string {
  return t.kind === 'producer'
    ? `producer ${t.name} writes with it (its serializer registers it)`
    : t.kind === 'group'
      ? `group ${t.name} reads with it`
      : `register it under subject ${t.name}`;
}

/** The subject whose level applies to a target (none for a group: readers register nothing). */
function subjectOf(view: KafkaSchemaView, t: Target): string | null {
  if (t.kind === 'subject') return t.name;
  if (t.kind === 'producer') return view.producers.find((p) => p.producer === t.name)?.subject ?? null;
  return null;
}

function currentSchema(view: KafkaSchemaView, t: Target | undefined): string {
  if (t === undefined) return '';
  const s =
    t.kind === 'producer'
      ? view.producers.find((p) => p.producer === t.name)?.schema
      : t.kind === 'group'
        ? view.groups.find((g) => g.group === t.name)?.schema
        : view.subjects.find((x) => x.subject === t.name)?.versions.at(-1)?.schema;
  return s == null ? '' : JSON.stringify(s, null, 2);
}

type Outcome = { ok: boolean; text: string } | null;

export function SchemaEditor({ store, view }: { store: WorkbenchStore<{ type: string }>; view: KafkaSchemaView }) {
  const id = useId();
  const targets = targetsOf(view);
  const [targetKey, setTargetKey] = useState(() => (targets[0] ? key(targets[0]) : ''));
  const target = targets.find((t) => key(t) === targetKey) ?? targets[0];
  const [text, setText] = useState(() => currentSchema(view, target));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const subject = target === undefined ? null : subjectOf(view, target);
  const subjectView = view.subjects.find((s) => s.subject === subject);
  const appliedLevel: CompatibilityLevel = subjectView?.level ?? view.globalLevel;
  const [level, setLevel] = useState<CompatibilityLevel>(appliedLevel);
  const presets = presetsFor(view);

  const send = (command: KafkaCommand): void => {
    const st = store.getState();
    if (st.dispatch(command)) setOutcome({ ok: true, text: `Accepted. ${store.getState().announcement}` });
    else setOutcome({ ok: false, text: `Refused. ${store.getState().error?.message ?? ''}` });
  };

  const register = (): void => {
    if (target === undefined) return;
    let schema: unknown;
    try {
      schema = JSON.parse(text);
    } catch (e) {
      setOutcome({ ok: false, text: jsonErrorMessage(text, e) });
      return;
    }
    if (typeof schema !== 'string' && (typeof schema !== 'object' || schema === null)) {
      setOutcome({ ok: false, text: 'An Avro schema is a type name in quotes, an object or a union array.' });
      return;
    }
    const s = schema as AvroSchema;
    if (target.kind === 'producer') send({ type: 'set-producer-schema', producer: target.name, schema: s });
    else if (target.kind === 'group') send({ type: 'set-reader-schema', group: target.name, schema: s });
    else send({ type: 'register-schema', subject: target.name, schema: s });
  };

  if (target === undefined) return null;
  return (
    <form
      className="sch-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        register();
      }}
    >
      <h3 id={`${id}-title`} className="sch-head">
        Change a schema
      </h3>
      <div className="sch-row">
        <label>
          Use it for{' '}
          <select
            value={key(target)}
            onChange={(e) => {
              const next = targets.find((t) => key(t) === e.currentTarget.value);
              setTargetKey(e.currentTarget.value);
              setText(currentSchema(view, next));
              const sub = next === undefined ? null : subjectOf(view, next);
              setLevel(view.subjects.find((x) => x.subject === sub)?.level ?? view.globalLevel);
              setOutcome(null);
            }}
          >
            {targets.map((t) => (
              <option key={key(t)} value={key(t)}>
                {targetText(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start from{' '}
          <select
            value=""
            onChange={(e) => {
              const p = presets[Number(e.currentTarget.value)];
              if (p !== undefined) setText(JSON.stringify(p.schema, null, 2));
            }}
          >
            <option value="">(pick a schema to edit)</option>
            {presets.map((p, i) => (
              <option key={p.label} value={i}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="sch-text-label" htmlFor={`${id}-text`}>
        Avro schema (JSON)
      </label>
      <textarea
        id={`${id}-text`}
        className="sch-text"
        value={text}
        spellCheck={false}
        rows={12}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <div className="sch-row">
        {subject !== null && (
          <>
            <label>
              Compatibility of {subject}{' '}
              <select value={level} onChange={(e) => setLevel(e.currentTarget.value as CompatibilityLevel)}>
                {COMPATIBILITY_LEVELS.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={level === appliedLevel && subjectView?.ownLevel === true}
              onClick={() => send({ type: 'set-compatibility', subject, level })}
            >
              Set level
            </button>
            <span className="sch-note">now {appliedLevel}</span>
          </>
        )}
        <button type="submit" className="sch-register">
          Register
        </button>
      </div>
      <p role="status" className={outcome === null ? 'sch-outcome' : `sch-outcome ${outcome.ok ? 'sch-ok' : 'sch-refused'}`}>
        {outcome === null ? (
          ''
        ) : (
          <>
            <span aria-hidden="true">{outcome.ok ? '✓ ' : '✕ '}</span>
            {outcome.text}
          </>
        )}
      </p>
    </form>
  );
}
