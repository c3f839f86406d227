/**
 * Chart samples are keyed by the learner's names (group ids, topics): a group named `__proto__`
 * or `constructor` must be charted like any other (issue #12, case 5), not lost or turned into a
 * prototype change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkbenchView } from '../../../workbench/view.ts';
import { sampleOf, seriesOf } from './chart-history.ts';

const POISON = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function viewWith(group: string, lag: number | null, counter: string): WorkbenchView {
  return {
    nowMs: 100,
    counters: [{ label: counter, value: 7 }],
    model: { groups: [{ id: group, lag }], partitions: [{ id: `${group}-0`, pointers: [{ label: group, lag }] }] },
  } as unknown as WorkbenchView;
}

describe('chart samples with hostile names', () => {
  it('keeps every name as an own entry with its value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POISON), fc.option(fc.nat(1000)), fc.constantFrom(...POISON), (name, lag, counter) => {
        const s = sampleOf(viewWith(name, lag, counter), 3);
        expect(Object.keys(s.groups)).toEqual([name]);
        expect(Object.getOwnPropertyDescriptor(s.groups, name)?.value).toBe(lag);
        expect(Object.getOwnPropertyDescriptor(s.counters, counter)?.value).toBe(7);
        expect(Object.getPrototypeOf(s.groups)).toBe(Object.prototype);
        const series = seriesOf([s, structuredClone(s)], 'groups');
        expect([...series.keys()]).toEqual(lag === null ? [] : [name]);
      }),
    );
  });
});
