/**
 * The check on a `produce` command's free-form value.
 *
 * The contract types it as `unknown` because a record's value is the learner's own JSON. Untrusted
 * input (a share link) could still carry something that is not JSON, or JSON nested so deep or
 * so large that cloning or drawing it would hurt; this walk rejects both, without recursion so
 * that no input can overflow the stack.
 */
import { SCENARIO_LIMITS as L } from './limits.ts';

/**
 * Why `v` is not an acceptable command value (any JSON value, at most `valueDepthMax` deep and
 * `valueNodesMax` entries), or undefined when it is. Iterative, so deep input cannot overflow.
 */
export function jsonValueProblem(v: unknown): string | undefined {
  const stack: Array<{ v: unknown; depth: number }> = [{ v, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v: x, depth } = stack.pop()!;
    if (++nodes > L.valueNodesMax) return `a value may have at most ${L.valueNodesMax} entries (the simulator's limit)`;
    if (x === null || typeof x === 'boolean') continue;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) return 'a value may contain only finite numbers';
      continue;
    }
    if (typeof x === 'string') {
      if (x.length > L.payloadStringLengthMax) return `a text in a value may have at most ${L.payloadStringLengthMax} characters`;
      continue;
    }
    if (typeof x !== 'object') return `a value must be JSON (text, numbers, true/false, null, lists, objects), got a ${typeof x}`;
    if (depth >= L.valueDepthMax) return `a value may be nested at most ${L.valueDepthMax} levels deep`;
    if (Array.isArray(x)) {
      if (x.length > L.valueNodesMax) return `a value may have at most ${L.valueNodesMax} entries (the simulator's limit)`;
      for (const item of x) stack.push({ v: item, depth: depth + 1 });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) return 'a value must be JSON: plain objects only';
    const keys = Object.keys(x);
    if (keys.length > L.valueNodesMax) return `a value may have at most ${L.valueNodesMax} entries (the simulator's limit)`;
    for (const key of keys) stack.push({ v: (x as Record<string, unknown>)[key], depth: depth + 1 });
  }
  return undefined;
}
