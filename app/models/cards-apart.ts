/**
 * Test support: which cards of a topology are laid over one another, with each card's size as the
 * browser draws it (workbench.css, measured in Chromium at zoom 1): 180 px wide (a service 210, a
 * consumer 224) and 86 px high at most, except a card with chips (a consumer's partitions), which
 * is about 53 px and 22 px per row of chips. Shared by the Kafka lesson check and every model's
 * scenarios (drawn-nodes.test.ts), so both hold cards to the same sizes.
 */
import type { TopologyNode } from '../workbench/topology.ts';

interface Face {
  id: string;
  chips?: readonly { label: string }[];
}

const widthOf: Partial<Record<string, number>> = { service: 210, consumer: 224 };

/** Rows of chips on a card: each its 12-px mono label and mark (7.3 px a character) and 15 px of padding and border, on a 203-px line. */
function chipRows(labels: readonly string[]): number {
  if (labels.length === 0) return 0;
  const widest = Math.max(...labels.map((l) => 7.3 * (l.length + 1) + 15));
  return Math.ceil(labels.length / Math.max(1, Math.floor(206 / (widest + 3))));
}

/** "a and b" for each pair of cards that overlap, given what each card shows (its chips). */
export function cardsOverlapping(nodes: readonly TopologyNode[], faces: readonly Face[] = []): string[] {
  const chips = new Map(faces.map((f) => [f.id, (f.chips ?? []).map((c) => c.label)]));
  const box = (n: TopologyNode) => {
    const rows = chipRows(chips.get(n.id) ?? []);
    return { x: n.position.x, y: n.position.y, w: widthOf[n.shape] ?? 180, h: rows > 0 ? 53 + 22 * rows : 86 };
  };
  const out: string[] = [];
  for (const [i, a] of nodes.entries())
    for (const b of nodes.slice(i + 1)) {
      const [p, q] = [box(a), box(b)];
      const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
      if (!apart) out.push(`${a.id} and ${b.id}`);
    }
  return out;
}
