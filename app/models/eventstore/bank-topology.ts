/**
 * The event store's topology for the workbench, read left to right in the direction data flows:
 * commands → each account's aggregate → its stream (and snapshots) → the store's global log `$all`
 * → projections (read models). Nodes appear as streams and projections do. Node ids are the
 * model's own (`bankNode`), so a lesson can highlight any of them.
 */
import { bankNode, projections, streamNames, type BankState } from '../../../simulator/index.ts';
import type { Topology, TopologyEdge, TopologyNode } from '../../workbench/topology.ts';

const colX = { commands: 0, aggregate: 250, stream: 500, store: 760, projection: 1010 } as const;
const rowGapPx = 130;

/** Which nodes and edges exist: grows as streams and projections appear. */
export function bankTopology(s: BankState): Topology {
  const w = s.world;
  const streams = streamNames(w.store);
  const projs = projections(s);
  const rows = Math.max(1, streams.length * 2, projs.length);
  const middle = ((rows - 1) * rowGapPx) / 2;
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const id = bankNode;
  nodes.push({
    id: id.commands,
    kind: 'commands',
    shape: 'producer',
    label: 'commands',
    detail: 'open · deposit · withdraw · load',
    position: { x: colX.commands, y: middle },
  });
  streams.forEach((stream, i) => {
    const y = i * 2 * rowGapPx;
    nodes.push({
      id: id.aggregate(stream),
      kind: 'aggregate',
      shape: 'aggregate',
      label: stream,
      detail: 'account, folded from its events',
      position: { x: colX.aggregate, y: y + rowGapPx / 2 },
    });
    nodes.push({
      id: id.stream(stream),
      kind: 'stream',
      shape: 'stream',
      label: stream,
      detail: 'its events',
      position: { x: colX.stream, y },
    });
    nodes.push({
      id: id.snapshots(stream),
      kind: 'snapshot',
      shape: 'snapshot',
      label: stream,
      detail: 'saved states',
      position: { x: colX.stream, y: y + rowGapPx },
    });
    edges.push(
      {
        id: `e:${id.commands}->${id.aggregate(stream)}`,
        source: id.commands,
        target: id.aggregate(stream),
        label: `commands for ${stream}`,
      },
      {
        id: `e:${id.aggregate(stream)}->${id.stream(stream)}`,
        source: id.aggregate(stream),
        target: id.stream(stream),
        label: `the ${stream} aggregate appends events to its stream`,
      },
      {
        id: `e:${id.aggregate(stream)}->${id.snapshots(stream)}`,
        source: id.aggregate(stream),
        target: id.snapshots(stream),
        label: `the ${stream} aggregate saves snapshots and loads from the newest`,
      },
      {
        id: `e:${id.stream(stream)}->${id.store}`,
        source: id.stream(stream),
        target: id.store,
        label: `${stream} is stored in the global log $all`,
      },
    );
  });
  nodes.push({
    id: id.store,
    kind: 'store',
    shape: 'store',
    label: 'event store',
    detail: 'global log $all',
    position: { x: colX.store, y: middle },
  });
  const projTop = middle - ((projs.length - 1) * rowGapPx) / 2;
  projs.forEach((p, i) => {
    nodes.push({
      id: id.projection(p.id),
      kind: 'projection',
      shape: 'projection',
      label: p.id,
      detail: `read model · projector ${p.projector ?? ''}`,
      position: { x: colX.projection, y: projTop + i * rowGapPx },
    });
    edges.push({
      id: `e:${id.store}->${id.projection(p.id)}`,
      source: id.store,
      target: id.projection(p.id),
      label: `projection ${p.id} reads $all`,
    });
  });
  return { nodes, edges };
}
