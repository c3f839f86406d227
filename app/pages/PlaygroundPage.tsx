/**
 * The playground: a Kafka scenario in the workbench, with a link that reproduces the exact moment.
 *
 * The URL carries either `?scenario=<id>` (a fresh run of a built-in scenario) or `?s=v1:…` (a
 * shared state: scenario, seed, commands, cursor). While the learner works, the link is kept up to
 * date (replacing the history entry, so Back leaves the playground instead of undoing steps). A
 * damaged or too-new link shows what went wrong and a way forward; nothing is thrown.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { loadCommand } from '../../simulator/scenario/loader.ts';
import { ok, type Result } from '../../simulator/core/errors.ts';
import type { ScenarioSpec } from '../../simulator/scenario/types.ts';
import { ConnectedSequencePanel } from '../diagram/SequencePanel.tsx';
import { isNextHappening, kafkaAdapter, type KafkaAppCommand } from '../kafka/kafka-adapter.ts';
import { ProduceForm } from '../kafka/ProduceForm.tsx';
import { builtInScenarios, defaultScenarioId, scenarioById } from '../kafka/scenarios.ts';
import { decodeShareState, encodeShareState } from '../share/share-link.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { ConnectedChartsPanel } from '../workbench/charts/ChartsPanel.tsx';
import { chartFeedFor } from '../workbench/charts/chart-store.ts';
import { ConnectedCountersBar } from '../workbench/panels/CountersBar.tsx';
import { ConnectedGroupsPanel } from '../workbench/panels/GroupsPanel.tsx';
import { ConnectedInspector } from '../workbench/panels/Inspector.tsx';
import type { InspectTarget } from '../workbench/panels/inspect.ts';
import { ConnectedNarration } from '../workbench/panels/Narration.tsx';
import { ConnectedPartitionStrips } from '../workbench/panels/PartitionStrips.tsx';
import { ConnectedTraceLog } from '../workbench/panels/TraceLog.tsx';
import { createWorkbenchStore, type WorkbenchStore } from '../workbench/store.ts';
import { Workbench } from '../workbench/Workbench.tsx';
import { OwnLinks } from '../share/own-links.ts';

interface Session {
  scenarioId: string | null;
  spec: ScenarioSpec;
  store: WorkbenchStore<KafkaAppCommand>;
}

const validateCommand = (input: unknown): Result<KafkaAppCommand> => (isNextHappening(input) ? ok(input) : loadCommand(input));

function openSession(params: URLSearchParams): Result<Session> {
  const shared = params.get('s');
  if (shared !== null) {
    const decoded = decodeShareState<KafkaAppCommand>(shared, validateCommand);
    if (!decoded.ok) return decoded;
    const st = decoded.value;
    const spec = 'id' in st.scenario ? scenarioById(st.scenario.id) : ok(st.scenario.spec);
    if (!spec.ok) return spec;
    const store = createWorkbenchStore(kafkaAdapter(spec.value), { seed: st.seed, commands: st.commands, cursor: st.cursor });
    return ok({ scenarioId: 'id' in st.scenario ? st.scenario.id : null, spec: spec.value, store });
  }
  const id = params.get('scenario') ?? defaultScenarioId;
  const spec = scenarioById(id);
  if (!spec.ok) return spec;
  return ok({
    scenarioId: id,
    spec: spec.value,
    store: createWorkbenchStore(kafkaAdapter(spec.value), { seed: spec.value.seed ?? 1 }),
  });
}

export function PlaygroundPage() {
  usePageTitle('Playground');
  const [params, setParams] = useSearchParams();
  const [written] = useState(() => new OwnLinks(params.get('s')));
  const [session, setSession] = useState(() => openSession(params));
  // A link pasted or followed while the page is open (not one we wrote) opens a new session.
  const current = params.get('s');
  useEffect(() => {
    if (!written.isOwn(current)) setSession(openSession(params));
    // Only the shared-state parameter decides; scenario switches go through setParams below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, params.get('scenario')]);

  if (!session.ok) {
    return (
      <div className="page" role="alert">
        <h1>This simulation link cannot be opened</h1>
        <p>{session.error.message}</p>
        <p>
          <Link to="/playground">Open the playground fresh</Link> or <Link to="/lessons">go to the lessons</Link>.
        </p>
      </div>
    );
  }
  return (
    <PlaygroundWorkbench
      key={session.value.store.getState().seed + ':' + (session.value.scenarioId ?? 'inline')}
      session={session.value}
      written={written}
      setParams={setParams}
    />
  );
}

function PlaygroundWorkbench({
  session,
  written,
  setParams,
}: {
  session: Session;
  written: OwnLinks;
  setParams: ReturnType<typeof useSearchParams>[1];
}) {
  const { store, spec, scenarioId } = session;
  const [target, setTarget] = useState<InspectTarget | null>(null);
  const [tab, setTab] = useState('partitions');
  const dark = document.documentElement.dataset.theme === 'dark';
  // Sample the charts from the first moment, whichever tab is open.
  chartFeedFor(store);

  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;
  // Keep the link in step with the timeline, at most a few times a second.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (): void => {
      timer = undefined;
      const s = store.getState();
      const text = encodeShareState({
        scenario: scenarioId ? { id: scenarioId } : { spec },
        seed: s.seed,
        commands: [...s.commands()],
        cursor: s.cursor,
      });
      written.wrote(text);
      setParamsRef.current(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('s', text);
          next.delete('scenario');
          return next;
        },
        { replace: true },
      );
    };
    const unsub = store.subscribe((s, prev) => {
      // While playing, the link would be stale before it was read: write it when play stops.
      if (s.playing) return;
      // Written once the learner stops moving for a moment: encoding a long run's link while they
      // drag the scrubber would stall the page every few hundred ms for nothing.
      if (s.cursor !== prev.cursor || s.length !== prev.length || prev.playing) {
        clearTimeout(timer);
        timer = setTimeout(write, 400);
      }
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
    // setParams changes identity on every navigation (writing the link is one): reading it through a
    // ref keeps this subscription, and the write it has pending, alive across those navigations.
  }, [store, spec, scenarioId, written]);

  const inspect = useCallback((t: InspectTarget) => {
    setTarget(t);
    setTab('inspector');
  }, []);
  const jump = useCallback((id: number) => store.getState().seekToHappening(id), [store]);
  const [copied, setCopied] = useState(false);
  const copyLink = async (): Promise<void> => {
    // Encode the moment on screen now: the address bar is updated a moment after each change, and
    // a link copied in between must not point at the step before.
    const st = store.getState();
    const text = encodeShareState({
      scenario: scenarioId ? { id: scenarioId } : { spec },
      seed: st.seed,
      commands: [...st.commands()],
      cursor: st.cursor,
    });
    const link = `${window.location.origin}${window.location.pathname}#/playground?s=${encodeURIComponent(text)}`;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  const panels = useMemo(
    () => [
      {
        id: 'partitions',
        label: 'Partitions',
        render: () => <ConnectedPartitionStrips store={store} onInspect={inspect} selected={target} />,
      },
      {
        id: 'groups',
        label: 'Groups',
        render: () => <ConnectedGroupsPanel store={store} onInspect={inspect} selected={target} />,
      },
      { id: 'trace', label: 'Trace', render: () => <ConnectedTraceLog store={store} onJump={jump} onInspect={inspect} /> },
      { id: 'charts', label: 'Charts', render: () => <ConnectedChartsPanel store={store} /> },
      { id: 'sequence', label: 'Sequence', render: () => <ConnectedSequencePanel store={store} dark={dark} /> },
      {
        id: 'inspector',
        label: 'Inspector',
        render: () => <ConnectedInspector store={store} target={target} onClear={() => setTarget(null)} />,
      },
    ],
    [store, inspect, jump, target, dark],
  );

  return (
    <Workbench
      title={`Playground: ${spec.name}`}
      store={store}
      panels={panels}
      activeTab={tab}
      onTabChange={setTab}
      onSelectNode={(id) => inspect({ kind: 'node', id })}
      tools={
        <>
          <label>
            Scenario{' '}
            <select
              value={scenarioId ?? ''}
              onChange={(e) => setParams(new URLSearchParams({ scenario: e.currentTarget.value }))}
            >
              {scenarioId === null && <option value="">(from a link)</option>}
              {builtInScenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <ProduceForm
            topics={spec.topics.map((t) => t.name)}
            onProduce={(topic, key) => void store.getState().dispatch({ type: 'produce', topic, key })}
          />
          <button type="button" onClick={() => void copyLink()}>
            {copied ? 'Link copied' : 'Copy link'}
          </button>
        </>
      }
      footer={
        <>
          <ConnectedNarration store={store} />
          <ConnectedCountersBar store={store} />
        </>
      }
    />
  );
}
