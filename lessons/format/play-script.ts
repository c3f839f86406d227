/**
 * A lesson step as the learner watches it: the step's recorded commands expanded into the single
 * trace entries that make them up, with the virtual time each one lands at.
 *
 * A lesson records coarse commands (`advance` 30 s, `run-until-idle`) because they are what the
 * prose means and what the claims check. Applied at once they jump from before to after; the
 * player needs the moments in between. The model contract's step command (`next-entry`) runs the
 * model until one more trace entry is written, so a coarse command C at state S can be watched as
 * `next-entry` × m followed by C itself, which finishes whatever C still had to do (an `advance`
 * to an absolute time or a `run-until-idle` picks up where the entries left off).
 *
 * That is only true when the walk really is a prefix of C, so every expansion is checked: the
 * state after `next-entry` × m then C must serialise exactly like the state after C alone. When it
 * does not (an instant command such as `produce`, or a model whose C is not resumable), the
 * command is kept whole. Two more expansions are checked the same way: what an `advance` writes
 * outside scheduled tasks (Kafka's retention and compaction) is split into shorter advances, one
 * per virtual time it writes at; and an instant command that does a lot at once (seeding 10,000
 * deposits) is played as its pieces (command-pieces.ts). The played step therefore ends in the very state the headless runner
 * (run-lesson.ts) checks the claims against — a test holds every step of every lesson to it.
 */
import type { AnyLesson, Lesson } from './define-lesson.ts';
import { runFor, type CommandOf, type ModelName, type ScenarioOf, type StateOf } from './models.ts';
import type { ModelRun } from '../../simulator/index.ts';
import { evaluateClaims, type ClaimResult } from './run-lesson.ts';
import { commandPieces } from './command-pieces.ts';

/** Entries one command may be expanded into, at most (beyond it the command is kept whole). */
export const walkEntriesMax = 50_000;

export interface PlayScript<M extends ModelName = ModelName> {
  scenario: ScenarioOf<M>;
  seed: number;
  /** The segment's commands with every step's recorded commands expanded. */
  commands: CommandOf<M>[];
  /** Where the step's own (expanded) commands begin and end in `commands`. */
  stepStart: number;
  stepEnd: number;
  /** Virtual time after command i. */
  atMs: number[];
  /** Trace entries written after command i (the trace's next id). */
  entries: number[];
  /**
   * True where command i is one of the script's own commands that wrote something without time
   * passing (a produce, a deposit): the player holds on it for a beat, or a burst of them would
   * look like one jump.
   */
  beat: boolean[];
  /** Virtual time and trace length before the first command. */
  startMs: number;
  startEntries: number;
  /** The step's claims, evaluated on the state it ends in (the same state the headless runner checks). */
  claims: ClaimResult[];
  /**
   * The state the step ends in, read-only: what the page asks of the step's end before playing it
   * (whether a key moment will be drawn, so its room is kept from the first frame).
   */
  endState: StateOf<M>;
}

type Run<M extends ModelName> = ModelRun<StateOf<M>, CommandOf<M>>;

const sameState = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Walk<C> {
  /** The commands played before the command itself (`next-entry`, or shorter `advance`s). */
  commands: C[];
  atMs: number[];
  entries: number[];
}

/** An `advance` to an absolute virtual time: the one coarse command every model's clock shares. */
const advanceTo = (c: { type: string }): number | undefined => {
  const untilMs = (c as { untilMs?: unknown }).untilMs;
  return c.type === 'advance' && typeof untilMs === 'number' ? untilMs : undefined;
};

/**
 * How command `c` at state `s0` can be watched entry by entry (see the module comment). Some of
 * what an `advance` does is not a scheduled task that `next-entry` can reach (Kafka's retention
 * and compaction run as the clock passes their deadlines): whatever the walk leaves to `c` is
 * split into shorter advances, one to each virtual time at which `c` writes an entry, checked
 * byte-identical like the walk.
 */
