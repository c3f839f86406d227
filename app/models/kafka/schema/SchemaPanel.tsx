/**
 * The Schemas tab of the Kafka workbench: the registry (global level; subjects with their level,
 * versions and global ids), which schema each producer writes with and each group reads with, what
 * each group could not read (where it stopped — with a button to skip the record — or what it sent
 * to a dead-letter topic, and why), and the schema editor. State is always said in words and
 * icons, never by colour alone.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { KafkaCommand, KafkaSchemaView, SchemaGroupView } from '../../../../simulator/index.ts';
import type { PanelProps } from '../../types.ts';
import { kafkaPanels } from '../kafka-view.ts';
import { SchemaEditor } from './SchemaEditor.tsx';
import { schemaLabel } from './schema-view.ts';
import '../../../workbench/panels/panels.css';
import './schema.css';

function Json({ value, summary }: { value: unknown; summary: string }) {
  return (
    <details className="sch-json">
      <summary>{summary}</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

function Subjects({ view }: { view: KafkaSchemaView }) {
  if (view.subjects.length === 0)
    return <p className="wbp-empty">No subjects yet: the first serializer to send registers one.</p>;
  return (
    <ul className="sch-list" aria-label="Subjects">
      {view.subjects.map((s) => (
        <li key={s.subject}>
          <strong>{s.subject}</strong> · level {s.level}
          {s.ownLevel ? ' (its own)' : ' (global)'}
          <ol className="sch-versions" aria-label={`Versions of ${s.subject}`}>
            {s.versions.map((v) => (
              <li key={v.version}>
                <Json
                  value={v.schema}
                  summary={`v${v.version} · id ${v.id}${v.deleted ? ' · deleted' : ''} · ${schemaLabel(v.schema)}`}
                />
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}

function Group({ g, onSkip }: { g: SchemaGroupView; onSkip: (partition: string) => void }) {
  return (
    <li>
      <strong>{g.group}</strong> reads {g.schema === null ? 'without a schema' : schemaLabel(g.schema)}
      {g.deadLetter ? ', unreadable records to the dead-letter topic' : ''}
      <span className="sch-counts">
        {' '}
        · read {g.read} · could not read {g.unreadable}
        {g.deadLetter ? ` · dead-lettered ${g.deadLettered}` : ''}
      </span>
      {g.stopped.map((x) => (
        <p key={x.partition} className="sch-stopped">
          <span aria-hidden="true">⛔ </span>
          Stopped on {x.partition} at offset {x.offset}: {x.reason}{' '}
          <button type="button" onClick={() => onSkip(x.partition)}>
            Skip this record
          </button>
        </p>
      ))}
      {g.lastRead !== null && (
        <Json
          value={g.lastRead.value}
          summary={`Last read: ${g.lastRead.partition} offset ${g.lastRead.offset}, written with schema id ${g.lastRead.schemaId}`}
        />
      )}
    </li>
  );
}

export function SchemaPanel({ view, store }: { view: KafkaSchemaView | null; store: PanelProps['store'] }) {
  const headingId = useId();
  if (view === null)
    return (
      <section className="wbp-panel" aria-labelledby={headingId}>
        <h2 id={headingId} className="wbp-title">
          Schema registry
        </h2>
        <p className="wbp-empty">
          This scenario uses no schemas. Open one of the “Schema evolution” scenarios to see a registry, serializers and readers.
        </p>
      </section>
    );
  const skip = (group: string, partition: string): void => {
    const cut = partition.lastIndexOf('-');
    const command: KafkaCommand = {
      type: 'skip-unreadable',
      group,
      topic: partition.slice(0, cut),
      partition: Number(partition.slice(cut + 1)),
    };
    store.getState().dispatch(command);
  };
  const deadLetters = view.unreadable.filter((u) => u.deadLettered).slice(-5);
  return (
    <section className="wbp-panel sch-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        Schema registry · global level {view.globalLevel}
      </h2>
      <SchemaEditor store={store} view={view} />
      <h3 className="sch-head">Subjects</h3>
      <Subjects view={view} />
      <h3 className="sch-head">Producers</h3>
      <ul className="sch-list" aria-label="Producers and their schemas">
        {view.producers.map((p) => (
          <li key={p.producer} className={p.error === null ? '' : 'sch-refused'}>
            <strong>{p.producer}</strong> writes {schemaLabel(p.schema)} to {p.topic}
            {p.error !== null ? (
              <span>
                {' '}
                · <span aria-hidden="true">✕ </span>refused, publishes nothing: {p.error}
              </span>
            ) : p.schemaId === null ? (
              ` · registers under ${p.subject} before its first send`
            ) : (
              ` · ${p.subject} v${p.version}, id ${p.schemaId}`
            )}
            {!p.autoRegister && ' · auto-registration off'}
          </li>
        ))}
      </ul>
      <h3 className="sch-head">Consumer groups</h3>
      <ul className="sch-list" aria-label="Consumer groups and their reader schemas">
        {view.groups.map((g) => (
          <Group key={g.group} g={g} onSkip={(partition) => skip(g.group, partition)} />
        ))}
      </ul>
      {deadLetters.length > 0 && (
        <>
          <h3 className="sch-head">Newest dead letters</h3>
          <ul className="sch-list" aria-label="Newest dead letters">
            {deadLetters.map((d) => (
              <li key={d.copy}>
                {d.group} sent {d.partition} offset {d.offset} as {d.copy}; header reason: {d.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ConnectedSchemaPanel({ store }: PanelProps) {
  const view = useStore(store, (s) => kafkaPanels(s.view).schema ?? null);
  return <SchemaPanel view={view} store={store} />;
}
