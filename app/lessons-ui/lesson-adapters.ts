/**
 * Which workbench adapter shows which lesson model. A model without an adapter yet still has its
 * prose and checked claims shown; the page says the picture is coming rather than failing.
 */
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import type { ScenarioSpec } from '../../simulator/scenario/types.ts';
import { kafkaAdapter } from '../kafka/kafka-adapter.ts';
import type { SimAdapter } from '../workbench/adapter.ts';

// The adapters are typed by model; the player treats them uniformly.
type AnyAdapter = SimAdapter<unknown, { type: string }>;

export function adapterForLesson(lesson: AnyLesson, scenario: unknown): AnyAdapter | undefined {
  switch (lesson.model) {
    case 'kafka':
      return kafkaAdapter(scenario as ScenarioSpec) as unknown as AnyAdapter;
    default:
      return undefined;
  }
}
