/**
 * Share links: the exact state of a simulation — the model, its scenario (by id, or inline), the
 * seed, the commands applied and the cursor — packed into one URL-safe string tagged with its
 * format version.
 *
 * `v2:` + lz-string's URI-safe compression of a small JSON object that names the model; `v1:` links
 * (from before links named a model) are Kafka links and keep opening exactly as they did, their
 * "next-happening" steps read as today's `next-entry`. The tag lets an old app say "this link is
 * from a newer version" instead of misreading it. Everything decoded is untrusted: the model's own
 * schemas validate the scenario and each command, and every failure is a value with a message the
 * learner can act on.
 */
import lzString from 'lz-string';
import { expandLink } from './bounded-lz.ts';
import { ErrorCode, fail, ok, type Result } from '../../simulator/index.ts';

// lz-string is CommonJS: a default import works in Vite and in plain Node (the grade CLI runs
// this file headless); named imports work only under a bundler.
const { compressToEncodedURIComponent } = lzString;

export const shareFormatVersion = 2;

/** What a link reproduces. */
export interface SharedState<C = { type: string }> {
  /** The model's id (`kafka`, `eventstore`, …). */
  model: string;
  /** A built-in scenario by id, or a learner's own scenario inline. */
  scenario: { id: string } | { spec: unknown };
  seed: number;
  commands: C[];
  /** How many of `commands` are applied in the shared view (0..commands.length). */
  cursor: number;
}

/** How a link's model is checked: its loaders, found by the model id the link names. */
export interface LinkModel<C> {
  loadScenario(input: unknown): Result<unknown>;
  loadCommand(input: unknown): Result<C>;
}
export type LinkModels<C> = (modelId: string) => Result<LinkModel<C>>;

/** Links longer than this are refused before decompression (browsers cap URLs near 2 MB). */
const encodedLengthMax = 2_000_000;
/**
 * What a link may expand to. A crafted link of a few kilobytes can expand quadratically (see
 * bounded-lz.ts); 16 million characters hold 100,000 commands of 160 characters each.
 */
export const decodedLengthMax = 16_000_000;
/**
 * Commands a link may carry. Opening a link replays its commands up to its cursor on the page's
 * own thread: 100,000 steps of busy-cluster replay in under a second; 2,000,000 (a 125-character
 * link, run-length encoded) crashed the tab (issue #12).
 */
export const commandsMax = 100_000;
const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

interface Wire {
  /** the model's id (v2; absent in v1, which was Kafka only) */
  m?: string;
  /** scenario id or inline spec */
  s: unknown;
  r: number;
  /**
   * Commands, run-length encoded: a command, or `[n, command]` for n identical ones in a row. A
   * played run is mostly thousands of "next entry" steps, and the link must stay short and
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

/** Encodes a state as `v2:<compressed>`. */
export function encodeShareState<C>(state: SharedState<C>): string {
  const wire: Wire = {
    m: state.model,
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
export function decodeShareState<C = { type: string }>(text: string, models: LinkModels<C>): Result<SharedState<C>> {
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
  if (version !== 1 && version !== 2) return broken(`format v${version} is not one this page knows`);
  let wire: unknown;
  try {
    const json = expandLink(text.slice(tag[0].length), decodedLengthMax);
    if (!json.ok && json.why === 'too-big') {
      return broken(`it expands to more than ${decodedLengthMax.toLocaleString('en')} characters`);
    }
    if (!json.ok || !json.text) return broken('it could not be decompressed');
    wire = JSON.parse(json.text);
  } catch {
    return broken('it could not be decompressed');
  }
  return fromWire(wire, version, models);
}

const tooMany = <C>(): Result<SharedState<C>> =>
  fail(
    ErrorCode.ShareLinkInvalid,
    `This link holds more than ${commandsMax.toLocaleString('en')} steps and commands, more than this page can replay at once. Ask for a link made at an earlier moment of the run, or open the scenario and play it from the start.`,
  );

/** v1 links were written before the step command was renamed; they mean exactly `next-entry`. */
function upgradeV1Command(c: unknown): unknown {
  return typeof c === 'object' && c !== null && (c as { type?: unknown }).type === 'next-happening' && Object.keys(c).length === 1
    ? { type: 'next-entry' }
    : c;
}

function fromWire<C>(wire: unknown, version: number, models: LinkModels<C>): Result<SharedState<C>> {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return broken('its content is not an object');
  const w = wire as Partial<Record<keyof Wire, unknown>>;
  // A v1 link has no model: every v1 link was a Kafka link.
  const modelId = version === 1 ? 'kafka' : w.m;
  if (typeof modelId !== 'string' || !idPattern.test(modelId)) return broken('it does not say which model it runs');
  const model = models(modelId);
  if (!model.ok) return broken(model.error.message);
  let scenario: SharedState<C>['scenario'];
  if (typeof w.s === 'string') {
    if (!idPattern.test(w.s)) return broken('its scenario id is not valid');
    scenario = { id: w.s };
  } else {
    const loaded = model.value.loadScenario(w.s);
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
    const raw = pair ? item[1] : item;
    const c = model.value.loadCommand(version === 1 ? upgradeV1Command(raw) : raw);
    if (!c.ok) return broken(`command ${i + 1} is not valid: ${c.error.message}`);
    if (commands.length + (n as number) > commandsMax) return tooMany<C>();
    for (let j = 0; j < (n as number); j++) commands.push(c.value);
  }
  if (typeof w.k !== 'number' || !Number.isInteger(w.k) || w.k < 0 || w.k > commands.length) {
    return broken('its position in the timeline is out of range');
  }
  return ok({ model: modelId, scenario, seed: w.r, commands, cursor: w.k });
}
