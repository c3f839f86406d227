/** L24 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { kafkaAppRead, kafkaModel, kafkaRead, type KafkaCommand, type KafkaScenario } from '../../simulator/index.ts';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson, timeoutMs } from './lesson.ts';
import { orderServiceCalls, processedBy, replyWaitMs } from './reads.ts';
import { orderChanges, pricing } from './scenarios.ts';
import { ordersLog, ordersRetentionMs, spaghetti, supportGroup } from './anti-patterns.ts';

const advance = (untilMs: number): KafkaCommand => ({ type: 'advance', untilMs });
const ask = (key: string): KafkaCommand => ({
  type: 'produce',
  producer: 'checkout',
  topic: 'requests',
  key,
  value: { type: 'PriceRequested' },
});
function play(scenario: KafkaScenario, commands: KafkaCommand[]) {
  const run = kafkaModel.run(scenario);
  const w = run.init(lesson.seed);
  for (const c of commands) expect(run.apply(w, c).ok, JSON.stringify(c)).toBe(true);
  return w;
}

describe('L24 choosing, and not choosing, EDA', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('a thin event costs one call per reader per change, whatever the run length; a fat one none', () => {
    for (const untilMs of [5_000, 9_000]) {
      const thin = play(orderChanges(false), [advance(untilMs)]);
      const fat = play(orderChanges(true), [advance(untilMs)]);
      const changes = processedBy(thin, 'billing');
      expect(changes).toBeGreaterThan(0);
      expect(orderServiceCalls(thin)).toBe(3 * changes);
      expect(orderServiceCalls(fat)).toBe(0);
    }
  });

  it('the reply behind a backlog waits longer the later checkout asks', () => {
    const waits = [5_000, 8_000].map((askAtMs) => {
      const w = play(pricing(true), [advance(askAtMs), ask('cart-1'), advance(askAtMs + 10_000)]);
      return replyWaitMs(w, 'cart-1');
    });
    expect(waits[0]).toBeGreaterThan(timeoutMs);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
  });

  it('the challenge is not met by the setup, by waiting, nor by adding a consumer to the one partition', () => {
    const goals = lesson.challenge.goals ?? [];
    const setup = lesson.challenge.solution.commands.slice(0, lesson.challenge.setupCommands);
    const met = (commands: KafkaCommand[]) => {
      const w = play(pricing(true), [...setup, ...commands]);
      return goals.every((g) => g.pass(w));
    };
    expect(met([])).toBe(false);
    expect(met([advance(15_000), ask('cart-2'), advance(20_000)])).toBe(false);
    const added = play(pricing(true), [...setup, { type: 'add-consumer', group: 'pricing' }, advance(12_000)]);
    expect(kafkaRead.idleMembers(added, 'pricing')).toBe(1);
    expect(met([{ type: 'add-consumer', group: 'pricing' }, advance(12_000), ask('cart-2'), advance(14_000)])).toBe(false);
    expect(met(lesson.challenge.solution.commands.slice(setup.length))).toBe(true);
    // The page's produce form may send a request with no key: its reply is still found.
    const faster: KafkaCommand = { type: 'slow-consumer', consumer: 'pricing-c1', processingMs: 20 };
    const keyless: KafkaCommand = { type: 'produce', producer: 'checkout', topic: 'requests', key: null };
    expect(met([faster, advance(8_000), keyless, advance(9_000)])).toBe(true);
  });

  it('the spaghetti loop never ends: one order, and a charge a lap for as long as it runs', () => {
    const order: KafkaCommand = { type: 'produce', producer: 'shop', topic: 'orders', key: 'order-7' };
    const charges = [10_000, 20_000, 40_000].map((untilMs) =>
      kafkaAppRead.calls(play(spaghetti, [advance(2_000), order, advance(untilMs)]), 'billing', 'charge-card'),
    );
    expect(charges[0]).toBeGreaterThan(1);
    expect(charges[1]).toBeGreaterThan(charges[0]!);
    expect(charges[2]).toBeGreaterThan(charges[1]!);
    // Without offers writing back to orders there is no loop: one charge, one parcel.
    const untangled = { ...spaghetti, groups: spaghetti.groups!.filter((g) => g.id !== 'offers') };
    const once = play(untangled, [advance(2_000), order, advance(20_000)]);
    expect(kafkaAppRead.calls(once, 'billing', 'charge-card')).toBe(1);
    expect(kafkaAppRead.calls(once, 'shipping', 'send-parcel')).toBe(1);
  });

  it('every order older than the retention is gone from the topic, and still in the table built from it', () => {
    const w = play(ordersLog, [advance(30_000), { type: 'add-group', group: supportGroup }, advance(60_000)]);
    const appended = w.trace.entries.flatMap((e) => (e.type === 'record-appended' ? [e] : []));
    const gone = appended.filter((e) => e.offset < kafkaRead.logStart(w, 'orders', 0));
    expect(gone.length).toBeGreaterThan(0);
    for (const e of gone) {
      expect(w.nowMs - e.atMs).toBeGreaterThan(ordersRetentionMs);
      expect(kafkaAppRead.storeValue(w, 'shipping', e.key!)).not.toBe('');
    }
    // Support, reading the topic from the start, never saw an order deleted before it started.
    const seen = new Set(
      w.trace.entries.flatMap((e) => (e.type === 'record-processed' && e.group === 'support' ? [e.offset] : [])),
    );
    expect(seen.size).toBeGreaterThan(0);
    expect(appended.filter((e) => e.atMs < 10_000).some((e) => seen.has(e.offset))).toBe(false);
  });
});
