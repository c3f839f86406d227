/** L22 runs headless: every claim its prose makes holds in the simulation. */
import { describe, expect, it } from 'vitest';
import { outboxModel, outboxView } from '../../simulator/index.ts';
import { describeFailures, runLesson } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L22 dual writes, outbox and CDC', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('with a crash planted on every order, each design loses or invents exactly what the lesson says', () => {
    const designs = [
      { scenario: { mode: 'dual-write', dualWriteOrder: 'db-first' }, lost: 3, phantoms: 0 },
      { scenario: { mode: 'dual-write', dualWriteOrder: 'publish-first' }, lost: 0, phantoms: 3 },
      { scenario: { mode: 'outbox-polling' }, lost: 0, phantoms: 0 },
      { scenario: { mode: 'outbox-cdc' }, lost: 0, phantoms: 0 },
    ] as const;
    for (const d of designs) {
      const run = outboxModel.run(d.scenario);
      const w = run.init(lesson.seed);
      for (const id of ['a', 'b', 'c']) {
        run.apply(w, { type: 'plant-fault', fault: { kind: 'service-crash-between-writes' } });
        run.apply(w, { type: 'place-order', orderId: id });
        run.apply(w, { type: 'run-until-idle' });
      }
      const v = outboxView(w);
      expect([v.lostEventIds.length, v.phantomEventIds.length], JSON.stringify(d.scenario)).toEqual([d.lost, d.phantoms]);
    }
  });

  it('the challenge goals are not met by the setup alone, nor by one fault of the two', () => {
    const goals = lesson.challenge.goals ?? [];
    const run = outboxModel.run({ mode: 'outbox-cdc' });
    const w = run.init(lesson.seed);
    for (const c of lesson.challenge.solution.commands.slice(0, lesson.challenge.setupCommands)) run.apply(w, c);
    expect(goals.every((g) => g.pass(w))).toBe(false);
    run.apply(w, { type: 'plant-fault', fault: { kind: 'relay-crash-after-publish' } });
    run.apply(w, { type: 'place-order', orderId: 'order-3' });
    run.apply(w, { type: 'run-until-idle' });
    expect(goals.filter((g) => !g.pass(w)).map((g) => g.id)).toEqual(['consumer', 'three', 'once']);
  });
});
