/**
 * The design each exercise page starts from: a plausible first attempt, not the answer (X09 starts
 * from replication factor 3 with min.insync.replicas 1 and unclean election on, the settings of
 * many clusters that were never tuned for durability).
 */
import type { Design, GradedExerciseId } from '../../simulator/index.ts';

export function startDesign(id: GradedExerciseId): Design {
  switch (id) {
    case 'X01':
      return { exercise: 'X01', answers: {} };
    case 'X02':
      return { exercise: 'X02', key: null };
    case 'X03':
      return { exercise: 'X03', partitions: 1, consumers: 1, key: 'storeId' };
    case 'X05':
      return {
        exercise: 'X05',
        steps: [
          { name: 'create-order', compensation: 'cancel-order' },
          { name: 'create-shipment', compensation: null },
          { name: 'reserve-inventory', compensation: 'release-inventory' },
          { name: 'charge-payment', compensation: 'refund-payment' },
        ],
        idempotentCompensations: false,
      };
    case 'X06':
      return { exercise: 'X06', write: 'dual-write', dualWriteOrder: 'db-first', consumerDedup: false };
    case 'X08':
      return { exercise: 'X08', readPath: 'feed' };
    case 'X09':
      return { exercise: 'X09', acks: 'all', replicationFactor: 3, minInsyncReplicas: 1, uncleanLeaderElection: true };
  }
}
