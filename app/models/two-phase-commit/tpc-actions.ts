/**
 * What a learner can do in two-phase commit: at the coordinator, begin a transaction over every
 * participant, plant a crash right after the votes (before or after the decision is logged), crash
 * it now or recover it; at a participant, plant a NO vote on its next prepare, crash it or recover
 * it. A crash from here has no automatic recovery, so the blocking it causes stays on screen until
 * the learner recovers the node.
 */
import { tpcNode, type NodeId, type TpcCommand, type TpcWorld } from '../../../simulator/index.ts';
import type { NodeAction } from '../../workbench/view.ts';

type Action = NodeAction<TpcCommand>;

/** The first `tx-N` no node knows, for "begin a transaction". */
export function freeTxId(w: TpcWorld): string {
  const known = (id: string): boolean =>
    Object.hasOwn(w.coordinator.active, id) ||
    w.coordinator.log.some((r) => r.txId === id) ||
    Object.values(w.participants).some((p) => Object.hasOwn(p.txs, id));
  for (let i = 1; ; i++) if (!known(`tx-${i}`)) return `tx-${i}`;
}

function coordinatorActions(w: TpcWorld): Action[] {
  if (!w.coordinator.up) return [{ label: 'Recover now', command: { type: 'recover-coordinator' } }];
  const txId = freeTxId(w);
  return [
    { label: `Begin ${txId}`, command: { type: 'begin', txId } },
    {
      label: 'Crash after the next YES votes, before deciding',
      command: { type: 'arm-coordinator-crash', when: 'before-decision' },
    },
    {
      label: 'Crash after the next YES votes, just after logging COMMIT',
      command: { type: 'arm-coordinator-crash', when: 'after-decision' },
    },
    { label: 'Crash now', command: { type: 'crash-coordinator' } },
  ];
}

export function tpcActions(w: TpcWorld, node: NodeId): Action[] {
  if (node === tpcNode.coordinator) return coordinatorActions(w);
  const p = w.config.participants.find((name) => tpcNode.participant(name) === node);
  if (p === undefined) return [];
  if (!w.participants[p]!.up) return [{ label: 'Recover now', command: { type: 'recover-participant', participant: p } }];
  return [
    { label: 'Vote NO on the next prepare', command: { type: 'plant-no-vote', participant: p, reason: 'constraint violated' } },
    { label: 'Crash now', command: { type: 'crash-participant', participant: p } },
  ];
}