export function walkCommand<S, C extends { type: string }>(run: ModelRun<S, C>, s0: S, c: C, target: S): Walk<C> {
  const none: Walk<C> = { commands: [], atMs: [], entries: [] };
  const endMs = run.nowMs(target);
  const endEntries = run.trace(target).nextId;
  if (endEntries <= run.trace(s0).nextId) return none;
  const walk = (limit: number): { state: S; out: Walk<C>; over: boolean } => {
    const w = run.clone(s0);
    const out: Walk<C> = { commands: [], atMs: [], entries: [] };
    while (out.commands.length < limit) {
      const next = run.nextAtMs(w);
      if (next === undefined || next > endMs) return { state: w, out, over: false };
      const before = run.trace(w).nextId;
      const r = run.apply(w, run.stepCommand);
      const after = run.trace(w).nextId;
      // Past C's end (in time or in entries), or nothing written: the last step was not C's.
      if (!r.ok || after === before || after > endEntries || run.nowMs(w) > endMs) return { state: w, out, over: true };
      out.commands.push(run.stepCommand);
      out.atMs.push(run.nowMs(w));
      out.entries.push(after);
    }
    return { state: w, out, over: false };
  };
  const first = run.nextAtMs(s0);
  const full = first === undefined || first > endMs ? { state: run.clone(s0), out: none, over: false } : walk(walkEntriesMax);
  // The last step overshot: walk again to just before it (cheaper than copying every state).
  const { state, out } = full.over ? walk(full.out.commands.length) : full;
  const rest = splitAdvance(run, state, c, target);
  if (rest) for (const k of ['commands', 'atMs', 'entries'] as const) (out[k] as unknown[]).push(...rest[k]);
  if (out.commands.length === 0) return none;
  if (rest) return out;
  const r = run.apply(state, c);
  return r.ok && sameState(state, target) ? out : none;
}

/**
 * The shorter advances that make up what is left of `c` at state `s` (which `s` becomes after
 * them and `c`), or undefined when `c` is no advance, writes at one time only, or the split is not
 * byte-identical to `c` alone.
 */
function splitAdvance<S, C extends { type: string }>(run: ModelRun<S, C>, s: S, c: C, target: S): Walk<C> | undefined {
  const endMs = advanceTo(c);
  if (endMs === undefined) return undefined;
  const fromId = run.trace(s).nextId;
  const startMs = run.nowMs(s);
  const times = [
    ...new Set(
      run
        .trace(target)
        .entries.filter((e) => e.id >= fromId && e.atMs > startMs && e.atMs < endMs)
        .map((e) => e.atMs),
    ),
  ].sort((a, b) => a - b);
  if (times.length === 0) return undefined;
  const w = run.clone(s);
  const out: Walk<C> = { commands: [], atMs: [], entries: [] };
  for (const untilMs of times) {
    const step = { ...c, untilMs } as C;
    if (!run.apply(w, step).ok) return undefined;
    out.commands.push(step);
    out.atMs.push(run.nowMs(w));
    out.entries.push(run.trace(w).nextId);
  }
  if (!run.apply(w, c).ok || !sameState(w, target)) return undefined;
  return out;
}

/**
 * Command `c` at state `s0` as the pieces it is made of (command-pieces.ts) with where each lands,
 * when they end byte-identical to `target` (the state after `c` alone); undefined otherwise.
 */
function piecesOf<S, C extends { type: string }>(
  run: ModelRun<S, C>,
  s0: S,
  c: C,
  target: S,
): { command: C; atMs: number; entries: number }[] | undefined {
  const pieces = commandPieces(c) as C[] | undefined;
  if (!pieces) return undefined;
  const w = run.clone(s0);
  const out: { command: C; atMs: number; entries: number }[] = [];
  for (const command of pieces) {
    if (!run.apply(w, command).ok) return undefined;
    out.push({ command, atMs: run.nowMs(w), entries: run.trace(w).nextId });
  }
  return sameState(w, target) ? out : undefined;
}

interface Segment {
  first: number;
  commands: unknown[];
  atMs: number[];
  entries: number[];
  beat: boolean[];
  /** Index into `commands` where each step of the segment starts, and where it ends. */
  starts: number[];
  /** Each step's claims, evaluated on the state the step ends in (what the page lists). */
  claims: ClaimResult[][];
  /** The state each step ends in (kept, not copied: every command applies to a fresh clone). */
  ends: unknown[];
  startMs: number;
  startEntries: number;
}

