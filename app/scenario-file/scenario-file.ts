/**
 * Scenario files: the playground's moment — the model, its scenario, the seed, the commands and the
 * cursor — as a JSON file a learner saves, mails to a colleague and opens again.
 *
 * A file is the same content as a share link (app/share/share-link.ts) without the compression, so
 * it can be read, diffed and edited by hand, and it has no URL length limit. It is checked with the
 * same schemas as a link: the model's own `loadScenario` and `loadCommand`, the same bound on
 * commands. A file is untrusted: before any schema sees it, its size, its JSON and its nesting are
 * checked, so a huge, deeply nested or truncated file is a message, never a frozen or crashed tab.
 * Every problem names its path in the file (`scenario.topics[0].partitions: …`).
 */
import { ErrorCode, fail, ok, type Result } from '../../simulator/index.ts';
import { commandsMax, type LinkModels, type SharedState } from '../share/share-link.ts';

/** What the `format` field of every scenario file says. */
export const fileFormat = 'eda-lab-playground';
export const fileFormatVersion = 1;
/** Files larger than this are refused before they are parsed (a long played run is about 1 MB). */
export const fileCharsMax = 5_000_000;
/** Deepest nesting a file may have; the deepest legitimate part (a produce value) is 20 levels. */
export const fileDepthMax = 64;
/** Most JSON values (objects, arrays, numbers, texts…) in a file. */
export const fileNodesMax = 2_000_000;
/** Most commands a run-length pair may stand for (as in links). */
const runLengthMax = 1_000_000;
const idPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** A scenario file, as written. `scenarioId` names the built-in scenario it started from, if any. */
export interface ScenarioFile {
  format: typeof fileFormat;
  version: number;
  model: string;
  scenarioId?: string;
  scenario: unknown;
  seed: number;
  /** Commands; `[n, command]` stands for n identical commands in a row (played runs are long). */
  commands: unknown[];
  cursor: number;
}

/** What a file reproduces: a shared state whose scenario is inline, and where it came from. */
export interface OpenedFile<C = { type: string }> extends SharedState<C> {
  scenario: { spec: unknown };
  scenarioId: string | null;
}

const refuse = <T>(message: string): Result<T> => fail<T>(ErrorCode.ScenarioInvalid, message);

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

/** The text of a scenario file for a moment. */
export function writeScenarioFile(state: {
  model: string;
  scenarioId: string | null;
  scenario: unknown;
  seed: number;
  commands: readonly unknown[];
  cursor: number;
}): string {
  const file: ScenarioFile = {
    format: fileFormat,
    version: fileFormatVersion,
    model: state.model,
    ...(state.scenarioId !== null ? { scenarioId: state.scenarioId } : {}),
    scenario: state.scenario,
    seed: state.seed,
    commands: runLengthEncode(state.commands),
    cursor: state.cursor,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Walks a parsed value without recursion and says whether it is too deep or too big. JSON.parse
 * itself copes with any depth V8 can parse; the schemas after it recurse, so depth is bounded here.
 */
export function shapeProblem(value: unknown): string | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > fileNodesMax) return `it holds more than ${fileNodesMax.toLocaleString('en')} values`;
    if (depth > fileDepthMax) return `it is nested more than ${fileDepthMax} levels deep`;
    if (typeof v === 'object' && v !== null) {
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
    }
  }
  return null;
}

