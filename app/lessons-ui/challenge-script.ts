/**
 * A lesson's challenge as the page runs it: where the workbench starts (after the last step, or a
 * fresh run when the challenge says "start again", plus the commands that only set it up), which
 * goals the learner's own run is checked against, and how "Show the solution" plays the worked
 * answer so it can be watched — a long `advance` becomes a series of shorter ones and
 * `run-until-idle` becomes one trace entry at a time, each a command in the timeline, so the
 * solution steps back and travels in the share link like anything the learner does.
 *
 * Pure: no React and no timers. The page and the headless test drive the same generator.
 */
import type { AnyLesson, ChallengeGoal } from '../../lessons/format/define-lesson.ts';
import { scriptForStep } from '../../lessons/format/run-lesson.ts';

type Cmd = { type: string };

export interface ChallengeScript {
  scenario: unknown;
  seed: number;
  commands: Cmd[];
  /** Where the learner's turn begins: after the script's commands. */
  cursor: number;
}

/** The script the challenge's workbench opens on. */
export function challengeScript(lesson: AnyLesson): ChallengeScript {
  const challenge = lesson.challenge;
  const setup = challenge.solution.commands.slice(0, challenge.setupCommands ?? 0) as Cmd[];
  if (challenge.solution.scenario !== undefined) {
    return { scenario: challenge.solution.scenario, seed: lesson.seed, commands: setup, cursor: setup.length };
  }
  const last = scriptForStep(lesson as never, lesson.steps.length - 1);
  const commands = [...(last.commands as Cmd[]), ...setup];
  return { scenario: last.scenario, seed: last.seed, commands, cursor: commands.length };
}

/** The solution's own moves: what "Show the solution" runs from the challenge's start. */
export function solutionMoves(lesson: AnyLesson): Cmd[] {
  const challenge = lesson.challenge;
  return challenge.solution.commands.slice(challenge.setupCommands ?? 0) as Cmd[];
}

export interface GoalResult {
  id: string;
  text: string;
  pass: boolean;
}

/** Each goal checked against a state; a goal that throws has not passed. */
export function goalResults(lesson: AnyLesson, state: unknown): GoalResult[] {
  const goals = (lesson.challenge.goals ?? []) as ChallengeGoal<unknown>[];
  const holds = (g: ChallengeGoal<unknown>): boolean => {
    try {
      return g.pass(state) === true;
    } catch {
      return false;
    }
  };
  return goals.map((g) => ({ id: g.id, text: g.text, pass: holds(g) }));
}

/** What the runner needs to know about the run as it goes. */
export interface RunProbe {
  nowMs(): number;
  /** True when nothing more will happen without a command. */
  idle(): boolean;
}

export interface SolutionMove {
  command: Cmd;
  /** Real ms to wait after it, so the learner sees it happen. */
  pauseMs: number;
}

/** Real time one chunk of a long advance is shown for, and the bounds on their number. */
export const advancePauseMs = 150;
const chunksMin = 4;
const chunksMax = 24;
/** Virtual ms per chunk the runner aims for before the bounds apply. */
const chunkMsTarget = 500;
/** Pause after a command that is not a clock command (produce, reset, reorder…). */
export const commandPauseMs = 700;
/** Pause after each trace entry when a run-until-idle is shown one entry at a time. */
export const entryPauseMs = 90;
/** Most entries one run-until-idle may be shown as, so a runaway model cannot hold the page. */
export const entriesMax = 2_000;

/** The ends of the chunks a long advance is split into: increasing, the last one `untilMs`. */
export function advanceChunks(fromMs: number, untilMs: number): number[] {
  const span = untilMs - fromMs;
  if (!(span > 0)) return [untilMs];
  const n = Math.min(chunksMax, Math.max(chunksMin, Math.ceil(span / chunkMsTarget)));
  const out: number[] = [];
  for (let i = 1; i < n; i++) {
    const t = Math.round(fromMs + (span * i) / n);
    if (t > (out.at(-1) ?? fromMs)) out.push(t);
  }
  out.push(untilMs);
  return out;
}

/**
 * The solution as watchable moves. A generator, because how a clock command expands depends on
 * the state the moves before it left: the caller applies each move before asking for the next.
 */
export function* watchableSolution(moves: readonly Cmd[], probe: RunProbe, stepCommand: Cmd): Generator<SolutionMove> {
  for (const command of moves) {
    if (command.type === 'advance' && typeof (command as { untilMs?: unknown }).untilMs === 'number') {
      const untilMs = (command as unknown as { untilMs: number }).untilMs;
      for (const t of advanceChunks(probe.nowMs(), untilMs)) {
        yield { command: { ...command, untilMs: t } as Cmd, pauseMs: advancePauseMs };
      }
    } else if (command.type === 'run-until-idle') {
      for (let i = 0; i < entriesMax && !probe.idle(); i++) yield { command: stepCommand, pauseMs: entryPauseMs };
    } else {
      yield { command, pauseMs: commandPauseMs };
    }
  }
}
