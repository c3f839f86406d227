/**
 * The Kafka simulation's entry point: create a world, apply commands, run tasks, clone, summarise.
 *
 * `createKafkaSim({ seed, scenario })` gives an object of pure functions over a plain-data state.
 * Commands are the only way in: `apply` validates and applies one, returning a Result (never
 * throwing for anything a user can cause). Time moves only through the `step`, `advance` and
 * `run-until-idle` commands (or a caller driving `runTask` with the core scheduler). The same seed,
 * scenario and commands give the same state and trace, byte for byte.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { heapPeek } from '../core/heap.ts';
import { runNext } from '../core/world.ts';
import { createTimeline, type Timeline, type TimelineModel } from '../core/timeline.ts';
import type { KafkaScenario, KafkaEngineCommand } from './scenario/types.ts';
import { buildWorld } from './build.ts';
import { budgetProblem } from './budget.ts';
import { cloneState } from './clone.ts';
import { applyGuarded, dispatchWorldCommand, type ApplyOutcome } from './command-dispatch.ts';
import { describeEntry } from './describe.ts';
import { summary, type KafkaSummary } from './lag.ts';
import { runTask } from './run-task.ts';
import type { KafkaState, KafkaTuning } from './state.ts';
import type { KafkaTraceEntry } from './trace-types.ts';

export type { ApplyOutcome } from './command-dispatch.ts';

export interface KafkaSimOptions {
  seed: number;
  scenario: KafkaScenario;
  /** Kafka settings the scenario format does not name (README lists the defaults). */
  tuning?: Partial<KafkaTuning>;
}

export interface KafkaSim {
  /** A fresh world at virtual time 0. */
  init(): KafkaState;
  /** Applies one command to the state, in place. Impossible commands return an error value. */
  apply(state: KafkaState, command: KafkaEngineCommand): Result<ApplyOutcome>;
  /** Runs one scheduled task (for callers driving the core scheduler themselves). */
  runTask: typeof runTask;
  /** An independent copy of a state (fast: big columns are sliced, not deep-cloned). */
  clone(state: KafkaState): KafkaState;
  summary(state: KafkaState): KafkaSummary;
  describeEntry(entry: KafkaTraceEntry): string;
}

/** Creates a Kafka simulation for a scenario and a seed. */
export function createKafkaSim(opts: KafkaSimOptions): KafkaSim {
  return {
    init: () => buildWorld(opts.seed, opts.scenario, opts.tuning),
    apply: applyCommand,
    runTask,
    clone: cloneState,
    summary,
    describeEntry,
  };
}

/** A timeline (checkpoints every `every` commands, seek, fork) over a Kafka simulation. */
export function createKafkaTimeline(opts: KafkaSimOptions, every = 256): Timeline<KafkaState, KafkaEngineCommand> {
  return createTimeline(kafkaTimelineModel(opts), every);
}

/** The init/apply/clone triple `createTimeline` needs. */
export function kafkaTimelineModel(opts: KafkaSimOptions): TimelineModel<KafkaState, KafkaEngineCommand> {
  const sim = createKafkaSim(opts);
  return { init: sim.init, apply: (s, c) => void sim.apply(s, c), clone: sim.clone };
}

/** Applies a command; a rejected command is also recorded in the trace as `command-rejected`. */
export function applyCommand(s: KafkaState, command: KafkaEngineCommand): Result<ApplyOutcome> {
  return applyGuarded(s, command, dispatch);
}

function dispatch(s: KafkaState, c: KafkaEngineCommand): Result<ApplyOutcome> {
  switch (c.type) {
    case 'step':
      return ok({ tasksRun: runNext(s, runTask) ? 1 : 0 });
    case 'advance':
      if (!(c.untilMs >= s.nowMs))
        return fail(ErrorCode.InvalidCommand, `Cannot advance to ${c.untilMs} ms: the clock is already at ${s.nowMs} ms.`);
      return runBounded(s, c.untilMs);
    case 'run-until-idle':
      return runBounded(s, undefined);
    default:
      return dispatchWorldCommand(s, c);
  }
}

/**
 * Runs tasks until `untilMs` (advance) or until no foreground task is left (run-until-idle),
 * within the world's task bound. Hitting the bound is reported as an error value; the work done
 * so far stays done.
 */
function runBounded(s: KafkaState, untilMs: number | undefined): Result<ApplyOutcome> {
  const left = s.k.tasksMax - s.tasksRun;
  let n = 0;
  for (;;) {
    const head = heapPeek(s.queue);
    if (untilMs === undefined) {
      if (head === undefined || s.k.fg <= 0) return ok({ tasksRun: n, stoppedBy: 'idle' });
    } else {
      if (head === undefined || head.atMs > untilMs) {
        s.nowMs = untilMs;
        return ok({ tasksRun: n, stoppedBy: head === undefined ? 'idle' : 'until' });
      }
    }
    const over = budgetProblem(s, n);
    if (over !== undefined) return over;
    if (n >= left) {
      return fail(
        ErrorCode.TaskLimitReached,
        `Stopped after ${s.tasksRun} tasks (the scenario's limit is ${s.k.tasksMax}). Something keeps running — a producer without count or stopAtMs? Use advance to a time instead.`,
      );
    }
    runNext(s, runTask);
    n++;
  }
}
