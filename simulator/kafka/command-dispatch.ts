/**
 * Commands that change the world without moving time (produce, faults, consumers, groups,
 * commits, offset resets), and the guard every command goes through: a command a user can get
 * wrong comes back as a SimError value and a `command-rejected` trace entry, and a bug inside the
 * model is turned into an error value too, never an exception out of the simulator.
 *
 * Split from kafka-sim.ts, which adds the commands that move time (step, advance,
 * run-until-idle) and so needs the task dispatcher: scheduled commands reach this module from
 * run-task.ts without going back up through kafka-sim.ts.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import type { KafkaEngineCommand } from './scenario/types.ts';
import {
  addConsumerCommand,
  addGroupCommand,
  commitCommand,
  produceCommand,
  removeConsumerCommand,
  resetOffsetsCommand,
} from './commands.ts';
import { fixHandlerCommand, replayDeadLettersCommand } from './app-commands.ts';
import { dispatchBuildCommand, isBuildCommand } from './build-dispatch.ts';
import { emit } from './emit.ts';
import { txnCommand } from './txn-commands.ts';
import { crashBroker, crashConsumerCmd, restartBroker, restartConsumerCmd, setLink, slowConsumer } from './faults.ts';
import { applyKafkaSchemaCommand } from './schema-commands.ts';
import type { KafkaState } from './state.ts';

/** What a command did: how many tasks it ran and why it stopped (for time-moving commands). */
export interface ApplyOutcome {
  tasksRun: number;
  stoppedBy?: 'idle' | 'until' | 'tasks-max';
  detail?: unknown;
}

/**
 * Runs `dispatch` for a command; a failure (or an exception, which is a bug) is returned as an
 * error value and recorded in the trace as `command-rejected`.
 */
export function applyGuarded(
  s: KafkaState,
  command: KafkaEngineCommand,
  dispatch: (s: KafkaState, c: KafkaEngineCommand) => Result<ApplyOutcome>,
): Result<ApplyOutcome> {
  let r: Result<ApplyOutcome>;
  try {
    r = dispatch(s, command);
  } catch (e) {
    // A bug, not a user error; still never an exception out of the simulator.
    r = fail(ErrorCode.Internal, `Internal error while applying ${command?.type}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!r.ok) {
    const error = r.error.message;
    const name = typeof command === 'object' && command !== null ? String(command.type) : 'unknown';
    emit(s, () => ({ type: 'command-rejected', atMs: s.nowMs, command: name, error }), 'command-rejected');
  }
  return r;
}

function done<T>(r: Result<T>): Result<ApplyOutcome> {
  return r.ok ? ok({ tasksRun: 0, detail: r.value }) : r;
}

/** Applies a command that does not move time; any other command is an unknown one here. */
export function dispatchWorldCommand(s: KafkaState, c: KafkaEngineCommand): Result<ApplyOutcome> {
  switch (c.type) {
    case 'produce':
      return done(produceCommand(s, c));
    case 'crash-broker':
      return done(crashBroker(s, c.broker));
    case 'restart-broker':
      return done(restartBroker(s, c.broker));
    case 'crash-consumer':
      return done(crashConsumerCmd(s, c.consumer));
    case 'restart-consumer':
      return done(restartConsumerCmd(s, c.consumer));
    case 'slow-consumer':
      return done(slowConsumer(s, c.consumer, c.processingMs));
    case 'delay-link':
      return done(setLink(s, c.from, c.to, c.latencyMs));
    case 'cut-link':
      return done(setLink(s, c.from, c.to, -1));
    case 'heal-link':
      return done(setLink(s, c.from, c.to, null));
    case 'add-consumer':
      return done(addConsumerCommand(s, c));
    case 'remove-consumer':
      return done(removeConsumerCommand(s, c));
    case 'add-group':
      return done(addGroupCommand(s, c));
    case 'commit':
      return done(commitCommand(s, c));
    case 'reset-offsets':
      return done(resetOffsetsCommand(s, c));
    case 'init-transactions':
    case 'begin-transaction':
    case 'commit-transaction':
    case 'abort-transaction':
    case 'send-offsets-to-transaction':
      return done(txnCommand(s, c));
    case 'fix-handler':
      return done(fixHandlerCommand(s, c));
    case 'replay-dead-letters':
      return done(replayDeadLettersCommand(s, c));
    case 'register-schema':
    case 'set-compatibility':
    case 'set-producer-schema':
    case 'set-reader-schema':
    case 'skip-unreadable':
      return done(applyKafkaSchemaCommand(s, c));
    default:
      if (isBuildCommand(c)) return done(dispatchBuildCommand(s, c));
      return fail(ErrorCode.InvalidCommand, `Unknown command type ${JSON.stringify((c as { type?: unknown }).type)}.`);
  }
}
