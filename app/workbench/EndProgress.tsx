/**
 * End running in the background (issue #12): after a quarter second, a progress bar and a Cancel
 * button under the transport, while the page stays responsive. The bar counts the recorded steps
 * replayed, if any; while End's own run goes on it has no end to measure, so it only shows activity.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchStore } from './store.ts';

const showAfterMs = 250;

export function EndProgress<C>({ store }: { store: WorkbenchStore<C> }) {
  const ending = useStore(store, (s) => s.ending);
  const running = ending !== null;
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!running) return setShown(false);
    const t = setTimeout(() => setShown(true), showAfterMs);
    return () => clearTimeout(t);
  }, [running]);
  if (ending === null || !shown) return null;
  const replaying = ending.total > 0 && ending.done < ending.total;
  return (
    <div className="transport-ending" role="status">
      <span>
        {replaying
          ? `Replaying ${ending.done.toLocaleString('en')} of ${ending.total.toLocaleString('en')} recorded steps, then running to the end…`
          : 'Running to the end in the background…'}
      </span>{' '}
      {replaying ? (
        <progress max={ending.total} value={ending.done} aria-label="Run to the end progress" />
      ) : (
        <progress aria-label="Run to the end progress" />
      )}{' '}
      <button type="button" onClick={() => store.getState().cancelEnd()}>
        Cancel
      </button>
    </div>
  );
}
