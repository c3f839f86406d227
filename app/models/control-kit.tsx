/**
 * Shared pieces of the models' control forms (produce a record, set a processing time, deposit an
 * amount, reorder saga steps…): each form turns the learner's input into one model command sent
 * through the store, so it steps back and travels in the share link, and says beside the form what
 * happened — the model's own refusal when it refused, so the answer is next to the control the
 * learner used rather than only at the top of the workbench.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchStore } from '../workbench/store.ts';
import './controls.css';

export type AnyStore = WorkbenchStore<{ type: string }>;

export interface Feedback {
  ok: boolean;
  text: string;
}

/**
 * Sends commands and remembers what the last one did. `run` dispatches each command in turn and
 * stops at the first refusal; `said` turns the state after success into the sentence to show.
 */
export function useCommandRunner<C extends { type: string }>(store: AnyStore) {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const run = useCallback(
    (commands: readonly C[], said: () => Feedback | string): boolean => {
      for (const c of commands) {
        if (!store.getState().dispatch(c)) {
          setFeedback({ ok: false, text: store.getState().error?.message ?? 'The model refused that command.' });
          return false;
        }
      }
      const out = said();
      setFeedback(typeof out === 'string' ? { ok: true, text: out } : out);
      return true;
    },
    [store],
  );
  return { feedback, setFeedback, run };
}

/** The model state at the cursor, re-read whenever the workbench shows a new moment. */
export function useModelState<S>(store: AnyStore): S {
  useStore(store, (s) => s.view);
  return store.getState().peekState() as S;
}

/** What the last command did, beside the form: a status, or an alert for a refusal. */
export function FeedbackLine({ feedback }: { feedback: Feedback | null }) {
  if (feedback === null) return <p className="control-feedback" role="status" aria-live="polite" />;
  return feedback.ok ? (
    <p className="control-feedback" role="status" aria-live="polite">
      {feedback.text}
    </p>
  ) : (
    <p className="control-feedback refused" role="alert">
      Refused: {feedback.text}
    </p>
  );
}

/** One titled group of controls. */
export function ControlGroup({ title, children, hint }: { title: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="control-group">
      <legend>{title}</legend>
      {hint !== undefined && <p className="control-hint">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** A select over string options that falls back to the first when the chosen one disappears. */
export function usePick(options: readonly string[], initial?: string): [string, (v: string) => void] {
  const [picked, setPicked] = useState(initial ?? options[0] ?? '');
  const value = options.includes(picked) ? picked : (options[0] ?? '');
  return [value, setPicked];
}

/**
 * The forms to show, in order: those `only` names (unknown names skipped), or every form. Each
 * entry is an id and a render function.
 */
export function pickForms<T extends { id: string }>(all: readonly T[], only: readonly string[] | undefined): T[] {
  if (only === undefined) return [...all];
  return only.flatMap((id) => all.filter((f) => f.id === id));
}

/** A model's control forms that each take the store and the model's world. */
export type WorldForm<W> = { id: string; Form: (props: { store: AnyStore; w: W }) => ReactNode };

/**
 * The controls component of a model whose forms all read its world: the forms `only` names (or
 * all), in order, each given the store and the world at the cursor.
 */
export function worldControls<W>(forms: readonly WorldForm<W>[]) {
  return function Controls({ store, only }: { store: AnyStore; only?: readonly string[] }) {
    const w = useModelState<W>(store);
    return (
      <div className="model-controls">
        {pickForms(forms, only).map(({ id, Form }) => (
          <Form key={id} store={store} w={w} />
        ))}
      </div>
    );
  };
}

/** Parses a whole number typed by a learner, or says what is wrong with it. */
export function wholeNumber(text: string, what: string, min: number, max: number): number | string {
  const t = text.trim().replace(/[,_\s]/g, '');
  if (!/^-?\d+$/.test(t)) return `${what} must be a whole number`;
  const n = Number(t);
  if (n < min || n > max) return `${what} must be from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  return n;
}
