/**
 * `npm run sim -- <scenario.json> [--trace out.jsonl] [--seed N] [--until MS]`: run a scenario
 * headless from a terminal and print its summary as JSON.
 *
 * The one file in simulator/ allowed to touch Node (files, stdout, the exit code): everything it
 * does is parse (cli-args.ts), load (loader.ts) and run (runner.ts), which are pure. A learner's
 * mistake — a bad flag, a missing file, an invalid scenario — is a plain message and exit code 1,
 * never a stack trace; a bug in the simulator is reported in one line with exit code 2.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import process from 'node:process';
import { parseCliArgs, USAGE, type CliOptions } from './cli-args.ts';
import { formatScenarioErrors, loadScenario } from './loader.ts';
import { runScenario } from './runner.ts';
import { simModelById } from '../../models.ts';
import { runModelScript } from '../../run-model.ts';

/** Why a file could not be read or written, in words (no errno soup). */
function fileProblem(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Writes trace entries as JSON lines, in chunks so a big trace is never one giant string. */
function writeJsonLines(path: string, entries: readonly unknown[]): void {
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < entries.length; i += 1000) {
      const chunk = entries.slice(i, i + 1000).map((e) => JSON.stringify(e));
      writeSync(fd, chunk.join('\n') + '\n');
    }
  } finally {
    closeSync(fd);
  }
}

/** Runs the command line; returns the exit code. */
export function main(argv: readonly string[]): number {
  const args = parseCliArgs(argv);
  if (!args.ok) {
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`sim: ${args.message}\n\n${USAGE}\n`);
    return 1;
  }
  const { scenarioPath, tracePath, seed, untilMs } = args.options;
  if (args.options.model !== undefined && args.options.model !== 'kafka') return runOtherModel(args.options);
  let text: string;
  try {
    text = readFileSync(scenarioPath, 'utf8');
  } catch (err) {
    process.stderr.write(`sim: cannot read ${scenarioPath}: ${fileProblem(err)}\n`);
    return 1;
  }
  const loaded = loadScenario(text);
  if (!loaded.ok) {
    process.stderr.write(`${formatScenarioErrors(loaded.error, scenarioPath)}\n`);
    return 1;
  }
  const run = runScenario(loaded.value, {
    ...(seed !== undefined ? { seed } : {}),
    ...(untilMs !== undefined ? { untilMs } : {}),
    trace: tracePath !== undefined ? 'full' : 'scenario',
  });
  if (tracePath !== undefined) {
    try {
      writeJsonLines(tracePath, run.trace);
    } catch (err) {
      process.stderr.write(`sim: cannot write the trace to ${tracePath}: ${fileProblem(err)}\n`);
      return 1;
    }
  }
  process.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
  for (const note of run.summary.notes) process.stderr.write(`sim: ${note}\n`);
  if (tracePath !== undefined) process.stderr.write(`sim: wrote ${run.trace.length} trace entries to ${tracePath}\n`);
  if (run.internalError !== undefined) {
    // The summary above is what the run got to; the bug itself is exit code 2, as documented.
    process.stderr.write(`sim: internal error: ${run.internalError}\nPlease report it with the scenario file and the seed.\n`);
    return 2;
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  // Not the learner's fault: one line, no stack, and what to report.
  const why = err instanceof Error ? err.message : String(err);
  process.stderr.write(`sim: internal error: ${why}\nPlease report it with the scenario file and the seed.\n`);
  process.exitCode = 2;
}

/** `--model ID`: any model through the contract, with an optional script of commands. */
function runOtherModel(options: CliOptions): number {
  const model = simModelById(options.model!);
  if (!model) {
    process.stderr.write(`sim: there is no model called "${options.model}"\n`);
    return 1;
  }
  const read = (path: string, what: string): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')) as unknown };
    } catch (err) {
      const why = err instanceof SyntaxError ? `not valid JSON (${err.message})` : fileProblem(err);
      process.stderr.write(`sim: cannot read the ${what} ${path}: ${why}\n`);
      return { ok: false };
    }
  };
  const scenario = read(options.scenarioPath, 'scenario');
  if (!scenario.ok) return 1;
  const commands = options.commandsPath === undefined ? { ok: true as const, value: [] } : read(options.commandsPath, 'commands');
  if (!commands.ok) return 1;
  if (options.tracePath !== undefined || options.untilMs !== undefined) {
    process.stderr.write('sim: --trace and --until are for Kafka scenarios; with --model, give a script with --commands\n');
    return 1;
  }
  const result = runModelScript(model, scenario.value, commands.value, options.seed ?? 1);
  if (!result.ok) {
    process.stderr.write(`sim: ${result.message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  return 0;
}
