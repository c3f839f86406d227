/**
 * Keeps docs/ honest: every example scenario loads, every field, type name, limit and default of
 * the format is written in docs/scenario-format.md, and every error message the page quotes is
 * one the loader really gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { USAGE } from './cli-args.ts';
import { SCENARIO_DEFAULTS } from './defaults.ts';
import { ERROR_CASES } from './error-cases.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { RUN_BUDGETS } from '../budget.ts';
import { formatScenarioErrors, loadCommand, loadScenario } from './loader.ts';
import { KafkaScenarioSchema } from './schema.ts';
import { minimalScenario } from './test-fixtures.ts';

const root = join(import.meta.dirname, '..', '..', '..', 'docs');
const doc = readFileSync(join(root, 'scenario-format.md'), 'utf8');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));

describe('docs/examples', () => {
  it('has the examples the format page promises', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('%s is a valid scenario', (file) => {
    const r = loadScenario(readFileSync(join(root, 'examples', file), 'utf8'));
    expect(r.ok ? 'valid' : formatScenarioErrors(r.error, file)).toBe('valid');
  });
});

/** Every object field name and every discriminator value reachable from a schema. */
function namesIn(schema: z.core.$ZodType, fields = new Set<string>(), literals = new Set<string>()) {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (s: unknown): void => void namesIn(s as z.core.$ZodType, fields, literals);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        fields.add(k);
        walk(v);
      }
      break;
    case 'array':
      walk(def.element);
      break;
    case 'optional':
    case 'nullable':
      walk(def.innerType);
      break;
    case 'union':
      for (const o of def.options as unknown[]) walk(o);
      break;
    case 'record':
      walk(def.valueType);
      break;
    case 'literal':
    case 'enum':
      for (const v of def.type === 'literal' ? (def.values as unknown[]) : Object.values(def.entries as object)) {
        if (typeof v === 'string') literals.add(v);
      }
      break;
  }
  return { fields, literals };
}

/** The markdown from a heading to the next heading of the same level. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/scenario-format.md has no section "## ${heading}"`);
  const end = doc.indexOf('\n## ', start + 4);
  return doc.slice(start, end < 0 ? undefined : end);
}

/** JSON as the page writes it: `{ "type": "auto", "intervalMs": 5000 }`. */
function spaced(v: unknown): string {
  const s = JSON.stringify(v).replace(/([:,])/g, '$1 ');
  return s.startsWith('{') ? `{ ${s.slice(1, -1)} }` : s;
}

describe('docs/scenario-format.md', () => {
  const { fields, literals } = namesIn(KafkaScenarioSchema);

  it('documents every field of the format', () => {
    expect(fields.size).toBeGreaterThan(60);
    const undocumented = [...fields].filter((f) => !doc.includes(`\`${f}\``));
    expect(undocumented).toEqual([]);
  });

  it('documents every type name and enum value', () => {
    const undocumented = [...literals].filter((v) => !doc.includes(`"${v}"`));
    expect(undocumented).toEqual([]);
  });

  it('gives every field an example: each field name appears in a JSON block', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]).join('\n');
    const missing = [...fields].filter((f) => !blocks.includes(`"${f}"`));
    expect(missing).toEqual([]);
  });

  it('has examples that load: the scenario block, and each command, key distribution and commit line', () => {
    const block = (heading: string): string => /```json\n([\s\S]*?)```/.exec(section(heading))![1]!;
    expect(loadScenario(block('The scenario')).ok).toBe(true);
    const lines = (heading: string): unknown[] =>
      block(heading)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
    for (const c of lines('commands')) expect(loadCommand(c)).toEqual({ ok: true, value: c });
    for (const keys of lines('key distributions')) {
      expect(
        loadScenario({ ...minimalScenario(), producers: [{ ...minimalScenario().producers![0]!, keys }] }).ok,
        JSON.stringify(keys),
      ).toBe(true);
    }
    for (const commit of lines('commit policies')) {
      expect(
        loadScenario({ ...minimalScenario(), groups: [{ ...minimalScenario().groups![0]!, commit }] }).ok,
        JSON.stringify(commit),
      ).toBe(true);
    }
  });

  it('states every limit and run budget with its value', () => {
    const rows = section('Limits');
    for (const [name, value] of Object.entries({ ...SCENARIO_LIMITS, ...RUN_BUDGETS })) {
      expect(rows, name).toContain(`| \`${name}\` | ${value} |`);
    }
  });

  it('states every default in the row of its field', () => {
    const sections = { scenario: 'The scenario', topic: 'topics', producer: 'producers', group: 'groups' } as const;
    for (const [kind, defaults] of Object.entries(SCENARIO_DEFAULTS)) {
      const text = section(sections[kind as keyof typeof sections]);
      for (const [field, value] of Object.entries(defaults)) {
        if (value === null) continue;
        // A default that depends on another field is stated in words, verbatim.
        const shown = typeof value === 'string' && value.includes(' ') ? value : `\`${spaced(value)}\``;
        if (field === 'keyPrefix') {
          expect(section('key distributions')).toContain(`default \`${spaced(value)}\``);
          continue;
        }
        const row = text.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
        expect(row, `${kind}.${field}`).toBeDefined();
        expect(row, `${kind}.${field}`).toContain(shown);
      }
    }
  });

  it('quotes only error messages the loader really gives', () => {
    const real = new Set(ERROR_CASES.map(([, , message]) => message));
    for (const input of ['', []]) {
      const r = loadScenario(input);
      if (!r.ok) real.add(r.error.message);
    }
    const quoted = [...section('Error messages').matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThan(25);
    const invented = quoted.filter((q) => !real.has(q) && !q.includes('is not valid JSON'));
    expect(invented).toEqual([]);
  });

  it('shows the usage exactly as the CLI prints it', () => {
    expect(section('The command line')).toContain(`\`\`\`text\n${USAGE.split('\n\nPrints')[0]}\n\`\`\``);
  });

  it('shows the CLI error block exactly as formatScenarioErrors prints it', () => {
    const s = minimalScenario();
    s.topics[0]!.partitions = 0;
    s.groups![0]!.topics = ['payments'];
    const r = loadScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(doc).toContain(formatScenarioErrors(r.error, 'bad.json'));
  });
});
