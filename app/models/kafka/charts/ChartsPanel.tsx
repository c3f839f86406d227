/**
 * The Charts tab: lag per group, lag per partition (the largest few) and throughput over virtual
 * time, from the store's chart history. Re-renders when the history says so (a few times a second
 * while playing), never per frame.
 */
import { useSyncExternalStore } from 'react';
import type { WorkbenchStore } from '../../../workbench/store.ts';
import { largestSeries, ratePerSecond, seriesOf, type ChartSample } from './chart-history.ts';
import { chartFeedFor } from './chart-store.ts';
import { LineChart, type Series } from './LineChart.tsx';
import './charts.css';

/** Partition lines shown at most: more would be a tangle nobody can read. */
export const partitionSeriesMax = 6;
/** Counters charted as throughput, when the model has them. */
const throughputCounters = [
  ['produced', 'produced'],
  ['delivered', 'processed'],
] as const;

const records = (y: number): string => `${Math.round(y)} record${Math.round(y) === 1 ? '' : 's'}`;
const perSecond = (y: number): string => `${y.toFixed(y < 10 ? 1 : 0)} records per second`;

export function ChartsPanel({ samples }: { samples: readonly ChartSample[] }) {
  const groups: Series[] = [...seriesOf(samples, 'groups')].map(([name, points]) => ({ name, points }));
  const allPartitions = seriesOf(samples, 'partitions');
  const partitions: Series[] = largestSeries(allPartitions, partitionSeriesMax).map(([name, points]) => ({ name, points }));
  const present = new Set(Object.keys(samples.at(-1)?.counters ?? {}));
  const throughput: Series[] = throughputCounters
    .filter(([counter]) => present.has(counter))
    .map(([counter, name]) => ({ name, points: ratePerSecond(samples, counter) }));
  return (
    <div className="charts">
      <LineChart
        title="Lag per group"
        caption="Records each consumer group has not yet committed, summed over its partitions."
        yLabel="lag (records)"
        series={groups}
        format={records}
        empty="No group has a committed offset yet, so there is no lag to draw (Kafka cannot say how far behind a group is until it commits)."
      />
      <LineChart
        title="Lag per partition"
        caption={
          allPartitions.size > partitions.length
            ? `The ${partitions.length} partitions with the largest lag now, of ${allPartitions.size}.`
            : 'Each group’s lag on each partition it reads.'
        }
        yLabel="lag (records)"
        series={partitions}
        format={records}
        empty="No partition has a committed offset yet."
      />
      <LineChart
        title="Throughput"
        caption="Records produced and processed per virtual second (over the last second)."
        yLabel="records / s"
        series={throughput}
        format={perSecond}
        empty="Play or step to see records flow."
      />
    </div>
  );
}

/** ChartsPanel reading a store's chart history. */
export function ConnectedChartsPanel<C>({ store }: { store: WorkbenchStore<C> }) {
  const feed = chartFeedFor(store);
  feed.fill();
  useSyncExternalStore(feed.subscribe, feed.version);
  return <ChartsPanel samples={feed.history.samples} />;
}
