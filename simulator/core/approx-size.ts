/**
 * A quick estimate of how many bytes a plain-data state holds, for the timeline's checkpoint byte
 * budget (issue #12: 48 checkpoints of a busy cluster's state held 700–800 MB in a played tab).
 *
 * Exact measurement (serialising the state) costs as much as the state is big — tens of
 * milliseconds per checkpoint for a busy cluster, a visible stutter. This walks the structure but
 * samples long arrays: an array of more than `SAMPLE` elements is measured on `SAMPLE` elements
 * spread over it and scaled by its length, so the cost grows with the state's shape, not its
 * size. Records, trace entries and log segments are arrays of like-shaped items, so the estimate
 * stays within a small factor of the truth (the test holds it to V8's own serialised size).
 */

const SAMPLE = 16;
const DEPTH_MAX = 24;

/** Rough per-value costs in bytes (V8 heap, 64-bit, pointer compression). */
const COST = { slot: 8, header: 24, string: 16 } as const;

export function approxBytes(value: unknown): number {
  return sizeOf(value, 0, new Set());
}

function sizeOf(value: unknown, depth: number, seen: Set<object>): number {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'undefined':
    case 'bigint':
      return COST.slot;
    case 'string':
      return COST.string + value.length;
    case 'object':
      break;
    default:
      return COST.slot;
  }
  if (value === null) return COST.slot;
  if (depth > DEPTH_MAX || seen.has(value)) return COST.slot;
  if (ArrayBuffer.isView(value)) return COST.header + value.byteLength;
  seen.add(value);
  let bytes = COST.header;
  if (Array.isArray(value)) {
    const n = value.length;
    if (n <= SAMPLE) {
      for (const item of value) bytes += COST.slot + sizeOf(item, depth + 1, seen);
    } else {
      let sampled = 0;
      for (let i = 0; i < SAMPLE; i++) sampled += sizeOf(value[Math.floor((i * n) / SAMPLE)], depth + 1, seen);
      bytes += n * COST.slot + Math.round((sampled / SAMPLE) * n);
    }
  } else if (value instanceof Map) {
    for (const [k, v] of value) bytes += 2 * COST.slot + sizeOf(k, depth + 1, seen) + sizeOf(v, depth + 1, seen);
  } else if (value instanceof Set) {
    for (const v of value) bytes += COST.slot + sizeOf(v, depth + 1, seen);
  } else {
    const keys = Object.keys(value);
    if (keys.length > SAMPLE * 4) {
      // A large dictionary (ids per prefix, links): sample its values the same way.
      let sampled = 0;
      for (let i = 0; i < SAMPLE; i++) {
        const k = keys[Math.floor((i * keys.length) / SAMPLE)]!;
        sampled += COST.string + k.length + sizeOf((value as Record<string, unknown>)[k], depth + 1, seen);
      }
      bytes += keys.length * COST.slot + Math.round((sampled / SAMPLE) * keys.length);
    } else {
      for (const k of keys) bytes += COST.slot + sizeOf((value as Record<string, unknown>)[k], depth + 1, seen);
    }
  }
  seen.delete(value);
  return bytes;
}
