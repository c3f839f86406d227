/**
 * The registry test: every model in `simModels` keeps the contract the same way, so the workbench,
 * the playground, lessons and share links can drive any of them without knowing which it is.
 *
 * Each model runs the fault-heavy command list of its golden case (golden/cases.ts); the map below
 * is typed by model id, so registering a model without a case does not compile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from './core/errors.ts';
import type { AnyModel } from './core/model.ts';
import {
  amqpGolden,
  bankGolden,
  choreographyGolden,
  idempotentGolden,
  feedGolden,
  kafkaGolden,
  outboxGolden,
  sagaGolden,
  tpcGolden,
} from './golden/cases.ts';
import { simModelById, simModels, type ModelId } from './models.ts';

interface Case {
  scenario: unknown;
  commands: readonly unknown[];
  /** The command that starts something, for the narration check. */
  first: unknown;
}

const place = { type: 'place-order', orderId: 'order-1' };
const cases: Record<ModelId, Case> = {
  kafka: { ...kafkaGolden, first: { type: 'produce', topic: 'orders', key: 'order-1' } },
  eventstore: { ...bankGolden, first: { type: 'seed-busy-account', stream: 'account-1', deposits: 3 } },
  saga: { ...sagaGolden, first: place },
  choreography: { ...choreographyGolden, first: place },
  'kafka-choreography': { ...choreographyGolden, first: place },
  'two-phase-commit': { ...tpcGolden, first: { type: 'begin' } },
  outbox: { ...outboxGolden('outbox-cdc'), first: place },
  'idempotent-consumer': { ...idempotentGolden(true), first: { type: 'deliver', eventId: 'evt-1' } },
  'cqrs-feed': { ...feedGolden, first: { type: 'post', author: 'ana' } },
  amqp: { ...amqpGolden, first: { type: 'publish', exchange: 'jobs', routingKey: 'resize', body: 'one more' } },
};

const entries = Object.entries(simModels) as Array<[ModelId, AnyModel]>;

/** The model's run for its case, with the case's commands loaded through the model's own loaders. */
function start(model: AnyModel, c: Case) {
  const scenario = model.loadScenario(c.scenario);
  if (!scenario.ok) throw new Error(`${model.id}: ${scenario.error.message}`);
  const commands = c.commands.map((raw) => {
    const loaded = model.loadCommand(raw);
    if (!loaded.ok) throw new Error(`${model.id}: ${loaded.error.message}`);
    return loaded.value as { type: string };
  });
  return { run: model.run(scenario.value), commands };
}

