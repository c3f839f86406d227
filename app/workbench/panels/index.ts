/**
 * The workbench's data panels, in one import for the page. Each panel comes twice: a presentational
 * component with plain props (easy to test and to reuse in lessons) and a `Connected…` wrapper that
 * reads its narrow slice of a workbench store.
 */
export {
  PartitionStrips,
  ConnectedPartitionStrips,
  type PartitionStripsProps,
} from '../../models/kafka/panels/PartitionStrips.tsx';
export { PartitionRow, type PartitionRowProps } from '../../models/kafka/panels/PartitionRow.tsx';
export { GroupsPanel, ConnectedGroupsPanel, StatusBadge, type GroupsPanelProps } from '../../models/kafka/panels/GroupsPanel.tsx';
export { TraceLog, ConnectedTraceLog, type TraceLogProps } from './TraceLog.tsx';
export { Inspector, ConnectedInspector, type InspectorProps } from './Inspector.tsx';
export { CountersBar, ConnectedCountersBar, type CountersBarProps } from './CountersBar.tsx';
export { Narration, ConnectedNarration, type NarrationProps } from './Narration.tsx';
export { inspect, sameTarget, type InspectTarget, type Inspection } from './inspect.ts';
export { emptyTraceFilter, filterEntries, type TraceFilter } from './trace-filter.ts';
