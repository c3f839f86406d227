/** Each property the grader checked: held or broken (in words and a mark, never colour alone), what happened, and "Show me". */
import type { VerdictWithLinks } from './verdict-links.ts';

export function VerdictList({ verdict }: { verdict: VerdictWithLinks }) {
  const held = verdict.checks.filter((c) => c.held).length;
  return (
    <>
      <p className="verdict-summary">
        {held} of {verdict.checks.length} properties held
        {verdict.passed ? '.' : ': open a broken one to see the run at the moment it broke.'}
      </p>
      <ul className="verdict-checks">
        {verdict.checks.map((c) => (
          <li key={c.name} className={c.held ? 'held' : 'broken'}>
            <span className="verdict-mark" aria-hidden="true">
              {c.held ? '✓' : '✗'}
            </span>
            <div>
              <strong>
                {c.held ? 'Held' : 'Broken'}: {c.name}
              </strong>
              <p>{c.detail}</p>
              {!c.held && c.link && (
                <a className="show-me" href={c.link} aria-label={`Show me: ${c.name}`}>
                  Show me
                </a>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
