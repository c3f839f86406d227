/** The inspector's words for what the streams panel selects: one event of a stream (or of `$all`). */
import { fact, missing, type Inspection, type InspectTarget } from '../../workbench/panels/inspect.ts';
import { formatCount, plural } from '../../workbench/panels/labels.ts';
import type { WorkbenchView } from '../../workbench/view.ts';
import type { BankPanelsView } from './bank-view-types.ts';

export const streamTarget = {
  event: (stream: string, revision: number): InspectTarget => ({ kind: 'model', what: 'event', id: stream, at: revision }),
};

const money = (cents: number): string => (cents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });

export function inspectBank(view: WorkbenchView, target: InspectTarget): Inspection | undefined {
  if (target.kind !== 'model' || target.what !== 'event') return undefined;
  const { streams, all } = (view.model as BankPanelsView | undefined) ?? { streams: [], all: null };
  const s = [...streams, ...(all ? [all] : [])].find((x) => x.id === target.id);
  const cell = s?.cells.find((c) => c.revision === target.at);
  const unit = target.id === '$all' ? 'position' : 'revision';
  const title = `${target.id} ${unit} ${formatCount(target.at ?? -1)}`;
  if (!s || !cell) return missing(title, `Event ${title}`);
  const facts = [
    fact('Stream', s.id),
    fact(unit === 'position' ? 'Position in $all' : 'Revision', formatCount(cell.revision)),
    fact('Event type', cell.type),
    fact('Amount', cell.amountCents === null ? 'none' : money(cell.amountCents)),
    fact('After it', plural(s.count - 1 - cell.revision, 'event')),
    ...s.markers.map((m) => fact(m.label, m.after >= cell.revision ? 'has folded it in' : 'has not folded it in yet')),
  ];
  return { found: true, kind: 'Event', title, facts, raw: { stream: s.id, ...cell } };
}
