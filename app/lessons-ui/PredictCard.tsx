/**
 * Predict, then observe: the learner commits to an answer before the step runs, then sees what
 * happened and why. A fieldset of radio buttons, so it works with the keyboard and screen readers.
 */
import { useId, useState } from 'react';
import type { PredictSpec } from '../../lessons/format/define-lesson.ts';
import { Markdown } from './Markdown.tsx';

export function PredictCard({
  predict,
  answer,
  onAnswer,
}: {
  predict: PredictSpec;
  answer: string | null;
  onAnswer: (optionId: string) => void;
}) {
  const [choice, setChoice] = useState<string | null>(answer);
  const name = useId();
  if (answer !== null) {
    const right = answer === predict.answer;
    const chosen = predict.options.find((o) => o.id === answer)?.text ?? answer;
    return (
      <section className={`predict predict-${right ? 'right' : 'wrong'}`} aria-labelledby={`${name}-result`}>
        <h3 id={`${name}-result`}>
          <span className="predict-mark" aria-hidden="true">
            {right ? '✓' : '✗'}
          </span>{' '}
          {right ? 'You predicted it' : 'Not quite'}
        </h3>
        <p>
          You said: <em>{chosen}</em>
          {right ? ' — that is what happens.' : ' — that is not what happens. Watch the step play, then read why.'}
        </p>
        {!right && (
          <p>
            What happens: <strong>{predict.options.find((o) => o.id === predict.answer)?.text ?? predict.answer}</strong>
          </p>
        )}
        <Markdown text={predict.explanation} />
      </section>
    );
  }
  return (
    <form
      className="predict"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice !== null) onAnswer(choice);
      }}
    >
      <fieldset>
        <legend>Predict before you run it</legend>
        <Markdown text={predict.question} />
        {predict.options.map((o) => (
          <label key={o.id} className="predict-option">
            <input type="radio" name={name} value={o.id} checked={choice === o.id} onChange={() => setChoice(o.id)} /> {o.text}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={choice === null}>
        Run it and see
      </button>
    </form>
  );
}
