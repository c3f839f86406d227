/**
 * Work and memory budgets of a run (issue #12, case 4): the task bound alone did not bound
 * memory. Each reproduction now stops with a message naming the budget and what to change,
 * within seconds and without running out of memory.
 */
import { describe, expect, it } from 'vitest';
import { RUN_BUDGETS } from '../budget.ts';
import { loadScenario } from './loader.ts';
import { runScenario } from './runner.ts';

function run(text: string) {
  const loaded = loadScenario(text);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = runScenario(loaded.value);
  return { result, ms: performance.now() - t0, heapMB: (process.memoryUsage().heapUsed - heap0) / 1e6 };
}

/** Generous: each case ran for a minute or more, or crashed, before the budgets. */
const CASE_MS_MAX = 30_000;

describe('run budgets', () => {
  it('the 187-byte file: one producer at 1,000,000 records/s with the full trace stops at the trace budget', () => {
    const text =
      '{"version":1,"name":"flood","brokers":[{"id":1}],"topics":[{"name":"t","partitions":1,"replicationFactor":1}],"producers":[{"id":"p","topic":"t","ratePerSec":1000000,"keys":{"type":"none"}}]}';
    expect(text.length).toBeLessThan(200);
    const { result, ms } = run(text);
    expect(ms).toBeLessThan(CASE_MS_MAX);
    expect(result.summary.stoppedBy).toBe('budget');
    expect(result.trace.length).toBeLessThanOrEqual(RUN_BUDGETS.traceEntriesMax + 10_000);
    expect(result.summary.notes[0]).toMatch(
      /past the budget of 1000000 \(traceEntriesMax\)\. Use "trace": \{ "mode": "summary" \}/,
    );
    expect(result.internalError).toBeUndefined();
  });

  it('the same producer with a summary trace stops at the records budget', () => {
    const text =
      '{"version":1,"name":"flood","brokers":[{"id":1}],"topics":[{"name":"t","partitions":1,"replicationFactor":1}],"producers":[{"id":"p","topic":"t","ratePerSec":1000000,"keys":{"type":"none"}}],"trace":{"mode":"summary"}}';
    const { result, ms } = run(text);
    expect(ms).toBeLessThan(CASE_MS_MAX);
    expect(result.summary.stoppedBy).toBe('budget');
    expect(result.summary.records.produced).toBeLessThanOrEqual(RUN_BUDGETS.recordsMax + 10_000);
    expect(result.summary.notes[0]).toMatch(/\(recordsMax\) one run may hold\. Give the producers a count or a stopAtMs/);
  });

  it('a heartbeat storm stops at the tasks-per-command budget', () => {
    const text = JSON.stringify({
      version: 1,
      name: 'heartbeat storm',
      brokers: [{ id: 1 }],
      topics: [{ name: 't', partitions: 10, replicationFactor: 1 }],
      groups: [{ id: 'g', topics: ['t'], consumers: 1000, heartbeatIntervalMs: 1, sessionTimeoutMs: 2 }],
      durationMs: 1_000_000_000,
      trace: { mode: 'summary' },
    });
    const { result, ms } = run(text);
    expect(ms).toBeLessThan(CASE_MS_MAX);
    expect(result.summary.stoppedBy).toBe('budget');
    expect(result.summary.tasksRun).toBe(RUN_BUDGETS.tasksPerCommandMax);
    expect(result.summary.notes[0]).toMatch(/one command ran 1000000 tasks, the budget for one command \(tasksPerCommandMax\)/);
  });

  it('a rebalance storm (consumers joining and leaving 2,000 times) ends within the budgets', () => {
    const schedule = [];
    for (let i = 0; i < 1000; i++) {
      schedule.push({ atMs: i * 2, command: { type: 'add-consumer', group: 'g', consumer: `x${i}` } });
      schedule.push({ atMs: i * 2 + 1, command: { type: 'remove-consumer', consumer: `x${i}` } });
    }
    const text = JSON.stringify({
      version: 1,
      name: 'rebalance storm',
      brokers: [{ id: 1 }],
      topics: [{ name: 't', partitions: 100, replicationFactor: 1 }],
      groups: [{ id: 'g', topics: ['t'], consumers: 50 }],
      schedule,
    });
    const { result, ms } = run(text);
    expect(ms).toBeLessThan(CASE_MS_MAX);
    expect(['idle', 'budget']).toContain(result.summary.stoppedBy);
    expect(result.internalError).toBeUndefined();
  });

  it('a scenario that sets its own tasksMax runs past the per-command budget headless, up to it', () => {
    const text = JSON.stringify({
      version: 1,
      name: 'long on purpose',
      brokers: [{ id: 1 }],
      topics: [{ name: 't', partitions: 10, replicationFactor: 1 }],
      groups: [{ id: 'g', topics: ['t'], consumers: 1000, heartbeatIntervalMs: 1, sessionTimeoutMs: 2 }],
      durationMs: 1_000_000_000,
      tasksMax: 1_500_000,
      trace: { mode: 'summary' },
    });
    const { result } = run(text);
    expect(result.summary.stoppedBy).toBe('tasks-max');
    expect(result.summary.tasksRun).toBe(1_500_000);
    expect(result.summary.rejectedCommands).toEqual([]);
  });
});
