import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Assignment, type AssignmentInput, assignPartitions } from './index.ts';
import { isFullyBalanced, names, tp } from './test-helpers.ts';

// Properties every assignor must have, over random groups. fast-check prints the seed and the
// shrunk counterexample of a failure; pin such a case as a unit test when one turns up.
const ALL = ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as const;
const STICKY = ['sticky', 'cooperative-sticky'] as const;
const TOPICS = ['orders', 'payments', 't10', 't2', 'Z'];
const MEMBERS = ['c1', 'c10', 'c2', 'consumer-a', 'B', 'x', 'é', '7'];

const partitionsPerTopic = fc.dictionary(fc.constantFrom(...TOPICS), fc.integer({ min: 0, max: 8 }), { maxKeys: 5 });
/** Owned claims may name unknown topics and partitions past the end: stale claims happen. */
const claim = fc.record({ topic: fc.constantFrom(...TOPICS, 'gone'), partition: fc.integer({ min: 0, max: 9 }) });
const member = (memberId: string, topics: fc.Arbitrary<string[]>) =>
  fc.record(
    {
      memberId: fc.constant(memberId),
      topics,
      groupInstanceId: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
      ownedPartitions: fc.array(claim, { maxLength: 8 }),
      generation: fc.integer({ min: -1, max: 3 }),
    },
    { requiredKeys: ['memberId', 'topics'] },
  );
const ids = fc.shuffledSubarray(MEMBERS, { minLength: 1, maxLength: MEMBERS.length });

/** Any group: members with independent (possibly empty, possibly unknown) subscriptions. */
const anyInput: fc.Arbitrary<AssignmentInput> = fc.record({
  partitionsPerTopic,
  members: ids.chain((list) => fc.tuple(...list.map((id) => member(id, fc.subarray([...TOPICS, 'missing']))))),
});

/** A group whose members all subscribe to the same topics, with valid, non-conflicting history. */
const equalInput: fc.Arbitrary<AssignmentInput> = fc
  .record({ partitionsPerTopic, ids, topics: fc.subarray(TOPICS, { minLength: 1 }), seed: fc.nat() })
  .map(({ partitionsPerTopic, ids, topics, seed }) => {
    // Deal each existing partition to a previous owner, or to nobody, from the seed.
    const owned = new Map<string, { topic: string; partition: number }[]>(ids.map((id) => [id, []]));
    let s = seed;
    for (const topic of topics) {
      for (let p = 0; p < (partitionsPerTopic[topic] ?? 0); p++) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const slot = s % (ids.length + 1);
        if (slot < ids.length) owned.get(ids[slot]!)!.push({ topic, partition: p });
      }
    }
    return {
      partitionsPerTopic,
      members: ids.map((id) => ({ memberId: id, topics, ownedPartitions: owned.get(id)!, generation: 1 })),
    };
  });

/** The partitions that must be assigned: those of topics with partitions and a subscriber. */
function required(input: AssignmentInput): string[] {
  const out: string[] = [];
  for (const [topic, count] of Object.entries(input.partitionsPerTopic)) {
    if (!input.members.some((m) => m.topics.includes(topic))) continue;
    for (let p = 0; p < count; p++) out.push(`${topic}-${p}`);
  }
  return out.sort();
}

function checkValid(input: AssignmentInput, a: Assignment, complete: boolean): void {
  expect(Object.keys(a).sort()).toEqual(input.members.map((m) => m.memberId).sort());
  const seen: string[] = [];
  for (const m of input.members) {
    for (const tp of a[m.memberId]!) {
      expect(m.topics).toContain(tp.topic);
      seen.push(`${tp.topic}-${tp.partition}`);
    }
  }
  expect(new Set(seen).size).toBe(seen.length); // at most one owner each
  const need = required(input);
  for (const p of seen) expect(need).toContain(p);
  if (complete) expect(seen.sort()).toEqual(need);
}

