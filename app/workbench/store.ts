/**
 * The workbench store: a timeline of commands over a model, plus the transport's state.
 *
 * Built with zustand's vanilla `createStore` by a factory, so each test and each page gets its
 * own store. The timeline (checkpoints, commands) is mutable and lives beside the store, not in
 * it; the store holds what components render: the cursor, the view of the state at the cursor,
 * and the transport settings. Stepping back is a seek; a command after stepping back forks the
 * future (the timeline drops what came after the cursor).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { checkpointBytesMax } from './budget.ts';
import { approxBytes, createTimeline, type Handed, type SimError, type Timeline } from '../../simulator/index.ts';
import type { BoundModel, FullTrace, NodeAction, WorkbenchView } from './view.ts';
import { shareUnchanged } from './share-unchanged.ts';
import type { Topology } from './topology.ts';
import { createBackgroundEnd, runTimelineToEnd, type EndInBackground } from './run-to-end.ts';
import { createScrub } from './scrub.ts';
import { backTarget, createScriptPlayer, entriesAt, forwardTarget, type StepScript } from './step-script.ts';

export const speedMin = 0.1;
export const speedMax = 100;
/** Most entries one animation frame may run, so a dense run cannot freeze the page. */
export const stepsPerFrameMax = 400;
/**
 * While playing, the view (and every panel that reads it) is republished at most this often, in
 * real ms. The model still advances every frame and the records in flight animate every frame;
 * the strips, groups and trace redraw ten times a second, which the eye reads as live and which
 * leaves the frame budget to the animation.
 */
export const playViewRefreshMs = 100;

