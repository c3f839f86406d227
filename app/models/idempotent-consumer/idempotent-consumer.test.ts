/** The idempotent consumer in the app: deliveries, the dedup store, SMS and duplicates, actions. */
import { expectOpensInWorkbench } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { idempotentConsumerModel, idempotentNode as ids } from '../../../simulator/index.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { idempotentConsumerUi as ui } from './index.tsx';

function start(scenarioId: string) {
  const loaded = idempotentConsumerModel.loadScenario(ui.scenarios.find((s) => s.id === scenarioId)!.raw);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const r = idempotentConsumerModel.run(loaded.value);
  return { r, w: r.init(6) };
}
type World = ReturnType<typeof start>['w'];
function act(r: ReturnType<typeof start>['r'], w: World, label: string): void {
  const a = ui.actions(w, ids.broker, {}).find((x) => x.label === label);
  expect(a, `the broker offers "${label}"`).toBeDefined();
  expect(r.apply(w, a!.command).ok).toBe(true);
}
const counter = (v: WorkbenchView, label: string) => v.counters.find((c) => c.label === label)?.value;
const rows = (v: WorkbenchView, id: string) =>
  v.sections?.find((s) => s.id === id)?.rows.map((r) => `${r.label} ${r.statusWord} ${r.detail}`);

describe('idempotent consumer in the app', () => {
  it('draws broker → service → SMS gateway with the dedup store, every node in the view', () => {
    const { w } = start('with-dedup');
    const t = ui.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toEqual(['broker', 'notification service', 'SMS gateway', 'dedup store']);
    expect(
      ui
        .view(w)
        .nodes.map((x) => x.id)
        .sort(),
    ).toEqual(t.nodes.map((x) => x.id).sort());
  });

  it('with the store, a redelivery is skipped: one SMS', () => {
    const { r, w } = start('with-dedup');
    act(r, w, 'Deliver evt-1');
    act(r, w, 'Redeliver evt-1');
    r.apply(w, { type: 'advance', untilMs: 1000 });
    const v = ui.view(w);
    expect(rows(v, 'deliveries')).toEqual(['evt-1 applied once for customer-1 · 2 deliveries']);
    expect(rows(v, 'dedup')).toEqual(['evt-1 remembered until 60,015 ms']);
    expect(rows(v, 'sms')).toEqual(['customer-1 1 SMS no duplicate']);
    expect([counter(v, 'SMS sent'), counter(v, 'duplicates skipped'), counter(v, 'duplicate SMS')]).toEqual([1, 1, 0]);
    expect(v.entries.some((e) => e.from === ids.consumer && e.to === ids.dedup)).toBe(true);
  });

  it('without the store, every redelivery is another SMS', () => {
    const { r, w } = start('without-dedup');
    act(r, w, 'Deliver evt-1');
    act(r, w, 'Redeliver evt-1');
    r.apply(w, { type: 'run-until-idle' });
    const v = ui.view(w);
    expect(rows(v, 'sms')).toEqual(['customer-1 2 SMS 1 duplicate']);
    expect(v.sections?.find((s) => s.id === 'dedup')?.summary).toBe('switched off: every copy is applied');
    expect(v.nodes.find((x) => x.id === ids.dedup)?.status).toBe('offline');
    expect(counter(v, 'duplicate SMS')).toBe(1);
  });

  it('after the retention window a late copy gets through', () => {
    const { r, w } = start('short-retention');
    act(r, w, 'Deliver evt-1');
    r.apply(w, { type: 'run-until-idle' });
    expect(counter(ui.view(w), 'ids forgotten')).toBe(1);
    act(r, w, 'Redeliver evt-1');
    r.apply(w, { type: 'run-until-idle' });
    expect(rows(ui.view(w), 'deliveries')).toEqual(['evt-1 applied 2 times for customer-1 · 2 deliveries']);
  });

  it('the broker offers a new event and the newest delivered ones; other nodes offer nothing', () => {
    const { r, w } = start('with-dedup');
    for (let i = 0; i < 7; i++) act(r, w, `Deliver evt-${i + 1}`);
    expect(ui.actions(w, ids.broker, {}).map((a) => a.label)).toEqual([
      'Deliver evt-8',
      'Redeliver evt-3',
      'Redeliver evt-4',
      'Redeliver evt-5',
      'Redeliver evt-6',
      'Redeliver evt-7',
    ]);
    for (const id of [ids.consumer, ids.dedup, ids.sms]) expect(ui.actions(w, id, {})).toEqual([]);
  });
  it('opens in the workbench from its first scenario: acts, steps, steps back, runs to the end', () => {
    expectOpensInWorkbench(ui, { node: ids.broker, action: 'Deliver evt-1' }, ids.sms);
  });
});
