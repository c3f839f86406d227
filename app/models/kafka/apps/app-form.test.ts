/**
 * The Apps tab's form and counts on the fan-out scenario (300 orders, keys order-1..order-100):
 * an application added from the form with a poison key dead-letters that key's records after its
 * retries, the fix and a replay handle them once; commit policies show their duplicates and
 * losses under a consumer crash; bad input is answered, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { kafkaAppsView, type KafkaCommand, type KafkaState } from '../../../../simulator/index.ts';
import { builtInScenario } from '../../index.ts';
import { openModel, seedOf } from '../../open.ts';
import { kafkaUi } from '../index.tsx';
import { appCommands, type AppFormInput } from './app-form.ts';

const found = builtInScenario(kafkaUi, 'fan-out-three-groups');
if (!found.ok) throw new Error(found.error.message);
const spec = found.value;
const open = () => openModel(kafkaUi, spec, { seed: seedOf(spec) });
type Store = ReturnType<typeof open>;
const state = (store: Store) => store.getState().peekState() as KafkaState;
const send = (store: Store, cmds: KafkaCommand[]) => {
  for (const c of cmds) expect(store.getState().dispatch(c), JSON.stringify(c)).toBe(true);
};
const form = (over: Partial<AppFormInput>): AppFormInput => ({
  group: 'app-1',
  topic: 'orders',
  commit: 'after-process',
  poisonKey: '',
  retry: 'blocking',
  attempts: '3',
  backoffMs: '100',
  deadLetter: true,
  output: '',
  ...over,
});
const add = (store: Store, f: AppFormInput) => {
  const cmds = appCommands(state(store), f);
  if (typeof cmds === 'string') throw new Error(cmds);
  send(store, cmds);
};
const app = (store: Store, group: string) => kafkaAppsView(state(store)).find((a) => a.group === group)!;
/** How many records of `orders` have the key, read from the log's trace. */
const withKey = (store: Store, key: string) =>
  state(store).trace.entries.filter((e) => e.type === 'record-appended' && e.topic === 'orders' && e.key === key).length;

describe('the Apps form and counts', () => {
  it('a poison key is retried, dead-lettered, then fixed and replayed: every order handled once', () => {
    const store = open();
    add(store, form({ poisonKey: 'order-7' }));
    expect(state(store).k.topics.map((t) => t.name)).toContain('orders-dlt');
    send(store, [{ type: 'run-until-idle' }]);
    const poison = withKey(store, 'order-7');
    expect(poison).toBeGreaterThan(0);
    let a = app(store, 'app-1');
    expect(a.deadLettered).toBe(poison);
    expect(a.parked).toBe(poison);
    expect(a.failures).toBe(3 * poison);
    expect(a.retriedInPlace).toBe(2 * poison);
    expect([a.effectOnce, a.duplicates, a.lost, a.pending]).toEqual([300 - poison, 0, 0, 0]);
    expect(a.calls).toEqual([{ name: 'send-sms', count: 300 - poison }]);
    expect(a.failing).toBe(true);
    expect(a.deadLetterTopics).toEqual([{ topic: 'orders', dlt: 'orders-dlt', held: poison }]);
    // The node menu offers the same two moves.
    const labels = store
      .getState()
      .actionsFor('group:app-1')
      .map((x) => x.label);
    expect(labels).toEqual(expect.arrayContaining(['Deploy the fix', 'Replay orders-dlt']));

    send(store, [
      { type: 'fix-handler', group: 'app-1' },
      { type: 'replay-dead-letters', group: 'app-1', topic: 'orders' },
    ]);
    send(store, [{ type: 'run-until-idle' }]);
    a = app(store, 'app-1');
    expect([a.effectOnce, a.duplicates, a.lost, a.parked, a.pending]).toEqual([300, 0, 0, 0, 0]);
    expect(a.failing).toBe(false);
  });

  it('a consumer crash mid-batch: after-process shows duplicates and no loss, before-process losses and no duplicate', () => {
    const counts = (commit: AppFormInput['commit']) => {
      const store = open();
      // The group starts after the 3 s initial rebalance delay with 150 orders waiting, in
      // batches of 10 at 5 ms a record: at 3,232 ms a batch is half done.
      add(store, form({ commit, deadLetter: false }));
      send(store, [
        { type: 'advance', untilMs: 3232 },
        { type: 'crash-consumer', consumer: 'app-1-c1' },
        { type: 'restart-consumer', consumer: 'app-1-c1' },
        { type: 'run-until-idle' },
      ]);
      const a = app(store, 'app-1');
      return { duplicates: a.duplicates, lost: a.lost, pending: a.pending, once: a.effectOnce, repeated: a.repeated };
    };
    const after = counts('after-process');
    expect(after.duplicates).toBeGreaterThanOrEqual(after.repeated);
    expect(after.repeated).toBeGreaterThan(0);
    expect([after.lost, after.pending, after.once + after.repeated]).toEqual([0, 0, 300]);
    const before = counts('before-process');
    expect(before.lost).toBeGreaterThan(0);
    expect([before.duplicates, before.repeated, before.pending, before.once]).toEqual([0, 0, 0, 300 - before.lost]);
  });

  it('retry topics and a transaction policy become topics and a group the model accepts', () => {
    const store = open();
    add(store, form({ retry: 'retry-topics', attempts: '3', backoffMs: '1000', commit: 'transaction', output: 'orders' }));
    expect(state(store).k.topics.map((t) => t.name)).toEqual(
      expect.arrayContaining(['orders-retry-1s', 'orders-retry-10s', 'orders-dlt']),
    );
    const a = app(store, 'app-1');
    expect(a.commit).toBe('transaction');
    expect(a.onError).toBe('retry topics after 1000 ms, 10000 ms, then the dead-letter topic');
  });

  it('answers bad input with the field it is about', () => {
    const s = state(open());
    expect(appCommands(s, form({ group: 'billing' }))).toBe('Group id: a group "billing" exists already.');
    expect(appCommands(s, form({ group: 'a b' }))).toMatch(/^Group id: /);
    expect(appCommands(s, form({ attempts: 'many' }))).toBe('Attempts must be a whole number');
    expect(appCommands(s, form({ backoffMs: '0' }))).toMatch(/^Backoff \(ms\) must be from 1/);
    expect(appCommands(s, form({ retry: 'retry-topics', attempts: '1' }))).toMatch(/^Attempts: retry topics need/);
    expect(appCommands(s, form({ topic: 'nope' }))).toBe('Topic: pick a topic to read.');
  });
});
