/** Dual write vs outbox in the app: the tables, the relay, the broker, the consumer, node actions. */
import { expectOpensInWorkbench } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { outboxModel, outboxNode as ids, type OutboxCommand } from '../../../simulator/index.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { outboxUi } from './index.tsx';

function scenario(id: string): object {
  const raw = outboxUi.scenarios.find((s) => s.id === id)!.raw;
  const loaded = outboxModel.loadScenario(raw);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}
function run(sc: object, commands: readonly OutboxCommand[]) {
  const r = outboxModel.run(sc);
  const w = r.init(4);
  for (const c of commands) expect(r.apply(w, c), c.type).toMatchObject({ ok: true });
  return { r, w };
}
const counter = (v: WorkbenchView, label: string) => v.counters.find((c) => c.label === label)?.value;
const rows = (v: WorkbenchView, id: string) =>
  v.sections?.find((s) => s.id === id)?.rows.map((r) => `${r.label} ${r.statusWord}`);
const place = (orderId: string): OutboxCommand => ({ type: 'place-order', orderId });

describe('dual write vs outbox in the app', () => {
  it('dual write: no outbox or relay on screen, and a crash between the writes loses the event', () => {
    const { r, w } = run(scenario('dual-write-crash'), [place('order-1'), { type: 'run-until-idle' }]);
    const t = outboxUi.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toEqual(['customer', 'order service', 'orders table', 'broker', 'consumer']);
    const v = outboxUi.view(w);
    expect(v.nodes.map((x) => x.id).sort()).toEqual(t.nodes.map((x) => x.id).sort());
    expect(rows(v, 'orders')).toEqual(['order-1 event lost']);
    expect(v.sections?.some((s) => s.id === 'outbox')).toBe(false);
    expect(counter(v, 'events lost')).toBe(1);
    expect(counter(v, 'events published')).toBe(0);
    // Once restarted the service takes the next order and publishes it.
    r.apply(w, place('order-2'));
    r.apply(w, { type: 'run-until-idle' });
    expect(rows(outboxUi.view(w), 'orders')).toEqual(['order-1 event lost', 'order-2 published']);
  });

  it('outbox + CDC: the relay crash publishes twice, the consumer applies once', () => {
    const { w } = run(scenario('outbox-cdc-relay-crash'), [place('order-1'), { type: 'run-until-idle' }]);
    const t = outboxUi.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toEqual([
      'customer',
      'order service',
      'orders table',
      'outbox table',
      'CDC relay',
      'broker',
      'consumer',
    ]);
    // The relay publishes downwards to the broker under it: service to broker is three columns, which
    // a desk's diagram pane holds at the readable zoom.
    const at = (id: string) => t.nodes.find((x) => x.id === id)!.position;
    expect(at(ids.broker).x).toBe(at(ids.relay).x);
    expect(at(ids.broker).y).toBeGreaterThan(at(ids.relay).y + 100);
    expect(at(ids.broker).x + 180 - at(ids.service).x).toBeLessThanOrEqual(640);
    expect(t.edges.filter((e) => e.down === true).map((e) => e.id)).toEqual([`e:${ids.relay}->${ids.broker}`]);
    const v = outboxUi.view(w);
    expect(v.nodes.map((x) => x.id).sort()).toEqual(t.nodes.map((x) => x.id).sort());
    expect(rows(v, 'orders')).toEqual(['order-1 published']);
    expect(rows(v, 'broker')).toEqual(['offset 0 consumed', 'offset 1 copy 2']);
    expect(rows(v, 'consumer')).toEqual(['evt-1 applied once']);
    // CDC never marks the table: the row says its event left through the log, not "unsent".
    expect(rows(v, 'outbox')).toEqual(['evt-1 published from the log']);
    expect(counter(v, 'duplicated on the broker')).toBe(1);
    expect(counter(v, 'applied twice or more')).toBe(0);
    expect(v.sections?.find((s) => s.id === 'outbox')?.summary).toBe('the relay has read the log up to 2 of 2');
    expect(v.nodes.find((x) => x.id === ids.relay)?.detail).toBe('up · read the log up to 2 of 2');
    expect(v.entries.some((e) => e.from === ids.relay && e.to === ids.broker)).toBe(true);
  });

  it('outbox + CDC: a row whose log entry the relay has not read yet says so', () => {
    const { r, w } = run(scenario('outbox-cdc-relay-crash'), [place('order-1')]);
    const outboxRows = () => outboxUi.view(w).sections?.find((s) => s.id === 'outbox')?.rows ?? [];
    // Up to the moment the service has committed the order and its outbox row.
    for (let t = 5; outboxRows().length === 0 && t < 5_000; t += 5) r.apply(w, { type: 'advance', untilMs: t });
    expect(w.broker).toHaveLength(0);
    const row = outboxRows()[0];
    expect(`${row?.statusWord} · ${row?.detail}`).toBe('in the log, not read yet · order-1 · log entry 1 · CDC marks no row');
  });

  it('polling without dedup: the duplicate is applied twice', () => {
    const { w } = run(scenario('outbox-polling-no-dedup'), [place('order-1'), { type: 'run-until-idle' }]);
    const v = outboxUi.view(w);
    expect(rows(v, 'outbox')).toEqual(['evt-1 sent']);
    expect(v.sections?.find((s) => s.id === 'outbox')?.summary).toBe('the relay has 0 rows unsent');
    expect(rows(v, 'consumer')).toEqual(['evt-1 applied 2 times']);
    expect(counter(v, 'applied twice or more')).toBe(1);
  });

  it('offers a place, a planted crash and a crash on each node that has one, and each applies', () => {
    const { r, w } = run({ mode: 'outbox-polling' }, []);
    expect(outboxUi.actions(w, ids.client, {}).map((a) => a.label)).toEqual(['Place order-1']);
    for (const id of [ids.service, ids.relay, ids.consumer]) {
      const offered = outboxUi.actions(w, id, {});
      expect(offered.map((a) => a.label).at(-1)).toBe('Crash now');
      for (const a of offered) {
        const fresh = outboxModel.run({ mode: 'outbox-polling' });
        expect(fresh.apply(fresh.init(1), a.command).ok, a.label).toBe(true);
      }
    }
    expect(outboxUi.actions(w, ids.broker, {})).toEqual([]);
    r.apply(w, { type: 'crash', node: 'service' });
    expect(outboxUi.actions(w, ids.client, {})).toEqual([]);
    expect(outboxUi.view(w).nodes.find((x) => x.id === ids.service)?.status).toBe('crashed');
    const dual = run({ mode: 'dual-write' }, []).w;
    expect(outboxUi.actions(dual, ids.relay, {})).toEqual([]);
  });
  it('opens in the workbench from its first scenario: acts, steps, steps back, runs to the end', () => {
    expectOpensInWorkbench(outboxUi, { node: ids.client, action: 'Place order-1' }, ids.broker);
  });
});
