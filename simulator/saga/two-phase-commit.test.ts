/** Scenario and property tests for two-phase commit: blocking after YES votes, recovery, safety. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModelTimeline } from '../core/model.ts';
import { applyTwoPhaseCommitCommand, createTwoPhaseCommit } from './two-phase-commit.ts';
import { twoPhaseCommitModel } from './two-phase-commit-model.ts';
import { describeTwoPhaseCommitEntry, twoPhaseCommitView } from './two-phase-commit-view.ts';
import type { TpcCommand, TpcWorld } from './two-phase-commit-types.ts';

function apply(w: TpcWorld, ...commands: TpcCommand[]): TpcWorld {
  for (const c of commands) {
    const r = applyTwoPhaseCommitCommand(w, c);
    if (!r.ok) throw new Error(r.error.message);
  }
  return w;
}
const states = (w: TpcWorld, txId: string) => twoPhaseCommitView(w).find((v) => v.txId === txId)!.states;

describe('two-phase commit', () => {
  it('all YES: the decision is logged, everyone commits and releases its locks', () => {
    const w = apply(createTwoPhaseCommit({ seed: 1 }), { type: 'begin', txId: 'tx-1' }, { type: 'run-until-idle' });
    expect(Object.values(states(w, 'tx-1'))).toEqual(['committed', 'committed', 'committed']);
    expect(w.coordinator.log).toEqual([expect.objectContaining({ txId: 'tx-1', decision: 'commit' })]);
    expect(Object.values(w.participants).every((p) => Object.keys(p.locks).length === 0)).toBe(true);
  });

  it('one NO vote aborts everyone', () => {
    const w = apply(
      createTwoPhaseCommit({ seed: 2 }),
      { type: 'plant-no-vote', participant: 'payments-db', reason: 'insufficient funds' },
      { type: 'begin', txId: 'tx-1' },
      { type: 'run-until-idle' },
    );
    expect(Object.values(states(w, 'tx-1'))).toEqual(['aborted', 'aborted', 'aborted']);
  });

  it('coordinator crash after all YES votes: participants stay prepared, blocked and holding locks until it recovers', () => {
    const w = apply(
      createTwoPhaseCommit({ seed: 3 }),
      { type: 'arm-coordinator-crash', when: 'after-decision' },
      { type: 'begin', txId: 'tx-1' },
      { type: 'advance', untilMs: 5_000 },
    );
    const view = twoPhaseCommitView(w)[0]!;
    expect(Object.values(view.states)).toEqual(['prepared', 'prepared', 'prepared']);
    expect(view.blocked.map((b) => b.participant).sort()).toEqual(['inventory-db', 'orders-db', 'payments-db']);
    expect(view.blocked.every((b) => b.blockedSinceMs > 0 && b.locksHeld.includes('row-1'))).toBe(true);
    expect(w.participants['orders-db']!.locks).toEqual({ 'row-1': 'tx-1' });
    // The held locks hurt others: no new transaction can begin while the coordinator is down...
    expect(applyTwoPhaseCommitCommand(w, { type: 'begin', txId: 'tx-2' }).ok).toBe(false);
    // ...and once it is back, its log says COMMIT, so recovery commits everywhere.
    apply(w, { type: 'recover-coordinator' }, { type: 'run-until-idle' });
    expect(Object.values(states(w, 'tx-1'))).toEqual(['committed', 'committed', 'committed']);
    expect(w.trace.entries.map((e) => e.type)).toContain('in-doubt-reported');
  });

  it('crash before the decision is logged: recovery presumes abort', () => {
    const w = apply(
      createTwoPhaseCommit({ seed: 4 }),
      { type: 'arm-coordinator-crash', when: 'before-decision', recoverAfterMs: 2_000 },
      { type: 'begin', txId: 'tx-1' },
      { type: 'run-until-idle' },
    );
    expect(Object.values(states(w, 'tx-1'))).toEqual(['aborted', 'aborted', 'aborted']);
    expect(w.coordinator.log).toEqual([expect.objectContaining({ txId: 'tx-1', decision: 'abort', presumed: true })]);
  });

  it('a second transaction on a row held by a blocked one is refused', () => {
    const w = apply(
      createTwoPhaseCommit({ seed: 5, participants: ['a', 'b'] }),
      { type: 'begin', txId: 'tx-1', participants: ['a'] },
      { type: 'advance', untilMs: 8 },
      { type: 'crash-coordinator', recoverAfterMs: 1_000 },
      { type: 'advance', untilMs: 500 },
      { type: 'recover-coordinator' },
      { type: 'begin', txId: 'tx-2', participants: ['a', 'b'] },
      { type: 'run-until-idle' },
    );
    expect(w.trace.entries).toContainEqual(
      expect.objectContaining({
        type: 'vote-cast',
        txId: 'tx-2',
        participant: 'a',
        vote: 'no',
        reason: 'row-1 is locked by tx-1',
      }),
    );
    expect(states(w, 'tx-2')).toEqual({ a: 'aborted', b: 'aborted' });
  });

  it('rejects impossible commands without changing anything, and narrates every entry', () => {
    const w = apply(createTwoPhaseCommit({ seed: 6 }), { type: 'begin', txId: 'tx-1' }, { type: 'run-until-idle' });
    const before = JSON.stringify(w);
    const bad: TpcCommand[] = [
      { type: 'begin', txId: 'tx-1' },
      { type: 'begin', participants: ['nobody'] },
      { type: 'recover-coordinator' },
      { type: 'crash-participant', participant: 'ghost' },
      { type: 'arm-coordinator-crash', when: 'never' as never },
      { type: 'advance', untilMs: -1 },
    ];
    for (const c of bad) expect(applyTwoPhaseCommitCommand(w, c).ok, c.type).toBe(false);
    expect(JSON.stringify(w)).toBe(before);
    for (const e of w.trace.entries) expect(describeTwoPhaseCommitEntry(e)).toMatch(/^[A-Za-z].+\.$/);
  });

  it('seeking on a timeline equals a replay', () => {
    const cmds: TpcCommand[] = [
      { type: 'arm-coordinator-crash', when: 'after-decision', recoverAfterMs: 400 },
      { type: 'begin' },
      ...Array.from({ length: 30 }, () => ({ type: 'step' }) as const),
    ];
    const modelRun = twoPhaseCommitModel.run({});
    const t = createModelTimeline(modelRun, 7, 4, cmds);
    expect(JSON.stringify(t.seek(17))).toBe(JSON.stringify(createModelTimeline(modelRun, 7, 999, cmds.slice(0, 17)).state));
  });
});

describe('two-phase commit properties', () => {
  const names = ['p1', 'p2', 'p3'];
  const commandArb: fc.Arbitrary<TpcCommand> = fc.oneof(
    fc
      .record({
        type: fc.constant('begin' as const),
        participants: fc.subarray(names, { minLength: 1 }),
        row: fc.constantFrom('r1', 'r2'),
      })
      .map(({ participants, row }) => ({
        type: 'begin' as const,
        participants,
        resources: Object.fromEntries(participants.map((p) => [p, [row]])),
      })),
    fc.record({ type: fc.constant('plant-no-vote' as const), participant: fc.constantFrom(...names) }),
    fc.record({
      type: fc.constant('arm-coordinator-crash' as const),
      when: fc.constantFrom('before-decision' as const, 'after-decision' as const),
      recoverAfterMs: fc.integer({ min: 1, max: 2_000 }),
    }),
    fc.record({ type: fc.constant('crash-coordinator' as const), recoverAfterMs: fc.integer({ min: 1, max: 2_000 }) }),
    fc.record({
      type: fc.constant('crash-participant' as const),
      participant: fc.constantFrom(...names),
      recoverAfterMs: fc.integer({ min: 1, max: 2_000 }),
    }),
    fc.integer({ min: 1, max: 400 }).map((ms) => ({ type: 'advance-by', ms }) as unknown as TpcCommand),
  );

  function play(seed: number, commands: TpcCommand[], check: (w: TpcWorld) => void): TpcWorld {
    const w = createTwoPhaseCommit({ seed, participants: names, networkDelayMsMax: 40 });
    for (const c of commands) {
      const real =
        (c as { type: string }).type === 'advance-by'
          ? { type: 'advance' as const, untilMs: w.nowMs + (c as unknown as { ms: number }).ms }
          : c;
      applyTwoPhaseCommitCommand(w, real); // some commands are refused (node already down): that is fine
      check(w);
    }
    if (!w.coordinator.up) applyTwoPhaseCommitCommand(w, { type: 'recover-coordinator' });
    for (const p of names)
      if (!w.participants[p]!.up) applyTwoPhaseCommitCommand(w, { type: 'recover-participant', participant: p });
    expect(applyTwoPhaseCommitCommand(w, { type: 'run-until-idle' })).toMatchObject({ ok: true, value: { stoppedBy: 'idle' } });
    check(w);
    return w;
  }

  it('never one participant committed and another aborted; once all nodes are back, nothing stays in doubt', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(commandArb, { maxLength: 25 }), (seed, commands) => {
        const noSplit = (w: TpcWorld) => {
          for (const v of twoPhaseCommitView(w)) expect(v.split, `seed ${seed} ${JSON.stringify(v)}`).toBe(false);
        };
        const w = play(seed, commands, noSplit);
        for (const v of twoPhaseCommitView(w)) {
          const ctx = `seed ${seed} ${JSON.stringify(v)}`;
          expect(Object.values(v.states), ctx).not.toContain('prepared');
          if (Object.values(v.states).includes('committed')) expect(v.logged, ctx).toBe('commit');
        }
        for (const p of names) expect(w.participants[p]!.locks, `seed ${seed}`).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('same seed, same commands, same trace', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(commandArb, { maxLength: 15 }), (seed, commands) => {
        const a = JSON.stringify(play(seed, commands, () => {}).trace);
        expect(JSON.stringify(play(seed, commands, () => {}).trace), `seed ${seed}`).toBe(a);
      }),
      { numRuns: 50 },
    );
  });
});
