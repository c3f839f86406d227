/** Two-phase commit in the app: votes, the logged decision, blocking and locks, and node actions. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expectOpensInWorkbench } from '../ui-test-kit.ts';
import { describe, expect, it } from 'vitest';
import { tpcNode as ids, twoPhaseCommitModel, type TpcCommand } from '../../../simulator/index.ts';
import { SectionsPanel } from '../../workbench/panels/SectionsPanel.tsx';
import type { WorkbenchView } from '../../workbench/view.ts';
import { twoPhaseCommitUi } from './index.tsx';

function run(commands: readonly TpcCommand[], scenario: object = {}) {
  const r = twoPhaseCommitModel.run(scenario);
  const w = r.init(2);
  for (const c of commands) expect(r.apply(w, c), c.type).toMatchObject({ ok: true });
  return { r, w };
}
const node = (v: WorkbenchView, id: string) => v.nodes.find((x) => x.id === id);
const tx = (v: WorkbenchView, txId: string) => v.sections?.find((s) => s.id === `tx:${txId}`);
const counter = (v: WorkbenchView, label: string) => v.counters.find((c) => c.label === label)?.value;
const labels = (w: Parameters<typeof twoPhaseCommitUi.actions>[0], id: string) =>
  twoPhaseCommitUi.actions(w, id as never, {}).map((a) => a.label);

describe('two-phase commit in the app', () => {
  it('lists the newest transaction first in the State tab, then the participants', () => {
    const { w } = run([
      { type: 'begin', txId: 'tx-1' },
      { type: 'run-until-idle' },
      { type: 'begin', txId: 'tx-2' },
      { type: 'run-until-idle' },
    ]);
    const ids = twoPhaseCommitUi.view(w).sections?.map((s) => s.id) ?? [];
    expect(ids.slice(0, 2)).toEqual(['tx:tx-2', 'tx:tx-1']);
    expect(ids).toHaveLength(3);
  });

  it('draws the coordinator and its log left of the participants, every node in the view', () => {
    const { w } = run([]);
    const t = twoPhaseCommitUi.topology(w, {});
    expect(t.nodes.map((x) => x.label)).toEqual(['coordinator', 'decision log', 'orders-db', 'inventory-db', 'payments-db']);
    expect(t.nodes[0]!.position.x).toBeLessThan(t.nodes[2]!.position.x);
    expect(
      twoPhaseCommitUi
        .view(w)
        .nodes.map((x) => x.id)
        .sort(),
    ).toEqual(t.nodes.map((x) => x.id).sort());
  });

  it('a transaction begun at the coordinator commits: votes, the decision, locks released', () => {
    const { r, w } = run([]);
    const begin = twoPhaseCommitUi.actions(w, ids.coordinator, {})[0]!;
    expect(begin).toEqual({ label: 'Begin tx-1', command: { type: 'begin', txId: 'tx-1' } });
    r.apply(w, begin.command);
    r.apply(w, { type: 'advance', untilMs: 18 });
    const mid = twoPhaseCommitUi.view(w);
    expect(tx(mid, 'tx-1')?.rows.map((x) => x.statusWord)).toEqual(['prepared', 'prepared', 'prepared']);
    // The lock shows how long it has been held.
    expect(node(mid, ids.participant('orders-db'))?.detail).toBe('row-1 locked by tx-1 for 4 ms');
    r.apply(w, { type: 'run-until-idle' });
    const v = twoPhaseCommitUi.view(w);
    expect(tx(v, 'tx-1')?.summary).toBe('decision in the log: COMMIT');
    expect(tx(v, 'tx-1')?.rows.map((x) => `${x.label} ${x.statusWord}`)).toEqual([
      'orders-db committed',
      'inventory-db committed',
      'payments-db committed',
    ]);
    expect(tx(v, 'tx-1')?.rows[0]?.detail).toMatch(/^voted YES at \d+ ms$/);
    expect(node(v, ids.log)?.detail).toBe('tx-1 commit');
    expect(counter(v, 'committed')).toBe(1);
    expect(v.entries.some((e) => e.from === ids.coordinator && e.to === ids.log)).toBe(true);
  });

  it('a coordinator crash before the decision leaves participants blocked holding their locks', () => {
    const { r, w } = run([]);
    const arm = twoPhaseCommitUi.actions(w, ids.coordinator, {}).find((a) => a.label.includes('before deciding'))!;
    r.apply(w, arm.command);
    r.apply(w, { type: 'begin', txId: 'tx-1' });
    r.apply(w, { type: 'run-until-idle' });
    const v = twoPhaseCommitUi.view(w);
    expect(node(v, ids.coordinator)).toMatchObject({ status: 'crashed' });
    expect(tx(v, 'tx-1')?.rows.map((x) => x.statusWord)).toEqual(['blocked', 'blocked', 'blocked']);
    // The participant's card says "blocked" too (it once read "error").
    expect(v.nodes.filter((x) => x.id.startsWith('participant')).map((x) => x.statusWord)).toEqual([
      'blocked',
      'blocked',
      'blocked',
    ]);
    expect(tx(v, 'tx-1')?.rows[1]?.detail).toMatch(/blocked since \d+ ms, holding row-1$/);
    expect(counter(v, 'blocked now')).toBe(3);
    expect(labels(w, ids.coordinator)).toEqual(['Recover now']);
    expect(r.apply(w, { type: 'recover-coordinator' }).ok).toBe(true);
    r.apply(w, { type: 'run-until-idle' });
    const after = twoPhaseCommitUi.view(w);
    expect(tx(after, 'tx-1')?.summary).toMatch(/^decision in the log: ABORT/);
    expect(counter(after, 'blocked now')).toBe(0);
  });

  it('a planted NO vote aborts the transaction; every participant action applies', () => {
    const { r, w } = run([]);
    const no = twoPhaseCommitUi.actions(w, ids.participant('payments-db'), {})[0]!;
    expect(no.label).toBe('Vote NO on the next prepare');
    r.apply(w, no.command);
    r.apply(w, { type: 'begin', txId: 'tx-1' });
    r.apply(w, { type: 'run-until-idle' });
    const v = twoPhaseCommitUi.view(w);
    expect(tx(v, 'tx-1')?.rows.find((x) => x.label === 'payments-db')?.detail).toBe('voted NO');
    expect(counter(v, 'aborted')).toBe(1);
    expect(labels(w, ids.participant('orders-db'))).toEqual(['Vote NO on the next prepare', 'Crash now']);
    r.apply(w, { type: 'crash-participant', participant: 'orders-db' });
    expect(labels(w, ids.participant('orders-db'))).toEqual(['Recover now']);
    expect(labels(w, ids.log)).toEqual([]);
    for (const s of twoPhaseCommitUi.scenarios) expect(twoPhaseCommitModel.loadScenario(s.raw).ok, s.id).toBe(true);
  });
  it('opens in the workbench from its first scenario: acts, steps, steps back, runs to the end', () => {
    expectOpensInWorkbench(twoPhaseCommitUi, { node: ids.coordinator, action: 'Begin tx-1' }, ids.log);
  });
  it('draws its sections as text, whatever a link names a transaction', () => {
    const { r, w } = run([{ type: 'begin', txId: '<img src=x onerror=alert(1)>' }]);
    r.apply(w, { type: 'run-until-idle' });
    const html = renderToStaticMarkup(createElement(SectionsPanel, { sections: twoPhaseCommitUi.view(w).sections ?? [] }));
    expect(html).not.toContain('<img');
    expect(html).toContain('Transaction &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Participants and their locks');
  });
});
