/**
 * A partition view for the strip's unit tests: orders-0 on one broker, offsets 0 to 200, with the
 * cells and whatever else a test sets. Test support only; no production code imports it.
 */
import type { PartitionView, StripCell } from './kafka-view-types.ts';

/** Records at offsets [from, to), keyed `order-<offset>`. */
export const logCells = (from: number, to: number): StripCell[] =>
  Array.from({ length: to - from }, (_, i) => ({ offset: from + i, key: `order-${from + i}` }));

export const partitionView = (cells: StripCell[], extra: Partial<PartitionView> = {}): PartitionView => ({
  id: 'orders-0',
  topic: 'orders',
  partition: 0,
  logStartOffset: 0,
  logEndOffset: 200,
  highWatermark: 200,
  leader: 'broker-1',
  isr: ['broker-1'],
  cells,
  segmentCount: 1,
  activeSegmentBase: 0,
  segmentStarts: [],
  pointers: [],
  ...extra,
});
