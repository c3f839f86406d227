/**
 * What Kafka's own panels draw: partition strips (offsets, high watermark, log end, the groups'
 * committed pointers) and consumer groups (members, what each owns, what the latest rebalance
 * moved). Only app/models/kafka reads these; the generic workbench never does.
 */
import type { KafkaSchemaView, NodeId } from '../../../simulator/index.ts';
import type { NodeStatus } from '../../workbench/view.ts';

export interface StripCell {
  offset: number;
  key: string | null;
  /**
   * Set on a gap cell: it stands for this many stored records left out of the strip (from `offset`
   * on), so a committed offset far behind and the log end show together.
   */
  gap?: number;
  /** Groups whose reader schema could not read this record (schema/schema-view.ts). */
  unreadableBy?: string[];
}

export interface StripPointer {
  /** Whose pointer it is: a group id. */
  label: string;
  offset: number | null;
  /** Lag at this pointer (HW − committed), null when unknown. */
  lag: number | null;
  /**
   * Where the group's committed offset was before an offset reset moved it back, while the group
   * is still re-consuming up to there (replay): the strip marks the old spot and the jump.
   */
  jumpedFrom?: number;
}

export interface PartitionView {
  /** `orders-3`: the topic and the partition number, as Kafka's tools name a partition. */
  id: string;
  topic: string;
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  /** Records stored: fewer than log end − log start once compaction has removed some. */
  records?: number;
  leader: string | null;
  isr: string[];
  /** The newest cells (a window; `logEndOffset - cells.length` says how many more there are). */
  cells: StripCell[];
  /** Log segments: how many, and where the active (newest) one begins. */
  segmentCount: number;
  activeSegmentBase: number;
  /** Offsets of the shown cells that begin a log segment (the first record at or past its base offset). */
  segmentStarts: number[];
  pointers: StripPointer[];
}

export interface MemberView {
  consumer: string;
  node: NodeId;
  status: NodeStatus;
  partitions: string[];
  /** Partitions this member gave up in the group's latest rebalance, if any. */
  revoked?: string[];
  /** Partitions this member was handed in the group's latest rebalance, if any. */
  assigned?: string[];
}

export interface GroupView {
  id: string;
  phase: string;
  generation: number;
  members: MemberView[];
  lag: number | null;
}

export interface KafkaPanelsView {
  partitions: PartitionView[];
  groups: GroupView[];
  /** The schema registry of the run (schema/SchemaPanel.tsx), null or absent without one. */
  schema?: KafkaSchemaView | null;
}
