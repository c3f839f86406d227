/** Temporary re-export while the app moves onto the model contract (removed in the same series). */
export * from '../../../simulator/eventstore/bank-model.ts';
export * from '../../../simulator/eventstore/bank-commands.ts';
export { bankRead } from '../../../simulator/eventstore/bank-reads.ts';
import { bankNode } from '../../../simulator/eventstore/bank-reads.ts';
export const bankNodeIds = bankNode;
