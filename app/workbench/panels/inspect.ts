/**
 * What the inspector says about a selected thing, in plain language, as pure data: a title, a list
 * of term/detail pairs for a definition list, and the raw item for "Show raw JSON". It only looks
 * things up in the view and words them; when the item is gone (the learner stepped back before it
 * existed) it says so instead of showing stale data.
 */
import type { HappeningView, WorkbenchView } from '../adapter.ts';
import { formatCount, formatMs, groupHeading, lagText, ownsText, plural, statusBadge } from './labels.ts';
import { isAboveHighWatermark } from './strip-geometry.ts';

/** Something a learner can select for the inspector. */
export type InspectTarget =
  | { kind: 'node'; id: string }
  | { kind: 'partition'; id: string }
  | { kind: 'record'; partitionId: string; offset: number }
  | { kind: 'group'; id: string }
  | { kind: 'happening'; id: number };

export interface Fact {
  term: string;
  detail: string;
}

export type Inspection =
  { found: true; kind: string; title: string; facts: Fact[]; raw: unknown } | { found: false; title: string; message: string };

/** Whether two targets name the same thing (for "selected" highlights). */
export function sameTarget(a: InspectTarget | null | undefined, b: InspectTarget | null | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'record' && b.kind === 'record') return a.partitionId === b.partitionId && a.offset === b.offset;
  return (a as { id: unknown }).id === (b as { id: unknown }).id;
}

const fact = (term: string, detail: string): Fact => ({ term, detail });
const missing = (title: string, what: string): Inspection => ({
  found: false,
  title,
  message: `${what} does not exist at this point in the run. Step forward, or pick something else.`,
});

function recentFor(view: WorkbenchView, nodeId: string): HappeningView[] {
  return view.happenings.filter((h) => h.nodes.includes(nodeId) || h.from === nodeId || h.to === nodeId);
}

/** Describes the target as it is in this view. */
export function inspect(view: WorkbenchView, target: InspectTarget): Inspection {
  switch (target.kind) {
    case 'node': {
      const node = view.nodes.find((n) => n.id === target.id);
      if (!node) return missing(target.id, `Node ${target.id}`);
      const badge = statusBadge(node.status);
      const recent = recentFor(view, node.id);
      const memberships = view.groups.flatMap((g) =>
        g.members.filter((m) => m.consumer === node.id).map((m) => `${g.id} (${ownsText(m.partitions)})`),
      );
      const facts = [fact('Status', badge.word)];
      if (node.detail) facts.push(fact('Now', node.detail));
      if (memberships.length > 0) facts.push(fact('Member of', memberships.join('; ')));
      facts.push(fact('Recent happenings', plural(recent.length, 'happening')));
      const last = recent.at(-1);
      if (last) facts.push(fact('Last', `${last.text} (at ${formatMs(last.atMs)})`));
      return { found: true, kind: 'Node', title: node.id, facts, raw: node };
    }
    case 'partition': {
      const p = view.partitions.find((x) => x.id === target.id);
      if (!p) return missing(target.id, `Partition ${target.id}`);
      const facts = [
        fact('Topic', `${p.topic}, partition ${p.partition}`),
        fact('Leader', p.leader ?? 'none (the partition is offline)'),
        fact('In-sync replicas', p.isr.length > 0 ? p.isr.join(', ') : 'none'),
        fact('Log start offset', `${formatCount(p.logStartOffset)} — the oldest record still kept`),
        fact('High watermark', `${formatCount(p.highWatermark)} — consumers can read records below this`),
        fact('Log-end offset', `${formatCount(p.logEndOffset)} — the next record will get this offset`),
        fact('Not yet replicated', plural(Math.max(0, p.logEndOffset - p.highWatermark), 'record')),
        ...p.pointers.map((ptr) =>
          fact(
            `Group ${ptr.label}`,
            ptr.offset === null
              ? 'no committed offset yet; lag unknown'
              : `committed ${formatCount(ptr.offset)}; ${lagText(ptr.lag)}`,
          ),
        ),
      ];
      return { found: true, kind: 'Partition', title: p.id, facts, raw: p };
    }
    case 'record': {
      const p = view.partitions.find((x) => x.id === target.partitionId);
      const cell = p?.cells.find((c) => c.offset === target.offset);
      const title = `${target.partitionId} offset ${formatCount(target.offset)}`;
      if (!p || !cell) return missing(title, `Record ${title}`);
      const above = isAboveHighWatermark(p, cell.offset);
      const facts = [
        fact('Partition', p.id),
        fact('Offset', formatCount(cell.offset)),
        fact('Key', cell.key ?? 'no key'),
        fact(
          'Replication',
          above
            ? 'on the leader only, at or above the high watermark — consumers cannot read it yet'
            : 'on every in-sync replica, below the high watermark — consumers can read it',
        ),
        ...p.pointers.map((ptr) =>
          fact(
            `Group ${ptr.label}`,
            ptr.offset !== null && ptr.offset > cell.offset ? 'has committed past it' : 'has not committed past it yet',
          ),
        ),
      ];
      return { found: true, kind: 'Record', title, facts, raw: { partition: p.id, ...cell } };
    }
    case 'group': {
      const g = view.groups.find((x) => x.id === target.id);
      if (!g) return missing(target.id, `Group ${target.id}`);
      const facts = [
        fact('Phase', groupHeading(g)),
        fact('Lag', lagText(g.lag)),
        fact('Members', g.members.length === 0 ? 'none' : plural(g.members.length, 'consumer')),
        ...g.members.map((m) => fact(m.consumer, `${statusBadge(m.status).word}; ${ownsText(m.partitions)}`)),
      ];
      return { found: true, kind: 'Consumer group', title: g.id, facts, raw: g };
    }
    case 'happening': {
      const h = view.happenings.find((x) => x.id === target.id);
      if (!h) return missing(`Happening #${target.id}`, `Happening #${target.id}`);
      const facts = [fact('What', h.text), fact('When', `at ${formatMs(h.atMs)} of virtual time`), fact('Kind', h.type)];
      if (h.nodes.length > 0) facts.push(fact('Involves', h.nodes.join(', ')));
      if (h.from || h.to) facts.push(fact('From → to', `${h.from ?? '?'} → ${h.to ?? '?'}`));
      if (h.correlationId) facts.push(fact('Correlation id', h.correlationId));
      return { found: true, kind: 'Happening', title: `#${h.id} ${h.type}`, facts, raw: h };
    }
  }
}

/** Raw JSON for the disclosure; never throws (a cycle or a BigInt would show a note instead). */
export function rawJson(raw: unknown): string {
  try {
    return JSON.stringify(raw, null, 2) ?? 'undefined';
  } catch (e) {
    return `Could not show this item as JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
}
