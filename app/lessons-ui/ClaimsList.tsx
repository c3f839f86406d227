/**
 * "What the simulation shows": each claim the step's prose makes, with the value the simulation
 * actually produced at the end of the step. The same checks the lesson's tests assert.
 */
import type { ClaimValue } from '../../lessons/format/define-lesson.ts';

export interface ShownClaim {
  id: string;
  text: string;
  expected: ClaimValue;
  actual: ClaimValue | null;
}

const show = (v: ClaimValue | null): string =>
  v === null ? 'nothing' : typeof v === 'number' ? v.toLocaleString('en') : v === '' ? 'nothing' : String(v);

/**
 * Each claim in the learner's words: the sentence from the prose and whether the simulation bears
 * it out. The raw value the check compared (`false`, `-1`, an empty string) is the test's business,
 * not the learner's, so it is shown only when a claim fails — which a lesson's tests forbid.
 */
export function ClaimsList({ claims }: { claims: readonly ShownClaim[] }) {
  if (claims.length === 0) return null;
  return (
    <section className="claims" aria-label="What the simulation shows">
      <h3>What the simulation shows</h3>
      <ul>
        {claims.map((c) => {
          const holds = c.actual === c.expected;
          return (
            <li key={c.id} className={holds ? 'claim-holds' : 'claim-fails'}>
              <span aria-hidden="true">{holds ? '✓' : '✗'}</span> {c.text}
              {holds ? (
                <span className="visually-hidden"> — the simulation agrees</span>
              ) : (
                <span className="claim-value"> — the simulation disagrees: it gives {show(c.actual)}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
