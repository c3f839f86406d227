/**
 * The one place the app reaches into the Kafka simulator, so the rest of app/ depends on a small
 * surface that can move behind simulator/index.ts without touching components.
 */
export { createKafkaSim, type KafkaSim } from '../../simulator/kafka/kafka-sim.ts';
export { describeEntry } from '../../simulator/kafka/describe.ts';
export { summary as kafkaSummary } from '../../simulator/kafka/lag.ts';
export { brokerNode, keyOf, latencyMs } from '../../simulator/kafka/net.ts';
export { readLog } from '../../simulator/kafka/replication.ts';
export { heapPeek } from '../../simulator/core/heap.ts';
export type { KafkaState } from '../../simulator/kafka/state.ts';
export type { KafkaTraceEntry } from '../../simulator/kafka/trace-types.ts';
