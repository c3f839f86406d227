/**
 * The graders beyond the exercise folders' own designs: determinism, designs that name the wrong
 * field, the runs a broken check hands back (replayed, they stop right at the break), and designs
 * the folders do not hold.
 */
import { describe, expect, it } from 'vitest';
import { simModelById } from '../models.ts';
import { gradeDesign, parseDesign, type Design } from './index.ts';
import type { GradedRun } from './types.ts';

const grade = (input: unknown) => {
  const d = parseDesign(input);
  if (!d.ok) throw new Error(d.error.message);
  return gradeDesign(d.value as Design);
};

/** Replays a graded run up to its cursor, as the workbench does, and returns the trace types. */
function replay(run: GradedRun): string[] {
  const model = simModelById(run.model)!;
  const r = model.run(run.scenario);
  const s = r.init(run.seed);
  for (const c of run.commands.slice(0, run.cursor)) r.apply(s, c);
  return (r.trace(s) as { entries: Array<{ type: string }> }).entries.map((e) => e.type);
}

/** True when the run's last applied command wrote an entry of `type`: it opens at that moment. */
function opensAt(run: GradedRun, type: string): boolean {
  const count = (r: GradedRun) => replay(r).filter((t) => t === type).length;
  return count(run) > count({ ...run, cursor: run.cursor - 1 });
}

const x09 = (acks: string, rf = 3, min = 2, unclean = false) => ({
  exercise: 'X09',
  acks,
  replicationFactor: rf,
  minInsyncReplicas: min,
  uncleanLeaderElection: unclean,
});

describe('parseDesign', () => {
  it('names the field that is wrong', () => {
    const r = parseDesign({
      exercise: 'X09',
      acks: '2',
      replicationFactor: 3,
      minInsyncReplicas: 2,
      uncleanLeaderElection: false,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^acks: /);
    const s = parseDesign({
      exercise: 'X05',
      steps: [
        { name: 'create-order', compensation: 'cancel-order' },
        { name: 'ship-it', compensation: null },
      ],
    });
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error.message).toMatch(/^steps\[1\]\.name: /);
    const rf = parseDesign(x09('all', 5));
    if (!rf.ok) expect(rf.error.message).toMatch(/^replicationFactor: /);
    expect(rf.ok).toBe(false);
  });

  it('refuses an unknown exercise, a design for another exercise, an unknown field and bad JSON', () => {
    const unknown = parseDesign({ exercise: 'X99' });
    expect(!unknown.ok && unknown.error.message).toMatch(/^exercise: "X99" is not a graded exercise/);
    const other = parseDesign(x09('all'), 'X02');
    expect(!other.ok && other.error.message).toBe('exercise: this design is for X09, not X02');
    const extra = parseDesign({ exercise: 'X02', key: 'orderId', partitions: 3 });
    expect(!extra.ok && extra.error.message).toMatch(/^partitions: /);
    const json = parseDesign('{"exercise": "X02", ');
    expect(!json.ok && json.error.message).toMatch(/^design: is not valid JSON/);
  });

  it('keeps the fixed shapes: X02 takes a null key, X05 a null compensation', () => {
    expect(parseDesign({ exercise: 'X02', key: null }).ok).toBe(true);
    expect(parseDesign({ exercise: 'X05', steps: [{ name: 'create-shipment', compensation: null }] }).ok).toBe(true);
  });
});

describe('graders', () => {
  it('are deterministic: the same design gives the same verdict, runs included', () => {
    for (const d of [
      x09('1'),
      { exercise: 'X02', key: 'eventId' },
      { exercise: 'X06', write: 'dual-write', consumerDedup: false },
    ]) {
      expect(JSON.stringify(grade(d))).toBe(JSON.stringify(grade(d)));
    }
  });

  it('X09: with acks=1 the run handed back stops right where an acknowledged record is lost', () => {
    const v = grade(x09('1'));
    const lost = v.checks.find((c) => c.name === 'No acknowledged order is lost')!;
    expect(lost.held).toBe(false);
    expect(replay(lost.run!)).toContain('broker-crashed');
    // One step earlier, nothing had been lost yet.
    expect(opensAt(lost.run!, 'record-lost')).toBe(true);
    expect(replay({ ...lost.run!, cursor: lost.run!.cursor - 1 })).not.toContain('record-lost');
  });

  it('X09: acks=0 loses records the producer believed written; replication factor 1 stops writes', () => {
    const v = grade(x09('0', 1, 1));
    expect(v.checks.map((c) => c.held)).toEqual([false, false]);
    expect(v.checks[0]!.detail).toContain('acks=0');
  });

  it('X09: the availability cost is reported for a passing design', () => {
    const v = grade(x09('all'));
    expect(v.passed).toBe(true);
    expect(v.checks[1]!.detail).toMatch(/With two brokers down, for up to \d+\.\d s/);
  });

  it('X02: customerId also keeps each order in order; eventType does not', () => {
    expect(grade({ exercise: 'X02', key: 'customerId' }).passed).toBe(true);
    const v = grade({ exercise: 'X02', key: 'eventType' });
    expect(v.passed).toBe(false);
    const run = v.checks[0]!.run!;
    expect(opensAt(run, 'record-processed')).toBe(true);
  });

  it('X05: a compensatable step left without compensation fails, at the moment it is undone', () => {
    const v = grade({
      exercise: 'X05',
      steps: [
        { name: 'create-order', compensation: 'cancel-order' },
        { name: 'reserve-inventory', compensation: null },
        { name: 'charge-payment', compensation: 'refund-payment' },
        { name: 'create-shipment', compensation: null },
      ],
    });
    const ends = v.checks.find((c) => c.name === 'Every run ends fully done or fully compensated')!;
    expect(ends.held).toBe(false);
    expect(ends.detail).toContain('reserve-inventory had taken effect');
    expect(opensAt(ends.run!, 'saga-step-compensating')).toBe(true);
  });

  it('X05: a saga missing a step fails the whole-job check', () => {
    const v = grade({ exercise: 'X05', steps: [{ name: 'create-order', compensation: 'cancel-order' }] });
    expect(v.checks[0]!.held).toBe(false);
    expect(v.checks[0]!.detail).toContain('reserve-inventory, charge-payment, create-shipment');
  });

  it('X06: a dual-write run stops where the event is lost', () => {
    const v = grade({ exercise: 'X06', write: 'dual-write', dualWriteOrder: 'db-first', consumerDedup: true });
    expect(opensAt(v.checks[0]!.run!, 'event-lost')).toBe(true);
  });

  it('X01: an unanswered message is named and explained', () => {
    const v = grade({ exercise: 'X01', answers: { m01: 'event' } });
    expect(v.checks[0]!.held).toBe(true);
    expect(v.checks[1]!.detail).toMatch(/^Not answered; it is a command\./);
    expect(v.checks.filter((c) => c.held)).toHaveLength(1);
  });
});
