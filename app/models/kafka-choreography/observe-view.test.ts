/** The observability views of the choreography over Kafka: what the Causation tree and catalog tabs draw. */
import { describe, expect, it } from 'vitest';
import { kafkaChoreographyModel, type KafkaChoreographyCommand } from '../../../simulator/index.ts';
import { sequenceDiagramText } from '../../diagram/sequence-text.ts';
import { kafkaChoreographyUi } from './index.tsx';
import { causesOf, lagWords, observeView, pickedEvent, reactionWords, treeOf, treeSequence } from './observe-view.ts';

function world(commands: readonly KafkaChoreographyCommand[]) {
  const r = kafkaChoreographyModel.run({});
  const w = r.init(1);
  for (const c of commands) expect(r.apply(w, c), c.type).toMatchObject({ ok: true });
  return w;
}
const refuse: KafkaChoreographyCommand = {
  type: 'inject-fault',
  fault: { service: 'shipping', action: 'create-shipment', kind: 'business', reason: 'no courier' },
};

describe('causation tree and catalog views', () => {
  it('says an event waits for a service that is down, and keeps "nobody reacts" for end events', () => {
    const v = observeView(
      world([
        { type: 'crash-service', service: 'payment', restartAfterMs: 10_000 },
        { type: 'place-order', orderId: 'o' },
        { type: 'advance', untilMs: 6_000 },
      ]),
    );
    const placed = v.events.find((e) => e.name === 'OrderPlaced')!;
    const down = new Set(v.health.filter((h) => !h.up).map((h) => h.service));
    expect(placed.awaitedBy).toEqual(['payment']);
    expect(reactionWords(placed, down)).toBe('waiting for payment, which is down');
    expect(reactionWords(placed, new Set())).toBe('waiting for payment');
    const lines = sequenceDiagramText(treeSequence(treeOf(v.events, placed.id)!).messages, ['order service']);
    expect(lines).toContain('not yet read by payment');
    expect(lines).not.toContain('nobody reacts');

    const done = observeView(world([{ type: 'place-order', orderId: 'p' }, { type: 'run-until-idle' }]));
    const approved = done.events.find((e) => e.name === 'OrderApproved')!;
    expect(approved.awaitedBy).toEqual([]);
    expect(reactionWords(approved, new Set())).toBe('nobody reacts');
    const placedP = done.events.find((e) => e.name === 'OrderPlaced')!;
    expect(reactionWords(placedP, new Set())).toBe('payment: charge-payment done');
  });

  it('opens on the newest flow, keeps a pick that still exists and falls back when it is gone', () => {
    const v = observeView(
      world([
        { type: 'place-order', orderId: 'a' },
        { type: 'run-until-idle' },
        { type: 'place-order', orderId: 'b' },
        { type: 'run-until-idle' },
      ]),
    );
    expect(pickedEvent(v.events, null)?.correlationId).toBe('b');
    const firstOfA = v.events.find((e) => e.correlationId === 'a' && e.name === 'OrderPlaced')!;
    expect(pickedEvent(v.events, firstOfA.id)).toBe(firstOfA);
    expect(pickedEvent(v.events, 'rec-999')?.name).toBe('PlaceOrder');
    expect(pickedEvent([], null)).toBeUndefined();
  });

  it('draws the fork of a failure as a sequence diagram in time order, each read after its produce', () => {
    const v = observeView(world([refuse, { type: 'place-order', orderId: 'o' }, { type: 'run-until-idle' }]));
    const failed = v.events.find((e) => e.name === 'ShippingFailed')!;
    const { messages, participants } = treeSequence(treeOf(v.events, failed.id)!);
    expect(participants).toEqual(['order service', 'payment service', 'inventory service', 'shipping service']);
    const lines = messages.map((m) => `${m.from} > ${m.to}${m.note ? ' (note)' : ''}: ${m.text}`);
    expect(lines[0]).toMatch(/^shipping service > (inventory|payment) service: ShippingFailed rec-\d+$/);
    expect(lines.slice(0, 2).sort()).toEqual([
      `shipping service > inventory service: ShippingFailed ${failed.id}`,
      `shipping service > payment service: ShippingFailed ${failed.id}`,
    ]);
    const refunded = lines.findIndex((l) => l.startsWith('payment service > order service: PaymentRefunded'));
    expect(refunded).toBeGreaterThan(1);
    expect(
      lines.some((l) => /^inventory service > inventory service \(note\): InventoryReleased rec-\d+, nobody reacts$/.test(l)),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^order service > order service \(note\): OrderCancelled rec-\d+, nobody reacts$/);
    expect(sequenceDiagramText(messages, participants)).toContain('participant p2 as payment service');
    expect(causesOf(v.events, failed.id).map((e) => e.name)).toEqual([
      'PlaceOrder',
      'OrderPlaced',
      'PaymentCharged',
      'InventoryReserved',
    ]);
  });

  it('says unknown, not 0, for a lag nobody can know yet', () => {
    const v = observeView(
      world([
        { type: 'place-order', orderId: 'x' },
        { type: 'advance', untilMs: 1_000 },
      ]),
    );
    expect(v.health.map(lagWords)).toEqual(Array(4).fill('unknown (nothing committed yet)'));
    expect(v.catalog.map((r) => `${r.name} ${r.producers.join()} → ${r.consumers.join() || 'nobody'}`)).toEqual([
      'PlaceOrder customer → nobody',
    ]);
  });

  it('draws the dead-letter topic only once a record is parked there, with its depth', () => {
    const before = world([{ type: 'place-order', orderId: 'a' }, { type: 'run-until-idle' }]);
    expect(kafkaChoreographyUi.topology(before, {}).nodes.map((x) => x.label)).not.toContain('dead letters');
    const w = world([{ type: 'place-malformed-order', orderId: 'bad' }, { type: 'run-until-idle' }]);
    const t = kafkaChoreographyUi.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toContain('dead letters');
    expect(t.edges.filter((e) => e.label === 'dead letters').map((e) => e.source)).toEqual(['service:order']);
    const v = kafkaChoreographyUi.view(w);
    expect(v.nodes.map((x) => x.id).sort()).toEqual(t.nodes.map((x) => x.id).sort());
    expect(v.nodes.find((x) => x.id === 'topic:order-events-dlt')?.detail).toBe('order-events-dlt · 1 record waiting');
    expect((v.model as { deadLetters: number }).deadLetters).toBe(1);
  });
});
