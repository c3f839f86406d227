/** Three hints, each more specific, revealed one at a time; then the model answer, on request. */
import { useState } from 'react';
import { Markdown } from '../lessons-ui/Markdown.tsx';

export function HintLadder({ hints, answer }: { hints: readonly string[]; answer: string }) {
  const [shown, setShown] = useState(0);
  const [answerShown, setAnswerShown] = useState(false);
  return (
    <section aria-labelledby="hints-h" className="hint-ladder">
      <h2 id="hints-h">Hints</h2>
      <ol>
        {hints.slice(0, shown).map((h, i) => (
          <li key={i}>
            <Markdown text={h} />
          </li>
        ))}
      </ol>
      {shown < hints.length && (
        <button type="button" onClick={() => setShown(shown + 1)}>
          Show hint {shown + 1} of {hints.length}
        </button>
      )}
      <h2 id="answer-h">Model answer</h2>
      {answerShown ? (
        <div className="model-answer">
          <Markdown text={answer} />
        </div>
      ) : (
        <button type="button" onClick={() => setAnswerShown(true)}>
          Show the model answer
        </button>
      )}
    </section>
  );
}
