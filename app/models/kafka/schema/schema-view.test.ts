/**
 * The registry as the Kafka workbench shows it, against the model's own state: the rename story
 * under NONE marks the stopped consumer's node and status, the refused-free producer's node names
 * its subject version, strip cells carry the groups that could not read them, the Schemas view
 * lists versions and ids, and a learner's JSON mistake is placed by line and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaModel, kafkaNode, loadScenario, type KafkaCommand, type KafkaScenario } from '../../../../simulator/index.ts';
import { kafkaPanels, kafkaView } from '../kafka-view.ts';
import { jsonErrorMessage, ORDER_PLACED_PRESETS, presetsFor } from './schema-presets.ts';
import { schemaLabel } from './schema-view.ts';

const raw = readFileSync(
  join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'examples', 'schema-rename-field.json'),
  'utf8',
);
const loaded = loadScenario(raw);
if (!loaded.ok) throw new Error('schema-rename-field does not load');
const scenario: KafkaScenario = loaded.value;

function runTo(cmds: KafkaCommand[]) {
  const run = kafkaModel.run(scenario);
  const s = run.init(1);
  for (const c of cmds) run.apply(s, c);
  return kafkaView(s);
}

const renamed = ORDER_PLACED_PRESETS.find((p) => p.label.includes('renamed'))!.schema;

describe('the Kafka view of the rename story', () => {
  const view = runTo([
    { type: 'advance', untilMs: 2500 },
    { type: 'set-compatibility', subject: 'orders-value', level: 'NONE' },
    { type: 'set-producer-schema', producer: 'checkout', schema: renamed },
    { type: 'advance', untilMs: 6000 },
  ]);
  const schema = kafkaPanels(view).schema!;

  it('lists the subject with both versions, ids and its own level', () => {
    expect(schema.subjects).toHaveLength(1);
    expect(schema.subjects[0]).toMatchObject({ subject: 'orders-value', level: 'NONE', ownLevel: true });
    expect(schema.subjects[0]!.versions.map((v) => [v.version, v.id, schemaLabel(v.schema)])).toEqual([
      [1, 1, 'OrderPlaced {orderId, userId, total}'],
      [2, 2, 'OrderPlaced {orderId, userId, subtotal}'],
    ]);
  });

  it('says on the nodes which schema is used, and that billing-old is stopped', () => {
    const node = (id: string) => view.nodes.find((n) => n.id === id)!;
    expect(node(kafkaNode.producer('checkout')).detail).toContain('writes orders-value v2 (id 2)');
    const stopped = node(kafkaNode.consumer('billing-old-c1'));
    expect(stopped.status).toBe('error');
    expect(stopped.detail).toMatch(/reads OrderPlaced \{orderId, userId, total\} · cannot read orders-0@\d+/);
    expect(node(kafkaNode.consumer('billing-new-c1')).status).not.toBe('error');
  });

  it('marks the strip cells the old groups could not read, and no others', () => {
    const cells = kafkaPanels(view).partitions.find((p) => p.id === 'orders-0')!.cells;
    const stopAt = schema.groups.find((g) => g.group === 'billing-old')!.stopped[0]!.offset;
    const marked = cells.filter((c) => c.unreadableBy !== undefined);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.find((c) => c.offset === stopAt)!.unreadableBy).toEqual(['audit-old', 'billing-old']);
    // Records written before the switch carry schema id 1 and every group read them.
    expect(cells.filter((c) => c.offset < stopAt).every((c) => c.unreadableBy === undefined)).toBe(true);
  });

  it('offers every schema of the run and the stories as presets, each once', () => {
    const labels = presetsFor(schema).map((p) => p.label);
    expect(labels[0]).toBe('orders-value v1 (id 1): OrderPlaced {orderId, userId, total}');
    expect(new Set(presetsFor(schema).map((p) => JSON.stringify(p.schema))).size).toBe(labels.length);
  });
});

describe('jsonErrorMessage', () => {
  it('names the line and column of a JSON mistake', () => {
    const text = '{\n  "name": "total" "type": "double"\n}';
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    expect(jsonErrorMessage(text, err)).toMatch(/^This is not valid JSON \(line 2, column 19\): /);
  });
});
