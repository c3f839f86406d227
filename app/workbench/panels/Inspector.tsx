/**
 * The inspector: the selected node, partition, record, group or trace entry in plain language (a
 * definition list worded by the pure inspect.ts), with its raw JSON behind a "Show raw JSON"
 * disclosure. Everything is rendered as text, so names from scenarios and links cannot inject
 * markup. The JSON is only built while the disclosure is open, since the view changes every frame
 * during play.
 *
 * `Inspector` takes the view and the target; `ConnectedInspector` reads the view from a store. The
 * page owns the selection (an InspectTarget) and passes it in.
 */
import { useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchView } from '../view.ts';
import type { WorkbenchStore } from '../store.ts';
import { inspect, rawJson, type InspectHooks, type InspectTarget } from './inspect.ts';
import './panels.css';

export interface InspectorProps {
  view: WorkbenchView;
  target: InspectTarget | null;
  /** Shows a "Clear" button when given. */
  onClear?: () => void;
  /** How the model words its own things (from its registry entry). */
  hooks?: InspectHooks;
  title?: string;
}

function RawJson({ raw }: { raw: unknown }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="wbp-raw" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show raw JSON</summary>
      {open && (
        <pre className="wbp-raw-json" tabIndex={0} aria-label="Raw JSON">
          <code>{rawJson(raw)}</code>
        </pre>
      )}
    </details>
  );
}

/** The selected item, described in plain language. */
export function Inspector({ view, target, onClear, hooks, title = 'Inspector' }: InspectorProps) {
  const headingId = useId();
  const result = useMemo(() => (target ? inspect(view, target, hooks) : null), [view, target, hooks]);
  return (
    <section className="wbp-panel wbp-inspector" aria-labelledby={headingId}>
      <div className="wbp-panel-head">
        <h2 id={headingId} className="wbp-title">
          {title}
        </h2>
        {onClear && target && (
          <button type="button" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      {!result ? (
        <p className="wbp-empty">Select a node, a trace entry or anything in the model's panels to see it here.</p>
      ) : !result.found ? (
        <>
          <h3 className="wbp-inspect-title">{result.title}</h3>
          <p className="wbp-notice" role="status">
            {result.message}
          </p>
        </>
      ) : (
        <>
          <h3 className="wbp-inspect-title">
            <span className="wbp-inspect-kind">{result.kind}</span> <span className="wbp-name">{result.title}</span>
          </h3>
          <dl className="wbp-facts">
            {result.facts.map((f, i) => (
              <div key={`${i}:${f.term}`}>
                <dt>{f.term}</dt>
                <dd>{f.detail}</dd>
              </div>
            ))}
          </dl>
          <RawJson key={`${target?.kind}:${result.title}`} raw={result.raw} />
        </>
      )}
    </section>
  );
}

/** Inspector reading the view from a workbench store. */
export function ConnectedInspector<C>({ store, ...rest }: Omit<InspectorProps, 'view'> & { store: WorkbenchStore<C> }) {
  const view = useStore(store, (s) => s.view);
  return <Inspector view={view} {...rest} />;
}
