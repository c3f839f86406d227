/**
 * The observability views of the choreography over Kafka, as plain data the panels draw: which
 * event the causation tree starts from, the tree as an indented list and as a sequence diagram, the
 * event catalog and each group's lag. Pure; the trees, catalog and lag are the simulator's
 * (`eventCausationTree`, `eventCatalog`, `serviceHealth`), this only words and orders them.
 */
import {
  causationPath,
  deadLetterDepth,
  eventCatalog,
  flattenTree,
  observedEvents,
  serviceHealth,
  causationTree,
  type CatalogRow,
  type CausationNode,
  type KafkaChoreographyWorld,
  type ObservedEvent,
  type ServiceHealth,
} from '../../../simulator/index.ts';
import type { SequenceMessage } from '../../diagram/sequence-text.ts';

/** What the observability panels read from the view's `model` slot. */
export interface ObserveView {
  events: ObservedEvent[];
  catalog: CatalogRow[];
  health: ServiceHealth[];
  /** Records on the dead-letter topic. */
  deadLetters: number;
}

export function observeView(w: KafkaChoreographyWorld): ObserveView {
  return { events: observedEvents(w), catalog: eventCatalog(w), health: serviceHealth(w), deadLetters: deadLetterDepth(w) };
}

/** How an event is named in pickers and lists: `rec-7 ShippingFailed · order-3`. */
export function eventLabel(e: ObservedEvent): string {
  return `${e.id} ${e.name} · ${e.correlationId}`;
}

/**
 * The event the tree shows: the one picked if it still exists (stepping back can remove it), else
 * the newest flow's first event, so the panel opens on the order that just ran.
 */
export function pickedEvent(events: readonly ObservedEvent[], picked: string | null): ObservedEvent | undefined {
  const found = picked === null ? undefined : events.find((e) => e.id === picked);
  return found ?? events.findLast((e) => e.causationId === undefined);
}

export function treeOf(events: readonly ObservedEvent[], id: string): CausationNode<ObservedEvent> | undefined {
  return causationTree(events, id);
}

/** The picked event's causes, from its flow's first event (its own cause chain, itself excluded). */
export function causesOf(events: readonly ObservedEvent[], id: string): ObservedEvent[] {
  return causationPath(events, id).slice(0, -1);
}

const participant = (who: string): string => (who === 'customer' ? 'customer' : `${who} service`);

/** What a service did with an event, in words. */
export function handledWords(h: ObservedEvent['handledBy'][number]): string {
  switch (h.outcome) {
    case 'committed':
      return `${h.action} done`;
    case 'refused':
      return `${h.action} refused`;
    case 'already done':
      return `${h.action} already done`;
    case 'crashed':
      return 'crashed';
    case 'dead-lettered':
      return `${h.action} impossible, dead-lettered`;
  }
}

/**
 * What became of one event, for the tree's list: each handling, then each service that reacts to
 * its type but has not acted yet (and whether that service is down). "nobody reacts" only for an
 * event that no service reacts to, never for one that is waiting.
 */
export function reactionWords(e: ObservedEvent, down: ReadonlySet<string>): string {
  const parts = e.handledBy.map((h) => `${h.service}: ${handledWords(h)}`);
  for (const s of e.awaitedBy) parts.push(down.has(s) ? `waiting for ${s}, which is down` : `waiting for ${s}`);
  return parts.length === 0 ? 'nobody reacts' : parts.join(' · ');
}

/**
 * The tree as a sequence diagram, in the order things happened: an arrow from the service that
 * produced each event to each service that reacted to it (through the topic, which the caption
 * says, so the diagram stays narrow enough to read), labelled with the event and its record. An
 * event nobody reacts to, and a crash, are notes over the service.
 */
export function treeSequence(root: CausationNode<ObservedEvent>): { messages: SequenceMessage[]; participants: string[] } {
  const steps: Array<{ atMs: number; m: SequenceMessage }> = [];
  for (const node of flattenTree(root)) {
    const e = node.event;
    const from = participant(e.producer);
    const label = `${e.name} ${e.id}`;
    if (e.handledBy.length === 0 && e.awaitedBy.length === 0)
      steps.push({ atMs: e.atMs, m: { from, to: from, text: `${label}, nobody reacts`, note: true } });
    if (e.awaitedBy.length > 0)
      steps.push({
        atMs: e.atMs,
        m: { from, to: from, text: `${label}, not yet read by ${e.awaitedBy.join(' and ')}`, note: true },
      });
    for (const h of e.handledBy) {
      const to = participant(h.service);
      steps.push({
        atMs: h.atMs,
        m: h.outcome === 'crashed' ? { from: to, to, text: `crashed handling ${label}`, note: true } : { from, to, text: label },
      });
    }
  }
  // Stable: at one instant a service reads an event before it produces what that caused.
  const messages = steps
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.atMs - b.atMs || a.i - b.i)
    .map((s) => s.m);
  const order = ['customer', 'order service', 'payment service', 'inventory service', 'shipping service'];
  const used = new Set(messages.flatMap((m) => [m.from, m.to]));
  return { messages, participants: order.filter((p) => used.has(p)) };
}

/** A group's lag in words: a number, or why there is none yet. */
export function lagWords(h: ServiceHealth): string {
  return h.lag === null ? 'unknown (nothing committed yet)' : String(h.lag);
}
