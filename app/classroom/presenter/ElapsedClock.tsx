/** The presenter's clock: time since the presenter view opened (pausable, resettable), and the time of day. */
import { useEffect, useState } from 'react';

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export function ElapsedClock() {
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const elapsed = (pausedAt ?? now) - startedAt;
  return (
    <div className="presenter-clock" role="group" aria-label="Clock">
      <span className="presenter-elapsed" aria-label="Elapsed time" role="timer">
        {formatElapsed(elapsed)}
      </span>
      <span className="presenter-muted">{new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</span>
      <button
        type="button"
        onClick={() => {
          if (pausedAt === null) setPausedAt(Date.now());
          else {
            setStartedAt(startedAt + (Date.now() - pausedAt));
            setPausedAt(null);
          }
        }}
      >
        {pausedAt === null ? 'Pause clock' : 'Resume clock'}
      </button>
      <button
        type="button"
        onClick={() => {
          setStartedAt(Date.now());
          setPausedAt(null);
          setNow(Date.now());
        }}
      >
        Reset
      </button>
    </div>
  );
}