/** `topics[0].partitions: …` from a model's loader becomes `scenario.topics[0].partitions: …`. */
function located(message: string, root: string, label: string): string {
  if (message.startsWith(`${label}:`)) return `${root}${message.slice(label.length)}`;
  if (/^[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*)*: /.test(message)) return `${root}.${message}`;
  if (/^\[\d+\]/.test(message)) return `${root}${message}`;
  return `${root}: ${message}`;
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * Reads a scenario file's text: the moment it holds, or one message naming what is wrong and
 * where. Never throws, whatever the text.
 */
export function readScenarioFile<C>(text: string, models: LinkModels<C>): Result<OpenedFile<C>> {
  if (typeof text !== 'string') return refuse('The file is empty: a scenario file is a JSON object.');
  if (text.length > fileCharsMax) {
    return refuse(
      `The file is ${text.length.toLocaleString('en')} characters long; this page opens scenario files of up to ${fileCharsMax.toLocaleString('en')}.`,
    );
  }
  if (text.trim() === '') return refuse('The file is empty: a scenario file is a JSON object.');
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return refuse(`The file is not valid JSON (${why}). Was it cut short, or edited by hand?`);
  }
  const shape = shapeProblem(raw);
  if (shape !== null) return refuse(`The file cannot be opened: ${shape}.`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return refuse('The file is not a scenario file: it holds no JSON object.');
  }
  const f = raw as Record<string, unknown>;
  if (!hasOwn(f, 'format') || f.format !== fileFormat) {
    return refuse(`format: this is not an EDA Lab scenario file (expected "format": "${fileFormat}").`);
  }
  if (typeof f.version !== 'number' || !Number.isInteger(f.version) || f.version < 1) {
    return refuse('version: must be a whole number, the format version of the file.');
  }
  if (f.version > fileFormatVersion) {
    return refuse(
      `version: this file was saved by a newer EDA Lab (format v${f.version}; this page reads up to v${fileFormatVersion}). Reload the page to get the latest version.`,
    );
  }
  for (const key of Object.keys(f)) {
    if (!['format', 'version', 'model', 'scenarioId', 'scenario', 'seed', 'commands', 'cursor'].includes(key)) {
      return refuse(
        `${key}: unknown field; a scenario file has format, version, model, scenarioId, scenario, seed, commands and cursor.`,
      );
    }
  }
  if (typeof f.model !== 'string' || !idPattern.test(f.model))
    return refuse('model: must be the id of a model, such as "kafka".');
  const model = models(f.model);
  if (!model.ok) return refuse(`model: ${model.error.message}`);
  let scenarioId: string | null = null;
  if (hasOwn(f, 'scenarioId')) {
    if (typeof f.scenarioId !== 'string' || !idPattern.test(f.scenarioId)) return refuse('scenarioId: must be a scenario id.');
    scenarioId = f.scenarioId;
  }
  if (!hasOwn(f, 'scenario')) return refuse('scenario: is required: the scenario the commands run on.');
  const scenario = model.value.loadScenario(f.scenario);
  if (!scenario.ok) return refuse(located(scenario.error.message, 'scenario', 'scenario'));
  const seed = f.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    return refuse('seed: must be a whole number from 0 to 4294967295.');
  }
  if (!Array.isArray(f.commands)) return refuse('commands: must be a list (a JSON array) of commands.');
  const commands = readCommands(f.commands, model.value.loadCommand);
  if (!commands.ok) return commands;
  const cursor = f.cursor;
  if (typeof cursor !== 'number' || !Number.isInteger(cursor) || cursor < 0 || cursor > commands.value.length) {
    return refuse(`cursor: must be a whole number from 0 to ${commands.value.length} (the number of commands).`);
  }
  return ok({ model: f.model, scenario: { spec: scenario.value }, scenarioId, seed, commands: commands.value, cursor });
}

function readCommands<C>(list: unknown[], load: (c: unknown) => Result<C>): Result<C[]> {
  const tooMany = `commands: the file holds more than ${commandsMax.toLocaleString('en')} commands and steps, more than this page can replay at once.`;
  if (list.length > commandsMax) return refuse(tooMany);
  const out: C[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const pair = Array.isArray(item);
    const n = pair ? item[0] : 1;
    if (pair && (item.length !== 2 || typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > runLengthMax)) {
      return refuse(`commands[${i}]: a repeated command is written [count, command], with a whole count of at least 2.`);
    }
    const c = load(pair ? item[1] : item);
    if (!c.ok) return refuse(located(c.error.message, `commands[${i}]${pair ? '[1]' : ''}`, 'command'));
    if (out.length + (n as number) > commandsMax) return refuse(tooMany);
    for (let j = 0; j < (n as number); j++) out.push(c.value);
  }
  return ok(out);
}
