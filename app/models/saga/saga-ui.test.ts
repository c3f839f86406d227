import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { act } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { lesson as l20 } from '../../../lessons/20-saga-compensation/lesson.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { SectionsPanel } from '../../workbench/panels/SectionsPanel.tsx';
import { sagaModel, sagaNode as ids, type SagaCommand } from '../../../simulator/index.ts';
import { openModel } from '../open.ts';
import { sagaUi } from './index.tsx';
import { sagaTopology } from './saga-view.ts';

type SagaAppCommand = SagaCommand;
const make = (commands: readonly SagaAppCommand[] = [], scenario = {}) =>
  openModel(sagaUi, scenario, { seed: 11, commands, cursor: commands.length, checkpointEvery: 4 });
const node = (v: WorkbenchView, id: string) => v.nodes.find((x) => x.id === id);
const saga = (v: WorkbenchView, orderId: string) => v.sections?.find((s) => s.id === `saga:${orderId}`);
const steps = (v: WorkbenchView, orderId: string) => saga(v, orderId)?.rows.map((r) => `${r.label} ${r.statusWord}`);
describe('the orchestrated saga in the workbench', () => {
  it('lists the newest saga first in the State tab, then the services', () => {
    const store = make([
      { type: 'place-order', orderId: 'order-1' },
      { type: 'run-until-idle' },
      { type: 'place-order', orderId: 'order-2' },
      { type: 'run-until-idle' },
    ]);
    expect(store.getState().view.sections?.map((s) => s.id)).toEqual(['saga:order-2', 'saga:order-1', 'services']);
  });

  it("replays the lesson's own script unchanged (L20)", () => {
    let store = make([], l20.scenario);
    for (const step of l20.steps) {
      if (step.scenario) store = make([], step.scenario);
      for (const c of step.commands) expect(store.getState().dispatch(c)).toBe(true);
    }
    expect(saga(store.getState().view, 'order-5')?.summary).toMatch(
      /^needs-manual-action — charge-payment failed: card declined/,
    );
  });

  it('the happy path: a new order from the orchestrator, every step done', () => {
    const store = make();
    act(store, ids.orchestrator, 'Place order-1');
    expect(steps(store.getState().view, 'order-1')).toEqual([
      '1. create-order running',
      '2. reserve-inventory pending',
      '3. charge-payment pending',
      '4. create-shipment pending',
    ]);
    expect(node(store.getState().view, ids.orchestrator)).toMatchObject({ status: 'busy', detail: '1 running' });
    store.getState().runToEnd();
    const v = store.getState().view;
    expect(steps(v, 'order-1')).toEqual([
      '1. create-order done',
      '2. reserve-inventory done',
      '3. charge-payment done',
      '4. create-shipment done',
    ]);
    expect(saga(v, 'order-1')?.summary).toBe('completed · 1 × sku-1, 25');
    expect(node(v, ids.service('inventory'))?.detail).toBe('sku-1: 9 in stock');
    expect(node(v, ids.service('payment'))?.detail).toBe('charged 25 · refunded 0');
    expect(v.counters.find((c) => c.label === 'completed')?.value).toBe(1);
  });

  it('a refused payment: compensated in reverse, each step its own state', () => {
    const store = make();
    act(store, ids.service('payment'), 'Refuse the next charge-payment (card declined)');
    expect(node(store.getState().view, ids.service('payment'))?.detail).toBe(
      'charged 0 · refunded 0 · planted: next charge-payment: business',
    );
    act(store, ids.orchestrator, 'Place order-1');
    store.getState().runToEnd();
    const v = store.getState().view;
    expect(steps(v, 'order-1')).toEqual([
      '1. create-order compensated',
      '2. reserve-inventory compensated',
      '3. charge-payment failed',
      '4. create-shipment pending',
    ]);
    expect(saga(v, 'order-1')?.rows.map((r) => r.status)).toEqual(['offline', 'offline', 'error', 'idle']);
    expect(saga(v, 'order-1')?.summary).toMatch(/^compensated — charge-payment failed: card declined/);
    const compensated = v.entries.filter((h) => h.type === 'saga-step-compensated').map((h) => h.text);
    expect(compensated).toEqual([
      'Step reserve-inventory for order-1 is compensated.',
      'Step create-order for order-1 is compensated.',
    ]);
  });

  it('crash and restart a service from its node', () => {
    const store = make();
    act(store, ids.service('shipping'), 'Crash now');
    let v = store.getState().view;
    expect(node(v, ids.service('shipping'))).toMatchObject({ status: 'crashed', detail: 'down until 300 ms · 0 shipments' });
    expect(
      store
        .getState()
        .actionsFor(ids.service('shipping'))
        .map((a) => a.label),
    ).toEqual(['Restart now']);
    act(store, ids.service('shipping'), 'Restart now');
    v = store.getState().view;
    expect(node(v, ids.service('shipping'))?.status).toBe('ok');
    expect(v.sections?.find((s) => s.id === 'services')?.rows.find((r) => r.label === 'shipping service')?.statusWord).toBe('up');
  });

  it('a crash on a step: retried after the restart, the order still completes', () => {
    const store = make();
    act(store, ids.service('inventory'), 'Crash on the next reserve-inventory');
    act(store, ids.orchestrator, 'Place order-1');
    store.getState().runToEnd();
    const v = store.getState().view;
    expect(saga(v, 'order-1')?.summary).toMatch(/^completed/);
    expect(saga(v, 'order-1')?.rows[1]?.detail).toMatch(/^3 attempts/);
    expect(v.entries.some((h) => h.type === 'service-crashed')).toBe(true);
  });

  it('every step forward shows something new, and stepping back reproduces each view', () => {
    const store = make([{ type: 'place-order', orderId: 'order-1' }]);
    const seen = [JSON.stringify(store.getState().view)];
    let guard = 0;
    while (!store.getState().idle && guard++ < 200) {
      const before = store.getState().view.entries.at(-1)?.id;
      store.getState().stepForward();
      if (!store.getState().idle) expect(store.getState().view.entries.at(-1)?.id).not.toBe(before);
      seen.push(JSON.stringify(store.getState().view));
    }
    for (let i = seen.length - 2; i >= 0; i--) {
      store.getState().stepBack();
      expect(JSON.stringify(store.getState().view)).toBe(seen[i]);
    }
    const again = make(store.getState().commands());
    expect(JSON.stringify(again.getState().view)).toBe(seen.at(-1));
  });

  it('orders the services by the saga’s steps', () => {
    const store = make([], { steps: ['create-order', 'reserve-inventory', 'create-shipment', 'charge-payment'] });
    const order = store
      .getState()
      .topology.nodes.filter((n) => n.kind === 'service')
      .map((n) => n.id);
    expect(order).toEqual([ids.service('order'), ids.service('inventory'), ids.service('shipping'), ids.service('payment')]);
    const world = sagaModel.run({ steps: ['create-order', 'charge-payment'] }).init(1);
    expect(sagaTopology(world).nodes.find((n) => n.id === ids.service('shipping'))?.detail).toBe('no step in this saga');
  });

  it('hostile order ids and reasons are shown as text, never markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const store = make([
      { type: 'inject-fault', fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: evil } },
      { type: 'place-order', orderId: evil },
      { type: 'run-until-idle' },
    ]);
    const v = store.getState().view;
    expect(saga(v, evil)?.title).toBe(`Saga for ${evil}`);
    const html = renderToStaticMarkup(createElement(SectionsPanel, { sections: v.sections ?? [] }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