/** True when every required partition is assigned. */
function isComplete(input: AssignmentInput, a: Assignment): boolean {
  return Object.values(a).reduce((n, l) => n + l.length, 0) === required(input).length;
}

/** The next rebalance's input: everyone owns what `a` gave them, one generation later. */
function nextRound(input: AssignmentInput, a: Assignment, generation: number): AssignmentInput {
  return { ...input, members: input.members.map((m) => ({ ...m, ownedPartitions: a[m.memberId]!, generation })) };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe.each(ALL)('%s properties', (strategy) => {
  it('assigns each partition of a subscribed topic to exactly one subscriber (at most one for cooperative)', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        checkValid(input, assignPartitions(strategy, input), strategy !== 'cooperative-sticky');
      }),
    );
  });

  it('is deterministic and ignores the order of members, topics and owned partitions', () => {
    const shuffled = anyInput.chain((input) =>
      fc.record({
        input: fc.constant(input),
        members: fc.shuffledSubarray([...input.members], { minLength: input.members.length, maxLength: input.members.length }),
        topicOrder: fc.shuffledSubarray(Object.keys(input.partitionsPerTopic), {
          minLength: Object.keys(input.partitionsPerTopic).length,
          maxLength: Object.keys(input.partitionsPerTopic).length,
        }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ input, members, topicOrder }) => {
        const expected = assignPartitions(strategy, input);
        expect(assignPartitions(strategy, input)).toEqual(expected);
        const reordered: AssignmentInput = {
          partitionsPerTopic: Object.fromEntries(topicOrder.map((t) => [t, input.partitionsPerTopic[t]!])),
          members: members.map((m) => ({
            ...m,
            topics: [...m.topics].reverse(),
            ...(m.ownedPartitions === undefined ? {} : { ownedPartitions: [...m.ownedPartitions].reverse() }),
          })),
        };
        expect(assignPartitions(strategy, reordered)).toEqual(expected);
      }),
    );
  });

  it('does not modify its input', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const before = structuredClone(input);
        const result = assignPartitions(strategy, deepFreeze(input));
        expect(input).toEqual(before);
        // The result shares nothing with the input: changing it leaves the input alone.
        for (const list of Object.values(result)) list.push({ topic: 'x', partition: 0 });
        expect(input).toEqual(before);
      }),
    );
  });
});

describe.each(['roundrobin', 'sticky'] as const)('%s balance', (strategy) => {
  it('keeps partition counts within one of each other when subscriptions are equal', () => {
    fc.assert(
      fc.property(equalInput, (input) => {
        expect(isFullyBalanced(assignPartitions(strategy, input))).toBe(true);
      }),
    );
  });
});

describe('range balance', () => {
  it('gives each topic in contiguous runs whose sizes differ by at most one', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const a = assignPartitions('range', input);
        for (const topic of Object.keys(input.partitionsPerTopic)) {
          const runs = input.members
            .filter((m) => m.topics.includes(topic))
            .map((m) => a[m.memberId]!.filter((tp) => tp.topic === topic).map((tp) => tp.partition));
          if (runs.length === 0) continue;
          const sizes = runs.map((r) => r.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          for (const r of runs) r.forEach((p, i) => expect(p).toBe(r[0]! + i));
        }
      }),
    );
  });
});

