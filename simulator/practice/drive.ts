/**
 * Drives a model run the way the workbench would replay it, writing down every command, so a
 * grader can stop at the moment a property breaks and hand back a run the workbench reopens at
 * exactly that moment (same model, scenario, seed, commands, cursor).
 */
import type { AnyModel } from '../core/model.ts';
import type { TraceBase } from '../core/trace.ts';
import type { GradedRun } from './types.ts';

export interface Drive<S, E extends TraceBase, C extends { type: string } = { type: string }> {
  readonly state: S;
  readonly commands: Array<{ type: string }>;
  /** Applies a command and records it; returns whether the model accepted it. */
  apply(command: C): boolean;
  /** One `next-entry`; false once the run is over (nothing more will happen). */
  step(): boolean;
  /**
   * Steps (`next-entry`, so a link can open at any entry) until virtual time `atMs` or the end of
   * the run, at most `stepsMax` steps.
   */
  stepTo(atMs: number, stepsMax?: number): void;
  /** Steps until the run is over, at most `stepsMax` steps. */
  stepOut(stepsMax?: number): void;
  /** Trace entries written since `fromId` (entries are kept in full mode). */
  entriesSince(fromId: number): E[];
  nextEntryId(): number;
  nowMs(): number;
  /**
   * The cursor (commands applied) at which trace entry `id` first exists: opening the run there
   * shows the entry as the newest thing that happened.
   */
  cursorAt(id: number): number;
  /** The run as it stands, at the cursor given (default: now). */
  snapshot(cursor?: number): GradedRun;
}

/** A bound on every stepping loop (TigerStyle: every loop has a limit). */
const defaultStepsMax = 200_000;

export function drive<S, E extends TraceBase, C extends { type: string } = { type: string }>(
  model: AnyModel,
  scenario: unknown,
  seed: number,
): Drive<S, E, C> {
  const run = model.run(scenario);
  const state = run.init(seed) as S;
  const commands: Array<{ type: string }> = [];
  const trace = () => run.trace(state) as { entries: E[]; nextId: number };
  // nextId after each command, so an entry id maps back to the command that wrote it.
  const idsAfter: number[] = [];
  return {
    state,
    commands,
    apply(command) {
      commands.push(command);
      const ok = run.apply(state, command).ok;
      idsAfter.push(trace().nextId);
      return ok;
    },
    step() {
      if (run.nextAtMs(state) === undefined) return false;
      commands.push(run.stepCommand);
      run.apply(state, run.stepCommand);
      idsAfter.push(trace().nextId);
      return true;
    },
    stepTo(atMs, stepsMax = defaultStepsMax) {
      for (let i = 0; i < stepsMax && run.nowMs(state) < atMs; i++) if (!this.step()) return;
    },
    stepOut(stepsMax = defaultStepsMax) {
      for (let i = 0; i < stepsMax; i++) if (!this.step()) return;
    },
    entriesSince(fromId) {
      const t = trace();
      const out: E[] = [];
      for (let i = t.entries.length - 1; i >= 0 && t.entries[i]!.id >= fromId; i--) out.push(t.entries[i]!);
      return out.reverse();
    },
    nextEntryId: () => trace().nextId,
    nowMs: () => run.nowMs(state),
    cursorAt(id) {
      let lo = 0;
      let hi = idsAfter.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (idsAfter[mid]! > id) hi = mid;
        else lo = mid + 1;
      }
      return Math.min(lo + 1, commands.length);
    },
    snapshot: (cursor = commands.length) => ({ model: model.id, scenario, seed, commands: commands.slice(), cursor }),
  };
}
