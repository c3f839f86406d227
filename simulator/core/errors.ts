/**
 * One table of the errors a user can cause, and the value that carries one.
 *
 * A bad scenario file, a tampered share link or an impossible command is not an exception: it is a
 * value with a code (stable, for tests and the UI) and a message a learner can act on. Exceptions
 * are kept for programming errors.
 */

export const ErrorCode = {
  ScenarioInvalid: 'SCENARIO_INVALID',
  /** A practice design file or form that does not fit its exercise's shape. */
  DesignInvalid: 'DESIGN_INVALID',
  UnknownNode: 'UNKNOWN_NODE',
  UnknownTopic: 'UNKNOWN_TOPIC',
  UnknownPartition: 'UNKNOWN_PARTITION',
  UnknownGroup: 'UNKNOWN_GROUP',
  UnknownConsumer: 'UNKNOWN_CONSUMER',
  UnknownStream: 'UNKNOWN_STREAM',
  InvalidCommand: 'INVALID_COMMAND',
  NotAvailable: 'NOT_AVAILABLE',
  WrongExpectedVersion: 'WrongExpectedVersion',
  TaskLimitReached: 'TASK_LIMIT_REACHED',
  ShareLinkInvalid: 'SHARE_LINK_INVALID',
  ShareLinkTooNew: 'SHARE_LINK_TOO_NEW',
  SchemaInvalid: 'SCHEMA_INVALID',
  SchemaIncompatible: 'SCHEMA_INCOMPATIBLE',
  SchemaDatumUnreadable: 'SCHEMA_DATUM_UNREADABLE',
  UnknownSubject: 'UNKNOWN_SUBJECT',
  UnknownSchemaVersion: 'UNKNOWN_SCHEMA_VERSION',
  /** A bug in the simulator caught at its boundary: not the user's fault, to be reported. */
  Internal: 'INTERNAL_ERROR',
  /** A run stopped at one of its work or memory budgets (records, trace entries, tasks per command). */
  BudgetExceeded: 'BUDGET_EXCEEDED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error a user can cause and act on. `path` points into the input that was wrong, if any. */
export interface SimError {
  code: ErrorCode;
  message: string;
  path?: string;
}

/** Either a value or a SimError. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: SimError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, path?: string): Result<T> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}
