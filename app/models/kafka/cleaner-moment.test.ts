/**
 * The log cleaner's moments at the lesson steps that show them, each run headless to its end: L07's
 * retention (what was deleted, what is left), L07's earliest-after-retention and L24's Kafka as a
 * database (a group reading "from the start" begins where retention cut the log), L07's compaction.
 */
import { describe, expect, it } from 'vitest';
import { kafkaSummary, type KafkaState } from '../../../simulator/index.ts';
import { stateAfterStep } from '../../../lessons/format/run-lesson.ts';
import { lesson as l07 } from '../../../lessons/07-retention-replay-compaction/lesson.ts';
import { lesson as l24 } from '../../../lessons/24-choosing-eda/lesson.ts';
import type { RangesMoment } from '../../workbench/moment.ts';
import { kafkaMoment } from './kafka-moment.ts';

function momentAt(lesson: typeof l07 | typeof l24, stepId: string): RangesMoment & { id: string } {
  const i = lesson.steps.findIndex((s) => s.id === stepId);
  const s = stateAfterStep(lesson, i) as KafkaState;
  const m = kafkaMoment(s, kafkaSummary(s));
  expect(m?.kind, stepId).toBe('ranges');
  return m as RangesMoment & { id: string };
}
const rows = (m: RangesMoment) => m.ranges.map((r) => `${r.label}: ${r.verb} ${r.count} from ${r.from}`);

describe("the log cleaner's moments", () => {
  it('L07 retention: the 30 deleted records beside the 4 still in the log', () => {
    const m = momentAt(l07, 'retention');
    expect(m.title).toBe('Retention: orders-0 deleted offsets 0–29; its log now starts at 30');
    expect(rows(m)).toEqual(['deleted by retention: deleted 30 from 0', 'still in the log: holds 4 from 30']);
    expect(m.size).toBe(34);
  });

  it('L07 earliest-after-retention: reports read from 30, the oldest record kept', () => {
    const m = momentAt(l07, 'earliest-after-retention');
    expect(m.title).toBe('Retention: reports read orders-0 from its start, offset 30; offsets 0–29 were already deleted');
    expect(rows(m)).toEqual([
      'deleted by retention: deleted 30 from 0',
      'reports read: read 4 from 30',
      'still in the log: holds 4 from 30',
    ]);
  });

  it('L24 Kafka as a database: support reads from 40 and 120 records, while retention keeps deleting', () => {
    const m = momentAt(l24, 'kafka-as-database');
    expect(m.title).toBe('Retention: support read orders-0 from its start, offset 40; offsets 0–39 were already deleted');
    expect(rows(m)).toEqual([
      'deleted by retention: deleted 80 from 0',
      'support read: read 120 from 40',
      'still in the log: holds 80 from 80',
    ]);
  });

  it('L07 compaction: offsets 1, 3, 4, 5 kept, one mark each, 0 and 2 removed; the log end stays 6', () => {
    const m = momentAt(l07, 'compaction');
    expect(m.title).toBe('Compaction: order-status-0 keeps the last value per key (4 of 6); log end still 6');
    expect(m.ranges.map((r) => `${r.label}: ${r.verb} ${r.count} at ${r.cells?.join(' ')}`)).toEqual([
      'kept: holds 4 at 1 3 4 5',
      'removed by the cleaner: removed 2 at 0 2',
    ]);
    expect(m.size).toBe(6);
  });

  it('other steps keep their own moment: L07 reset-to-earliest still shows the replay', () => {
    const i = l07.steps.findIndex((s) => s.id === 'reset-to-earliest');
    const s = stateAfterStep(l07, i) as KafkaState;
    expect(kafkaMoment(s, kafkaSummary(s))?.kind).toBe('pointer');
  });
});
