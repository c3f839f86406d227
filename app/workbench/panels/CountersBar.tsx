/**
 * The headline numbers of a run (produced, acknowledged, lost, delivered, duplicated… whatever
 * the model's view gives) as a compact row of labelled numbers. A description list, so each
 * number is read with its label; the row wraps at phone width.
 *
 * `CountersBar` takes plain props; `ConnectedCountersBar` reads `view.counters` from a store.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { WorkbenchView } from '../view.ts';
import type { WorkbenchStore } from '../store.ts';
import { formatCount } from './labels.ts';
import './panels.css';

export interface CountersBarProps {
  counters: WorkbenchView['counters'];
  /** Accessible name of the row; defaults to "Counters". */
  label?: string;
}

/** A row of labelled numbers; renders nothing when the model has no counters. */
export function CountersBar({ counters, label = 'Counters' }: CountersBarProps) {
  if (counters.length === 0) return null;
  return (
    <dl className="wbp-counters" aria-label={label}>
      {counters.map((c) => (
        <div key={c.label} className="wbp-counter">
          <dt>{c.label}</dt>
          <dd>{formatCount(c.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

// Flattened to strings so useShallow can tell an unchanged row from a rebuilt one.
const encode = (view: WorkbenchView): string[] => view.counters.map((c) => `${c.value}\u0000${c.label}`);
const decode = (row: string): { label: string; value: number } => {
  const cut = row.indexOf('\u0000');
  return { value: Number(row.slice(0, cut)), label: row.slice(cut + 1) };
};

/** CountersBar reading `view.counters` from a workbench store; re-renders only when a number changes. */
export function ConnectedCountersBar<C>({ store, label }: { store: WorkbenchStore<C>; label?: string }) {
  const rows = useStore(
    store,
    useShallow((s) => encode(s.view)),
  );
  return <CountersBar counters={rows.map(decode)} label={label} />;
}
