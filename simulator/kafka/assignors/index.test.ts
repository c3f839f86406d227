import { describe, expect, it } from 'vitest';
import { type AssignorMember, assignPartitions } from './index.ts';
import { names } from './test-helpers.ts';

const ALL = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;

describe('assignPartitions input checks', () => {
  it('returns {} for a group without members', () => {
    for (const s of ALL) expect(assignPartitions(s, { partitionsPerTopic: { t: 3 }, members: [] })).toEqual({});
  });

  it.each([-1, 1.5, Number.NaN])('throws a RangeError for partition count %s', (n) => {
    expect(() =>
      assignPartitions('range', { partitionsPerTopic: { t: n }, members: [{ memberId: 'a', topics: ['t'] }] }),
    ).toThrow(RangeError);
  });

  it('throws a RangeError for a duplicated memberId or an unknown strategy', () => {
    const twice: AssignorMember[] = [
      { memberId: 'a', topics: ['t'] },
      { memberId: 'a', topics: ['t'] },
    ];
    expect(() => assignPartitions('sticky', { partitionsPerTopic: { t: 1 }, members: twice })).toThrow(/appears twice/);
    expect(() => assignPartitions('fair' as never, { partitionsPerTopic: {}, members: [] })).toThrow(/unknown strategy/);
  });

  it('keeps a memberId such as "__proto__" as an ordinary key', () => {
    const a = assignPartitions('range', { partitionsPerTopic: { t: 1 }, members: [{ memberId: '__proto__', topics: ['t'] }] });
    expect(Object.keys(a)).toEqual(['__proto__']);
    expect(names(Object.getOwnPropertyDescriptor(a, '__proto__')!.value)).toEqual(['t-0']);
  });
});