describe('the model registry', () => {
  it('holds each model under its own id, unique and kebab-case, with a title', () => {
    const ids = entries.map(([, m]) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [key, m] of entries) {
      expect(m.id).toBe(key);
      expect(m.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(m.title.trim().length).toBeGreaterThan(0);
      expect(simModelById(key)).toBe(m);
    }
    expect(simModelById('toString')).toBeUndefined();
  });
});

describe.each(entries)('model %s', (id, model) => {
  const c = cases[id];

  it('loads its documented scenario and refuses an unknown field by name', () => {
    expect(model.loadScenario(c.scenario).ok).toBe(true);
    const base = c.scenario as Record<string, unknown>;
    const bad = model.loadScenario({ ...base, noSuchOption: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe(ErrorCode.ScenarioInvalid);
      expect(bad.error.message).toContain('noSuchOption');
    }
    // Untrusted input of the wrong shape is a value too, never an exception.
    for (const junk of [null, 42, 'not json', '[]']) expect(model.loadScenario(junk).ok).toBe(false);
  });

  it('refuses an unknown command type, naming it', () => {
    const r = model.loadCommand({ type: 'no-such-command' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(ErrorCode.InvalidCommand);
      // Kafka's command schema is a plain union (the engine's commands or next-entry), so zod cannot
      // say which type was wrong; a discriminated union in simulator/kafka/model.ts would.
      if (id !== 'kafka') expect(r.error.message).toContain('no-such-command');
    }
    // The transport's step is a command like any other: a link or a script may carry it.
    expect(model.loadCommand(start(model, c).run.stepCommand).ok).toBe(true);
  });

  it('gives byte-identical traces for the same seed and commands', () => {
    const { run, commands } = start(model, c);
    const once = () => {
      const s = run.init(42);
      for (const cmd of commands) run.apply(s, cmd);
      return JSON.stringify(run.trace(s).entries);
    };
    expect(once()).toBe(once());
  });

  it('steps with next-entry one task at a time, never throwing, until the run is over', () => {
    const { run, commands } = start(model, c);
    const s = run.init(7);
    // The case without its run to the end, so there is still something to step through.
    for (const cmd of commands) if (cmd.type !== 'run-until-idle') run.apply(s, cmd);
    const canStep = model.loadCommand({ type: 'step' }).ok;
    for (let i = 0; i < 300; i++) {
      const before = run.trace(s).nextId;
      const twin = canStep ? run.clone(s) : undefined;
      expect(run.apply(s, run.stepCommand).ok).toBe(true);
      const added = run.trace(s).entries.filter((e: { id: number }) => e.id >= before);
      if (added.length === 0) {
        // Nothing more to say: only background work, or nothing at all, is left.
        expect(run.nextAtMs(s), `step ${i}`).toBeUndefined();
        break;
      }
      // One task's worth: everything written happened at one instant, the clock's now.
      expect(new Set(added.map((e: { atMs: number }) => e.atMs)), `step ${i}`).toEqual(new Set([run.nowMs(s)]));
      if (twin !== undefined) {
        // The same as single tasks until the trace grows.
        for (let n = 0; n < 10_000 && run.trace(twin).nextId === before; n++) run.apply(twin, { type: 'step' });
        expect(JSON.stringify(run.trace(twin).entries), `step ${i}`).toBe(JSON.stringify(run.trace(s).entries));
      }
    }
  });

  it('routes every entry between nodes the entry is about, and narrates it', () => {
    const { run, commands } = start(model, c);
    const s = run.init(1);
    for (const cmd of commands) run.apply(s, cmd);
    const all = run.trace(s).entries;
    expect(all.length).toBeGreaterThan(5);
    let routed = 0;
    for (const e of all) {
      const nodes = model.entryNodes(e, s);
      const r = model.route(e, s);
      if (r !== undefined) {
        routed++;
        expect(r.from, e.type).not.toBe(r.to);
        expect(nodes, e.type).toContain(r.from);
        expect(nodes, e.type).toContain(r.to);
      }
      expect(model.describe(e), e.type).toMatch(/^[A-Za-z$].+\.$/);
    }
    expect(routed).toBeGreaterThan(0);
  });

  it('runs a first command to its end on an independent copy and narrates it', () => {
    const { run } = start(model, c);
    const s = run.init(1);
    const copy = run.clone(s);
    expect(run.apply(s, c.first).ok).toBe(true);
    // Some models finish a command at once (the bank writes its events synchronously): no end.
    const end = run.endCommand?.(s);
    if (end !== undefined) {
      const r = run.apply(s, end);
      expect(r.ok).toBe(true);
      if (end.type === 'run-until-idle' && id !== 'eventstore') expect(r).toMatchObject({ value: { stoppedBy: 'idle' } });
    }
    // The clone is independent: what ran on the original did not touch it.
    expect(run.trace(copy).entries.length).toBeLessThan(run.trace(s).entries.length);
    const story: string[] = run.trace(s).entries.map((e) => model.describe(e));
    expect(story.length).toBeGreaterThan(2);
    for (const line of story) expect(line).toMatch(/^[A-Za-z$].+\.$/);
  });
});

describe('scenario cross-checks: a scenario that loads always starts', () => {
  const refused: Array<[ModelId, unknown, string]> = [
    ['saga', { faults: [{ service: 'payment', action: 'refund-payment', kind: 'business' }] }, 'faults[0]'],
    ['saga', { steps: ['create-order', 'create-order'] }, 'steps[1]'],
    ['saga', { networkDelayMsMin: 20 }, 'networkDelayMsMax'],
    ['saga', { networkDelayMsMin: 2.5 }, 'networkDelayMsMin'],
    ['saga', { stepTimeoutMs: 0 }, 'stepTimeoutMs'],
    ['choreography', { faults: [{ service: 'payment', action: 'refund-payment', kind: 'business' }] }, 'faults[0]'],
    ['choreography', { faults: [{ service: 'order', action: 'charge-payment', kind: 'crash' }] }, 'faults[0]'],
    ['choreography', { deliveryDelayMsMin: 20 }, 'deliveryDelayMsMax'],
    ['kafka-choreography', { faults: [{ service: 'payment', action: 'charge-payment', kind: 'transient' }] }, 'faults[0]'],
    ['kafka-choreography', { processingMs: { payment: 0 } }, 'processingMs.payment'],
    ['kafka-choreography', { brokers: 2 }, 'replicationFactor'],
    ['two-phase-commit', { participants: ['a', 'a'] }, 'participants[1]'],
    ['two-phase-commit', { participants: ['coordinator'] }, 'participants[0]'],
    ['two-phase-commit', { participants: [] }, 'participants'],
    ['two-phase-commit', { networkDelayMsMin: 2.5 }, 'networkDelayMsMin'],
    ['outbox', { pollIntervalMs: 0 }, 'pollIntervalMs'],
    ['outbox', { faults: [{ kind: 'disk-full' }] }, 'faults[0].kind'],
    ['idempotent-consumer', { retentionMs: -1 }, 'retentionMs'],
  ];
  it.each(refused)('%s refuses %j at %s', (id, scenario, path) => {
    const r = simModels[id].loadScenario(scenario);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.path).toBe(path);
  });

  const accepted: Array<[ModelId, unknown]> = [
    ['saga', { steps: ['create-order', 'charge-payment'], networkDelayMsMin: 15, networkDelayMsMax: 15 }],
    ['choreography', { deliveryDelayMsMin: 20, deliveryDelayMsMax: 20, idempotentHandlers: false }],
    ['kafka-choreography', { brokers: 1, replicationFactor: 1, partitions: 1, kafkaTuning: { lingerMs: 0 } }],
    ['two-phase-commit', { participants: ['orders-db', 'payments-db'], networkDelayMsMax: 5 }],
    ['outbox', { mode: 'dual-write', dualWriteOrder: 'publish-first', faults: [{ kind: 'service-crash-between-writes' }] }],
    ['idempotent-consumer', { dedup: false }],
  ];
  it.each(accepted)('%s starts from %j', (id, scenario) => {
    const model: AnyModel = simModels[id];
    const r = model.loadScenario(scenario);
    expect(r.ok).toBe(true);
    if (r.ok) expect(() => model.run(r.value).init(3)).not.toThrow();
  });
});

describe('any order of commands: never a throw, and a refused command changes nothing', () => {
  // The golden cases' commands in any order and any number, with a few that are always refused.
  const extra: Partial<Record<ModelId, unknown[]>> = {
    choreography: [place, { type: 'restart-service', service: 'order' }, { type: 'advance', untilMs: 0 }],
    'kafka-choreography': [place, { type: 'restart-service', service: 'order' }, { type: 'advance', untilMs: 0 }],
    saga: [place, { type: 'restart-service', service: 'order' }],
    'two-phase-commit': [
      { type: 'begin', participants: ['nobody'] },
      { type: 'recover-coordinator' },
      { type: 'begin', txId: 'tx-1' },
    ],
    outbox: [
      place,
      { type: 'crash', node: 'relay' },
      { type: 'plant-fault', fault: { kind: 'relay-crash-after-publish', times: 2 } },
    ],
    'idempotent-consumer': [
      { type: 'redeliver', eventId: 'evt-9' },
      { type: 'deliver', eventId: 'evt-1' },
    ],
  };
  const fuzzed = Object.keys(extra) as ModelId[];
  it.each(fuzzed)('%s', (id) => {
    const model: AnyModel = simModels[id];
    const { run, commands } = start(model, { ...cases[id], commands: [...cases[id].commands, ...extra[id]!] });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.nat(commands.length - 1), { maxLength: 20 }),
        (seed, picks) => {
          const s = run.init(seed);
          for (const i of picks) {
            const before = JSON.stringify(s);
            const r = run.apply(s, commands[i]!);
            if (!r.ok) expect(JSON.stringify(s), `seed ${seed}: refused ${JSON.stringify(commands[i])}`).toBe(before);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
