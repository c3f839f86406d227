/**
 * A CQRS social feed: authors write posts to the write model (a table of posts, indexed by author);
 * a projector fans each post out, after its processing lag, into every follower's materialised feed
 * (the read model) and the author's own. Reads are commands, answered at once from the read path
 * the scenario names:
 *
 * - `feed`: the reader's materialised feed only — cheap, but stale until the projector catches up,
 *   so an author may not see the post they just wrote;
 * - `feed-merged-with-own-posts`: the feed plus the reader's own posts, looked up by author in the
 *   write model — read-your-writes for the author at the cost of one keyed lookup;
 * - `write-model`: the feed rebuilt from the write model on every read (a scan of every followed
 *   author's posts — the join CQRS exists to avoid).
 *
 * Every user follows every other (three users); the projection lag is `projectionLagMs` plus a seeded
 * jitter of up to `projectionJitterMs`, and can be slowed by a command. Plain data, seeded,
 * deterministic, like every model here.
 */
import { ErrorCode, fail, ok, type Result } from '../core/errors.ts';
import { getName, setName } from '../core/name-index.ts';
import { nextInt } from '../core/rng.ts';
import type { TraceBase } from '../core/trace.ts';
import type { Scheduled } from '../core/heap.ts';
import type { WorldBase } from '../core/world.ts';
import { createWorldBase } from '../core/world.ts';
import {
  applyClockCommand,
  cloneWorld,
  emit,
  isClockCommand,
  nothingRan,
  scheduleTask,
  type ClockCommand,
  type RunReport,
} from '../saga/world-kit.ts';

export const feedUsers = ['ana', 'ben', 'chloe'] as const;
export type FeedUser = (typeof feedUsers)[number];
export type ReadPath = 'feed' | 'feed-merged-with-own-posts' | 'write-model';

export interface FeedOptions {
  seed: number;
  /** How a reader's feed is served. */
  readPath: ReadPath;
  projectionLagMs?: number;
  projectionJitterMs?: number;
  tasksMaxPerCommand?: number;
}

export interface FeedConfig {
  readPath: ReadPath;
  projectionLagMs: number;
  projectionJitterMs: number;
  tasksMaxPerCommand: number;
}

export interface Post {
  postId: string;
  author: FeedUser;
  atMs: number;
}

export type FeedTask = { type: 'project'; postId: string };

interface E<T extends string> extends TraceBase {
  type: T;
}

export type FeedEntry =
  | (E<'post-written'> & { postId: string; author: FeedUser })
  | (E<'feed-updated'> & { postId: string; author: FeedUser; feed: FeedUser; lagMs: number })
  | (E<'feed-read'> & {
      user: FeedUser;
      path: ReadPath;
      /** Posts the reader got, newest first. */
      posts: string[];
      /** The reader's own newest post, when it is missing from what they read. */
      ownPostMissing: string | null;
      /** Posts of other authors read from the write model to answer (0 from the read model). */
      scanned: number;
    })
  | (E<'projection-slowed'> & { projectionLagMs: number });

export type FeedCommand =
  | ClockCommand
  | { type: 'post'; author: FeedUser }
  | { type: 'read'; user: FeedUser }
  | { type: 'slow-projection'; projectionLagMs: number };

export interface FeedWorld extends WorldBase<FeedTask, FeedEntry> {
  config: FeedConfig;
  /** The write model: every post, in write order. */
  posts: Post[];
  /** The read model: each user's materialised feed, newest last. */
  feeds: Record<FeedUser, string[]>;
}

const DEFAULTS = { projectionLagMs: 400, projectionJitterMs: 200, tasksMaxPerCommand: 100_000 } as const;

export function createFeed(opts: FeedOptions): FeedWorld {
  return {
    ...createWorldBase<FeedTask, FeedEntry>({ seed: opts.seed }),
    config: {
      readPath: opts.readPath,
      projectionLagMs: opts.projectionLagMs ?? DEFAULTS.projectionLagMs,
      projectionJitterMs: opts.projectionJitterMs ?? DEFAULTS.projectionJitterMs,
      tasksMaxPerCommand: opts.tasksMaxPerCommand ?? DEFAULTS.tasksMaxPerCommand,
    },
    posts: [],
    feeds: { ana: [], ben: [], chloe: [] },
  };
}

const isUser = (u: unknown): u is FeedUser => typeof u === 'string' && (feedUsers as readonly string[]).includes(u);

