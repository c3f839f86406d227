/**
 * The lesson format: what a lesson is, as data, and `defineLesson`, which checks its shape.
 *
 * A lesson is a script over one simulation model: a scenario to start from, steps that each apply
 * commands, and for each step the claims its prose makes, written as functions of the simulator's
 * state with the value the prose states. The prose itself lives in the lesson's content.md (one
 * `## ` section per step, plus the fixed sections of the arc) and is passed in as a raw string,
 * so the words and the checks sit side by side and a test can hold one against the other.
 *
 * `defineLesson` never throws: a malformed lesson (a step with no prose, a claim whose text the
 * prose does not contain, a predict answer that is not an option) is described in `problems`, which
 * every lesson's test asserts is empty. The app can then show a broken lesson's error instead of a
 * blank page.
 */
import { SECTION, parseContent, parsePredict, plainText } from './content.ts';
import type { CommandOf, ModelName, ScenarioOf, StateOf } from './models.ts';

export type ClaimValue = number | string | boolean;

/**
 * One thing the prose says, checked against the simulator after the step's commands have run.
 * `text` is the fragment of the step's prose that states it ("the balance is 750"), so a reader of
 * a failing test can find the sentence to fix.
 */
export interface Claim<S> {
  id: string;
  text: string;
  value: (state: S) => ClaimValue;
  expected: ClaimValue;
}

export interface StepSpec<M extends ModelName> {
  /** Stable, kebab-case; also the `## ` heading of the step's prose. */
  id: string;
  title: string;
  /**
   * When present, the step starts over from a fresh instance built from this scenario (same seed)
   * instead of continuing from the previous step — for "now change the setup and run it again".
   */
  scenario?: ScenarioOf<M>;
  commands: CommandOf<M>[];
  /** Workbench node ids to highlight while the step is shown. */
  highlight: string[];
  /**
   * Virtual ms per real ms the step plays at when it opens (0.1 to 100). By default the step's
   * virtual duration plays in about eight seconds, so its key moment is watchable; the learner
   * can still change the speed.
   */
  playSpeed?: number;
  /**
   * The id of the model's panel (a tab beside the diagram) the step opens on, when its prose is
   * about that panel ("watch the lag table as it plays"). Absent: the learner's tab stays.
   */
  panel?: string;
  claims: Claim<StateOf<M>>[];
}

export interface PredictOption {
  id: string;
  text: string;
}

/**
 * The predict-then-observe moment: shown before step `stepId` runs; the learner picks an option,
 * then the step runs and the explanation says why `answer` is what happened. Numbers in the
 * question and explanation must be backed by that step's claims (options are guesses and exempt).
 * The words live in content.md (`## predict`, before the step); the lesson names the step and the
 * right option.
 */
export interface PredictSpec {
  stepId: string;
  question: string;
  options: PredictOption[];
  answer: string;
  explanation: string;
}

/**
 * A short task in the same simulation. Its prompt and worked solution are prose (content.md
 * `## challenge` and `## solution`); `solution` here is the solution as commands with claims, run
 * after the last step (or from `scenario` when given), so the worked answer is tested too.
 */
export interface ChallengeSpec<M extends ModelName> {
  solution: {
    scenario?: ScenarioOf<M>;
    commands: CommandOf<M>[];
    claims: Claim<StateOf<M>>[];
  };
  /**
   * How many of the solution's first commands only set the challenge up (default 0): the page's
   * workbench opens after them, and "Show the solution" runs the rest.
   */
  setupCommands?: number;
  /**
   * What the page checks on the learner's own run, whatever path they took: the challenge is done
   * when every goal holds. The solution's claims check the worked answer's numbers; goals check
   * that the task was done (challenge-goals.test.ts runs both).
   */
  goals?: ChallengeGoal<StateOf<M>>[];
  /** Which of the model's control forms the challenge page shows, by id, in order (default: all). */
  controls?: string[];
  /**
   * Workbench node ids the challenge is about, framed by the camera (default: the last step's).
   * Name the nodes the learner acts on, so the picture opens readable where the task happens.
   */
  highlight?: string[];
}

/** One condition of a challenge, in words the learner reads beside a tick. */
export interface ChallengeGoal<S> {
  id: string;
  text: string;
  pass: (state: S) => boolean;
}

export interface LessonSpec<M extends ModelName> {
  /** The catalogue id, e.g. `L13`. */
  id: string;
  title: string;
  /** Time to complete, in minutes, reading and doing the challenge. */
  minutes: number;
  model: M;
  scenario: ScenarioOf<M>;
  /** The simulation seed (default 1). */
  seed?: number;
  /** The raw content.md (import it with `?raw`). */
  content: string;
  steps: StepSpec<M>[];
  /** Which step the predict moment comes before, and which option is right (the prose is content.md's). */
  predict: Pick<PredictSpec, 'stepId' | 'answer'>;
  challenge: ChallengeSpec<M>;
}

/** The prose of a lesson, by part of the arc. Markdown strings. */
export interface LessonProse {
  learn: string;
  steps: Record<string, string>;
  recap: string;
  challenge: string;
  solution: string;
  simplifies: string;
}

