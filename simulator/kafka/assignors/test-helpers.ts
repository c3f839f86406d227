/**
 * Shared test scaffolding for the assignor tests (not part of the public surface).
 *
 * `GroupHarness` mirrors the mutable fixture of Kafka's AbstractStickyAssignorTest: a map of
 * partition counts and a map of subscriptions that a test edits between rebalances, so the ported
 * tests read step for step like the Java ones. The checks port Kafka's verifyValidityAndBalance,
 * isFullyBalanced and (for the cooperative assignor) its follow-up-rebalance loop.
 */

import { expect } from 'vitest';
import { buildGroup } from './group.ts';
import { assignPartitions } from './index.ts';
import { computeSticky } from './sticky.ts';
import type { Assignment, AssignorMember, AssignorStrategy, TopicPartition } from './types.ts';

/** A TopicPartition literal. */
export function tp(topic: string, partition: number): TopicPartition {
  return { topic, partition };
}

/** "topic-partition" names, in the given order, for compact expectations. */
export function names(partitions: readonly TopicPartition[] | undefined): string[] {
  return (partitions ?? []).map((p) => `${p.topic}-${p.partition}`);
}

/** Sorts "topic-partition" names by topic, then partition number (the order results come in). */
export function sortNames(list: readonly string[]): string[] {
  const split = (n: string): [string, number] => [n.slice(0, n.lastIndexOf('-')), Number(n.slice(n.lastIndexOf('-') + 1))];
  return [...list].sort((a, b) => {
    const [ta, pa] = split(a);
    const [tb, pb] = split(b);
    return ta < tb ? -1 : ta > tb ? 1 : pa - pb;
  });
}

/** Parses Kafka-test style "t1-0, t1-3" into TopicPartitions. */
export function parse(list: string): TopicPartition[] {
  if (list.trim() === '') return [];
  return list.split(', ').map((n) => tp(n.slice(0, n.lastIndexOf('-')), Number(n.slice(n.lastIndexOf('-') + 1))));
}

/** Kafka's isFullyBalanced: partition counts differ by at most one. */
export function isFullyBalanced(assignment: Assignment): boolean {
  const sizes = Object.values(assignment).map((l) => l.length);
  return sizes.length === 0 || Math.max(...sizes) - Math.min(...sizes) <= 1;
}

/** Mutable group fixture: edit `partitionsPerTopic` and `subscriptions`, then call assign(). */
export class GroupHarness {
  partitionsPerTopic: Record<string, number> = {};
  readonly subscriptions = new Map<string, AssignorMember>();

  constructor(readonly strategy: AssignorStrategy) {}

  /** Kafka's subscription(topics) / buildSubscriptionV2Above(topics, owned, generation). */
  subscribe(memberId: string, topics: string[], owned?: TopicPartition[], generation?: number): void {
    this.subscriptions.set(memberId, {
      memberId,
      topics,
      ...(owned === undefined ? {} : { ownedPartitions: owned }),
      ...(generation === undefined ? {} : { generation }),
    });
  }

  input(): { partitionsPerTopic: Record<string, number>; members: AssignorMember[] } {
    return { partitionsPerTopic: { ...this.partitionsPerTopic }, members: [...this.subscriptions.values()] };
  }

  private lastInput = this.input();

  assign(): Assignment {
    this.lastInput = this.input();
    return assignPartitions(this.strategy, this.lastInput);
  }

  /**
   * Kafka's assignor.isSticky() after the last assign(): judged on the sticky computation of that
   * call (before the cooperative assignor withholds anything) against the owned partitions it saw.
   */
  isSticky(): boolean {
    const before: Assignment = Object.fromEntries(
      this.lastInput.members.map((m) => [m.memberId, [...(m.ownedPartitions ?? [])]]),
    );
    const after: Assignment = Object.fromEntries(computeSticky(buildGroup(this.lastInput)).assignment);
    return isSticky(before, after);
  }

  /** Kafka's assignor.partitionsTransferringOwnership after a sticky run: "t-p" → member, or null. */
  transferring(): Record<string, string> | null {
    const t = computeSticky(buildGroup(this.input())).transferring;
    return t === null ? null : Object.fromEntries([...t].map(([p, m]) => [`${p.topic}-${p.partition}`, m]));
  }

