import { act } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { lesson as l13 } from '../../../lessons/13-event-sourcing/lesson.ts';
import { lesson as l15 } from '../../../lessons/15-snapshots/lesson.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import { bankNode as ids, eventStoreModel, type BankCommand } from '../../../simulator/index.ts';
import { openModel } from '../open.ts';
import { bankView } from './bank-view.ts';
import { bankPanels } from './StreamsPanel.tsx';
import { eventStoreUi } from './index.tsx';

type BankAppCommand = BankCommand;

const acc = 'account-42';
const opening: BankCommand[] = [
  { type: 'open-account', stream: acc, owner: 'Alice' },
  { type: 'deposit', stream: acc, amountCents: 100_000 },
  { type: 'withdraw', stream: acc, amountCents: 20_000 },
  { type: 'withdraw', stream: acc, amountCents: 5_000 },
];

const make = (commands: readonly BankAppCommand[] = [], checkpointEvery = 4) =>
  openModel(eventStoreUi, {}, { seed: 7, commands, cursor: commands.length, checkpointEvery });
const stream = (v: WorkbenchView, id: string) => [...bankPanels(v).streams, bankPanels(v).all].find((s) => s?.id === id);
const node = (v: WorkbenchView, id: string) => v.nodes.find((x) => x.id === id);
const section = (v: WorkbenchView, id: string) => v.sections?.find((s) => s.id === id);
describe('the event-sourced bank in the workbench', () => {
  it("replays the lessons' own scripts unchanged (L13 and L15)", () => {
    for (const lesson of [l13, l15]) {
      const store = make();
      for (const step of lesson.steps) for (const c of step.commands) expect(store.getState().dispatch(c)).toBe(true);
    }
  });

  it('shows streams, the aggregate, snapshots and the store with the numbers the simulator reports', () => {
    const v = make(opening).getState().view;
    expect(node(v, ids.stream(acc))?.detail).toBe('4 events · revision 3');
    expect(node(v, ids.aggregate(acc))?.detail).toBe('balance 750 at rev 3 · last load replayed 3');
    expect(node(v, ids.snapshots(acc))?.detail).toBe('none · snapshots off');
    expect(node(v, ids.store)?.detail).toBe('$all: 4 events · 1 stream');
    const strip = stream(v, acc)!;
    expect(strip.cells.map((c) => `${c.revision}:${c.type}:${c.amountCents}`)).toEqual([
      '0:AccountOpened:null',
      '1:Deposited:100000',
      '2:Withdrawn:20000',
      '3:Withdrawn:5000',
    ]);
    expect(strip.count).toBe(4);
    expect(v.counters.find((c) => c.label === 'events appended')?.value).toBe(4);
    expect(v.entries.at(-1)?.text).toBe('Withdrawn was appended to account-42 at revision 3 (position 3 in $all).');
  });

  it('node actions: withdraw and deposit change the balance shown; a refusal is said in words', () => {
    const store = make(opening);
    act(store, ids.aggregate(acc), 'Withdraw 50');
    expect(node(store.getState().view, ids.aggregate(acc))?.detail).toBe('balance 700 at rev 4 · last load replayed 4');
    act(store, ids.aggregate(acc), 'Deposit 100');
    expect(node(store.getState().view, ids.aggregate(acc))?.detail).toBe('balance 800 at rev 5 · last load replayed 5');
    expect(store.getState().dispatch({ type: 'withdraw', stream: acc, amountCents: 10_000_000 })).toBe(true);
    const last = section(store.getState().view, 'last-command')!;
    expect(last.rows[0]).toMatchObject({
      status: 'error',
      statusWord: 'refused',
      detail: 'insufficient-funds: decided on a balance of 800, nothing appended',
    });
    expect(node(store.getState().view, ids.stream(acc))?.detail).toBe('6 events · revision 5');
  });

  it('temporal loads: first, middle and last revision, each drawn as the last-load pointer', () => {
    const store = make(opening);
    const labels = store
      .getState()
      .actionsFor(ids.stream(acc))
      .map((a) => a.label);
    expect(labels).toEqual(['Load as of revision 0 (first)', 'Load as of revision 1 (middle)', 'Load as of revision 3 (last)']);
    act(store, ids.stream(acc), 'Load as of revision 1');
    const v = store.getState().view;
    expect(node(v, ids.aggregate(acc))?.detail).toBe('balance 750 at rev 3 · loaded as of rev 1: 1,000');
    expect(stream(v, acc)?.markers).toEqual([{ label: 'last load (to rev 1)', after: 1, behind: 2 }]);
  });

  it('snapshots: switch them on, load from the newest, and load ignoring them', () => {
    const store = make([{ type: 'seed-busy-account', stream: 'account-7', deposits: 199 }]);
    act(store, ids.snapshots('account-7'), 'Snapshot every 10 events');
    let v = store.getState().view;
    expect(node(v, ids.snapshots('account-7'))?.detail).toBe('20 · newest at rev 199 · every 10 events');
    expect(v.counters.find((c) => c.label === 'snapshots')?.value).toBe(20);
    act(store, ids.aggregate('account-7'), 'Deposit 100');
    act(store, ids.snapshots('account-7'), 'Load (from the newest snapshot)');
    v = store.getState().view;
    expect(v.counters.find((c) => c.label === 'replayed by the last load')?.value).toBe(1);
    expect(stream(v, 'account-7')!.markers[0]).toEqual({ label: 'snapshot (rev 199)', after: 199, behind: 1 });
    act(store, ids.snapshots('account-7'), 'Load ignoring snapshots');
    v = store.getState().view;
    expect(v.counters.find((c) => c.label === 'replayed by the last load')?.value).toBe(201);
    // The snapshots were only set aside for that load.
    expect(node(v, ids.snapshots('account-7'))?.detail).toMatch(/^20 · /);
  });

  it('projections: lag while catching up, a buggy read model shown as differing, fixed by a rebuild', () => {
    const store = make(opening);
    act(store, ids.store, 'Add projection balances-buggy');
    store.getState().stepForward();
    let v = store.getState().view;
    expect(node(v, ids.projection('balances-buggy'))).toMatchObject({ status: 'busy', detail: 'lag 3 events · 50 ms' });
    expect(stream(v, '$all')?.markers).toEqual([{ label: 'balances-buggy', after: 0, behind: 3 }]);
    store.getState().runToEnd();
    v = store.getState().view;
    expect(section(v, 'read-model:balances-buggy')?.rows[0]).toMatchObject({
      statusWord: 'differs',
      detail: 'read model 1,000 · aggregate 750',
    });
    act(store, ids.projection('balances-buggy'), 'Fix the projector and rebuild');
    store.getState().runToEnd();
    v = store.getState().view;
    expect(section(v, 'read-model:balances-buggy')?.rows[0]).toMatchObject({ statusWord: 'agrees', detail: 'balance 750' });
    expect(v.entries.at(-1)?.text).toBe('Projection balances-buggy is rebuilt: it replayed 4 events in 200 ms of virtual time.');
  });

  it('step back and forward again reproduce the same view; so does a fresh store from the same commands', () => {
    const store = make(opening, 2);
    act(store, ids.store, 'Add projection balances');
    const seen: string[] = [JSON.stringify(store.getState().view)];
    while (!store.getState().idle) {
      store.getState().stepForward();
      seen.push(JSON.stringify(store.getState().view));
    }
    for (let i = seen.length - 2; i >= 0; i--) {
      store.getState().stepBack();
      expect(JSON.stringify(store.getState().view)).toBe(seen[i]);
    }
    const again = make(store.getState().commands(), 3);
    expect(JSON.stringify(again.getState().view)).toBe(seen.at(-1));
  });

  it('its fast copy is independent and equal to a deep copy', () => {
    const a = eventStoreModel.run({});
    const s = a.init(1);
    for (const c of opening) a.apply(s, c);
    a.apply(s, { type: 'enable-snapshots', stream: acc, everyEvents: 2 });
    a.apply(s, { type: 'add-projection', id: 'balances', projector: 'balances' });
    const fast = a.clone(s);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(structuredClone(s)));
    const before = JSON.stringify(bankView(s));
    a.apply(fast, { type: 'deposit', stream: acc, amountCents: 1 });
    a.apply(fast, { type: 'run-until-idle' });
    expect(JSON.stringify(bankView(s))).toBe(before);
    expect(JSON.stringify(bankView(fast))).not.toBe(before);
  });

  it('refuses hostile names instead of showing them', () => {
    const store = make(opening);
    const evil = '<img src=x onerror=alert(1)>';
    expect(store.getState().dispatch({ type: 'add-projection', id: evil, projector: 'balances' })).toBe(false);
    expect(store.getState().dispatch({ type: 'open-account', stream: evil, owner: evil })).toBe(false);
    expect(store.getState().dispatch({ type: 'rebuild-projection', id: evil })).toBe(false);
    expect(JSON.stringify(store.getState().view)).not.toContain('<img');
  });
});
