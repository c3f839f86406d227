/**
 * The headless lesson runner: builds the lesson's model, applies each step's commands in order and
 * evaluates every claim, the way the workbench will show the lesson — but without a screen, so a
 * test can assert that every number the prose states is what the simulation produces.
 *
 * It also answers the workbench's questions about a lesson's script: which scenario and which
 * commands reproduce step N (for deep links and stepping back), and where each step begins in that
 * command list (for the predict moment, shown just before a step's commands run). Nothing here
 * throws for a broken lesson: failures are values in the run, which tests assert are absent.
 */
import type { ModelRun, SimError } from '../../simulator/index.ts';
import type { AnyLesson, Claim, ClaimValue, Lesson } from './define-lesson.ts';
import { runFor, type CommandOf, type ModelName, type ScenarioOf, type StateOf } from './models.ts';

export interface ClaimResult {
  id: string;
  text: string;
  expected: ClaimValue;
  /** What the simulation gave, or null when reading it threw (see `error`). */
  actual: ClaimValue | null;
  pass: boolean;
  error?: string;
}

export interface CommandFailure {
  /** Index of the command within its step (or the challenge solution). */
  index: number;
  commandType: string;
  error: SimError | { code: 'THREW'; message: string };
}

export interface StepRun {
  stepId: string;
  failures: CommandFailure[];
  claims: ClaimResult[];
  ok: boolean;
}

