/**
 * The headless runner: a validated scenario in, a summary and a trace out.
 *
 * This is what `npm run sim`, the lesson tests and the benchmarks share: build the Kafka world for
 * a scenario and a seed, run it to the scenario's end (its `durationMs`, or until nothing is left
 * to do) within its task bound, and report what happened. It is pure — no files, no clock, no
 * console — so it runs the same in Node, in a test and in a browser worker; cli.ts is the thin
 * Node wrapper around it.
 */
import { ErrorCode } from '../../core/errors.ts';
import { traceEntries } from '../../core/trace.ts';
import { createKafkaSim } from '../kafka-sim.ts';
import type { KafkaSummary } from '../lag.ts';
import type { KafkaTraceEntry } from '../trace-types.ts';
import { SCENARIO_DEFAULTS } from './defaults.ts';
import type { KafkaScenario, KafkaEngineCommand } from './types.ts';

/** How to run a scenario; each field overrides the scenario's own setting. */
export interface RunOptions {
  /** Seed for this run (else the scenario's `seed`, else SCENARIO_DEFAULTS.scenario.seed). */
  seed?: number;
  /** Stop at this virtual time (else the scenario's `durationMs`, else when idle). */
  untilMs?: number;
  /**
   * Which trace entries to keep: `full` keeps all (for writing a trace file), `none` keeps only
   * the counts (cheapest, for a summary alone). Default: what the scenario's `trace` says.
   */
  trace?: 'full' | 'none' | 'scenario';
}

/** Why a run ended. `tasks-max` means the task bound stopped it with work still to do. */
export type StoppedBy = 'idle' | 'until' | 'tasks-max' | 'budget';

/**
 * What a run reports: the engine's summary (per-partition offsets, per-group committed offsets
 * and lag, record counts), plus how the run was set up and how it ended.
 */
export interface RunSummary extends KafkaSummary {
  scenario: string;
  seed: number;
  /** The time the run was asked to stop at, or null for "until idle". */
  untilMs: number | null;
  stoppedBy: StoppedBy;
  /** Commands (scheduled ones included) that the engine refused, with its reasons. */
  rejectedCommands: Array<{ atMs: number; command: string; error: string }>;
  /** Things a reader of the summary should know, in sentences (e.g. the task bound was hit). */
  notes: string[];
}

export interface RunResult {
  summary: RunSummary;
  /**
   * Set when the simulator hit a bug of its own (an exception caught at its boundary) rather than
   * anything the scenario asked for: the CLI reports it and exits with 2, not 0.
   */
  internalError?: string;
  /** The kept trace entries, oldest first (all of them in `full` mode). */
  trace: readonly KafkaTraceEntry[];
}

function withTraceMode(spec: KafkaScenario, mode: RunOptions['trace']): KafkaScenario {
  if (mode === undefined || mode === 'scenario') return spec;
  return { ...spec, trace: mode === 'full' ? { mode: 'full' } : { mode: 'summary', keepLast: 0 } };
}

/**
 * Runs a scenario headless. `spec` must be valid (from loadScenario): the runner does not check it
 * again. Never unbounded: the scenario's `tasksMax` (or the engine's default) stops any run.
 */
export function runScenario(spec: KafkaScenario, opts: RunOptions = {}): RunResult {
  const seed = opts.seed ?? spec.seed ?? SCENARIO_DEFAULTS.scenario.seed;
  const untilMs = opts.untilMs ?? spec.durationMs ?? null;
  const scenario = withTraceMode(spec, opts.trace);
  // Rejections are read from the trace counts, so they are found in summary mode too; the kept
  // entries give their details when the trace keeps them.
  const sim = createKafkaSim({ seed, scenario });
  const state = sim.init();
  const command: KafkaEngineCommand = untilMs === null ? { type: 'run-until-idle' } : { type: 'advance', untilMs };
  let r = sim.apply(state, command);
  // The per-command task budget protects a page from one long command. A headless run whose
  // scenario sets its own tasksMax asked for that much work: it carries on with the same command
  // until the run ends or reaches tasksMax (or another budget).
  const ownRefusals = new Set<string>();
  const sliced = spec.tasksMax !== undefined;
  for (let slices = 0; sliced && !r.ok && r.error.path === 'tasksPerCommandMax' && slices < 1000; slices++) {
    ownRefusals.add(r.error.message);
    r = sim.apply(state, command);
  }
  if (!r.ok) ownRefusals.add(r.error.message);
  const notes: string[] = [];
  let stoppedBy: StoppedBy;
  if (r.ok) {
    stoppedBy = r.value.stoppedBy ?? 'idle';
  } else if (r.error.code === ErrorCode.TaskLimitReached) {
    stoppedBy = 'tasks-max';
    notes.push(r.error.message);
  } else if (r.error.code === ErrorCode.BudgetExceeded) {
    stoppedBy = 'budget';
    notes.push(r.error.message);
  } else if (r.error.code === ErrorCode.Internal) {
    stoppedBy = 'idle';
    notes.push(r.error.message);
  } else {
    // The runner's own command cannot be invalid for a valid scenario; say so rather than hide it.
    stoppedBy = 'idle';
    notes.push(`The run could not start: ${r.error.message}`);
  }
  const trace = traceEntries(state.trace);
  // The engine also traces the refusals of the runner's own advance (the task bound, a budget):
  // not the scenario's doing, and already in the notes.
  const rejectedCommands = trace
    .filter((e): e is Extract<KafkaTraceEntry, { type: 'command-rejected' }> => e.type === 'command-rejected')
    .filter((e) => !(e.command === command.type && ownRefusals.has(e.error)))
    .map((e) => ({ atMs: e.atMs, command: e.command, error: e.error }));
  const rejectedCount = (state.trace.counts['command-rejected'] ?? 0) - ownRefusals.size;
  if (rejectedCount > rejectedCommands.length) {
    const n = rejectedCount;
    notes.push(
      `${n} command${n === 1 ? ' was' : 's were'} rejected; run with the full trace to see ${n === 1 ? 'it' : 'them all'}.`,
    );
  }
  const e = sim.summary(state);
  // Field order is what a reader of the printed JSON meets: the run, the counts, then the detail.
  const summary: RunSummary = {
    scenario: spec.name,
    seed,
    untilMs,
    stoppedBy,
    atMs: e.atMs,
    tasksRun: e.tasksRun,
    records: e.records,
    notes,
    rejectedCommands,
    partitions: e.partitions,
    groups: e.groups,
    consumers: e.consumers,
    traceCounts: e.traceCounts,
  };
  // A scheduled command that hit a bug is traced like any refusal; its message says which it was.
  const internal = !r.ok && r.error.code === ErrorCode.Internal ? r.error.message : undefined;
  const internalScheduled = rejectedCommands.find((c) => c.error.startsWith('Internal error'))?.error;
  const internalError = internal ?? internalScheduled;
  return internalError === undefined ? { summary, trace } : { summary, trace, internalError };
}