export function runFeedTask(w: FeedWorld, task: FeedTask & Scheduled): void {
  const post = w.posts.find((p) => p.postId === task.postId);
  if (!post) return;
  // One entry per feed written: fan-out on write costs one write per reader.
  for (const feed of feedUsers) {
    w.feeds[feed].push(post.postId);
    emit(w, {
      type: 'feed-updated',
      postId: post.postId,
      author: post.author,
      feed,
      lagMs: w.nowMs - post.atMs,
      correlationId: post.postId,
    });
  }
}

/** What `user` reads now, by the path the scenario gives them. */
function read(w: FeedWorld, user: FeedUser): { posts: string[]; scanned: number; path: ReadPath } {
  const own = w.posts.filter((p) => p.author === user);
  const path = w.config.readPath;
  if (path === 'write-model')
    return { posts: w.posts.map((p) => p.postId).reverse(), scanned: w.posts.length - own.length, path };
  const seen = new Set(w.feeds[user]);
  const posts = [...w.feeds[user]];
  if (path === 'feed-merged-with-own-posts') for (const p of own) if (!seen.has(p.postId)) posts.push(p.postId);
  const order = new Map(w.posts.map((p, i) => [p.postId, i]));
  posts.sort((a, b) => order.get(b)! - order.get(a)!);
  return { posts, scanned: 0, path };
}

export function applyFeedCommand(w: FeedWorld, c: FeedCommand): Result<RunReport> {
  if (isClockCommand(c)) return applyClockCommand(w, runFeedTask, c, w.config.tasksMaxPerCommand);
  switch (c.type) {
    case 'post': {
      if (!isUser(c.author)) return fail(ErrorCode.UnknownNode, `no user called "${String(c.author)}"`, 'author');
      const n = (getName(w.ids, 'post') ?? 0) + 1;
      setName(w.ids, 'post', n);
      const postId = `post-${n}`;
      w.posts.push({ postId, author: c.author, atMs: w.nowMs });
      emit(w, { type: 'post-written', postId, author: c.author, correlationId: postId });
      const jitter = w.config.projectionJitterMs > 0 ? nextInt(w.rng, w.config.projectionJitterMs + 1) : 0;
      scheduleTask<FeedTask>(w, { type: 'project', postId, atMs: w.nowMs + w.config.projectionLagMs + jitter });
      return nothingRan();
    }
    case 'read': {
      if (!isUser(c.user)) return fail(ErrorCode.UnknownNode, `no user called "${String(c.user)}"`, 'user');
      const r = read(w, c.user);
      const ownNewest = [...w.posts].reverse().find((p) => p.author === c.user);
      const ownPostMissing = ownNewest && !r.posts.includes(ownNewest.postId) ? ownNewest.postId : null;
      emit(w, { type: 'feed-read', user: c.user, path: r.path, posts: r.posts, ownPostMissing, scanned: r.scanned });
      return nothingRan();
    }
    case 'slow-projection': {
      if (!(Number.isInteger(c.projectionLagMs) && c.projectionLagMs >= 0))
        return fail(ErrorCode.InvalidCommand, 'projectionLagMs must be a whole number of ms', 'projectionLagMs');
      w.config.projectionLagMs = c.projectionLagMs;
      emit(w, { type: 'projection-slowed', projectionLagMs: c.projectionLagMs });
      return ok({ tasksRun: 0, stoppedBy: 'idle' });
    }
    default:
      return fail(ErrorCode.InvalidCommand, `unknown command "${(c as { type: string }).type}"`);
  }
}

export const cloneFeed = (w: FeedWorld): FeedWorld => cloneWorld(w);

export function describeFeedEntry(e: FeedEntry): string {
  switch (e.type) {
    case 'post-written':
      return `${e.author} wrote ${e.postId} to the write model.`;
    case 'feed-updated':
      return `The projector added ${e.postId} to ${e.feed}'s feed, ${e.lagMs} ms after it was written.`;
    case 'feed-read':
      return e.ownPostMissing
        ? `${e.user} read their feed (${e.path}) and did not see their own ${e.ownPostMissing}.`
        : `${e.user} read their feed (${e.path}): ${e.posts.length} posts${e.scanned > 0 ? `, scanning ${e.scanned} posts of the write model` : ''}.`;
    case 'projection-slowed':
      return `The projector now takes ${e.projectionLagMs} ms per post.`;
  }
}
