/**
 * Which workbench adapter shows which lesson model. A model without an adapter yet still has its
 * prose and checked claims shown; the page says the picture is coming rather than failing.
 */
import type { AnyLesson } from '../../lessons/format/define-lesson.ts';
import type { ScenarioSpec } from '../../simulator/scenario/types.ts';
import type { BankScenario } from '../../lessons/format/models/bank.ts';
import type { SagaScenario } from '../../lessons/format/models/saga.ts';
import { bankAdapter } from '../eventstore/bank-adapter.ts';
import { kafkaAdapter } from '../kafka/kafka-adapter.ts';
import { sagaAdapter } from '../saga/saga-adapter.ts';
import type { SimAdapter } from '../workbench/adapter.ts';

// The adapters are typed by model; the player treats them uniformly.
type AnyAdapter = SimAdapter<unknown, { type: string }>;

/**
 * How often the lesson's timeline checkpoints. The bank lessons seed thousands of events in one
 * command, so a checkpoint after every command keeps stepping back instant; their copies share
 * the immutable store value and cost about 2 ms.
 */
export function checkpointEveryFor(lesson: AnyLesson): number {
  return lesson.model === 'eventstore' ? 1 : 64;
}

/** Which panels a lesson's workbench shows, by model. */
export function panelsFor(lesson: AnyLesson): Array<'partitions' | 'streams' | 'groups' | 'charts' | 'sections' | 'trace'> {
  switch (lesson.model) {
    case 'kafka':
      return ['partitions', 'groups', 'charts', 'trace'];
    case 'eventstore':
      return ['streams', 'sections', 'trace'];
    case 'saga':
      return ['sections', 'trace'];
  }
}

export function adapterForLesson(lesson: AnyLesson, scenario: unknown): AnyAdapter | undefined {
  switch (lesson.model) {
    case 'kafka':
      return kafkaAdapter(scenario as ScenarioSpec) as unknown as AnyAdapter;
    case 'eventstore':
      return bankAdapter(scenario as BankScenario) as unknown as AnyAdapter;
    case 'saga':
      return sagaAdapter(scenario as SagaScenario) as unknown as AnyAdapter;
    default:
      return undefined;
  }
}
