/**
 * The simulation side of a lesson: the workbench bounded to the step, and the words that say
 * where the learner is on the script. At the step's end the learner may run on past it — an
 * explicit choice, announced by a banner and the live region, with "Return to the script" to come
 * back. Changing the simulation (crashing a consumer from a node's menu) leaves the script too.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { AnyModelUi } from '../models/types.ts';
import { ConnectedNarration } from '../workbench/panels/Narration.tsx';
import { ConnectedTraceLog } from '../workbench/panels/TraceLog.tsx';
import { ConnectedCountersBar } from '../workbench/panels/CountersBar.tsx';
import { ConnectedSectionsPanel } from '../workbench/panels/SectionsPanel.tsx';
import type { WorkbenchStore } from '../workbench/store.ts';
import { Workbench } from '../workbench/Workbench.tsx';
import { useMediaQuery } from '../workbench/useMediaQuery.ts';

type Cmd = { type: string };

export function LessonWorkbench({
  store,
  ui,
  highlight,
  momentRoom = false,
  partId,
  panel,
  onReturn,
}: {
  store: WorkbenchStore<Cmd>;
  ui: AnyModelUi;
  highlight: readonly string[];
  /** The part draws a key moment by its end: keep the band's room from its first frame. */
  momentRoom?: boolean;
  /** The part shown: a part that names a panel opens on it each time it opens. */
  partId: string;
  /** The panel (tab id) the part's prose is about; absent, the learner's tab stays. */
  panel?: string;
  onReturn: () => void;
}) {
  // On a phone the first tab is the picture itself: a step never takes it away from the learner.
  const phone = useMediaQuery('(max-width: 640px)');
  const [tab, setTab] = useState(phone ? '' : (panel ?? ''));
  useEffect(() => {
    if (panel !== undefined && !phone) setTab(panel);
  }, [partId]); // eslint-disable-line react-hooks/exhaustive-deps
  const offScript = useStore(store, (s) => s.offScript);
  const atStepEnd = useStore(store, (s) => s.bounds !== null && !s.offScript && s.cursor >= s.bounds.end && !s.playing);
  const noop = useCallback(() => undefined, []);
  const hasSections = store.getState().view.sections !== undefined;
  const panels = useMemo(
    () => [
      ...ui.panels.map((p) => ({ id: p.id, label: p.label, render: () => p.render({ store, onInspect: noop, selected: null }) })),
      ...(hasSections ? [{ id: 'sections', label: 'State', render: () => <ConnectedSectionsPanel store={store} /> }] : []),
      {
        id: 'trace',
        label: 'Trace',
        render: () => <ConnectedTraceLog store={store} onJump={(id) => store.getState().seekToEntry(id)} />,
      },
    ],
    [store, noop, ui, hasSections],
  );
  return (
    <>
      <div className="script-banner-region" role="status" aria-live="polite">
        {offScript && (
          <div className="script-banner">
            <p>
              <strong>Off script.</strong> The simulation is running on past this step; what you see now is yours to explore, and
              the lesson’s text no longer describes it.
            </p>
            <button type="button" onClick={onReturn}>
              Return to the script
            </button>
          </div>
        )}
      </div>
      <Workbench
        title="Simulation"
        titleLevel={2}
        moments
        momentRoom={momentRoom}
        {...(ui.flightLegend ? { legend: ui.flightLegend } : {})}
        store={store}
        panels={panels}
        activeTab={tab}
        onTabChange={setTab}
        highlighted={highlight}
        tools={
          offScript ? (
            <button type="button" onClick={onReturn}>
              Return to the script
            </button>
          ) : atStepEnd ? (
            <button type="button" onClick={() => store.getState().keepRunning()}>
              Keep running off script
            </button>
          ) : (
            <span className="badge">on script</span>
          )
        }
        footer={
          <>
            <ConnectedNarration store={store} />
            <ConnectedCountersBar store={store} />
          </>
        }
      />
    </>
  );
}
