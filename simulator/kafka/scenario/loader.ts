/**
 * Loading a Kafka scenario (or a single Kafka command) from untrusted input, as a Result, through
 * the shared schema check (core/parse.ts). It never throws, whatever it is given: bad JSON, a wrong
 * type, a missing topic all come back as a SimError with code SCENARIO_INVALID, the path of the
 * first problem and the full list of problems. `formatScenarioErrors` renders that list for a
 * terminal.
 */
import { ErrorCode, type SimError } from '../../core/errors.ts';
import { ROOT_LABEL } from '../../core/messages.ts';
import { parseWithSchema, type LoadResult, type ScenarioIssue } from '../../core/parse.ts';
import { KafkaScenarioSchema, KafkaEngineCommandSchema } from './schema.ts';
import type { KafkaScenario, KafkaEngineCommand } from './types.ts';

export type { LoadResult, ScenarioIssue, ScenarioLoadError } from '../../core/parse.ts';

/**
 * Validates a scenario. `input` is a JSON text or an already parsed value; a string is always
 * read as JSON text. Never throws.
 */
export function loadScenario(input: unknown): LoadResult<KafkaScenario> {
  return parseWithSchema(KafkaScenarioSchema, input, ErrorCode.ScenarioInvalid, ROOT_LABEL);
}

/**
 * Validates one command (its structure only: whether the topic or consumer it names exists is
 * decided when the engine applies it). For commands from share links and scripts. Never throws.
 */
export function loadCommand(input: unknown): LoadResult<KafkaEngineCommand> {
  return parseWithSchema(KafkaEngineCommandSchema, input, ErrorCode.InvalidCommand, 'command');
}

/**
 * A multi-line, terminal-friendly rendering of a load error:
 *
 * ```
 * bad.json is not a valid scenario (2 problems):
 *   - topics[0].partitions: a topic needs at least 1 partition, got 0
 *   - groups[0].topics[0]: group "billing" subscribes to topic "payment", ...
 * The format is described in docs/scenario-format.md.
 * ```
 */
export function formatScenarioErrors(error: SimError & { issues?: readonly ScenarioIssue[] }, source = 'the input'): string {
  const lines = error.issues !== undefined && error.issues.length > 0 ? error.issues.map((i) => i.message) : [error.message];
  const n = lines.length;
  return [
    `${source} is not a valid scenario (${n} problem${n === 1 ? '' : 's'}):`,
    ...lines.map((l) => `  - ${l}`),
    'The format is described in docs/scenario-format.md.',
  ].join('\n');
}
