/**
 * The playground: any model in the workbench, with a link that reproduces the exact moment.
 *
 * The URL carries either `?model=<id>&scenario=<id>` (a fresh run of a built-in scenario) or
 * `?s=v2:…` (a shared state: model, scenario, seed, commands, cursor; old `v1:` Kafka links still
 * open). While the learner works, the link is kept up to date (replacing the history entry, so
 * Back leaves the playground instead of undoing steps). A damaged or too-new link shows what went
 * wrong and a way forward; nothing is thrown. The page knows no model: the registry
 * (app/models/index.ts) gives each model's panels, tools and scenarios.
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ok } from '../../simulator/index.ts';
import { builderFor } from '../builder/index.ts';
import { blankScenarioId } from '../builder/blank.ts';
import { saveSessionFile, ScenarioFileTools } from '../scenario-file/ScenarioFileTools.tsx';
import { ConnectedSequencePanel } from '../diagram/SequencePanel.tsx';
import { modelUis } from '../models/index.ts';
import { linkOf, openLinkResponsively, openScenario, type Opening, type Session } from '../models/open-link.ts';
import { ReplayingLink } from '../share/ReplayingLink.tsx';
import { usePageTitle } from '../usePageTitle.ts';
import { ConnectedCountersBar } from '../workbench/panels/CountersBar.tsx';
import { ConnectedInspector } from '../workbench/panels/Inspector.tsx';
import type { InspectHooks, InspectTarget } from '../workbench/panels/inspect.ts';
import { ConnectedNarration } from '../workbench/panels/Narration.tsx';
import { ConnectedSectionsPanel } from '../workbench/panels/SectionsPanel.tsx';
import { ConnectedTraceLog } from '../workbench/panels/TraceLog.tsx';
import { Workbench } from '../workbench/Workbench.tsx';
import { OwnLinks } from '../share/own-links.ts';
import { ClassroomBar } from '../classroom/ClassroomBar.tsx';

/** Links longer than this are offered as a file instead (browsers and chat apps cut long URLs). */
const linkLengthMax = 8000;

function openSession(params: URLSearchParams): Opening {
  const shared = params.get('s');
  return shared !== null ? openLinkResponsively(shared) : openScenario(params.get('model'), params.get('scenario'));
}

export function PlaygroundPage() {
  usePageTitle('Playground');
  const [params, setParams] = useSearchParams();
  const [written] = useState(() => new OwnLinks(params.get('s')));
  const [session, setSession] = useState<Opening>(() => openSession(params));
  // A transition: the workbench of a heavy moment renders in slices, not in one long task (issue #12).
  const replayed = useCallback((s: Session) => startTransition(() => setSession({ ok: true, value: s })), []);
  // Bumped when a scenario file is opened, so the workbench starts afresh even for the same model and seed.
  const [opened, setOpened] = useState(0);
  const openFile = useCallback(
    (s: Session) => {
      const text = linkOf(s);
      written.wrote(text);
      setSession(ok(s));
      setOpened((n) => n + 1);
      setParams(new URLSearchParams({ s: text }), { replace: true });
    },
    [written, setParams],
  );
  // A link pasted or followed while the page is open (not one we wrote) opens a new session, and
  // so does picking a model or a scenario (the address then has no link, only the choice).
  const current = params.get('s');
  const choice = `${params.get('model')}|${params.get('scenario')}`;
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (current === null || !written.isOwn(current)) setSession(openSession(params));
    // Only the link and the choice decide; params itself changes identity on every navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, choice]);

  if (session.ok === 'replaying') return <ReplayingLink link={session.link} onOpened={replayed} />;
  if (!session.ok) {
    // "Open the playground fresh" must work from here even though the address it leads to may be
    // the one this page is already on: it opens the session itself, not only the route.
    return (
      <div className="page" role="alert">
        <h1>This simulation link cannot be opened</h1>
        <p>{session.error.message}</p>
        <p>
          <Link to="/playground" onClick={() => setSession(openScenario(null, null))}>
            Open the playground fresh
          </Link>{' '}
          or <Link to="/lessons">go to the lessons</Link>.
        </p>
      </div>
    );
  }
  return (
    <PlaygroundWorkbench
      key={`${session.value.ui.model.id}:${session.value.store.getState().seed}:${session.value.scenarioId ?? 'inline'}:${opened}`}
      session={session.value}
      onOpenFile={openFile}
      written={written}
      setParams={setParams}
    />
  );
}

