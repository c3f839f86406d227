/**
 * X08 — a CQRS feed with read-your-writes. The learner chooses how a reader's feed is served: the
 * materialised feed only, the feed merged with the reader's own posts from the write model, or
 * the feed rebuilt from the write model on every read. The grader runs the CQRS feed model
 * (simulator/patterns/cqrs-feed.ts): each user posts in turn and reads at once (the author's next
 * read), while the others poll their feeds every 250 ms. Checks: the author always sees their own
 * post on the next read; followers see each post within the projection's lag (plus one polling
 * interval); reads come from the read model (no scan of other users' posts in the write model).
 */
import { z } from 'zod';
import { feedModel, type FeedScenario } from '../patterns/cqrs-feed-model.ts';
import { feedUsers, type FeedCommand, type FeedEntry, type FeedUser, type FeedWorld } from '../patterns/cqrs-feed.ts';
import { drive, type Drive } from './drive.ts';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x08GraderVersion = 1;
export const x08ProjectionLagMs = 400;
export const x08ProjectionJitterMs = 200;
const pollMs = 250;
/** Followers must see a post within the projection's worst lag plus one polling interval. */
export const x08CatchUpBoundMs = x08ProjectionLagMs + x08ProjectionJitterMs + pollMs;

export const X08DesignSchema = z.strictObject({
  exercise: z.literal('X08'),
  /** How a reader's feed is served. */
  readPath: z.enum(['feed', 'feed-merged-with-own-posts', 'write-model']),
});
export type X08Design = z.infer<typeof X08DesignSchema>;

export function x08Scenario(d: X08Design): FeedScenario {
  return { readPath: d.readPath, projectionLagMs: x08ProjectionLagMs, projectionJitterMs: x08ProjectionJitterMs };
}

type F = Drive<FeedWorld, FeedEntry, FeedCommand>;
export const x08Seeds = [1, 2, 3];
const postsPerRun = 6;

function runOnce(d: X08Design, seed: number): F {
  const f = drive<FeedWorld, FeedEntry, FeedCommand>(feedModel, x08Scenario(d), seed);
  let t = 100;
  for (let i = 0; i < postsPerRun; i++) {
    const author = feedUsers[(i + seed) % feedUsers.length]!;
    f.apply({ type: 'advance', untilMs: t });
    f.apply({ type: 'post', author });
    f.apply({ type: 'read', user: author });
    // The others poll their feeds until well past the projection's lag.
    for (let k = 1; k <= 4; k++) {
      f.apply({ type: 'advance', untilMs: t + k * pollMs });
      for (const u of feedUsers) if (u !== author) f.apply({ type: 'read', user: u });
    }
    t += 1_100;
  }
  f.stepOut(10_000);
  return f;
}

type Read = Extract<FeedEntry, { type: 'feed-read' }>;

export function gradeX08(d: X08Design): Verdict {
  let missing: { f: F; e: Read; seed: number } | undefined;
  let late: { f: F; e: Read; seed: number; postId: string; ms: number } | undefined;
  let scan: { f: F; e: Read; seed: number } | undefined;
  let worstCatchUp = 0;
  let maxScanned = 0;
  for (const seed of x08Seeds) {
    const f = runOnce(d, seed);
    const es = f.entriesSince(0);
    const written = new Map<string, { author: FeedUser; atMs: number; seenBy: Set<FeedUser> }>();
    for (const e of es) {
      if (e.type === 'post-written') written.set(e.postId, { author: e.author, atMs: e.atMs, seenBy: new Set() });
      if (e.type !== 'feed-read') continue;
      if (e.ownPostMissing && !missing) missing = { f, e, seed };
      if (e.scanned > 0) {
        maxScanned = Math.max(maxScanned, e.scanned);
        scan ??= { f, e, seed };
      }
      for (const [postId, p] of written) {
        if (p.author === e.user || p.seenBy.has(e.user) || !e.posts.includes(postId)) continue;
        p.seenBy.add(e.user);
        const ms = e.atMs - p.atMs;
        worstCatchUp = Math.max(worstCatchUp, ms);
        if (ms > x08CatchUpBoundMs && !late) late = { f, e, seed, postId, ms };
      }
    }
  }
  const runs = x08Seeds.length;
  const checks: GradedCheck[] = [];
  const own = 'The author sees their own post on the next read';
  checks.push(
    missing
      ? {
          name: own,
          held: false,
          detail: `${missing.e.user} wrote ${missing.e.ownPostMissing} and read their feed right after, through the ${missing.e.path} path, and it was not there: the projector had not caught up yet (seed ${missing.seed}).`,
          run: missing.f.snapshot(missing.f.cursorAt(missing.e.id)),
          seed: missing.seed,
        }
      : { name: own, held: true, detail: `In ${runs} runs every author saw their post on the read right after writing it.` },
  );
  const catchUp = "Followers' feeds catch up within the projection's lag";
  checks.push(
    late
      ? {
          name: catchUp,
          held: false,
          detail: `${late.e.user} first saw ${late.postId} ${late.ms} ms after it was written; the bound is ${x08CatchUpBoundMs} ms (seed ${late.seed}).`,
          run: late.f.snapshot(late.f.cursorAt(late.e.id)),
          seed: late.seed,
        }
      : {
          name: catchUp,
          held: true,
          detail: `Followers saw every post within ${worstCatchUp} ms (the projection takes ${x08ProjectionLagMs}–${x08ProjectionLagMs + x08ProjectionJitterMs} ms; they poll every ${pollMs} ms).`,
        },
  );
  const cheap = 'Reads are served by the read model';
  checks.push(
    scan
      ? {
          name: cheap,
          held: false,
          detail: `A read by ${scan.e.user} scanned ${scan.e.scanned} post${scan.e.scanned === 1 ? '' : 's'} of other authors in the write model (up to ${maxScanned} in these short runs, growing with every post): that is the join the read model exists to avoid (seed ${scan.seed}).`,
          run: scan.f.snapshot(scan.f.cursorAt(scan.e.id)),
          seed: scan.seed,
        }
      : { name: cheap, held: true, detail: "No read scanned other users' posts in the write model." },
  );
  return verdict('X08', x08GraderVersion, checks);
}
