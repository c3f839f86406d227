/**
 * The transport bar: play/pause, step back and forward, a scrubber over the recorded timeline,
 * speed on a log scale, restart, run to end, and the virtual clock. Every control is a native
 * button or slider with a text label, so it works with the keyboard and screen readers as is.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { WorkbenchStore } from './store.ts';
import { EndProgress } from './EndProgress.tsx';
import { formatSpeed, formatVirtualTime, sliderMax, sliderMin, sliderStep, sliderToSpeed, speedToSlider } from './speed.ts';

/** A small inline SVG icon: system fonts lack the media-control glyphs, so draw them. */
function Icon({ d }: { d: string }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

export function TransportBar<C>({ store, onHelp }: { store: WorkbenchStore<C>; onHelp: () => void }) {
  const playing = useStore(store, (s) => s.playing);
  const cursor = useStore(store, (s) => s.cursor);
  const length = useStore(store, (s) => s.length);
  const speed = useStore(store, (s) => s.speed);
  const nowMs = useStore(store, (s) => s.view.nowMs);
  // While playing, the clock runs with the play clock (as text, so a frame re-renders only when it reads differently).
  const clock = useStore(store, (s) => formatVirtualTime(s.playing ? Math.max(s.clockMs, s.view.nowMs) : s.view.nowMs));
  const idle = useStore(store, (s) => s.idle);
  const bounds = useStore(store, (s) => (s.offScript ? null : s.bounds));
  const lock = useStore(store, (s) => s.lock);
  const api = store.getState();
  // In a lesson step, Start and End are the step's; elsewhere the whole run's.
  const first = bounds?.start ?? 0;
  const last = bounds?.end ?? length;
  const atEnd = bounds ? cursor >= bounds.end : cursor === length && idle;
  const stepDone = bounds !== null && atEnd;
  const reasonId = useId();
  const reason = lock ?? (stepDone && !playing ? 'End of this step. Play replays it.' : null);
  const held = lock !== null ? { 'aria-describedby': reasonId } : {};

  return (
    <div className="transport" role="toolbar" aria-label="Simulation controls">
      <button
        type="button"
        onClick={api.restart}
        disabled={cursor <= first}
        title={bounds ? 'Go to the start of this step (Home)' : 'Go to the start (Home)'}
      >
        <Icon d="M5 4v16M19 4 8 12l11 8z" /> <span className="transport-label">Start</span>
      </button>
      <button type="button" onClick={api.stepBack} disabled={cursor <= first} title="Step back one entry (←)">
        <Icon d="M17 4 6 12l11 8z" /> <span className="transport-label">Back</span>
      </button>
      <button
        type="button"
        className="transport-play"
        onClick={api.togglePlay}
        disabled={lock !== null || (!playing && atEnd && !stepDone)}
        aria-pressed={playing}
        title="Play or pause (Space)"
        {...held}
      >
        <Icon d={playing ? 'M7 4h4v16H7zM14 4h4v16h-4z' : stepDone ? 'M5 4v16M9 4l11 8-11 8z' : 'M7 4l12 8-12 8z'} />{' '}
        <span className="transport-label">{playing ? 'Pause' : stepDone ? 'Replay step' : 'Play'}</span>
      </button>
      <button
        type="button"
        onClick={api.stepForward}
        disabled={atEnd || lock !== null}
        title="Step forward one entry (→)"
        {...held}
      >
        <span className="transport-label">Step</span> <Icon d="M7 4l11 8-11 8z" />
      </button>
      <button
        type="button"
        onClick={api.runToEnd}
        disabled={atEnd || lock !== null}
        title={bounds ? 'Go to the end of this step (End)' : 'Run to the end (End)'}
        {...held}
      >
        <span className="transport-label">End</span> <Icon d="M5 4l11 8-11 8zM19 4v16" />
      </button>
      <label className="transport-scrub">
        <span className="visually-hidden">{bounds ? 'Position in this step' : 'Position in the timeline'}</span>
        <input
          type="range"
          min={first}
          max={Math.max(last, first + 1)}
          step={1}
          value={cursor}
          disabled={last === first || lock !== null}
          onChange={(e) => api.scrubTo(Number(e.currentTarget.value))}
          aria-valuetext={`${bounds ? 'command' : 'entry'} ${cursor - first} of ${last - first}, at ${formatVirtualTime(nowMs)}`}
        />
      </label>
      <output className="transport-clock" aria-label="Virtual time">
        {clock}
      </output>
      <label className="transport-speed">
        <span>Speed {formatSpeed(speed)}</span>
        <input
          type="range"
          min={sliderMin}
          max={sliderMax}
          step={sliderStep}
          value={speedToSlider(speed)}
          onChange={(e) => api.setSpeed(sliderToSpeed(Number(e.currentTarget.value)))}
          aria-valuetext={formatSpeed(speed)}
        />
      </label>
      <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
      <EndProgress store={store} />
      {reason !== null && (
        <p className="transport-reason" id={reasonId}>
          {reason}
        </p>
      )}
    </div>
  );
}