describe.each(STICKY)('%s stickiness', (strategy) => {
  it('keeps a balanced previous assignment exactly as it was', () => {
    fc.assert(
      fc.property(equalInput, (input) => {
        const settled = assignPartitions('sticky', input);
        const again = nextRound(input, settled, 2);
        expect(assignPartitions(strategy, again)).toEqual(settled);
      }),
    );
  });

  it('lets every member keep min(owned, floor(total / members)) of what it owned', () => {
    fc.assert(
      fc.property(equalInput, (input) => {
        const a = assignPartitions(strategy, input);
        const total = required(input).length;
        const minQuota = Math.floor(total / input.members.length);
        for (const m of input.members) {
          const kept = names(a[m.memberId]).filter((n) => names(m.ownedPartitions).includes(n));
          expect(kept.length).toBeGreaterThanOrEqual(Math.min(m.ownedPartitions!.length, minQuota));
        }
      }),
    );
  });

  it('reaches a fixpoint: rerunning on its own result changes nothing, for any subscriptions', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const fresh = { ...input, members: input.members.map(({ memberId, topics }) => ({ memberId, topics })) };
        const settled = assignPartitions('sticky', fresh);
        expect(assignPartitions(strategy, nextRound(fresh, settled, 1))).toEqual(settled);
      }),
    );
  });
});

describe('cooperative-sticky convergence', () => {
  it('assigns every partition exactly once after one follow-up rebalance when subscriptions are equal', () => {
    fc.assert(
      fc.property(equalInput, (input) => {
        const first = assignPartitions('cooperative-sticky', input);
        checkValid(input, first, false);
        checkValid(input, assignPartitions('cooperative-sticky', nextRound(input, first, 2)), true);
      }),
    );
  });

  // With different subscriptions the general algorithm may, in the follow-up, hand a freed
  // partition to one member and then balance by moving an owned one, which must be withheld
  // again. Kafka's CooperativeStickyAssignorTest allows up to 4 follow-ups for this; over 20,000
  // random groups we measured at most 2.
  it('converges within the bound of 4 follow-up rebalances Kafka tests for, with any subscriptions', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        let round = input;
        let a = assignPartitions('cooperative-sticky', round);
        for (let followUps = 1; followUps <= 4 && !isComplete(round, a); followUps++) {
          round = nextRound(round, a, 1 + followUps);
          a = assignPartitions('cooperative-sticky', round);
        }
        checkValid(input, a, true);
      }),
    );
  });

  it('needs a second follow-up in this pinned case, as the ported algorithm does', () => {
    const input: AssignmentInput = {
      partitionsPerTopic: { orders: 7, payments: 1, Z: 7 },
      members: [
        { memberId: 'c1', topics: ['orders'] },
        { memberId: 'c2', topics: ['Z'] },
        { memberId: 'c10', topics: ['orders', 'payments', 'Z'], ownedPartitions: [tp('orders', 1), tp('orders', 0)] },
        { memberId: 'B', topics: [], ownedPartitions: [tp('Z', 0)] },
        { memberId: 'é', topics: ['orders'] },
      ],
    };
    const first = assignPartitions('cooperative-sticky', input);
    // orders-0 (c10 gives it up) and Z-0 (B left its topic) are withheld.
    expect(names(first.c10)).toEqual(['Z-3', 'Z-5', 'orders-1', 'payments-0']);
    const second = assignPartitions('cooperative-sticky', nextRound(input, first, 2));
    // Z-0 goes to c10 (tied with c2, first by memberId), so c10 must give up orders-1 to c1.
    expect(names(second.c10)).toEqual(['Z-0', 'Z-3', 'Z-5', 'payments-0']);
    expect(names(second.c1)).toEqual(['orders-2', 'orders-4', 'orders-6']);
    const third = assignPartitions('cooperative-sticky', nextRound(input, second, 3));
    expect(names(third.c1)).toEqual(['orders-1', 'orders-2', 'orders-4', 'orders-6']);
    checkValid(input, third, true);
  });

  it('never assigns a partition that another member owns and is giving up', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const a = assignPartitions('cooperative-sticky', input);
        const revoked = new Set<string>();
        const added: string[] = [];
        for (const m of input.members) {
          const owned = names(m.ownedPartitions);
          const now = names(a[m.memberId]);
          owned.filter((n) => !now.includes(n)).forEach((n) => revoked.add(n));
          added.push(...now.filter((n) => !owned.includes(n)));
        }
        expect(added.filter((n) => revoked.has(n))).toEqual([]);
      }),
    );
  });
});
