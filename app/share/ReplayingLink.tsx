/**
 * A heavy shared moment opening in the background (issue #12): a progress bar with the commands
 * replayed so far and a Cancel button, while the page stays responsive. Cancel opens the same link
 * at its start instead (its commands kept, so End or Step still reach the moment); a replay that
 * fails says why and offers the same.
 */
import { useEffect, useRef, useState } from 'react';
import { openDecoded, replayRequestOf, type DecodedLink, type Session } from '../models/open-link.ts';
import { replayInWorker } from './replay.ts';

const showAfterMs = 250;

interface Props {
  link: DecodedLink;
  onOpened: (session: Session) => void;
}

export function ReplayingLink({ link, onOpened }: Props) {
  const [progress, setProgress] = useState({ done: 0, total: link.cursor });
  const [failure, setFailure] = useState<string | null>(null);
  const cancelRef = useRef<() => void>(() => {});
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Most links replay in well under a second: show progress only for one that takes longer.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setShown(true), showAfterMs);
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (shown) cancelButton.current?.focus();
  }, [shown]);

  useEffect(() => {
    const job = replayInWorker(replayRequestOf(link), (done, total) => setProgress({ done, total }));
    cancelRef.current = job.cancel;
    let live = true;
    void job.done.then((r) => {
      if (!live) return;
      if (r.ok) onOpened(openDecoded(link, r.checkpoints));
      else if (r.message !== 'cancelled') setFailure(r.message);
    });
    return () => {
      live = false;
      job.cancel();
    };
  }, [link, onOpened]);

  const openAtStart = () => {
    cancelRef.current();
    onOpened(openDecoded({ ...link, cursor: 0 }));
  };
  if (!shown && failure === null) return <div className="page replaying-link" aria-busy="true" />;
  const pct = progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  return (
    <div className="page replaying-link">
      <h1>Opening the shared moment</h1>
      {failure === null ? (
        <>
          <p aria-live="polite">
            Replaying {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')} steps in the background…
          </p>
          <progress max={100} value={pct} aria-label="Replay progress">
            {pct}%
          </progress>
          <p>
            <button type="button" ref={cancelButton} onClick={openAtStart}>
              Cancel and open it at the start
            </button>
          </p>
        </>
      ) : (
        <div role="alert">
          <p>{failure}</p>
          <p>
            <button type="button" onClick={openAtStart}>
              Open it at the start instead
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
