/**
 * Members ordered by how many partitions they hold, least loaded first.
 *
 * Stands in for the TreeSet<String> with Kafka's SubscriptionComparator that the general sticky
 * algorithm keeps (AbstractStickyAssignor.sortedCurrentSubscriptions in apache/kafka): order by
 * current assignment size, ties by memberId as Java strings compare. Like the TreeSet it relies on
 * the caller to take a member out before changing its assignment and put it back afterwards, so
 * the order is always by up-to-date sizes. A sorted array with binary search is plenty: its
 * splices are memory moves, cheap next to the rest of a rebalance even for thousands of members.
 */

import { compareStrings } from './group.ts';

/** A sorted set of memberIds keyed by current load. */
export class LoadOrder {
  private readonly ids: string[] = [];

  /** @param sizeOf current number of partitions a member holds */
  constructor(private readonly sizeOf: (memberId: string) => number) {}

  private compare(a: string, b: string): number {
    return this.sizeOf(a) - this.sizeOf(b) || compareStrings(a, b);
  }

  /** Index of the first member not ordered before `memberId` (by current sizes). */
  private lowerBound(memberId: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(this.ids[mid]!, memberId) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(memberId: string): void {
    const i = this.lowerBound(memberId);
    if (this.ids[i] !== memberId) this.ids.splice(i, 0, memberId);
  }

  remove(memberId: string): void {
    // Found by binary search when the caller kept the contract; a linear search otherwise.
    let i = this.lowerBound(memberId);
    if (this.ids[i] !== memberId) i = this.ids.indexOf(memberId);
    if (i >= 0) this.ids.splice(i, 1);
  }

  /** Least loaded member. */
  first(): string | undefined {
    return this.ids[0];
  }

  /** Most loaded member. */
  last(): string | undefined {
    return this.ids[this.ids.length - 1];
  }

  /** Members from least to most loaded; do not add or remove while iterating. */
  values(): readonly string[] {
    return this.ids;
  }
}
