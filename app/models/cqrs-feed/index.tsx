/**
 * The CQRS feed in the app: authors write to the write model, a projector fans posts out into
 * every reader's feed, readers read by the scenario's read path. Its state tab shows the posts,
 * each user's feed and the last reads; node actions post, read and slow the projector.
 */
import {
  feedModel,
  feedNode,
  feedUsers,
  type FeedCommand,
  type FeedEntry,
  type FeedScenario,
  type FeedWorld,
  type NodeId,
} from '../../../simulator/index.ts';
import type { Topology } from '../../workbench/topology.ts';
import type { NodeAction, SectionRow, WorkbenchView } from '../../workbench/view.ts';
import { recentEntryViews } from '../entry-view.ts';
import type { ModelUi } from '../types.ts';

function topology(w: FeedWorld): Topology {
  const f = feedNode;
  return {
    nodes: [
      {
        id: f.authors,
        kind: 'client',
        shape: 'producer',
        label: 'authors',
        detail: feedUsers.join(', '),
        position: { x: 0, y: 0 },
      },
      {
        id: f.writeModel,
        kind: 'write side',
        shape: 'store',
        label: 'posts (write side)',
        detail: 'indexed by author',
        position: { x: 280, y: 0 },
      },
      {
        id: f.projector,
        kind: 'projector',
        shape: 'service',
        label: 'feed projector',
        detail: `${w.config.projectionLagMs} ms a post`,
        position: { x: 280, y: 160 },
      },
      {
        id: f.readModel,
        kind: 'read side',
        shape: 'store',
        label: 'feeds (read side)',
        detail: 'one per reader',
        position: { x: 560, y: 160 },
      },
      {
        id: f.readers,
        kind: 'client',
        shape: 'consumer',
        label: 'readers',
        detail: `read path: ${w.config.readPath}`,
        position: { x: 840, y: 80 },
      },
    ],
    edges: [
      { id: `e:${f.authors}->${f.writeModel}`, source: f.authors, target: f.writeModel, label: 'post' },
      { id: `e:${f.writeModel}->${f.projector}`, source: f.writeModel, target: f.projector, label: 'new posts' },
      { id: `e:${f.projector}->${f.readModel}`, source: f.projector, target: f.readModel, label: 'fan out' },
      { id: `e:${f.readModel}->${f.readers}`, source: f.readModel, target: f.readers, label: 'read feed' },
      { id: `e:${f.writeModel}->${f.readers}`, source: f.writeModel, target: f.readers, label: 'own posts / scan' },
    ],
  };
}

function view(w: FeedWorld): WorkbenchView {
  const f = feedNode;
  const pending = w.queue.length;
  const reads = w.trace.entries.filter((e): e is Extract<FeedEntry, { type: 'feed-read' }> => e.type === 'feed-read');
  const missed = reads.filter((r) => r.ownPostMissing !== null).length;
  const lastRead = new Map(reads.map((r) => [r.user, r]));
  const readRows: SectionRow[] = feedUsers.map((u) => {
    const r = lastRead.get(u);
    return {
      label: u,
      status: r?.ownPostMissing ? 'error' : 'ok',
      statusWord: r ? (r.ownPostMissing ? `missed own ${r.ownPostMissing}` : `${r.posts.length} posts`) : 'not read yet',
      detail: `feed holds ${w.feeds[u].length} posts`,
      nodeId: f.readers,
    };
  });
  return {
    nowMs: w.nowMs,
    nodes: [
      { id: f.authors, status: 'ok', detail: `${w.posts.length} posts written` },
      { id: f.writeModel, status: 'ok', detail: `${w.posts.length} posts` },
      { id: f.projector, status: pending > 0 ? 'busy' : 'idle', detail: pending > 0 ? `${pending} to fan out` : 'caught up' },
      { id: f.readModel, status: pending > 0 ? 'slow' : 'ok', detail: pending > 0 ? `${pending} posts behind` : 'up to date' },
      { id: f.readers, status: missed > 0 ? 'error' : 'ok', detail: `${reads.length} reads · ${missed} missed their own post` },
    ],
    entries: recentEntryViews(feedModel, w, w.trace.entries),
    counters: [
      { label: 'posts', value: w.posts.length },
      { label: 'reads', value: reads.length },
      { label: 'own post missed', value: missed },
      { label: 'posts behind', value: pending },
    ],
    sections: [
      {
        id: 'posts',
        title: 'Posts (write side)',
        rows: w.posts.map((p) => ({
          label: p.postId,
          status: 'ok',
          statusWord: p.author,
          detail: `at ${p.atMs} ms`,
          nodeId: f.writeModel,
        })),
      },
      { id: 'reads', title: 'Readers', rows: readRows },
    ],
  };
}

function actions(w: FeedWorld, node: NodeId): Array<NodeAction<FeedCommand>> {
  const f = feedNode;
  if (node === f.authors) return feedUsers.map((u) => ({ label: `Post as ${u}`, command: { type: 'post', author: u } }));
  if (node === f.readers) return feedUsers.map((u) => ({ label: `Read as ${u}`, command: { type: 'read', user: u } }));
  if (node === f.projector)
    return [
      {
        label: 'Slow the projector to 2 s a post',
        command: { type: 'slow-projection', projectionLagMs: Math.max(2_000, w.config.projectionLagMs) },
      },
    ];
  return [];
}

export const feedUi: ModelUi<FeedScenario, FeedWorld, FeedCommand, FeedEntry> = {
  model: feedModel,
  scenarios: [
    { id: 'feed-only', title: 'Reads from the feed only: an author can miss their own post', raw: { readPath: 'feed' } },
    {
      id: 'merged',
      title: "The feed merged with the reader's own posts: read-your-writes",
      raw: { readPath: 'feed-merged-with-own-posts' },
    },
    { id: 'write-model', title: 'Every read rebuilt from the posts table (write side)', raw: { readPath: 'write-model' } },
  ],
  view,
  topology: (w) => topology(w),
  actions: (w, node) => actions(w, node),
  panels: [],
  checkpointEvery: 64,
};