  /**
   * Kafka's verifyValidityAndBalance. For 'cooperative-sticky' it first runs follow-up rebalances
   * (as CooperativeStickyAssignorTest's override does) while partitions are being revoked,
   * updating the subscriptions with generation 1, and returns the final assignment.
   */
  verifyValidityAndBalance(assignment: Assignment): Assignment {
    let current = assignment;
    if (this.strategy === 'cooperative-sticky') {
      let rebalances = 0;
      while (this.revokesSomething(current)) {
        for (const [memberId, partitions] of Object.entries(current)) {
          this.subscribe(memberId, [...this.subscriptions.get(memberId)!.topics], partitions, 1);
        }
        current = this.assign();
        expect(++rebalances).toBeLessThanOrEqual(4);
      }
    }
    verifyValidity(this.subscriptions, current);
    return current;
  }

  /** CooperativeStickyAssignorTest.verifyCooperativeValidity: true if anything is revoked. */
  private revokesSomething(assignment: Assignment): boolean {
    const added = new Set<string>();
    const revoked = new Set<string>();
    for (const [memberId, partitions] of Object.entries(assignment)) {
      const owned = names(this.subscriptions.get(memberId)!.ownedPartitions ?? []);
      const assigned = names(partitions);
      for (const p of assigned) if (!owned.includes(p)) added.add(p);
      for (const p of owned) if (!assigned.includes(p)) revoked.add(p);
    }
    const both = [...added].filter((p) => revoked.has(p));
    expect(both, 'partitions assigned in the same rebalance they are revoked').toEqual([]);
    return revoked.size > 0;
  }
}

/**
 * AbstractStickyAssignorTest.verifyValidityAndBalance: each partition goes to a subscriber of its
 * topic, to at most one member, and two members whose counts differ by 2+ share no topic.
 */
export function verifyValidity(subscriptions: ReadonlyMap<string, AssignorMember>, assignment: Assignment): void {
  const consumers = Object.keys(assignment).sort();
  expect(consumers).toEqual([...subscriptions.keys()].sort());
  const owner = new Map<string, string>();
  const topicsOf = new Map<string, Set<string>>();
  for (const c of consumers) {
    const subscribed = subscriptions.get(c)!.topics;
    for (const p of assignment[c]!) {
      const name = `${p.topic}-${p.partition}`;
      expect(subscribed, `${name} assigned to ${c}`).toContain(p.topic);
      expect(owner.get(name), `${name} assigned twice`).toBeUndefined();
      owner.set(name, c);
    }
    topicsOf.set(c, new Set(assignment[c]!.map((p) => p.topic)));
  }
  // Members whose counts differ by 2+ must hold partitions of no common topic (else one could move).
  for (let i = 0; i < consumers.length; i++) {
    for (let j = i + 1; j < consumers.length; j++) {
      const [a, b] = [consumers[i]!, consumers[j]!];
      if (Math.abs(assignment[a]!.length - assignment[b]!.length) <= 1) continue;
      for (const topic of topicsOf.get(a)!) {
        expect(topicsOf.get(b)!.has(topic), `${topic} could move between ${a} and ${b}`).toBe(false);
      }
    }
  }
}

/**
 * Stickiness as Kafka's PartitionMovements.isSticky judges it: across one rebalance, no topic has
 * partitions moving both from A to B and from B to A.
 */
export function isSticky(before: Assignment, after: Assignment): boolean {
  const ownerBefore = new Map<string, string>();
  for (const [m, ps] of Object.entries(before)) for (const p of names(ps)) ownerBefore.set(p, m);
  const moves = new Set<string>();
  for (const [m, ps] of Object.entries(after)) {
    for (const p of ps) {
      const from = ownerBefore.get(`${p.topic}-${p.partition}`);
      if (from !== undefined && from !== m) moves.add(JSON.stringify([p.topic, from, m]));
    }
  }
  for (const move of moves) {
    const [topic, from, to] = JSON.parse(move) as [string, string, string];
    if (moves.has(JSON.stringify([topic, to, from]))) return false;
  }
  return true;
}
