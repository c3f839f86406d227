/** The choreography's view, topology and node actions, over runs of the real model. */
import { expectOpensInWorkbench } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { choreographyModel, choreographyNode as ids, type ChoreographyCommand } from '../../../simulator/index.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { choreographyUi } from './index.tsx';

function run(commands: readonly ChoreographyCommand[], scenario: object = {}) {
  const r = choreographyModel.run(scenario);
  const w = r.init(3);
  for (const c of commands) expect(r.apply(w, c), c.type).toMatchObject({ ok: true });
  return { r, w };
}
const node = (v: WorkbenchView, id: string) => v.nodes.find((x) => x.id === id);
const steps = (v: WorkbenchView, orderId: string) =>
  v.sections?.find((s) => s.id === `order:${orderId}`)?.rows.map((r) => `${r.label} ${r.statusWord}`);
const counter = (v: WorkbenchView, label: string) => v.counters.find((c) => c.label === label)?.value;
const action = (w: Parameters<typeof choreographyUi.actions>[0], id: string, label: string) => {
  const a = choreographyUi.actions(w, id as never, {}).find((x) => x.label.startsWith(label));
  expect(a, `${id} offers "${label}"`).toBeDefined();
  return a!.command;
};

describe('choreography in the app', () => {
  it('draws the customer, the bus and the services left to right, every node in the view', () => {
    const { w } = run([]);
    const t = choreographyUi.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toEqual([
      'customer',
      'event bus',
      'order service',
      'payment service',
      'inventory service',
      'shipping service',
    ]);
    expect(t.nodes[0]!.position.x).toBeLessThan(t.nodes[1]!.position.x);
    expect(t.nodes[1]!.position.x).toBeLessThan(t.nodes[2]!.position.x);
    expect(
      choreographyUi
        .view(w)
        .nodes.map((x) => x.id)
        .sort(),
    ).toEqual(t.nodes.map((x) => x.id).sort());
    for (const e of t.edges) expect(t.nodes.map((x) => x.id)).toContain(e.target);
  });

  it('places an order from the customer and shows each step as its service sees it', () => {
    const { r, w } = run([]);
    expect(r.apply(w, action(w, ids.client, 'Place order-1')).ok).toBe(true);
    expect(steps(choreographyUi.view(w), 'order-1')).toEqual([
      '1. create-order pending',
      '2. charge-payment pending',
      '3. reserve-inventory pending',
      '4. create-shipment pending',
    ]);
    expect(action(w, ids.client, 'Place')).toEqual({ type: 'place-order', orderId: 'order-2' });
    r.apply(w, { type: 'run-until-idle' });
    const v = choreographyUi.view(w);
    expect(steps(v, 'order-1')).toEqual([
      '1. create-order done',
      '2. charge-payment done',
      '3. reserve-inventory done',
      '4. create-shipment done',
    ]);
    expect(v.sections?.find((s) => s.id === 'order:order-1')?.summary).toMatch(
      /^completed · messages: PlaceOrder → OrderPlaced → PaymentCharged/,
    );
    expect(node(v, ids.service('payment'))?.detail).toBe('charged 25 · refunded 0');
    // Each step as its own service's table says it: there is no saga table to ask.
    expect(v.sections?.find((s) => s.id === 'order:order-1')?.rows.map((r) => r.detail)).toEqual([
      'orders table: approved',
      'charges table: 25 charged',
      'reservations table: 1 × sku-1 reserved',
      'shipments table: shipped',
    ]);
    expect(counter(v, 'completed')).toBe(1);
    expect(v.entries.some((e) => e.from === ids.bus && e.to === ids.service('payment'))).toBe(true);
  });

  it('a refusal planted from the payment service ends the order compensated', () => {
    const { r, w } = run([]);
    expect(r.apply(w, action(w, ids.service('payment'), 'Refuse the next charge-payment')).ok).toBe(true);
    expect(node(choreographyUi.view(w), ids.service('payment'))?.detail).toContain('planted: next charge-payment: business');
    r.apply(w, { type: 'place-order', orderId: 'order-1' });
    r.apply(w, { type: 'run-until-idle' });
    const v = choreographyUi.view(w);
    expect(steps(v, 'order-1')).toEqual([
      '1. create-order compensated',
      '2. charge-payment failed',
      '3. reserve-inventory pending',
      '4. create-shipment pending',
    ]);
    expect(counter(v, 'compensated')).toBe(1);
  });

  it('every action a service offers applies, and a crashed service offers only a restart', () => {
    for (const svc of ['order', 'payment', 'inventory', 'shipping'] as const) {
      const { w } = run([]);
      const offered = choreographyUi.actions(w, ids.service(svc), {});
      expect(offered.length).toBeGreaterThan(2);
      for (const a of offered) {
        const fresh = choreographyModel.run({});
        expect(fresh.apply(fresh.init(1), a.command).ok, a.label).toBe(true);
      }
    }
    const { r, w } = run([{ type: 'crash-service', service: 'shipping' }]);
    const v = choreographyUi.view(w);
    expect(node(v, ids.service('shipping'))).toMatchObject({ status: 'crashed' });
    expect(node(v, ids.service('shipping'))?.detail).toMatch(/^down until 300 ms/);
    expect(choreographyUi.actions(w, ids.service('shipping'), {}).map((a) => a.label)).toEqual(['Restart now']);
    expect(r.apply(w, action(w, ids.service('shipping'), 'Restart now')).ok).toBe(true);
    expect(choreographyUi.actions(w, ids.bus, {})).toEqual([]);
  });

  it('offers built-in scenarios the model loads', () => {
    expect(choreographyUi.scenarios.length).toBeGreaterThanOrEqual(2);
    for (const s of choreographyUi.scenarios) expect(choreographyModel.loadScenario(s.raw).ok, s.id).toBe(true);
  });
  it('opens in the workbench from its first scenario: acts, steps, steps back, runs to the end', () => {
    expectOpensInWorkbench(choreographyUi, { node: ids.client, action: 'Place order-1' }, ids.bus);
  });
});
