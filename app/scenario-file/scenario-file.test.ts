import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankScenarioId } from '../builder/blank.ts';
import { builtInScenario, modelUis } from '../models/index.ts';
import { linkModels } from '../models/open-link.ts';
import { openModel, seedOf } from '../models/open.ts';
import { fileOf, openScenarioFile } from './open-file.ts';
import { fileDepthMax, fileFormat, readScenarioFile, writeScenarioFile } from './scenario-file.ts';

const kafka = modelUis.find((m) => m.model.id === 'kafka')!;

function kafkaFile(over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: fileFormat,
    version: 1,
    model: 'kafka',
    scenario: { version: 1, name: 'Blank', brokers: [{ id: 1 }], topics: [] },
    seed: 1,
    commands: [{ type: 'create-topic', topic: { name: 'orders', partitions: 2, replicationFactor: 1 } }],
    cursor: 1,
    ...over,
  });
}

const message = (text: string): string => {
  const r = readScenarioFile(text, linkModels);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.error.message;
};

describe('scenario files', () => {
  it('saves and opens the same moment for every model: same clock, same counters, same commands', () => {
    for (const ui of modelUis) {
      const raw = builtInScenario(ui, ui.scenarios[0]!.id);
      if (!raw.ok) throw new Error(raw.error.message);
      const store = openModel(ui, raw.value, { seed: seedOf(raw.value) });
      for (let i = 0; i < 25; i++) store.getState().stepForward();
      store.getState().stepBack();
      const session = { ui, scenarioId: ui.scenarios[0]!.id, scenario: raw.value, store };
      const opened = openScenarioFile(fileOf(session));
      if (!opened.ok) throw new Error(`${ui.model.id}: ${opened.error.message}`);
      const a = store.getState();
      const b = opened.value.store.getState();
      expect(b.cursor, ui.model.id).toBe(a.cursor);
      expect(b.length, ui.model.id).toBe(a.length);
      expect(b.view.nowMs, ui.model.id).toBe(a.view.nowMs);
      expect(b.view.counters, ui.model.id).toEqual(a.view.counters);
      expect(opened.value.scenarioId, ui.model.id).toBe(ui.scenarios[0]!.id);
    }
  });

  it('runs the commands a file carries (a Kafka system built from Blank)', () => {
    const opened = openScenarioFile(kafkaFile());
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.store.getState().topology.nodes.map((n) => n.label)).toContain('orders');
    expect(opened.value.scenarioId).toBe(null);
    const raw = builtInScenario(kafka, blankScenarioId);
    expect(raw.ok).toBe(true);
  });

  it('names the path of a problem in the scenario and in the commands', () => {
    expect(
      message(
        kafkaFile({
          scenario: { version: 1, name: 'x', brokers: [{ id: 1 }], topics: [{ name: 'a', partitions: 0, replicationFactor: 1 }] },
        }),
      ),
    ).toMatch(/^scenario\.topics\[0\]\.partitions: a topic needs at least 1 partition, got 0/);
    expect(
      message(kafkaFile({ commands: [{ type: 'create-topic', topic: { name: 'o', partitions: 0, replicationFactor: 1 } }] })),
    ).toMatch(/^commands\[0\]\.topic\.partitions: a topic needs at least 1 partition/);
    expect(message(kafkaFile({ cursor: 5 }))).toMatch(/^cursor: must be a whole number from 0 to 1/);
  });

  it('refuses a wrong model, a newer version, a foreign file, a truncated file, a deep or huge file, with a message', () => {
    expect(message(kafkaFile({ model: 'zookeeper' }))).toMatch(/^model: This page has no model called “zookeeper”/);
    expect(message(kafkaFile({ version: 9 }))).toMatch(/^version: this file was saved by a newer EDA Lab \(format v9/);
    expect(message(JSON.stringify({ hello: 'world' }))).toMatch(/^format: this is not an EDA Lab scenario file/);
    expect(message(kafkaFile().slice(0, 80))).toMatch(/^The file is not valid JSON/);
    expect(message('')).toMatch(/^The file is empty/);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(message(deep)).toMatch(new RegExp(`nested more than ${fileDepthMax} levels deep`));
    expect(message(' '.repeat(5_000_001))).toMatch(/characters long; this page opens scenario files of up to 5,000,000/);
    expect(message(kafkaFile().replace('"format"', '"__proto__":{"x":1},"format"'))).toMatch(/^__proto__: unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('writes repeated steps as one run-length pair and reads them back', () => {
    const text = writeScenarioFile({
      model: 'kafka',
      scenarioId: null,
      scenario: {},
      seed: 1,
      commands: Array(5).fill({ type: 'next-entry' }),
      cursor: 5,
    });
    expect(JSON.parse(text).commands).toEqual([[5, { type: 'next-entry' }]]);
  });

  it('fuzz: any text, and any mangled valid file, ends in a loaded moment or a message, never a throw', () => {
    const valid = kafkaFile();
    const mangled = fc
      .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 30 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(Math.min(valid.length, at + cut)));
    const jsonish = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
    const fileish = fc
      .record({
        format: fc.constantFrom(fileFormat, 'other', 1),
        version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
        model: fc.oneof(fc.constantFrom(...modelUis.map((m) => m.model.id)), fc.string()),
        scenario: fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 4 })),
        seed: fc.oneof(fc.nat(), fc.double()),
        commands: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }), fc.jsonValue()),
        cursor: fc.oneof(fc.nat(10), fc.jsonValue()),
      })
      .map((o) => JSON.stringify(o));
    fc.assert(
      fc.property(fc.oneof(fc.string(), mangled, jsonish, fileish), (text) => {
        const started = performance.now();
        const r = openScenarioFile(text);
        if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
        else expect(r.value.store.getState().cursor).toBeGreaterThanOrEqual(0);
        // A generous hang bound, not a timing test: one case must never take seconds.
        expect(performance.now() - started).toBeLessThan(10_000);
      }),
      { numRuns: 300, seed: 20 },
    );
  });
});