function PlaygroundWorkbench({
  session,
  written,
  setParams,
  onOpenFile,
}: {
  session: Session;
  written: OwnLinks;
  setParams: ReturnType<typeof useSearchParams>[1];
  onOpenFile: (s: Session) => void;
}) {
  const { store, ui, scenarioId } = session;
  const [target, setTarget] = useState<InspectTarget | null>(null);
  const hasSections = store.getState().view.sections !== undefined;
  // The model's own panel first; a model without one opens on its state (sections), else the trace.
  const Builder = builderFor(ui.model.id);
  // A Blank scenario opens on its Build tab: there is nothing else to look at yet.
  const [tab, setTab] = useState(
    Builder && scenarioId === blankScenarioId ? 'build' : (ui.panels[0]?.id ?? (hasSections ? 'state' : 'trace')),
  );
  const dark = document.documentElement.dataset.theme === 'dark';

  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;
  // Keep the link in step with the timeline, at most a few times a second.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = (): void => {
      timer = undefined;
      const text = linkOf(session);
      written.wrote(text);
      setParamsRef.current(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('s', text);
          next.delete('scenario');
          next.delete('model');
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
  }, [store, session, written]);

  const inspect = useCallback((t: InspectTarget) => {
    setTarget(t);
    setTab('inspector');
  }, []);
  const jump = useCallback((id: number) => store.getState().seekToEntry(id), [store]);
  const labelOf = useCallback((id: string) => store.getState().topology.nodes.find((n) => n.id === id)?.label ?? id, [store]);
  const hooks = useMemo<InspectHooks>(
    () => ({
      ...(ui.inspect ? { inspect: ui.inspect } : {}),
      ...(ui.nodeFacts ? { nodeFacts: ui.nodeFacts } : {}),
      labelOf,
    }),
    [ui, labelOf],
  );
  const [copied, setCopied] = useState(false);
  const [tooLong, setTooLong] = useState<number | null>(null);
  const copyLink = async (): Promise<void> => {
    // Encode the moment on screen now: the address bar is updated a moment after each change, and
    // a link copied in between must not point at the step before.
    const link = `${window.location.origin}${window.location.pathname}#/playground?s=${encodeURIComponent(linkOf(session))}`;
    // Many browsers, chat apps and mail clients cut or refuse addresses this long: offer a file.
    if (link.length > linkLengthMax) {
      setTooLong(link.length);
      return;
    }
    setTooLong(null);
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };

  const panels = useMemo(
    () => [
      ...ui.panels.map((p) => ({
        id: p.id,
        label: p.label,
        render: () => p.render({ store, onInspect: inspect, selected: target }),
      })),
      ...(Builder ? [{ id: 'build', label: 'Build', render: () => <Builder store={store} /> }] : []),
      ...(hasSections ? [{ id: 'state', label: 'State', render: () => <ConnectedSectionsPanel store={store} /> }] : []),
      { id: 'trace', label: 'Trace', render: () => <ConnectedTraceLog store={store} onJump={jump} onInspect={inspect} /> },
      { id: 'sequence', label: 'Sequence', render: () => <ConnectedSequencePanel store={store} dark={dark} /> },
      {
        id: 'inspector',
        label: 'Inspector',
        render: () => <ConnectedInspector store={store} target={target} hooks={hooks} onClear={() => setTarget(null)} />,
      },
    ],
    [ui, store, inspect, jump, target, dark, hooks, hasSections, Builder],
  );
  const Tools = ui.Tools;
  const title = ui.scenarios.find((s) => s.id === scenarioId)?.title ?? 'a scenario from a link';

  return (
    <Workbench
      title={`Playground: ${ui.model.title} — ${title}`}
      {...(ui.flightLegend ? { legend: ui.flightLegend } : {})}
      store={store}
      panels={panels}
      activeTab={tab}
      onTabChange={setTab}
      onSelectNode={(id) => inspect({ kind: 'node', id })}
      tools={
        <>
          <label>
            Model{' '}
            <select value={ui.model.id} onChange={(e) => setParams(new URLSearchParams({ model: e.currentTarget.value }))}>
              {modelUis.map((m) => (
                <option key={m.model.id} value={m.model.id}>
                  {m.model.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Scenario{' '}
            <select
              value={scenarioId ?? ''}
              onChange={(e) => setParams(new URLSearchParams({ model: ui.model.id, scenario: e.currentTarget.value }))}
            >
              {scenarioId === null && <option value="">(from a link)</option>}
              {ui.scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          {Tools && <Tools store={store} scenario={session.scenario} />}
          <button type="button" onClick={() => void copyLink()}>
            {copied ? 'Link copied' : 'Copy link'}
          </button>
          <ClassroomBar
            kind="playground"
            store={store}
            title={`${ui.model.title} — ${title}`}
            modelId={ui.model.id}
            link={() => linkOf(session)}
          />
          <ScenarioFileTools session={session} onOpen={onOpenFile} />
          {tooLong !== null && (
            <p className="workbench-error scenario-file-problem" role="alert">
              This link would be {tooLong.toLocaleString('en')} characters long, more than many browsers and chat apps keep (
              {linkLengthMax.toLocaleString('en')}).{' '}
              <button type="button" onClick={() => saveSessionFile(session)}>
                Save as file instead
              </button>{' '}
              <button type="button" onClick={() => setTooLong(null)}>
                Dismiss
              </button>
            </p>
          )}
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
