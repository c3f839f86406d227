/**
 * Command-line arguments of `npm run sim`, parsed into options or a clear error.
 *
 * Kept apart from cli.ts so the parsing is pure and tested: cli.ts only touches the file system
 * and the process. A mistyped flag is a learner's error like a bad scenario, so it is a value
 * with a message, never an exception.
 */
import { SCENARIO_LIMITS, SEED_MAX } from './limits.ts';

/** What `npm run sim -- ...` was asked to do. */
export interface CliOptions {
  scenarioPath: string;
  /** Write the full trace here as JSON lines. */
  tracePath?: string;
  seed?: number;
  untilMs?: number;
  /** Run this model (`kafka` when absent) instead of a Kafka scenario. */
  model?: string;
  /** A JSON list of commands to apply first (a script). */
  commandsPath?: string;
}

export type CliParse =
  { ok: true; options: CliOptions } | { ok: false; help: true } | { ok: false; help: false; message: string };

/** The usage text printed by `--help` and after an argument error. */
export const USAGE = `usage: npm run sim -- <scenario.json> [--trace out.jsonl] [--seed N] [--until MS]
       npm run sim -- <scenario.json> --model ID [--commands script.json] [--seed N]

  <scenario.json>    a scenario file (Kafka's format: docs/scenario-format.md; examples: docs/examples/)
  --trace FILE       also write every trace entry to FILE, one JSON object per line
  --seed N           use seed N (0..${SEED_MAX}) instead of the scenario's seed
  --until MS         stop at virtual time MS instead of the scenario's durationMs
  --model ID         run another model on its own scenario format (kafka, eventstore, saga, …)
  --commands FILE    with --model: a JSON list of the model's commands to apply, then run to the end
  -h, --help         show this help

Prints a JSON summary of the run. Exit code 0 when the run completed, 1 for bad input.`;

function wholeNumber(flag: string, text: string, max: number): number | string {
  if (!/^\d+$/.test(text)) return `${flag} needs a whole number, got "${text}"`;
  const n = Number(text);
  if (n > max) return `${flag} must be at most ${max}, got ${text}`;
  return n;
}

/** Parses the arguments after `--` (process.argv.slice(2)). */
export function parseCliArgs(argv: readonly string[]): CliParse {
  const options: Partial<CliOptions> = {};
  const bad = (message: string): CliParse => ({ ok: false, help: false, message });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true };
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const flag = eq < 0 ? arg : arg.slice(0, eq);
      if (!['--trace', '--seed', '--until', '--model', '--commands'].includes(flag)) return bad(`unknown option ${flag}`);
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return bad(`${flag} needs a value`);
      if (flag === '--trace') {
        options.tracePath = value;
        continue;
      }
      if (flag === '--model') {
        options.model = value;
        continue;
      }
      if (flag === '--commands') {
        options.commandsPath = value;
        continue;
      }
      const n = wholeNumber(flag, value, flag === '--seed' ? SEED_MAX : SCENARIO_LIMITS.timeMsMax);
      if (typeof n === 'string') return bad(n);
      if (flag === '--seed') options.seed = n;
      else options.untilMs = n;
      continue;
    }
    if (options.scenarioPath !== undefined) return bad(`one scenario file at a time, got "${options.scenarioPath}" and "${arg}"`);
    options.scenarioPath = arg;
  }
  if (options.scenarioPath === undefined) return bad('no scenario file given');
  if (options.commandsPath !== undefined && options.model === undefined) return bad('--commands goes with --model');
  return { ok: true, options: options as CliOptions };
}
