/**
 * The vocabulary of graded practice: a check the grader ran and whether it held, the run that
 * shows it (replayable in the workbench), and the verdict on a whole design.
 *
 * A grader is pure: it gets a validated design, runs it through a model under faults it chooses
 * (seeded, so the same design and grader version always give the same verdict), and returns plain
 * data. Turning a run into a share link is the app's job (app/practice/), which keeps simulator/
 * free of app code.
 */

/** A run a learner can open in the workbench: the model, the scenario, the seed, the commands. */
export interface GradedRun {
  model: string;
  scenario: unknown;
  seed: number;
  commands: Array<{ type: string }>;
  /** How many commands are applied at the moment the property broke. */
  cursor: number;
}

/** One property the grader checked. */
export interface GradedCheck {
  name: string;
  held: boolean;
  /** What happened, in a sentence or two; names the offending records, steps or events. */
  detail: string;
  /** For a broken check: the run, at the moment it broke. */
  run?: GradedRun;
  /** For a broken check: the seed of the failing run. */
  seed?: number;
}

export interface Verdict {
  exercise: string;
  passed: boolean;
  checks: GradedCheck[];
  /** Bumped whenever a grader's scenarios or faults change, so old verdicts are known to differ. */
  graderVersion: number;
}

export function verdict(exercise: string, graderVersion: number, checks: GradedCheck[]): Verdict {
  return { exercise, passed: checks.every((c) => c.held), checks, graderVersion };
}
