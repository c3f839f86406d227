/**
 * Small pieces every model's Build form uses: a number field that says what it accepts, the parts
 * of a kind the picture has now, and `useSend`, which checks a command with the model's own schema
 * (so a mistake names its field, `topic.partitions: …`) before the store applies it (so a refusal
 * is the simulator's, in the real system's words). A form never decides a rule itself.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Result } from '../../simulator/index.ts';
import type { WorkbenchStore } from '../workbench/store.ts';

export type AnyStore = WorkbenchStore<{ type: string }>;

/** The labels of the picture's nodes of one kind, in the picture's order. */
export function useNames(store: AnyStore, kind: string): string[] {
  const topology = useStore(store, (s) => s.topology);
  return useMemo(() => topology.nodes.filter((n) => n.kind === kind).map((n) => n.label), [topology, kind]);
}

/** Sends a command after the model's schema has checked it; the last problem, for the form to show. */
export function useSend(store: AnyStore, load: (input: unknown) => Result<{ type: string }>) {
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const storeError = useStore(store, (s) => s.error);
  const send = (command: unknown, what: string): boolean => {
    const checked = load(command);
    if (!checked.ok) {
      setProblem(checked.error.message);
      setDone(null);
      return false;
    }
    setProblem(null);
    const applied = store.getState().dispatch(checked.value);
    setDone(applied ? what : null);
    return applied;
  };
  return { send, problem, refused: storeError?.message ?? null, done, setProblem };
}

/** Text of a number field: '' for "not set", else a number (NaN when it is not one). */
export function numberOrUndefined(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

export function NumberField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  min?: number;
  max?: number;
  placeholder?: string;
  title?: string;
}) {
  return (
    <label title={props.title}>
      {props.label}{' '}
      <input
        type="number"
        inputMode="numeric"
        step={1}
        value={props.value}
        min={props.min}
        max={props.max}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </label>
  );
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  wide?: boolean;
}) {
  return (
    <label>
      {props.label}{' '}
      <input
        className={props.wide ? 'builder-wide' : undefined}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </label>
  );
}

export function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[] | ReadonlyArray<readonly [T, string]>;
  onChange: (v: T) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => {
          const [v, text] = typeof o === 'string' ? [o, o] : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** One part of the form: a fieldset with a legend, its fields, and its submit button. */
export function Part(props: { legend: string; submit: string; onSubmit: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <form
      className="builder-part"
      // The model's schema checks every field and names it (`topic.partitions: …`); the browser's
      // own bubbles would stop the form first, in less helpful words.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <fieldset>
        <legend>{props.legend}</legend>
        <div className="builder-fields">
          {props.children}
          <button type="submit" disabled={props.disabled}>
            {props.submit}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** What the last edit did, or why it was refused. */
export function BuildStatus({ problem, refused, done }: { problem: string | null; refused: string | null; done: string | null }) {
  if (problem) {
    return (
      <p className="workbench-error builder-status" role="alert">
        {problem}
      </p>
    );
  }
  // A refusal by the simulator is announced above the picture already; it is repeated here, beside the form.
  if (refused) return <p className="workbench-error builder-status">{refused}</p>;
  return (
    <p className="builder-status builder-done" role="status">
      {done ? `Done: ${done}. Step back (←) to undo it.` : ''}
    </p>
  );
}
