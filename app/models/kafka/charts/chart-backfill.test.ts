/**
 * Charts keep their history from time zero: a lesson step opened mid-run draws the lag from the
 * start of the run (sampled by replaying it), not a flat line from the step's first moment; and
 * the time axis never prints the same label twice ("30.0 s30.0 s").
 */
import { describe, expect, it } from 'vitest';
import { lessonLoaders } from '../../../../lessons/index.ts';
import { partScript } from '../../../lessons-ui/lesson-parts.ts';
import { modelUiById } from '../../index.ts';
import { openModel } from '../../open.ts';
import type { AnyModelUi } from '../../types.ts';
import { seriesOf } from './chart-history.ts';
import { chartFeedFor } from './chart-store.ts';
import { timeTicks } from './LineChart.tsx';

describe('chart history in a lesson step', () => {
  it('starts at time zero and climbs with the lag, even when the step opens at 20 s', async () => {
    const lesson = await lessonLoaders.L06!();
    const i = lesson.steps.findIndex((s) => s.id === 'still-climbing');
    const script = partScript(lesson, i, true)!;
    const found = modelUiById(lesson.model);
    const ui = (found.ok ? found.value : undefined) as AnyModelUi;
    const store = openModel(ui, script.scenario, {
      seed: script.seed,
      commands: script.commands,
      cursor: script.cursor,
      script: script.step,
    });
    const feed = chartFeedFor(store);
    feed.fill();
    const samples = feed.history.samples;
    expect(samples[0]!.atMs).toBe(0);
    expect(samples.at(-1)!.atMs).toBe(20_000);
    expect(samples.length).toBeGreaterThan(50);
    const lag = seriesOf(samples, 'groups').get('billing')!;
    // Kept up for 10 s, then the slow consumer fell behind: the line climbs to where the step opens.
    expect(Math.max(...lag.filter((p) => p.x <= 10_000).map((p) => p.y))).toBeLessThan(20);
    expect(lag.at(-1)!.y).toBeGreaterThan(150);
    // Playing on adds to the same history.
    store.getState().stepForward();
    expect(feed.history.samples.length).toBeGreaterThanOrEqual(samples.length);
    expect(feed.history.samples[0]!.atMs).toBe(0);
  });
});

describe('time ticks', () => {
  it('never print the same time twice', () => {
    expect(timeTicks(30_000, 30_000)).toEqual([30_000]);
    expect(timeTicks(0, 30_000)).toEqual([0, 15_000, 30_000]);
    for (const [a, b] of [
      [29_990, 30_000],
      [0, 1],
      [100, 101],
    ] as const) {
      const labels = timeTicks(a, b).map(String);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
