/**
 * The chrome-less player an <iframe> shows: the topology with its records in flight, one line of
 * narration, and a small transport bar (start, back, play, step, a scrubber). No site header, no
 * panels. Keys work while the frame has focus (the workbench's shortcuts). "Open in EDA Lab" opens
 * the same moment in the full app, in a new tab, so the host page keeps its reader.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { FlightLayer } from '../../workbench/flight/FlightLayer.tsx';
import type { FlightLegendWords } from '../../workbench/flight/flight-tokens.ts';
import { nodeFacesOf } from '../../workbench/node-face.ts';
import { ConnectedNarration } from '../../workbench/panels/Narration.tsx';
import type { WorkbenchStore } from '../../workbench/store.ts';
import { TopologyView } from '../../workbench/TopologyView.tsx';
import { usePlayLoop, useTransportKeys } from '../../workbench/useTransportKeys.ts';
import { formatVirtualTime } from '../../workbench/speed.ts';
import '../../workbench/workbench.css';
import '../classroom.css';

const noop = (): void => undefined;

export function EmbedPlayer<C>({
  store,
  title,
  fullUrl,
  highlighted = [],
  legend,
}: {
  store: WorkbenchStore<C>;
  title: string;
  fullUrl: string;
  highlighted?: readonly string[];
  /** What the shapes in flight mean, in the model's words (ModelUi.flightLegend). */
  legend?: FlightLegendWords;
}) {
  const topology = useStore(store, (s) => s.topology);
  const faces = useMemo(() => nodeFacesOf(store), [store]);
  const dark = document.documentElement.dataset.theme === 'dark';
  useTransportKeys(store, noop);
  usePlayLoop(store);
  return (
    <main className="embed-player" aria-label={title}>
      <div className="embed-head">
        <h1 className="embed-title">{title}</h1>
        <a href={fullUrl} target="_blank" rel="noopener">
          Open in EDA Lab <span aria-hidden="true">↗</span>
        </a>
      </div>
      <div className="embed-topology">
        <TopologyView
          topology={topology}
          faces={faces}
          highlighted={highlighted}
          onSelect={noop}
          colorMode={dark ? 'dark' : 'light'}
          overlay={<FlightLayer store={store} topology={topology} />}
          {...(legend ? { legend } : {})}
        />
      </div>
      <ConnectedNarration store={store} />
      <EmbedTransport store={store} />
    </main>
  );
}

function EmbedTransport<C>({ store }: { store: WorkbenchStore<C> }) {
  const playing = useStore(store, (s) => s.playing);
  const cursor = useStore(store, (s) => s.cursor);
  const length = useStore(store, (s) => s.length);
  const idle = useStore(store, (s) => s.idle);
  const nowMs = useStore(store, (s) => s.view.nowMs);
  const api = store.getState();
  const atEnd = cursor === length && idle;
  return (
    <div className="embed-transport" role="toolbar" aria-label="Simulation controls">
      <button type="button" onClick={api.restart} disabled={cursor === 0} title="Go to the start (Home)">
        Start
      </button>
      <button type="button" onClick={api.stepBack} disabled={cursor === 0} title="Step back (←)">
        Back
      </button>
      <button
        type="button"
        onClick={api.togglePlay}
        aria-pressed={playing}
        disabled={!playing && atEnd}
        title="Play or pause (Space)"
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={api.stepForward} disabled={atEnd} title="Step forward (→)">
        Step
      </button>
      <label className="embed-scrub">
        <span className="visually-hidden">Position in the timeline</span>
        <input
          type="range"
          min={0}
          max={Math.max(length, 1)}
          step={1}
          value={cursor}
          disabled={length === 0}
          onChange={(e) => api.seek(Number(e.currentTarget.value))}
          aria-valuetext={`entry ${cursor} of ${length}`}
        />
      </label>
      <output aria-label="Virtual time">{formatVirtualTime(nowMs)}</output>
    </div>
  );
}
