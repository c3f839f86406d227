/**
 * The consumer groups panel: for each group its phase and generation ("rebalancing — generation
 * 4"), its lag, and every member consumer with its status (icon and word, never colour alone) and
 * the partitions it owns. During a rebalance the phase and member statuses say so in words.
 *
 * `GroupsPanel` takes plain props; `ConnectedGroupsPanel` reads the groups from a store.
 */
import { useId } from 'react';
import { useStore } from 'zustand';
import type { GroupView, MemberView } from '../kafka-view-types.ts';
import { kafkaTarget } from '../kafka-inspect.ts';
import { kafkaPanels } from '../kafka-view.ts';
import type { WorkbenchStore } from '../../../workbench/store.ts';
import type { InspectTarget } from '../../../workbench/panels/inspect.ts';
import { groupHeading, lagText, statusBadge } from '../../../workbench/panels/labels.ts';
import '../../../workbench/panels/panels.css';

export interface GroupsPanelProps {
  groups: readonly GroupView[];
  /** Called with a group or a consumer node; keep it stable (useCallback). */
  onInspect?: (target: InspectTarget) => void;
  selected?: InspectTarget | null;
  /** Panel heading; defaults to "Consumer groups". */
  title?: string;
}

/** A status as an icon and a word; the class adds colour on top, never instead. */
export function StatusBadge({ status }: { status: MemberView['status'] }) {
  const b = statusBadge(status);
  return (
    <span className={`wbp-status wbp-status-${status}`}>
      <span aria-hidden="true">{b.icon}</span> {b.word}
    </span>
  );
}

function Member({ m, onInspect, selected }: { m: MemberView; onInspect?: GroupsPanelProps['onInspect']; selected: boolean }) {
  return (
    <li className={`wbp-member${selected ? ' wbp-selected' : ''}`}>
      <button
        type="button"
        className="wbp-link-button"
        aria-pressed={selected}
        onClick={() => onInspect?.({ kind: 'node', id: m.consumer })}
      >
        <span aria-hidden="true">◉ </span>
        {m.consumer}
      </button>{' '}
      <StatusBadge status={m.status} />
      <span className="wbp-owns">
        {m.partitions.length === 0 ? (
          ' owns no partitions'
        ) : (
          <>
            {' owns '}
            {m.partitions.map((id) => (
              <span key={id} className="wbp-chip">
                {id}
              </span>
            ))}
          </>
        )}
      </span>
      {(m.revoked?.length ?? 0) + (m.assigned?.length ?? 0) > 0 && (
        <span className="wbp-rebalance-moves">
          {' '}
          (latest rebalance: {m.revoked?.length ? `revoked ${m.revoked.join(', ')}` : 'revoked nothing'}
          {m.assigned?.length ? `; newly assigned ${m.assigned.join(', ')}` : ''})
        </span>
      )}
    </li>
  );
}

function Group({
  g,
  onInspect,
  selected,
}: {
  g: GroupView;
  onInspect?: GroupsPanelProps['onInspect'];
  selected?: InspectTarget | null;
}) {
  const groupSelected = selected?.kind === 'model' && selected.what === 'group' && selected.id === g.id;
  return (
    <li className={`wbp-group${groupSelected ? ' wbp-selected' : ''}`}>
      <h3 className="wbp-group-head">
        <button
          type="button"
          className="wbp-link-button"
          aria-pressed={groupSelected}
          onClick={() => onInspect?.(kafkaTarget.group(g.id))}
        >
          <span aria-hidden="true">⊞ </span>
          {g.id}
        </button>
      </h3>
      <p className="wbp-group-facts">
        <span className={`wbp-phase wbp-phase-${g.phase.replace(/[^a-z-]/gi, '')}`}>
          {g.phase === 'rebalancing' && <span aria-hidden="true">⟳ </span>}
          {groupHeading(g)}
        </span>{' '}
        · <strong>{lagText(g.lag)}</strong>
      </p>
      {g.members.length === 0 ? (
        <p className="wbp-empty">No members.</p>
      ) : (
        <ul className="wbp-members" aria-label={`Members of ${g.id}`}>
          {g.members.map((m) => (
            <Member key={m.consumer} m={m} onInspect={onInspect} selected={selected?.kind === 'node' && selected.id === m.node} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Every consumer group with its members. */
export function GroupsPanel({ groups, onInspect, selected = null, title = 'Consumer groups' }: GroupsPanelProps) {
  const headingId = useId();
  return (
    <section className="wbp-panel wbp-groups" aria-labelledby={headingId}>
      <h2 id={headingId} className="wbp-title">
        {title}
      </h2>
      {groups.length === 0 ? (
        <p className="wbp-empty">No consumer groups in this scenario.</p>
      ) : (
        <ul className="wbp-group-list">
          {groups.map((g) => (
            <Group key={g.id} g={g} onInspect={onInspect} selected={selected} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** GroupsPanel reading Kafka's groups from a workbench store. */
export function ConnectedGroupsPanel<C>({ store, ...rest }: Omit<GroupsPanelProps, 'groups'> & { store: WorkbenchStore<C> }) {
  const groups = useStore(store, (s) => kafkaPanels(s.view).groups);
  return <GroupsPanel groups={groups} {...rest} />;
}