const cache = new WeakMap<object, Map<number, Segment>>();

function segmentFirst<M extends ModelName>(lesson: Lesson<M>, stepIndex: number): number {
  for (let k = stepIndex; k >= 0; k--) if (lesson.steps[k]!.scenario !== undefined) return k;
  return 0;
}

function buildSegment<M extends ModelName>(lesson: Lesson<M>, first: number): Segment | undefined {
  const scenario = lesson.steps[first]!.scenario ?? lesson.scenario;
  const run: Run<M> | undefined = runFor(lesson.model, scenario);
  if (!run) return undefined;
  const s = run.init(lesson.seed);
  const seg: Segment = {
    first,
    commands: [],
    atMs: [],
    entries: [],
    beat: [],
    starts: [],
    claims: [],
    ends: [],
    startMs: run.nowMs(s),
    startEntries: run.trace(s).nextId,
  };
  let state = s;
  for (let k = first; k < lesson.steps.length; k++) {
    if (k > first && lesson.steps[k]!.scenario !== undefined) break;
    seg.starts.push(seg.commands.length);
    for (const c of lesson.steps[k]!.commands) {
      const target = run.clone(state);
      run.apply(target, c);
      const pieces = piecesOf(run, state, c, target);
      if (pieces) {
        for (const p of pieces) {
          seg.commands.push(p.command);
          seg.atMs.push(p.atMs);
          seg.entries.push(p.entries);
          seg.beat.push(false);
        }
        state = target;
        continue;
      }
      const w = walkCommand(run, state, c, target);
      for (let i = 0; i < w.commands.length; i++) {
        seg.commands.push(w.commands[i]!);
        seg.atMs.push(w.atMs[i]!);
        seg.entries.push(w.entries[i]!);
        seg.beat.push(false);
      }
      const wrote = run.trace(target).nextId > (w.entries.at(-1) ?? run.trace(state).nextId);
      seg.commands.push(c);
      seg.atMs.push(run.nowMs(target));
      seg.entries.push(run.trace(target).nextId);
      seg.beat.push(w.commands.length === 0 && wrote && run.nowMs(target) === run.nowMs(state));
      state = target;
    }
    seg.claims.push(evaluateClaims(lesson.steps[k]!.claims, state));
    seg.ends.push(state);
  }
  seg.starts.push(seg.commands.length);
  return seg;
}

/**
 * The script the player loads for step `stepIndex`: the segment it belongs to (from the last step
 * that starts over with its own scenario), every command expanded, and where the step begins and
 * ends. Expansions are computed once per lesson and segment. Undefined when the model is missing.
 */
export function playScript(lesson: AnyLesson, stepIndex: number): PlayScript | undefined {
  const l = lesson as Lesson<ModelName>;
  const i = Math.max(0, Math.min(l.steps.length - 1, Math.trunc(stepIndex)));
  const first = segmentFirst(l, i);
  let byFirst = cache.get(l);
  if (!byFirst) cache.set(l, (byFirst = new Map()));
  let seg = byFirst.get(first);
  if (!seg) {
    const built = buildSegment(l, first);
    if (!built) return undefined;
    byFirst.set(first, (seg = built));
  }
  const stepEnd = seg.starts[i - first + 1]!;
  return {
    scenario: l.steps[first]!.scenario ?? l.scenario,
    seed: l.seed,
    commands: seg.commands.slice(0, stepEnd) as CommandOf<ModelName>[],
    stepStart: seg.starts[i - first]!,
    stepEnd,
    atMs: seg.atMs.slice(0, stepEnd),
    entries: seg.entries.slice(0, stepEnd),
    beat: seg.beat.slice(0, stepEnd),
    startMs: seg.startMs,
    startEntries: seg.startEntries,
    claims: seg.claims[i - first]!,
    endState: seg.ends[i - first] as StateOf<ModelName>,
  };
}

/** Virtual ms per real ms that plays a step's virtual duration in about `realMs` (clamped 0.1–100). */
export function defaultPlaySpeed(durationMs: number, realMs = 8_000): number {
  if (!(durationMs > 0)) return 1;
  return Math.min(100, Math.max(0.1, Number((durationMs / realMs).toPrecision(2))));
}
