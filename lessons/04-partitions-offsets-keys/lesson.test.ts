/**
 * L04 runs headless: every claim its prose makes holds in the simulation, and every record the
 * lesson writes landed where Kafka's partitioner, as the public surface exports it, says it must.
 */
import { describe, expect, it } from 'vitest';
import { kafkaModel, partitionForKey } from '../../simulator/index.ts';
import { describeFailures, runLesson, stateAfterStep } from '../format/run-lesson.ts';
import { lesson } from './lesson.ts';

describe('L04 partitions, offsets, keys', () => {
  it('is well formed and every claim holds', () => {
    const run = runLesson(lesson);
    expect(describeFailures(run)).toEqual([]);
    expect(run.ok).toBe(true);
  });

  it('every keyed record, the challenge included, is on partitionForKey(key, partitions)', () => {
    const state = stateAfterStep(lesson, lesson.steps.length - 1)!;
    for (const c of lesson.challenge.solution.commands) expect(kafkaModel.run(lesson.scenario).apply(state, c).ok).toBe(true);
    const appended = state.trace.entries.flatMap((e) => (e.type === 'record-appended' ? [e] : []));
    expect(appended.length).toBe(state.k.counters.produced);
    for (const e of appended) {
      const partitions = state.k.topics[state.k.topicIndex[e.topic]!]!.partitions;
      expect({ key: e.key, partition: e.partition }).toEqual({ key: e.key, partition: partitionForKey(e.key!, partitions) });
    }
  });

  it("the partitions the prose names are partitionForKey's", () => {
    expect(
      ['order-1', 'order-2', 'order-4', 'order-10', 'order-12', 'order-13', 'order-19', 'order-22'].map((k) =>
        partitionForKey(k, 3),
      ),
    ).toEqual([1, 0, 2, 0, 1, 2, 0, 0]);
    expect(partitionForKey('order-19', 2)).toBe(1);
  });
});