export interface LessonRun {
  lessonId: string;
  /** True when the lesson is well formed, every command applied and every claim held. */
  ok: boolean;
  /** Shape problems from defineLesson, plus "no driver" when the model is not available yet. */
  problems: string[];
  steps: StepRun[];
  challenge: StepRun | null;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Evaluates claims against a state. Never throws; a claim that throws fails with the error. */
export function evaluateClaims<S>(claims: readonly Claim<S>[], state: S): ClaimResult[] {
  return claims.map((c) => {
    try {
      const actual = c.value(state);
      return { id: c.id, text: c.text, expected: c.expected, actual, pass: Object.is(actual, c.expected) };
    } catch (e) {
      return { id: c.id, text: c.text, expected: c.expected, actual: null, pass: false, error: message(e) };
    }
  });
}

type Run<M extends ModelName> = ModelRun<StateOf<M>, CommandOf<M>>;

function applyAll<M extends ModelName>(driver: Run<M>, state: StateOf<M>, commands: readonly CommandOf<M>[]): CommandFailure[] {
  const failures: CommandFailure[] = [];
  commands.forEach((command, index) => {
    try {
      const r = driver.apply(state, command);
      if (!r.ok) failures.push({ index, commandType: command.type, error: r.error });
    } catch (e) {
      failures.push({ index, commandType: command.type, error: { code: 'THREW', message: message(e) } });
    }
  });
  return failures;
}

function runTyped<M extends ModelName>(lesson: Lesson<M>): LessonRun {
  // The model bound to each scenario a lesson starts from (steps may restart with their own).
  const runs = new Map<ScenarioOf<M>, Run<M> | undefined>();
  const runOf = (scenario: ScenarioOf<M>): Run<M> | undefined => {
    if (!runs.has(scenario)) runs.set(scenario, runFor(lesson.model, scenario));
    return runs.get(scenario);
  };
  if (runOf(lesson.scenario) === undefined) {
    const problems = [...lesson.problems, `the ${lesson.model} model does not exist in this simulator`];
    return { lessonId: lesson.id, ok: false, problems, steps: [], challenge: null };
  }
  let driver = runOf(lesson.scenario)!;
  const create = (scenario: ScenarioOf<M>, seed: number): StateOf<M> => {
    driver = runOf(scenario) ?? driver;
    return driver.init(seed);
  };
  const steps: StepRun[] = [];
  let state: StateOf<M> | undefined;
  for (const step of lesson.steps) {
    let failures: CommandFailure[] = [];
    try {
      if (state === undefined || step.scenario !== undefined) state = create(step.scenario ?? lesson.scenario, lesson.seed);
      failures = applyAll(driver, state, step.commands);
    } catch (e) {
      failures.push({ index: -1, commandType: 'create', error: { code: 'THREW', message: message(e) } });
    }
    const claims = state === undefined ? [] : evaluateClaims(step.claims, state);
    steps.push({ stepId: step.id, failures, claims, ok: failures.length === 0 && claims.every((c) => c.pass) });
  }
  let challenge: StepRun;
  const sol = lesson.challenge.solution;
  try {
    const start =
      sol.scenario !== undefined || state === undefined
        ? create(sol.scenario ?? lesson.scenario, lesson.seed)
        : driver.clone(state);
    const failures = applyAll(driver, start, sol.commands);
    const claims = evaluateClaims(sol.claims, start);
    challenge = { stepId: 'challenge', failures, claims, ok: failures.length === 0 && claims.every((c) => c.pass) };
  } catch (e) {
    challenge = {
      stepId: 'challenge',
      failures: [{ index: -1, commandType: 'create', error: { code: 'THREW', message: message(e) } }],
      claims: [],
      ok: false,
    };
  }
  const ok = lesson.problems.length === 0 && steps.every((s) => s.ok) && challenge.ok;
  return { lessonId: lesson.id, ok, problems: [...lesson.problems], steps, challenge };
}

/** Runs a whole lesson headless: every step, every claim, and the challenge's solution. */
export function runLesson(lesson: AnyLesson): LessonRun {
  return runTyped(lesson as Lesson<ModelName>);
}

/** One line per failed claim, command or problem: what a failing test prints. */
export function describeFailures(run: LessonRun): string[] {
  const lines = run.problems.map((p) => `${run.lessonId}: ${p}`);
  for (const s of [...run.steps, ...(run.challenge ? [run.challenge] : [])]) {
    for (const f of s.failures)
      lines.push(`${run.lessonId} ${s.stepId}: command ${f.index} (${f.commandType}) failed: ${f.error.message}`);
    for (const c of s.claims) {
      if (!c.pass) {
        const got = c.error !== undefined ? `threw ${c.error}` : `got ${JSON.stringify(c.actual)}`;
        lines.push(`${run.lessonId} ${s.stepId}: claim ${c.id} ("${c.text}") expected ${JSON.stringify(c.expected)}, ${got}`);
      }
    }
  }
  return lines;
}

/**
 * What the workbench loads to show step `stepIndex`: the scenario to start from and the command
 * timeline of the current segment (the steps since the last scenario restart), with where the
 * step's own commands begin and end in it. Show the predict question with the cursor at
 * `stepStart`; the step's prose and claims belong at `stepEnd`. Stepping back within a segment is
 * a cursor move; crossing a restart loads the earlier segment.
 */
export interface StepScript<M extends ModelName> {
  scenario: ScenarioOf<M>;
  seed: number;
  commands: CommandOf<M>[];
  stepStart: number;
  stepEnd: number;
  /** The index of the step that began this segment (0, or the last step with its own scenario). */
  segmentFirstStep: number;
}

export function scriptForStep<M extends ModelName>(lesson: Lesson<M>, stepIndex: number): StepScript<M> {
  const i = Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(stepIndex)));
  let first = 0;
  for (let k = i; k >= 0; k--) {
    if (lesson.steps[k]!.scenario !== undefined) {
      first = k;
      break;
    }
  }
  const commands: CommandOf<M>[] = [];
  let stepStart = 0;
  for (let k = first; k <= i; k++) {
    if (k === i) stepStart = commands.length;
    commands.push(...lesson.steps[k]!.commands);
  }
  return {
    scenario: lesson.steps[first]!.scenario ?? lesson.scenario,
    seed: lesson.seed,
    commands,
    stepStart,
    stepEnd: commands.length,
    segmentFirstStep: first,
  };
}

/**
 * The simulator state after step `stepIndex`'s commands (a fresh instance, replayed from the
 * script: what a deep link to that step must show). Undefined when the model does not exist.
 */
export function stateAfterStep<M extends ModelName>(lesson: Lesson<M>, stepIndex: number): StateOf<M> | undefined {
  const script = scriptForStep(lesson, stepIndex);
  const run = runFor(lesson.model, script.scenario);
  if (run === undefined) return undefined;
  const state = run.init(script.seed);
  applyAll(run, state, script.commands);
  return state;
}