export interface Lesson<M extends ModelName = ModelName> extends Omit<LessonSpec<M>, 'content' | 'seed' | 'predict'> {
  seed: number;
  predict: PredictSpec;
  prose: LessonProse;
  /** What is wrong with the lesson's shape; empty for a well-formed lesson. */
  problems: string[];
}

/** Any lesson, whatever its model. */
export type AnyLesson = { [M in ModelName]: Lesson<M> }[ModelName];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIXED = new Set<string>(Object.values(SECTION));

function checkClaims(where: string, claims: readonly Claim<unknown>[], prose: string | undefined, problems: string[]): void {
  const seen = new Set<string>();
  const plain = prose === undefined ? '' : plainText(prose);
  for (const c of claims) {
    if (seen.has(c.id)) problems.push(`${where}: claim id "${c.id}" is used twice`);
    seen.add(c.id);
    if (prose !== undefined && !plain.includes(plainText(c.text))) {
      problems.push(`${where}: claim "${c.id}" says "${c.text}", which its prose does not contain`);
    }
  }
}

/** Splits the content and checks the lesson's shape. See the module comment. */
export function defineLesson<M extends ModelName>(spec: LessonSpec<M>): Lesson<M> {
  const problems: string[] = [];
  const { content, seed, ...rest } = spec;
  const parsed = parseContent(content);
  const byName = new Map<string, string>();
  for (const s of parsed.sections) {
    if (s.name === '') problems.push('content.md has text before its first ## section');
    else if (byName.has(s.name)) problems.push(`content.md has two "## ${s.name}" sections`);
    else byName.set(s.name, s.body);
  }

  const stepIds = spec.steps.map((s) => s.id);
  // The predict section comes right before the step it asks about.
  const stepsWithPredict = stepIds.flatMap((id) => (id === spec.predict.stepId ? [SECTION.predict, id] : [id]));
  const expectedOrder = [
    SECTION.learn,
    ...stepsWithPredict,
    SECTION.recap,
    SECTION.challenge,
    SECTION.solution,
    SECTION.simplifies,
  ];
  const actualOrder = parsed.sections.map((s) => s.name).filter((n) => n !== '');
  if (actualOrder.join('|') !== expectedOrder.join('|')) {
    problems.push(`content.md sections are [${actualOrder.join(', ')}]; the arc needs [${expectedOrder.join(', ')}]`);
  }
  for (const name of expectedOrder)
    if ((byName.get(name) ?? '') === '') problems.push(`content.md: "## ${name}" is missing or empty`);

  const seenSteps = new Set<string>();
  for (const step of spec.steps) {
    if (!ID.test(step.id)) problems.push(`step id "${step.id}" is not kebab-case`);
    if (FIXED.has(step.id)) problems.push(`step id "${step.id}" clashes with a fixed section`);
    if (seenSteps.has(step.id)) problems.push(`step id "${step.id}" is used twice`);
    seenSteps.add(step.id);
    if (step.playSpeed !== undefined && !(step.playSpeed >= 0.1 && step.playSpeed <= 100))
      problems.push(`step ${step.id}: playSpeed must be from 0.1 to 100`);
    checkClaims(`step ${step.id}`, step.claims as Claim<unknown>[], byName.get(step.id), problems);
  }
  if (spec.steps.length === 0) problems.push('a lesson needs at least one step');
  if (spec.steps.every((s) => s.claims.length === 0)) problems.push('no step makes a claim');
  if (!(Number.isInteger(spec.minutes) && spec.minutes >= 1 && spec.minutes <= 120)) problems.push('minutes must be 1..120');
  if (!/^L\d{2}$/.test(spec.id)) problems.push(`lesson id "${spec.id}" is not like L13`);

  const { problems: predictProblems, ...predictProse } = parsePredict(byName.get(SECTION.predict) ?? '');
  problems.push(...predictProblems);
  const p: PredictSpec = { stepId: spec.predict.stepId, answer: spec.predict.answer, ...predictProse };
  if (!seenSteps.has(p.stepId)) problems.push(`predict names step "${p.stepId}", which does not exist`);
  if (p.options.length < 2) problems.push('predict needs at least two options');
  if (new Set(p.options.map((o) => o.id)).size !== p.options.length) problems.push('predict option ids repeat');
  if (!p.options.some((o) => o.id === p.answer)) problems.push(`predict answer "${p.answer}" is not an option`);

  const solution = [byName.get(SECTION.challenge), byName.get(SECTION.solution)].join('\n');
  checkClaims('challenge', spec.challenge.solution.claims as Claim<unknown>[], solution, problems);
  if (spec.challenge.solution.claims.length === 0) problems.push('the challenge solution makes no claim');

  const steps: Record<string, string> = {};
  for (const id of stepIds) steps[id] = byName.get(id) ?? '';
  return {
    ...rest,
    predict: p,
    seed: seed ?? 1,
    prose: {
      learn: byName.get(SECTION.learn) ?? '',
      steps,
      recap: byName.get(SECTION.recap) ?? '',
      challenge: byName.get(SECTION.challenge) ?? '',
      solution: byName.get(SECTION.solution) ?? '',
      simplifies: byName.get(SECTION.simplifies) ?? '',
    },
    problems,
  } as Lesson<M>;
}
