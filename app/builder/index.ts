/**
 * The Build tab of each model that has one, by model id. The playground adds the tab; the forms
 * send the model's own commands, so every edit steps back, forks the future and travels in links.
 * The orchestrated saga's tab is its controls (steps added, removed and reordered, a step made to
 * fail, orders placed); the choreography's is its reactions (who reacts to which event). Models
 * whose parts are fixed (the choreography over Kafka, 2PC, outbox, idempotent consumer) have no
 * tab: their scenarios choose settings and faults, and their node actions are the edits.
 */
import type { ComponentType } from 'react';
import { AmqpBuildParts } from './AmqpBuildParts.tsx';
import { EventStoreBuilder } from './EventStoreBuilder.tsx';
import type { AnyStore } from './form-kit.tsx';
import { KafkaBuilder } from './KafkaBuilder.tsx';
import { SagaControls } from '../models/saga/SagaControls.tsx';
import { ChoreographyControls } from '../models/choreography/ReactionControls.tsx';
import './builder.css';

const builders: ReadonlyMap<string, ComponentType<{ store: AnyStore }>> = new Map<string, ComponentType<{ store: AnyStore }>>([
  ['kafka', KafkaBuilder],
  ['eventstore', EventStoreBuilder],
  ['amqp', AmqpBuildParts],
  ['saga', SagaControls],
  ['choreography', ChoreographyControls],
]);

/** The Build form of a model, or undefined. */
export function builderFor(modelId: string): ComponentType<{ store: AnyStore }> | undefined {
  return builders.get(modelId);
}
