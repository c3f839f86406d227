/**
 * The workbench: everything a simulation shows, in one layout. Transport on top; the topology
 * beside tabbed panels on a wide screen; on a phone the topology becomes the first tab. A
 * presentation mode goes full screen with large type for projectors. Model-specific panels come
 * in as tabs from the page, so event-store and saga views slot in without reshaping this.
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ColorMode } from '@xyflow/react';
import type { WorkbenchStore } from './store.ts';
import { FlightLayer } from './flight/FlightLayer.tsx';
import type { FlightLegendWords } from './flight/flight-tokens.ts';
import { MotionToggle } from './flight/MotionToggle.tsx';
import { MomentBand } from './MomentBand.tsx';
import { nodeFacesOf } from './node-face.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { Tabs, type TabDef } from './Tabs.tsx';
import { TopologyView } from './TopologyView.tsx';
import { TransportBar } from './TransportBar.tsx';
import { useMediaQuery } from './useMediaQuery.ts';
import { usePlayLoop, useTransportKeys } from './useTransportKeys.ts';
import './workbench.css';

export interface WorkbenchProps<C> {
  title: string;
  store: WorkbenchStore<C>;
  panels: TabDef[];
  /** Node ids to highlight (a lesson step's focus). */
  highlighted?: readonly string[];
  onSelectNode?: (nodeId: string) => void;
  /** Extra buttons in the head (share, reset to script…). */
  tools?: ReactNode;
  /** Shown under the topology: narration and counters. */
  footer?: ReactNode;
  /** Controlled tab (e.g. jump to the inspector when a node is clicked); uncontrolled if omitted. */
  activeTab?: string;
  onTabChange?: (id: string) => void;
  /** The title's heading level: h1 on its own page, h2 inside a lesson. */
  titleLevel?: 1 | 2;
  /** Draw the model's key moment under the topology (MomentBand.tsx): a lesson's steps do. */
  moments?: boolean;
  /**
   * Keep the band's room under the diagram from the first frame, drawn or not (a lesson step that
   * draws a moment before it ends): the diagram's pane, and so the camera's framing, stays the same
   * size when the band appears mid-play instead of jumping.
   */
  momentRoom?: boolean;
  /** What the shapes in flight mean, in the model's words (ModelUi.flightLegend). */
  legend?: FlightLegendWords;
}

export function Workbench<C>({
  title,
  store,
  panels,
  highlighted = [],
  onSelectNode,
  tools,
  footer,
  activeTab,
  onTabChange,
  titleLevel = 1,
  moments = false,
  momentRoom = false,
  legend,
}: WorkbenchProps<C>) {
  const [help, setHelp] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const phone = useMediaQuery('(max-width: 640px)');
  const dark = document.documentElement.dataset.theme === 'dark';
  const topology = useStore(store, (s) => s.topology);
  const error = useStore(store, (s) => s.error);
  const rootRef = useRef<HTMLDivElement>(null);
  const openHelp = useCallback(() => setHelp(true), []);
  useTransportKeys(store, openHelp);
  usePlayLoop(store);

  const faces = useMemo(() => nodeFacesOf(store), [store]);
  const select = useCallback((id: string) => onSelectNode?.(id), [onSelectNode]);
  const colorMode: ColorMode = dark ? 'dark' : 'light';
  const band = moments && <MomentBand store={store} room={momentRoom} />;
  const topologyView = (
    <>
      {/* On a phone the band goes first, under the tabs, where the sticky player shows it with the picture. */}
      {phone && band}
      <TopologyView
        topology={topology}
        faces={faces}
        highlighted={highlighted}
        onSelect={select}
        colorMode={colorMode}
        presenting={presenting}
        {...(legend ? { legend } : {})}
        overlay={<FlightLayer store={store} topology={topology} />}
      />
      {!phone && band}
    </>
  );
  const tabs: TabDef[] = phone ? [{ id: 'topology', label: 'Topology', render: () => topologyView }, ...panels] : panels;
  const [ownActive, setOwnActive] = useState(tabs[0]?.id ?? '');
  const active = activeTab ?? ownActive;
  const setActive = onTabChange ?? setOwnActive;

  const togglePresent = async (): Promise<void> => {
    const el = rootRef.current;
    if (!presenting && el && document.fullscreenEnabled) await el.requestFullscreen().catch(() => undefined);
    if (presenting && document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    setPresenting(!presenting);
  };

  return (
    <div ref={rootRef} className={`workbench${presenting ? ' presenting' : ''}`}>
      <div className="workbench-head">
        {titleLevel === 1 ? <h1>{title}</h1> : <h2>{title}</h2>}
        <div className="workbench-tools">
          {tools}
          <MotionToggle />
          <button type="button" onClick={() => void togglePresent()} aria-pressed={presenting}>
            {presenting ? 'Leave presentation' : 'Present'}
          </button>
        </div>
      </div>
      <TransportBar store={store} onHelp={openHelp} />
      {error && (
        <p className="workbench-error" role="alert">
          {error.message}
        </p>
      )}
      {!phone && <div className="topology-area">{topologyView}</div>}
      <div className="panels-area">
        <Tabs
          tabs={tabs}
          active={tabs.some((t) => t.id === active) ? active : (tabs[0]?.id ?? '')}
          onChange={setActive}
          label="Simulation views"
        />
      </div>
      <div className="narration-area">{footer}</div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
