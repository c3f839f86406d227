/**
 * Share links: the exact state of a simulation — scenario (by id, or inline), seed, the commands
 * applied and the cursor — packed into one URL-safe string tagged with its format version.
 *
 * `v1:` + lz-string's URI-safe compression of a small JSON object. The tag lets a future format
 * change keep old links working (decode by tag) and lets an old app say "this link is from a newer
 * version" instead of misreading it. Everything decoded is untrusted: it is validated with the same
 * schemas as scenario files, and every failure is a value with a message the learner can act on.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { ErrorCode, fail, ok, type Result } from '../../simulator/core/errors.ts';
import { loadCommand, loadScenario } from '../../simulator/scenario/loader.ts';
import type { ScenarioSpec, SimCommand } from '../../simulator/scenario/types.ts';

export const shareFormatVersion = 1;

/** What a link reproduces. */
export interface SharedState<C = SimCommand> {
  /** A built-in scenario by id (lessons, examples), or a learner's own scenario inline. */
  scenario: { id: string } | { spec: ScenarioSpec };
  seed: number;
  commands: C[];
  /** How many of `commands` are applied in the shared view (0..commands.length). */
  cursor: number;
}

/** Links longer than this are refused before decompression (browsers cap URLs near 2 MB). */
const encodedLengthMax = 2_000_000;
/**
 * Commands a link may carry. Opening a link replays its commands up to its cursor on the page's
 * own thread: 100,000 steps of busy-cluster replay in under a second; 2,000,000 (a 125-character
 * link, run-length encoded) crashed the tab (issue #12).
 */
export const commandsMax = 100_000;
const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

interface WireV1 {
  /** scenario id or inline spec */
  s: string | ScenarioSpec;
  r: number;
  /**
   * Commands, run-length encoded: a command, or `[n, command]` for n identical ones in a row. A
   * played run is mostly thousands of "next happening" steps, and the link must stay short and
   * cheap to write.
   */
  c: unknown[];
  k: number;
}

/** Most commands a run-length pair may stand for. */
const runLengthMax = 1_000_000;

function runLengthEncode(commands: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  while (i < commands.length) {
    const text = JSON.stringify(commands[i]);
    let n = 1;
    while (i + n < commands.length && JSON.stringify(commands[i + n]) === text) n++;
    out.push(n === 1 ? commands[i] : [n, commands[i]]);
    i += n;
  }
  return out;
}

/** Validates one command from a link; the default accepts the simulator's commands. */
export type CommandValidator<C> = (input: unknown) => Result<C>;

/** Encodes a state as `v1:<compressed>`. */
export function encodeShareState<C>(state: SharedState<C>): string {
  const wire: WireV1 = {
    s: 'id' in state.scenario ? state.scenario.id : state.scenario.spec,
    r: state.seed,
    c: runLengthEncode(state.commands),
    k: state.cursor,
  };
  return `v${shareFormatVersion}:${compressToEncodedURIComponent(JSON.stringify(wire))}`;
}

const broken = <C>(why: string): Result<SharedState<C>> =>
  fail(
    ErrorCode.ShareLinkInvalid,
    `This link is damaged or incomplete (${why}). Ask for the link again, or start from the lesson list.`,
  );

/** Decodes and validates a share string. Never throws. */
export function decodeShareState<C = SimCommand>(
  text: string,
  validate: CommandValidator<C> = loadCommand as unknown as CommandValidator<C>,
): Result<SharedState<C>> {
  if (typeof text !== 'string' || text.length === 0) return broken('it is empty');
  if (text.length > encodedLengthMax) return broken('it is too long');
  const tag = /^v(\d{1,6}):/.exec(text);
  if (!tag) return broken('it has no format version');
  const version = Number(tag[1]);
  if (version > shareFormatVersion) {
    return fail<SharedState<C>>(
      ErrorCode.ShareLinkTooNew,
      `This link was made by a newer version of EDA Lab (format v${version}; this page reads up to v${shareFormatVersion}). Reload the page to get the latest version.`,
    );
  }
  if (version !== 1) return broken(`format v${version} is not one this page knows`);
  let wire: unknown;
  try {
    const json = decompressFromEncodedURIComponent(text.slice(tag[0].length));
    if (!json) return broken('it could not be decompressed');
    wire = JSON.parse(json);
  } catch {
    return broken('it could not be decompressed');
  }
  return fromWireV1(wire, validate);
}

const tooMany = <C>(): Result<SharedState<C>> =>
  fail(
    ErrorCode.ShareLinkInvalid,
    `This link holds more than ${commandsMax.toLocaleString('en')} steps and commands, more than this page can replay at once. Ask for a link made at an earlier moment of the run, or open the scenario and play it from the start.`,
  );

function fromWireV1<C>(wire: unknown, validate: CommandValidator<C>): Result<SharedState<C>> {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return broken('its content is not an object');
  const w = wire as Partial<Record<keyof WireV1, unknown>>;
  let scenario: SharedState<C>['scenario'];
  if (typeof w.s === 'string') {
    if (!idPattern.test(w.s)) return broken('its scenario id is not valid');
    scenario = { id: w.s };
  } else {
    const loaded = loadScenario(w.s);
    if (!loaded.ok) return broken(`its scenario is not valid: ${loaded.error.message}`);
    scenario = { spec: loaded.value };
  }
  if (typeof w.r !== 'number' || !Number.isInteger(w.r) || w.r < 0 || w.r > 0xffffffff) return broken('its seed is not valid');
  if (!Array.isArray(w.c)) return broken('its list of commands is not valid');
  if (w.c.length > commandsMax) return tooMany<C>();
  const commands: C[] = [];
  for (let i = 0; i < w.c.length; i++) {
    const item = w.c[i];
    const pair = Array.isArray(item);
    const n = pair ? item[0] : 1;
    if (pair && (item.length !== 2 || typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > runLengthMax)) {
      return broken(`command ${i + 1} has a bad repeat count`);
    }
    const c = validate(pair ? item[1] : item);
    if (!c.ok) return broken(`command ${i + 1} is not valid: ${c.error.message}`);
    if (commands.length + (n as number) > commandsMax) return tooMany<C>();
    for (let j = 0; j < (n as number); j++) commands.push(c.value);
  }
  if (typeof w.k !== 'number' || !Number.isInteger(w.k) || w.k < 0 || w.k > commands.length) {
    return broken('its position in the timeline is out of range');
  }
  return ok({ scenario, seed: w.r, commands, cursor: w.k });
}
