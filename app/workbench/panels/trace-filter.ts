/**
 * Filtering the trace log, as pure functions so they are tested in Node and cheap enough to run on
 * every store change: one pass over at most a few thousand entries, no allocation per entry
 * beyond the result. The filter itself is plain data, so a page can keep it in a URL or a store.
 */
import type { TraceEntryView } from '../view.ts';

export interface TraceFilter {
  /** Only entries touching this node id ('' for any). */
  node: string;
  /** Only entries of this type ('' for any). */
  type: string;
  /** Case-insensitive substring of the correlation id ('' for any). */
  correlationId: string;
  /** Case-insensitive words that must all appear in the text, type, nodes or correlation id. */
  search: string;
}

export const emptyTraceFilter: TraceFilter = Object.freeze({ node: '', type: '', correlationId: '', search: '' });

export function isFilterActive(f: TraceFilter): boolean {
  return f.node !== '' || f.type !== '' || f.correlationId.trim() !== '' || f.search.trim() !== '';
}

/** Search words, lower-cased; quotes are not special because keys rarely contain spaces. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean);
}

function haystack(h: TraceEntryView): string {
  return `${h.text}\n${h.type}\n${h.nodes.join('\n')}\n${h.correlationId ?? ''}\n${h.from ?? ''}\n${h.to ?? ''}`.toLowerCase();
}

/** Whether one entry passes the filter. */
export function matchesFilter(h: TraceEntryView, f: TraceFilter, terms = searchTerms(f.search)): boolean {
  if (f.node !== '' && !(h.nodes as readonly string[]).includes(f.node) && h.from !== f.node && h.to !== f.node) return false;
  if (f.type !== '' && h.type !== f.type) return false;
  const corr = f.correlationId.trim().toLowerCase();
  if (corr !== '' && !(h.correlationId ?? '').toLowerCase().includes(corr)) return false;
  if (terms.length > 0) {
    const text = haystack(h);
    for (const t of terms) if (!text.includes(t)) return false;
  }
  return true;
}

/** The entries that pass the filter, in their original order (oldest first). */
export function filterEntries(entries: readonly TraceEntryView[], f: TraceFilter): readonly TraceEntryView[] {
  if (!isFilterActive(f)) return entries;
  const terms = searchTerms(f.search);
  return entries.filter((h) => matchesFilter(h, f, terms));
}

export interface TraceFacets {
  nodes: string[];
  types: string[];
  correlationIds: string[];
}

/** The distinct nodes, types and correlation ids present, sorted, for the filter's pickers. */
export function traceFacets(entries: readonly TraceEntryView[]): TraceFacets {
  const nodes = new Set<string>();
  const types = new Set<string>();
  const corr = new Set<string>();
  for (const h of entries) {
    for (const n of h.nodes) nodes.add(n);
    if (h.from) nodes.add(h.from);
    if (h.to) nodes.add(h.to);
    types.add(h.type);
    if (h.correlationId) corr.add(h.correlationId);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { nodes: sorted(nodes), types: sorted(types), correlationIds: sorted(corr) };
}

/** The newest `limit` of the matches, and how many earlier ones are hidden. */
export function newestWindow<T>(items: readonly T[], limit: number): { shown: readonly T[]; hidden: number } {
  const n = Math.max(0, Math.floor(limit));
  if (items.length <= n) return { shown: items, hidden: 0 };
  return { shown: items.slice(items.length - n), hidden: items.length - n };
}
