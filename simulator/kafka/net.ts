/**
 * The helpers every Kafka module used to take from here, split by concern: node ids, links
 * and scheduling (network.ts), and trace output with the names of partitions and records (emit.ts). This file only re-exports them for importers outside the model
 * (the app, lessons, the saga bridge); modules inside simulator/kafka import the specific module.
 */

export { brokerNode, producerNode, linkKey, latencyMs, scheduleTask, send } from './network.ts';
export { emit, countEntries, partName, partRef, recordId, keyOf, valueOf, correlationOf, recordRef } from './emit.ts';
