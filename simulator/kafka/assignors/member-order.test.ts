import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareMembers, type MemberIdentity } from './member-order.ts';

const sorted = (list: MemberIdentity[]) => [...list].sort(compareMembers).map((x) => x.memberId);

// Ported from apache/kafka
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractPartitionAssignorTest.java.
describe('MemberInfo order (ported from AbstractPartitionAssignorTest)', () => {
  it('testMemberInfoSortingWithoutGroupInstanceId', () => {
    expect(sorted([{ memberId: 'a' }, { memberId: 'b' }, { memberId: 'c' }])).toEqual(['a', 'b', 'c']);
  });

  it('testMemberInfoSortingWithAllGroupInstanceId', () => {
    const list = [
      { memberId: 'a', groupInstanceId: 'y' },
      { memberId: 'b', groupInstanceId: 'z' },
      { memberId: 'c', groupInstanceId: 'x' },
    ];
    expect(sorted(list)).toEqual(['c', 'a', 'b']);
  });

  it('testMemberInfoSortingSomeGroupInstanceId', () => {
    const list = [{ memberId: 'a' }, { memberId: 'b', groupInstanceId: 'y' }, { memberId: 'c', groupInstanceId: 'x' }];
    expect(sorted(list)).toEqual(['c', 'b', 'a']);
  });

  // Kafka's testMergeSortManyMemberInfo shuffles 100 members (3-digit ids, a random half static)
  // with java.util.Random; here fast-check picks which are static and the shuffle.
  it('testMergeSortManyMemberInfo: static members first, then dynamic, each in id order', () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i + 100));
    const arb = fc.tuple(
      fc.array(fc.boolean(), { minLength: 100, maxLength: 100 }),
      fc.shuffledSubarray(ids, { minLength: 100, maxLength: 100 }),
    );
    fc.assert(
      fc.property(arb, ([isStatic, shuffledIds]) => {
        const members = new Map<string, MemberIdentity>(
          ids.map((id, i) => [id, isStatic[i] ? { memberId: id, groupInstanceId: id } : { memberId: id }]),
        );
        const expected = [...ids.filter((_, i) => isStatic[i]), ...ids.filter((_, i) => !isStatic[i])];
        expect(sorted(shuffledIds.map((id) => members.get(id)!))).toEqual(expected);
      }),
    );
  });

  it('compares like Java String.compareTo (UTF-16 code units), not by locale or number', () => {
    expect(sorted([{ memberId: 'c2' }, { memberId: 'c10' }, { memberId: 'C3' }, { memberId: 'ä' }])).toEqual([
      'C3',
      'c10',
      'c2',
      'ä',
    ]);
  });
});
