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
  v === null ? 'not available' : typeof v === 'number' ? v.toLocaleString('en') : String(v);

export function ClaimsList({ claims }: { claims: readonly ShownClaim[] }) {
  if (claims.length === 0) return null;
  return (
    <section className="claims" aria-label="What the simulation shows">
      <h3>What the simulation shows</h3>
      <ul>
        {claims.map((c) => {
          const holds = c.actual === c.expected;
          return (
            <li key={c.id}>
              <span aria-hidden="true">{holds ? '✓' : '✗'}</span> {c.text}{' '}
              <span className="claim-value">
                ({holds ? 'checked' : 'expected'}: {show(c.expected)}
                {holds ? '' : `, simulation: ${show(c.actual)}`})
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
