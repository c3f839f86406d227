/**
 * A verdict as the page and the CLI show it: each broken check's run turned into a share link
 * (app/share, format v2) that opens the workbench at the moment the property broke. The graders
 * in simulator/ hand back plain runs; links are app business, so the encoding lives here, and
 * runs headless too (the CLI imports this file).
 */
import type { GradedRun, Verdict } from '../../simulator/index.ts';
import { encodeShareState } from '../share/share-link.ts';

export interface CheckWithLink {
  name: string;
  held: boolean;
  detail: string;
  /** The playground route opening the run at the moment it broke (`#/playground?s=v2:…`), or null. */
  link: string | null;
  /** The seed of the failing run, or null. */
  seed: number | null;
}

export interface VerdictWithLinks {
  exercise: string;
  passed: boolean;
  graderVersion: number;
  checks: CheckWithLink[];
}

/** The share string (`v2:…`) of a graded run. */
export function runShareString(run: GradedRun): string {
  return encodeShareState({
    model: run.model,
    scenario: { spec: run.scenario },
    seed: run.seed,
    commands: run.commands,
    cursor: run.cursor,
  });
}

/** The in-app route of a graded run. */
export function runHref(run: GradedRun): string {
  return `#/playground?s=${encodeURIComponent(runShareString(run))}`;
}

export function withLinks(v: Verdict): VerdictWithLinks {
  return {
    exercise: v.exercise,
    passed: v.passed,
    graderVersion: v.graderVersion,
    checks: v.checks.map((c) => ({
      name: c.name,
      held: c.held,
      detail: c.detail,
      link: c.run ? runHref(c.run) : null,
      seed: c.seed ?? null,
    })),
  };
}
