/**
 * The CQRS feed behind the model contract (simulator/core/model.ts): its schemas, its run, one
 * sentence per trace entry, and the nodes each entry touches (the authors, the write model, the
 * projector, the read model and the readers). Practice exercise X08 grades designs on it.
 */
import { z } from 'zod';
import { ErrorCode, type Result } from '../core/errors.ts';
import { nextEntryCommand, nodeId, type EntryRoute, type NodeId, type SimModel } from '../core/model.ts';
import { parseWithSchema } from '../core/parse.ts';
import { nextTaskAtMs } from '../core/world.ts';
import { clockCommandSchemas, timeMs } from '../saga/saga-schemas.ts';
import {
  applyFeedCommand,
  cloneFeed,
  createFeed,
  describeFeedEntry,
  feedUsers,
  type FeedCommand,
  type FeedEntry,
  type FeedOptions,
  type FeedWorld,
} from './cqrs-feed.ts';

export type FeedScenario = Omit<FeedOptions, 'seed'>;

/** The one place the feed model's node ids are spelled. */
export const feedNode = {
  authors: nodeId('client', 'authors'),
  writeModel: nodeId('store', 'posts'),
  projector: nodeId('projector', 'feed-projector'),
  readModel: nodeId('store', 'feeds'),
  readers: nodeId('client', 'readers'),
} as const;

const readPath = z.enum(['feed', 'feed-merged-with-own-posts', 'write-model']);
const user = z.enum(feedUsers);

export const FeedScenarioSchema = z.strictObject({
  readPath,
  projectionLagMs: z.int().min(0).max(600_000).optional(),
  projectionJitterMs: z.int().min(0).max(600_000).optional(),
  tasksMaxPerCommand: z.int().min(1).max(10_000_000).optional(),
});

export const FeedCommandSchema = z.discriminatedUnion('type', [
  ...clockCommandSchemas,
  z.strictObject({ type: z.literal('post'), author: user }),
  z.strictObject({ type: z.literal('read'), user }),
  z.strictObject({ type: z.literal('slow-projection'), projectionLagMs: timeMs.pipe(z.int()) }),
]);

function entryNodes(e: FeedEntry): NodeId[] {
  const n = feedNode;
  switch (e.type) {
    case 'post-written':
      return [n.authors, n.writeModel];
    case 'feed-updated':
      return [n.projector, n.readModel];
    case 'feed-read':
      return e.path === 'feed' ? [n.readers, n.readModel] : [n.readers, n.readModel, n.writeModel];
    case 'projection-slowed':
      return [n.projector];
  }
}

function route(e: FeedEntry): EntryRoute | undefined {
  const n = feedNode;
  switch (e.type) {
    case 'post-written':
      return { from: n.authors, to: n.writeModel };
    case 'feed-updated':
      return { from: n.projector, to: n.readModel };
    case 'feed-read':
      return { from: e.path === 'write-model' ? n.writeModel : n.readModel, to: n.readers };
    default:
      return undefined;
  }
}

export const feedModel: SimModel<FeedScenario, FeedWorld, FeedCommand, FeedEntry> = {
  id: 'cqrs-feed',
  title: 'CQRS feed',
  scenarioSchema: FeedScenarioSchema as z.ZodType<FeedScenario>,
  commandSchema: FeedCommandSchema as z.ZodType<FeedCommand>,
  loadScenario: (input) =>
    parseWithSchema(FeedScenarioSchema, input, ErrorCode.ScenarioInvalid, 'scenario') as Result<FeedScenario>,
  loadCommand: (input) => parseWithSchema(FeedCommandSchema, input, ErrorCode.InvalidCommand, 'command') as Result<FeedCommand>,
  run: (scenario) => ({
    init: (seed) => createFeed({ ...scenario, seed }),
    apply: applyFeedCommand,
    clone: cloneFeed,
    nowMs: (w) => w.nowMs,
    nextAtMs: nextTaskAtMs,
    trace: (w) => w.trace,
    stepCommand: nextEntryCommand,
    endCommand: (w) => (w.queue.length > 0 ? { type: 'run-until-idle' } : undefined),
  }),
  describe: describeFeedEntry,
  entryNodes,
  route,
};
