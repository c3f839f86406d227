/**
 * The live preview: the scenario the current design describes, opened in the workbench (fresh on
 * every change of design), so the learner can play it, step it and crash things before asking the
 * grader. The grader's own runs add the faults; "Show me" opens those.
 */
import { useCallback, useMemo, useState } from 'react';
import type { DesignPreview as Preview } from '../../simulator/index.ts';
import { modelUiById } from '../models/index.ts';
import { openModel } from '../models/open.ts';
import { encodeShareState } from '../share/share-link.ts';
import { ConnectedNarration } from '../workbench/panels/Narration.tsx';
import { ConnectedTraceLog } from '../workbench/panels/TraceLog.tsx';
import type { InspectTarget } from '../workbench/panels/inspect.ts';
import { Workbench } from '../workbench/Workbench.tsx';

export function DesignPreview({ preview }: { preview: Preview }) {
  const key = JSON.stringify(preview);
  return <PreviewFor key={key} preview={preview} />;
}

function PreviewFor({ preview }: { preview: Preview }) {
  const opened = useMemo(() => {
    const ui = modelUiById(preview.model);
    if (!ui.ok) return { ok: false as const, message: ui.error.message };
    const loaded = ui.value.model.loadScenario(preview.scenario);
    if (!loaded.ok) return { ok: false as const, message: loaded.error.message };
    return { ok: true as const, ui: ui.value, store: openModel(ui.value, loaded.value, { seed: 1 }) };
  }, [preview]);
  const [selected, setSelected] = useState<InspectTarget | null>(null);
  const store = opened.ok ? opened.store : null;
  const jump = useCallback((id: number) => store?.getState().seekToEntry(id), [store]);
  const panels = useMemo(() => {
    if (!opened.ok) return [];
    const { ui, store } = opened;
    return [
      ...ui.panels.map((p) => ({
        id: p.id,
        label: p.label,
        render: () => p.render({ store, onInspect: setSelected, selected }),
      })),
      { id: 'trace', label: 'Trace', render: () => <ConnectedTraceLog store={store} onJump={jump} /> },
    ];
  }, [opened, selected, jump]);
  if (!opened.ok) return <p className="notice">The preview could not open this design: {opened.message}</p>;
  const href = `#/playground?s=${encodeURIComponent(encodeShareState({ model: preview.model, scenario: { spec: preview.scenario }, seed: 1, commands: [], cursor: 0 }))}`;
  return (
    <Workbench
      title={`Your design in ${opened.ui.model.title}`}
      titleLevel={2}
      {...(opened.ui.flightLegend ? { legend: opened.ui.flightLegend } : {})}
      store={opened.store}
      panels={panels}
      tools={<a href={href}>Open in the playground</a>}
      footer={<ConnectedNarration store={opened.store} />}
    />
  );
}