export interface WorkbenchState<C> {
  seed: number;
  cursor: number;
  length: number;
  view: WorkbenchView;
  /** Which nodes and edges exist; the same object until they change, so the graph re-renders rarely. */
  topology: Topology;
  playing: boolean;
  /** Virtual ms per real ms, 0.1 to 100. */
  speed: number;
  /** Virtual time the play clock has reached (>= the state's time while playing). */
  clockMs: number;
  /** Set when the model is idle: nothing more will happen without a command. */
  idle: boolean;
  /** The last command the model refused, shown to the learner until the next action. */
  error: SimError | null;
  /** One sentence about the last change, for the live region. */
  announcement: string;
  commands(): readonly C[];
  /** The model's state at the cursor, read-only: for checks such as a lesson challenge's goals. */
  peekState(): unknown;
  /** What the learner can do to a node right now (crash, restart, slow down…). */
  actionsFor(nodeId: string): Array<NodeAction<C>>;
  /** Applies a learner's command at the cursor (forking the future if the cursor is not at the end). */
  dispatch(command: C): boolean;
  stepForward(): void;
  stepBack(): void;
  seek(k: number): void;
  /**
   * Seek for the scrubber: a far position is replayed in slices between frames (the thumb moves at
   * once, the picture when the replay arrives), so dragging over a long run never freezes the page;
   * the newest position asked for wins. Any other action first finishes a scrub still under way.
   */
  scrubTo(k: number): void;
  /** Moves the cursor to the first point at which entry `id` had happened. */
  seekToEntry(id: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  /**
   * Advances the play clock by a real-time interval; called once per animation frame. `discrete`
   * (reduced motion) changes the picture in visible steps instead of continuously.
   */
  tick(realMs: number, discrete?: boolean): void;
  restart(): void;
  /**
   * Runs until nothing is scheduled (bounded); in a lesson step, to the step's end. With
   * `endInBackground` it runs off the page (`ending` shows how far); any other action first
   * finishes it here, so every action starts from where End leads.
   */
  runToEnd(): void;
  /** End running in the background: recorded commands replayed of those to replay, or null. */
  ending: { done: number; total: number } | null;
  /** Stops End running in the background, leaving the run where it was. */
  cancelEnd(): void;
  /**
   * The lesson step the transport is bounded to (its first and last cursor, and the trace length
   * at each: Step and Back move one entry, which can be more than one cursor position), or null.
   */
  bounds: { start: number; end: number; startEntries: number; endEntries: number } | null;
  /** True once the learner ran past the step or changed the simulation: the transport is unbounded. */
  offScript: boolean;
  /** Why the forward controls are held (the predict question is not answered yet), or null. */
  lock: string | null;
  setLock(reason: string | null): void;
  /** Leaves the step's bounds on purpose and plays on with the model's own time. */
  keepRunning(): void;
  /** How many trace entries the run has written at the cursor. */
  traceLength(): number;
  /** The whole trace at the cursor, on a copy of the state (later play does not change it), or null. */
  fullTrace(): FullTrace | null;
  /**
   * Replays the run from time zero to `upTo` (default: the cursor) on a copy, handing `visit` the
   * view about every `gapMs` of virtual time: a chart opened mid-lesson draws its history.
   */
  replayViews(visit: (view: WorkbenchView, cursor: number) => void, gapMs: number, upTo?: number): void;
}

export type WorkbenchStore<C> = StoreApi<WorkbenchState<C>>;

export interface WorkbenchInit<C> {
  seed: number;
  commands?: readonly C[];
  cursor?: number;
  /** Checkpoint interval of the timeline. */
  checkpointEvery?: number;
  /** Bound on entries `runToEnd` may run. */
  runToEndMax?: number;
  /**
   * States a Worker computed for these commands (app/share/replay.ts): opened without a replay.
   * The last, when it is at `cursor`, becomes the live state as it is (the caller gives it up).
   */
  restore?: ReadonlyArray<Handed<unknown>>;
  /** Runs End off the page (issue #12); without it End runs here. */
  endInBackground?: EndInBackground<C>;
  /** A lesson step: the transport plays, steps and ends inside it (see step-script.ts). */
  script?: StepScript;
  /** Virtual ms per real ms to start at (default 1). */
  speed?: number;
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(speedMax, Math.max(speedMin, speed));
}

/** Creates a workbench store over a model. */
export function createWorkbenchStore<S, C extends { type: string }>(
  model: BoundModel<S, C>,
  init: WorkbenchInit<C>,
): WorkbenchStore<C> {
  // A handed-over state at the cursor is adopted, not copied: copying a big state is a long task.
  const restore = init.restore as ReadonlyArray<Handed<S>> | undefined;
  const adoptLast = restore !== undefined && restore.length > 0 && restore.at(-1)!.at === init.cursor && init.cursor >= 1;
  const timeline: Timeline<S, C> = createTimeline<S, C>(
    {
      init: () => model.init(init.seed),
      apply: (s, c) => void model.apply(s, c),
      clone: model.clone,
      sizeOf: approxBytes,
    },
    init.checkpointEvery ?? 128,
    init.commands ?? [],
    {
      checkpointBytesMax,
      ...(restore ? { restore: adoptLast ? restore.slice(0, -1) : restore } : {}),
    },
  );
  if (adoptLast) timeline.adopt([], [restore.at(-1)!]);
  else if (init.cursor !== undefined) timeline.seek(init.cursor);

  let topology = model.topology(timeline.state);
  let shownView: WorkbenchView | undefined;
  const snapshot = (): Pick<WorkbenchState<C>, 'cursor' | 'length' | 'view' | 'idle' | 'topology'> => {
    // The same object until a node, an edge or a detail changes, so the graph re-renders rarely.
    topology = shareUnchanged(topology, model.topology(timeline.state));
    return {
      cursor: timeline.cursor,
      length: timeline.commands.length,
      // Unchanged parts keep their objects, so components re-render only what changed.
      view: (shownView = shareUnchanged(shownView, model.view(timeline.state))),
      idle: model.nextAtMs(timeline.state) === undefined,
      topology,
    };
  };
  const latest = (view: WorkbenchView): string => view.entries.at(-1)?.text ?? '';

  // Play publishes the view at most every playViewRefreshMs; these track what is not shown yet.
  let viewStale = false;
  let sinceViewMs = 0;
  const nowOf = (state: S): number => model.nowMs(state);
  const script = init.script;
  const player = script ? createScriptPlayer(script, stepsPerFrameMax) : undefined;

  return createStore<WorkbenchState<C>>()((set, get) => {
    /** Inside the step's script: bounded transport, entries at their own times. */
    const scripted = (): boolean => script !== undefined && !get().offScript;
    const clampToStep = (k: number): number =>
      scripted() ? Math.max(script!.start, Math.min(script!.end, k)) : Math.max(0, Math.min(timeline.commands.length, k));
    const moveTo = (k: number): void => {
      player?.reset();
      timeline.seek(k);
      refresh({ error: null, playing: false });
    };
    /** One frame of play inside the step (step-script.ts): commands land at their virtual times. */
    const tickScripted = (realMs: number, discrete: boolean): void => {
      const s = get();
      const f = player!.frame(
        { clockMs: s.clockMs, speed: s.speed, realMs, discrete },
        () => timeline.cursor,
        (k) => timeline.seek(k),
        () => nowOf(timeline.state),
      );
      if (f === undefined) return;
      sinceViewMs += f.realMs;
      if (f.steps > 0) viewStale = true;
      if (viewStale && (f.ended || f.beat || discrete || sinceViewMs >= playViewRefreshMs)) {
        sinceViewMs = 0;
        viewStale = false;
        refresh({ clockMs: f.clockMs, playing: !f.ended });
      } else set({ clockMs: f.clockMs, playing: !f.ended, cursor: timeline.cursor, length: timeline.commands.length });
    };
    const refresh = (extra: Partial<WorkbenchState<C>> = {}): void => {
      const snap = snapshot();
      set({
        ...snap,
        clockMs: Math.max(snap.view.nowMs, extra.clockMs ?? snap.view.nowMs),
        announcement: latest(snap.view),
        ...extra,
      });
    };
    const stepOnce = (): boolean => {
      if (timeline.cursor < timeline.commands.length) {
        timeline.seek(timeline.cursor + 1);
        return true;
      }
      if (model.nextAtMs(timeline.state) === undefined) return false;
      timeline.push(model.stepCommand);
      return true;
    };
    // A long scrub seeks in slices (scrub.ts); any other action finishes it first.
    const scrub = createScrub(timeline, () => refresh({ error: null, playing: false }));
    const settleScrub = (): void => scrub.settle();
    const endModel = {
      ...(model.runToEndCommand ? { endCommand: (st: S) => model.runToEndCommand!(st) } : {}),
      nextAtMs: (st: S) => model.nextAtMs(st),
      stepCommand: model.stepCommand,
    };
    const endMax = init.runToEndMax ?? 20_000;
    const endHere = (): void => void runTimelineToEnd(timeline, endModel, endMax);
    // End running in the background, if any (run-to-end.ts).
    const background = createBackgroundEnd(timeline, endMax, endHere, {
      progress: (done, total) => set({ ending: { done, total } }),
      landed: () => refresh({ ending: null, playing: false, error: null }),
    });
    /** Finishes End still running in the background, here, so the next action starts after it. */
    const settleEnd = (): void => {
      if (background.settle()) refresh({ ending: null, playing: false, error: null });
    };
    const first = snapshot();
    return {
      seed: init.seed,
      ...first,
      bounds: script
        ? {
            start: script.start,
            end: script.end,
            startEntries: entriesAt(script, script.start),
            endEntries: entriesAt(script, script.end),
          }
        : null,
      offScript: false,
      lock: null,
      ending: null,
      playing: false,
      speed: clampSpeed(init.speed ?? 1),
      clockMs: first.view.nowMs,
      error: null,
      announcement: latest(first.view),
      commands: () => timeline.commands,
      peekState: () => timeline.state,
      actionsFor: (nodeId) => model.nodeActions(timeline.state, nodeId),
      dispatch(command) {
        settleScrub();
        settleEnd();
        // Try it on a copy first, so a refused command leaves no trace in the timeline.
        const probe = model.apply(model.clone(timeline.state), command);
        if (!probe.ok) {
          set({ error: probe.error, announcement: probe.error.message });
          return false;
        }
        timeline.push(command);
        // A change the script does not contain: what follows is the learner's own run.
        refresh({ error: null, offScript: script !== undefined ? true : get().offScript });
        return true;
      },
      stepForward() {
        settleScrub();
        settleEnd();
        if (get().lock !== null) return;
        if (scripted()) return moveTo(forwardTarget(script!, timeline.cursor));
        stepOnce();
        refresh({ error: null, playing: false });
      },
      stepBack() {
        settleScrub();
        settleEnd();
        if (scripted()) return moveTo(backTarget(script!, timeline.cursor));
        if (timeline.cursor === 0) return;
        timeline.seek(timeline.cursor - 1);
        refresh({ error: null, playing: false });
      },
      seek(k) {
        settleScrub();
        settleEnd();
        const to = clampToStep(k);
        if (get().lock !== null && to > timeline.cursor) return;
        player?.reset();
        timeline.seek(to);
        refresh({ error: null });
      },
      scrubTo(k) {
        settleEnd();
        const to = clampToStep(k);
        if (get().lock !== null && to > timeline.cursor) return;
        player?.reset();
        if (scrub.to(to)) set({ cursor: to, playing: false });
      },
      seekToEntry(id) {
        settleScrub();
        settleEnd();
        // Trace length only grows along the timeline, so binary-search the first cursor past id.
        const back = timeline.cursor;
        let lo = 0;
        let hi = timeline.commands.length;
        if (model.traceLength(timeline.seek(hi)) <= id) {
          timeline.seek(back);
          return;
        }
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (model.traceLength(timeline.seek(mid)) > id) hi = mid;
          else lo = mid + 1;
        }
        timeline.seek(scripted() ? clampToStep(lo) : lo);
        refresh({ error: null, playing: false });
      },
      play() {
        settleScrub();
        settleEnd();
        if (get().lock !== null) return;
        // At the step's end, Play plays the step again; running on is keepRunning's choice.
        if (scripted() && timeline.cursor >= script!.end) moveTo(script!.start);
        player?.reset();
        set({ playing: true, error: null });
      },
      pause() {
        // Publish what play had run but not yet shown, so the paused picture is the true one.
        if (viewStale) {
          viewStale = false;
          refresh({ playing: false });
        } else set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        set({ speed: clampSpeed(speed) });
      },
      tick(realMs, discrete = false) {
        const s = get();
        if (!s.playing) return;
        if (scripted()) return tickScripted(realMs, discrete);
        sinceViewMs += Math.max(0, realMs);
        const target = s.clockMs + Math.max(0, realMs) * s.speed;
        let steps = 0;
        while (steps < stepsPerFrameMax) {
          const next = timeline.cursor < timeline.commands.length ? -Infinity : model.nextAtMs(timeline.state);
          if (next === undefined || next > target) break;
          stepOnce();
          steps++;
        }
        const idle = timeline.cursor === timeline.commands.length && model.nextAtMs(timeline.state) === undefined;
        // When a frame hits its step cap, the clock waits for the model instead of running away.
        const clockMs = steps >= stepsPerFrameMax ? nowOf(timeline.state) : target;
        if (steps > 0) viewStale = true;
        if (viewStale && (idle || sinceViewMs >= playViewRefreshMs)) {
          sinceViewMs = 0;
          viewStale = false;
          refresh({ clockMs, playing: !idle });
        } else set({ clockMs, playing: !idle, idle, cursor: timeline.cursor, length: timeline.commands.length });
      },
      restart() {
        settleScrub();
        settleEnd();
        // Back to the start (of the step, in a lesson); the commands stay, so play replays them.
        player?.reset();
        timeline.seek(scripted() ? script!.start : 0);
        refresh({ playing: false, error: null });
      },
      runToEnd() {
        settleScrub();
        if (get().lock !== null || background.running()) return;
        if (scripted()) return moveTo(script!.end);
        if (init.endInBackground) {
          background.start(init.endInBackground);
          return set({ playing: false, error: null });
        }
        endHere();
        refresh({ playing: false, error: null });
      },
      cancelEnd() {
        if (background.cancel()) set({ ending: null });
      },
      setLock(reason) {
        if (reason !== null) player?.reset();
        set(reason !== null ? { lock: reason, playing: false } : { lock: null });
      },
      replayViews(visit, gapMs, upTo) {
        const end = Math.min(upTo ?? timeline.cursor, timeline.commands.length);
        const state = model.init(init.seed);
        let lastMs = -Infinity;
        for (let k = 0; k < end; k++) {
          const now = nowOf(state);
          if (now - lastMs >= gapMs) {
            lastMs = now;
            visit(model.view(state), k);
          }
          model.apply(state, timeline.commands[k]!);
        }
        visit(end === timeline.cursor ? get().view : model.view(state), end);
      },
      traceLength: () => model.traceLength(timeline.state),
      fullTrace: () => model.fullTrace?.(model.clone(timeline.state)) ?? null,
      keepRunning() {
        settleEnd();
        if (get().lock !== null) return;
        player?.reset();
        set({ offScript: true, playing: true, error: null, announcement: 'Running on past the end of the step, off script.' });
      },
    };
  });
}
