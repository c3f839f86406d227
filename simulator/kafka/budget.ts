/**
 * The work and memory budgets of one Kafka run, checked while it runs.
 *
 * `tasksMax` bounds the number of tasks, but not what they build: one producer at 1,000,000
 * records per second makes about a thousand records per task, so 200 tasks already hold a
 * million records, and a full trace of them grew to 4.6 GB and crashed (issue #12). These budgets
 * are what a browser tab (and a laptop's Node) can afford. Past one, the command that was
 * running stops with a BUDGET_EXCEEDED error naming the budget and what to change in the
 * scenario; the work done so far stays done, so the state can still be read. They are
 * documented in docs/scenario-format.md (its test checks each name appears there).
 *
 * The check is a few field reads, cheap enough to run before every task: one producer task can
 * make a thousand records, so checking only now and then would let a run pass a budget by far.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { KafkaState } from './state.ts';

export const RUN_BUDGETS = {
  /** Records produced in one run (every record ever produced is held, for lag and the views). */
  recordsMax: 2_000_000,
  /** Trace entries held in `full` trace mode (summary mode holds at most `keepLast`). */
  traceEntriesMax: 1_000_000,
  /** Tasks one command may run (an `advance` to a far time, a `run-until-idle`). */
  tasksPerCommandMax: 1_000_000,
} as const;

const how = 'The budgets are in docs/scenario-format.md (Limits).';

/**
 * The budget the state has gone past, as an error value whose `path` is the budget's name, or
 * undefined while within all of them.
 */
export function budgetProblem(s: KafkaState, tasksThisCommand: number): Result<never> | undefined {
  const records = s.k.counters.produced;
  if (records > RUN_BUDGETS.recordsMax) {
    return fail(
      ErrorCode.BudgetExceeded,
      `Stopped at ${s.nowMs} ms: the run has produced ${records} records, past the budget of ${RUN_BUDGETS.recordsMax} (recordsMax) one run may hold. Give the producers a count or a stopAtMs, lower their ratePerSec, or set a shorter durationMs. ${how}`,
      'recordsMax',
    );
  }
  if (s.trace.mode === 'full' && s.trace.entries.length > RUN_BUDGETS.traceEntriesMax) {
    return fail(
      ErrorCode.BudgetExceeded,
      `Stopped at ${s.nowMs} ms: the full trace holds ${s.trace.entries.length} entries, past the budget of ${RUN_BUDGETS.traceEntriesMax} (traceEntriesMax). Use "trace": { "mode": "summary" } in the scenario for long runs, or set a shorter durationMs. ${how}`,
      'traceEntriesMax',
    );
  }
  if (tasksThisCommand >= RUN_BUDGETS.tasksPerCommandMax) {
    return fail(
      ErrorCode.BudgetExceeded,
      `Stopped at ${s.nowMs} ms: one command ran ${tasksThisCommand} tasks, the budget for one command (tasksPerCommandMax). Advance to an earlier time, or make the scenario do less per second (fewer consumers, longer heartbeatIntervalMs, lower ratePerSec). ${how}`,
      'tasksPerCommandMax',
    );
  }
  return undefined;
}
