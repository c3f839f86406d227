/**
 * The partition logs panel: every partition as a strip, grouped by topic, with a legend that says
 * in words what the hatching and the markers mean.
 *
 * `PartitionStrips` takes plain props (a list of partitions); `ConnectedPartitionStrips` reads them
 * from a workbench store. Rows are memoised, so only partitions that changed re-render.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { PartitionView } from '../kafka-view-types.ts';
import { kafkaPanels } from '../kafka-view.ts';
import type { WorkbenchStore } from '../../../workbench/store.ts';
import type { InspectTarget } from '../../../workbench/panels/inspect.ts';
import { PartitionRow } from './PartitionRow.tsx';
import { partitionsByTopic } from './strip-geometry.ts';
import '../../../workbench/panels/panels.css';

export interface PartitionStripsProps {
  partitions: readonly PartitionView[];
  /** Called with a partition or a record; keep it stable (useCallback) so unchanged rows skip rendering. */
  onInspect?: (target: InspectTarget) => void;
  /** The inspector's selection, to mark the selected partition or record. */
  selected?: InspectTarget | null;
  /** Panel heading; defaults to "Partition logs". */
  title?: string;
}

function Legend() {
  return (
    <ul className="wbp-legend" aria-label="Legend">
      <li>
        <span className="wbp-swatch" aria-hidden="true" /> record on every in-sync replica (below HW)
      </li>
      <li>
        <span className="wbp-swatch wbp-swatch-pending" aria-hidden="true" /> hatched, dashed: on the leader only, at or above HW
      </li>
      <li>
        <span className="wbp-swatch wbp-swatch-segment" aria-hidden="true" /> a thick left edge: the record starts a new log
        segment (retention deletes, and compaction cleans, whole segments; never the newest, active one)
      </li>
      <li>
        <strong>HW</strong> high watermark · <strong>LEO</strong> log-end offset · <strong>start</strong> log start offset
      </li>
      <li>
        <span className="wbp-swatch wbp-swatch-lag" aria-hidden="true" /> group at committed offset, bar up to HW = lag
      </li>
    </ul>
  );
}

/** All partitions as strips, grouped by topic. */
export function PartitionStrips({ partitions, onInspect, selected = null, title = 'Partition logs' }: PartitionStripsProps) {
  const headingId = useId();
  const topics = partitionsByTopic(partitions);
  return (
    <section className="wbp-panel wbp-partitions" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        {title}
      </h2>
      {topics.length === 0 ? (
        <p className="wbp-empty">No partitions in this scenario.</p>
      ) : (
        <>
          <Legend />
          {topics.map(({ topic, partitions: ps }) => (
            <section key={topic} className="wbp-topic" aria-label={`Topic ${topic}`}>
              <h3 className="wbp-topic-name">
                <span aria-hidden="true">☰ </span>
                topic <span className="wbp-name">{topic}</span>
              </h3>
              <ol className="wbp-partition-list">
                {ps.map((p) => (
                  <PartitionRow
                    key={p.id}
                    partition={p}
                    onInspect={onInspect}
                    selected={selected?.kind === 'model' && selected.what === 'partition' && selected.id === p.id}
                    selectedOffset={
                      selected?.kind === 'model' && selected.what === 'record' && selected.id === p.id
                        ? (selected.at ?? null)
                        : null
                    }
                  />
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** PartitionStrips reading `view.partitions` from a workbench store. */
export function ConnectedPartitionStrips<C>({
  store,
  ...rest
}: Omit<PartitionStripsProps, 'partitions'> & { store: WorkbenchStore<C> }) {
  const partitions = useStore(store, (s) => kafkaPanels(s.view).partitions);
  return <PartitionStrips partitions={partitions} {...rest} />;
}
