/**
 * The transport bar: play/pause, step back and forward, a scrubber over the recorded timeline,
 * speed on a log scale, restart, run to end, and the virtual clock. Every control is a native
 * button or slider with a text label, so it works with the keyboard and screen readers as is.
 */
import { useStore } from 'zustand';
import type { WorkbenchStore } from './store.ts';
import { formatSpeed, formatVirtualTime, sliderMax, sliderMin, sliderStep, sliderToSpeed, speedToSlider } from './speed.ts';

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
        <span aria-hidden="true">⏮</span> Start
      </button>
      <button type="button" onClick={api.stepBack} disabled={cursor === 0} title="Step back one happening (←)">
        <span aria-hidden="true">◀</span> Back
      </button>
      <button
        type="button"
        className="transport-play"
        onClick={api.togglePlay}
        disabled={!playing && atEnd}
        aria-pressed={playing}
        title="Play or pause (Space)"
      >
        <span aria-hidden="true">{playing ? '⏸' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={api.stepForward} disabled={atEnd} title="Step forward one happening (→)">
        Step <span aria-hidden="true">▶</span>
      </button>
      <button type="button" onClick={api.runToEnd} disabled={atEnd} title="Run to the end (End)">
        End <span aria-hidden="true">⏭</span>
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
          aria-valuetext={`happening ${cursor} of ${length}, at ${formatVirtualTime(nowMs)}`}
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
