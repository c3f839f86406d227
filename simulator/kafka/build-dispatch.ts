/**
 * Routes the build commands (a broker, a topic, partitions, a topic's config, a producer added or
 * changed on a live cluster) to build-commands.ts, kept apart from command-dispatch.ts so the
 * builder grows in its own files.
 */
import type { Result } from '../core/errors.ts';
import type { KafkaBuildCommand, KafkaEngineCommand } from './scenario/types.ts';
import {
  addBrokerCommand,
  addProducerCommand,
  alterTopicConfigCommand,
  createPartitionsCommand,
  createTopicCommand,
  stopProducerCommand,
} from './build-commands.ts';
import { alterGroupCommand, alterProducerCommand } from './client-build-commands.ts';
import { deleteGroupCommand, deleteTopicCommand } from './delete-commands.ts';
import type { KafkaState } from './state.ts';

const buildTypes: ReadonlySet<string> = new Set<KafkaBuildCommand['type']>([
  'add-broker',
  'create-topic',
  'create-partitions',
  'alter-topic-config',
  'add-producer',
  'stop-producer',
  'alter-producer',
  'alter-group',
  'delete-topic',
  'delete-group',
]);

export function isBuildCommand(c: KafkaEngineCommand): c is KafkaBuildCommand {
  return buildTypes.has(c.type);
}

export function dispatchBuildCommand(s: KafkaState, c: KafkaBuildCommand): Result<unknown> {
  switch (c.type) {
    case 'add-broker':
      return addBrokerCommand(s, c);
    case 'create-topic':
      return createTopicCommand(s, c);
    case 'create-partitions':
      return createPartitionsCommand(s, c);
    case 'alter-topic-config':
      return alterTopicConfigCommand(s, c);
    case 'add-producer':
      return addProducerCommand(s, c);
    case 'stop-producer':
      return stopProducerCommand(s, c);
    case 'alter-producer':
      return alterProducerCommand(s, c.producer, c.config);
    case 'alter-group':
      return alterGroupCommand(s, c.group, c.config);
    case 'delete-topic':
      return deleteTopicCommand(s, c.topic);
    case 'delete-group':
      return deleteGroupCommand(s, c.group);
  }
}
