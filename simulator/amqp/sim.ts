/**
 * The AMQP model as one bundle of pure functions — init, apply, runTask, clone, describeEntry —
 * the shape the other models expose (saga/sims.ts, kafka-sim.ts), so the model contract being
 * defined in simulator/core can wrap it in a few lines. Also the model as core's timeline wants it.
 */
import type { Result } from '../core/errors.ts';
import { ok } from '../core/errors.ts';
import type { Scheduled } from '../core/heap.ts';
import type { TimelineModel } from '../core/timeline.ts';
import { describeAmqpEntry } from './describe.ts';
import type { AmqpCommandInput, AmqpScenario } from './schema.ts';
import type { AmqpEntry } from './trace-entries.ts';
import type { AmqpTask, AmqpWorld } from './types.ts';
import {
  applyAmqpCommand,
  cloneAmqpWorld,
  createAmqpWorld,
  runAmqpTask,
  type AmqpRunReport,
  type AmqpWorldOptions,
} from './world.ts';

export interface AmqpSim {
  /** A fresh world at virtual time 0 for the scenario and seed the sim was created with. */
  init(): AmqpWorld;
  /** Applies one command in place; an impossible command returns an error value and changes nothing. */
  apply(state: AmqpWorld, command: AmqpCommandInput): Result<AmqpRunReport>;
  /** Runs one scheduled task (for callers driving the core scheduler themselves). */
  runTask(state: AmqpWorld, task: AmqpTask & Scheduled): void;
  clone(state: AmqpWorld): AmqpWorld;
  describeEntry(entry: AmqpEntry): string;
}

/** The sim for a scenario, or the scenario's error (checked once, here, so init cannot fail). */
export function createAmqpSim(scenario: AmqpScenario, seed: number, opts: AmqpWorldOptions = {}): Result<AmqpSim> {
  const first = createAmqpWorld(scenario, seed, opts);
  if (!first.ok) return first;
  const pristine = cloneAmqpWorld(first.value);
  return ok({
    init: () => cloneAmqpWorld(pristine),
    apply: applyAmqpCommand,
    runTask: runAmqpTask,
    clone: cloneAmqpWorld,
    describeEntry: describeAmqpEntry,
  });
}

/** The model as core's timeline wants it (commands that fail change nothing, so they replay alike). */
export function amqpTimelineModel(sim: AmqpSim): TimelineModel<AmqpWorld, AmqpCommandInput> {
  return { init: sim.init, apply: (w, c) => void sim.apply(w, c), clone: sim.clone };
}
