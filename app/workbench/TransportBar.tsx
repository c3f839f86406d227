/**
 * The transport bar: play/pause, step back and forward, a scrubber over the recorded timeline,
 * speed on a log scale, restart, run to end, and the virtual clock. Every control is a native
 * button or slider with a text label, so it works with the keyboard and screen readers as is.
 */
import { useStore } from 'zustand';
import type { WorkbenchStore } from './store.ts';
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
  const idle = useStore(store, (s) => s.idle);
  const api = store.getState();
  const atEnd = cursor === length && idle;

  return (
    <div className="transport" role="toolbar" aria-label="Simulation controls">
      <button type="button" onClick={api.restart} disabled={cursor === 0} title="Go to the start (Home)">
        <Icon d="M5 4v16M19 4 8 12l11 8z" /> Start
      </button>
      <button type="button" onClick={api.stepBack} disabled={cursor === 0} title="Step back one entry (←)">
        <Icon d="M17 4 6 12l11 8z" /> Back
      </button>
      <button
        type="button"
        className="transport-play"
        onClick={api.togglePlay}
        disabled={!playing && atEnd}
        aria-pressed={playing}
        title="Play or pause (Space)"
      >
        <Icon d={playing ? 'M7 4h4v16H7zM14 4h4v16h-4z' : 'M7 4l12 8-12 8z'} /> {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={api.stepForward} disabled={atEnd} title="Step forward one entry (→)">
        Step <Icon d="M7 4l11 8-11 8z" />
      </button>
      <button type="button" onClick={api.runToEnd} disabled={atEnd} title="Run to the end (End)">
        End <Icon d="M5 4l11 8-11 8zM19 4v16" />
      </button>
      <label className="transport-scrub">
        <span className="visually-hidden">Position in the timeline</span>
        <input
          type="range"
          min={0}
          max={Math.max(length, 1)}
          step={1}
          value={cursor}
          disabled={length === 0}
          onChange={(e) => api.seek(Number(e.currentTarget.value))}
          aria-valuetext={`entry ${cursor} of ${length}, at ${formatVirtualTime(nowMs)}`}
        />
      </label>
      <output className="transport-clock" aria-label="Virtual time">
        {formatVirtualTime(nowMs)}
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
    </div>
  );
}
