/** The choreography over Kafka in the app: view, topology and node actions over real runs. */
import { expectOpensInWorkbench } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { kafkaChoreographyModel, kafkaChoreographyNode as ids, type KafkaChoreographyCommand } from '../../../simulator/index.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { kafkaChoreographyUi } from './index.tsx';

function run(commands: readonly KafkaChoreographyCommand[], scenario: object = {}) {
  const r = kafkaChoreographyModel.run(scenario);
  const w = r.init(5);
  for (const c of commands) expect(r.apply(w, c), c.type).toMatchObject({ ok: true });
  return { r, w };
}
const node = (v: WorkbenchView, id: string) => v.nodes.find((x) => x.id === id);
const section = (v: WorkbenchView, id: string) => v.sections?.find((s) => s.id === id);

describe('choreography over Kafka in the app', () => {
  it('draws customer → order-events → services, every node in the view', () => {
    const { w } = run([]);
    const t = kafkaChoreographyUi.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toEqual([
      'customer',
      'order-events',
      'order service',
      'payment service',
      'inventory service',
      'shipping service',
    ]);
    expect(t.nodes.find((x) => x.id === ids.topic)?.detail).toBe('3 partitions · RF 3 · 3 brokers');
    expect(
      kafkaChoreographyUi
        .view(w)
        .nodes.map((x) => x.id)
        .sort(),
    ).toEqual(t.nodes.map((x) => x.id).sort());
  });

  it('shows an order’s steps, its partition and offsets, and what each service has not read', () => {
    const { r, w } = run([]);
    const place = kafkaChoreographyUi.actions(w, ids.client, {})[0]!;
    expect(place).toEqual({ label: 'Place order-1', command: { type: 'place-order', orderId: 'order-1' } });
    expect(r.apply(w, place.command).ok).toBe(true);
    // PlaceOrder is on its way: every service has a record about order-1 it has not read yet.
    r.apply(w, { type: 'advance', untilMs: 100 });
    const early = kafkaChoreographyUi.view(w);
    expect(section(early, 'order:order-1')?.summary).toMatch(/^running · partition \d, offsets 0/);
    r.apply(w, { type: 'run-until-idle' });
    const v = kafkaChoreographyUi.view(w);
    expect(section(v, 'order:order-1')?.rows.map((x) => x.statusWord)).toEqual(['done', 'done', 'done', 'done']);
    expect(section(v, 'order:order-1')?.summary).toMatch(
      /^completed · partition \d, offsets 0, 1, 2, 3, 4, 5 · events: PlaceOrder → OrderPlaced/,
    );
    expect(node(v, ids.service('order'))?.detail).toContain('0 records unread');
    expect(v.counters.find((c) => c.label === 'completed')?.value).toBe(1);
    expect(v.entries.some((e) => e.from === ids.topic && e.to === ids.service('payment'))).toBe(true);
  });

  it('offers no transient fault, and every service action applies', () => {
    const { w } = run([]);
    for (const svc of ['order', 'payment', 'inventory', 'shipping'] as const) {
      const offered = kafkaChoreographyUi.actions(w, ids.service(svc), {});
      expect(offered.some((a) => a.label.includes('transient'))).toBe(false);
      for (const a of offered) {
        const fresh = kafkaChoreographyModel.run({});
        expect(fresh.apply(fresh.init(1), a.command).ok, a.label).toBe(true);
      }
    }
    expect(kafkaChoreographyUi.actions(w, ids.topic, {})).toEqual([]);
  });

  it('a crash after commit is read again and changes nothing (the built-in scenario)', () => {
    const s = kafkaChoreographyUi.scenarios.find((x) => x.id === 'crash-after-commit')!;
    const loaded = kafkaChoreographyModel.loadScenario(s.raw);
    expect(loaded.ok).toBe(true);
    const { r, w } = run([{ type: 'place-order', orderId: 'order-1' }], loaded.ok ? loaded.value : {});
    r.apply(w, { type: 'run-until-idle' });
    const v = kafkaChoreographyUi.view(w);
    expect(v.counters.find((c) => c.label === 'service crashes')?.value).toBe(1);
    expect(v.counters.find((c) => c.label === 'read again')?.value).toBeGreaterThan(0);
    expect(node(v, ids.service('payment'))?.detail).toContain('charged 25 · refunded 0');
    for (const x of kafkaChoreographyUi.scenarios) expect(kafkaChoreographyModel.loadScenario(x.raw).ok, x.id).toBe(true);
  });
  it('opens in the workbench from its first scenario: acts, steps, steps back, runs to the end', () => {
    expectOpensInWorkbench(kafkaChoreographyUi, { node: ids.client, action: 'Place order-1' }, ids.topic);
  });
});
