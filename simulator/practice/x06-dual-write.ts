/**
 * X06 — remove the dual write. The learner chooses how the order service announces a new order:
 * a dual write (database, then broker — or the other way round), or a transactional outbox with
 * a polling or CDC relay; and whether the consumer keeps a dedup store. The grader runs the outbox
 * model (simulator/patterns) with orders arriving while it plants the crashes that matter: the
 * service between its two writes, the relay between publishing and marking rows sent, the
 * consumer between applying and committing. Then it compares the end state: every committed order
 * has its event on the broker (nothing lost), every event on the broker has its order (no phantom),
 * and no event took effect twice at the consumer (duplicates harmless).
 */
import { z } from 'zod';
import { outboxModel, type OutboxScenario } from '../patterns/outbox-model.ts';
import type { OutboxCommand, OutboxEntry, OutboxFault, OutboxWorld } from '../patterns/outbox-types.ts';
import { drive, type Drive } from './drive.ts';
import { verdict, type GradedCheck, type Verdict } from './types.ts';

export const x06GraderVersion = 1;

export const X06DesignSchema = z.strictObject({
  exercise: z.literal('X06'),
  /** How the event leaves the service. */
  write: z.enum(['dual-write', 'outbox']),
  /** For a dual write: which write goes first. */
  dualWriteOrder: z.enum(['db-first', 'publish-first']).optional(),
  /** For an outbox: how the relay finds new rows. */
  relay: z.enum(['polling', 'cdc']).optional(),
  /** The consumer keeps the ids of events it applied and skips a repeat. */
  consumerDedup: z.boolean(),
});
export type X06Design = z.infer<typeof X06DesignSchema>;

export function x06Scenario(d: X06Design): OutboxScenario {
  return {
    mode: d.write === 'dual-write' ? 'dual-write' : d.relay === 'cdc' ? 'outbox-cdc' : 'outbox-polling',
    dualWriteOrder: d.dualWriteOrder ?? 'db-first',
    consumerDedup: d.consumerDedup,
  };
}

type O = Drive<OutboxWorld, OutboxEntry, OutboxCommand>;
const ordersPerRun = 6;
export const x06Seeds = [1, 2, 3, 4, 5, 6];

const plans: Array<{ fault: OutboxFault['kind']; says: string }> = [
  { fault: 'service-crash-between-writes', says: 'the service crashed between its two writes' },
  { fault: 'relay-crash-after-publish', says: 'the relay crashed after publishing, before marking the rows sent' },
  { fault: 'consumer-crash-before-commit', says: 'the consumer crashed after applying an event, before committing its offset' },
];

function runPlan(d: X06Design, seed: number, plan: (typeof plans)[number]): O {
  const o = drive<OutboxWorld, OutboxEntry, OutboxCommand>(outboxModel, x06Scenario(d), seed);
  // The seed picks which order walks into the fault.
  const victim = seed % ordersPerRun;
  for (let i = 0; i < ordersPerRun; i++) {
    if (i === victim) o.apply({ type: 'plant-fault', fault: { kind: plan.fault } });
    o.apply({ type: 'place-order', orderId: `order-${i + 1}`, amountCents: 1000 + 100 * i });
    o.stepTo(o.nowMs() + 40 + 15 * ((seed * (i + 3)) % 5));
  }
  o.stepOut();
  return o;
}

interface Finding {
  o: O;
  seed: number;
  plan: string;
  what: string;
  entryId: number;
}

function firstEntry(o: O, type: OutboxEntry['type'], match: (e: OutboxEntry) => boolean = () => true): number {
  return o.entriesSince(0).find((e) => e.type === type && match(e))?.id ?? o.nextEntryId() - 1;
}

export function gradeX06(d: X06Design): Verdict {
  const lost: Finding[] = [];
  const phantom: Finding[] = [];
  const twice: Finding[] = [];
  let duplicatesSkipped = 0;
  for (const seed of x06Seeds)
    for (const plan of plans) {
      const o = runPlan(d, seed, plan);
      const w = o.state;
      const onBroker = new Set(w.broker.map((r) => r.eventId));
      for (const [orderId, row] of Object.entries(w.db.orders))
        if (!onBroker.has(row.eventId))
          lost.push({
            o,
            seed,
            plan: plan.says,
            what: `${orderId} was saved but its event ${row.eventId} never reached the broker`,
            entryId: firstEntry(o, 'event-lost', (e) => e.type === 'event-lost' && e.eventId === row.eventId),
          });
      for (const r of w.broker)
        if (!Object.hasOwn(w.db.orders, r.orderId))
          phantom.push({
            o,
            seed,
            plan: plan.says,
            what: `event ${r.eventId} announced ${r.orderId}, which the database never saved`,
            entryId: firstEntry(o, 'event-published', (e) => e.type === 'event-published' && e.eventId === r.eventId),
          });
      for (const [eventId, n] of Object.entries(w.consumer.appliedTimes))
        if (n > 1)
          twice.push({
            o,
            seed,
            plan: plan.says,
            what: `event ${eventId} took effect ${n} times at the consumer`,
            entryId: firstEntry(
              o,
              'event-applied',
              (e) => e.type === 'event-applied' && e.eventId === eventId && e.appliedTimes > 1,
            ),
          });
      duplicatesSkipped += o.entriesSince(0).filter((e) => e.type === 'duplicate-skipped').length;
    }
  const runs = x06Seeds.length * plans.length;
  const check = (name: string, found: Finding[], okDetail: string): GradedCheck => {
    const f = found[0];
    if (!f) return { name, held: true, detail: okDetail };
    return {
      name,
      held: false,
      detail: `${found.length} time${found.length === 1 ? '' : 's'} over ${runs} runs. First: ${f.what}, when ${f.plan} (seed ${f.seed}).`,
      run: f.o.snapshot(f.o.cursorAt(f.entryId)),
      seed: f.seed,
    };
  };
  return verdict('X06', x06GraderVersion, [
    check('No event is lost', lost, `Every saved order reached the broker in all ${runs} runs, crashes included.`),
    check('No phantom event', phantom, `Every event on the broker belongs to a saved order in all ${runs} runs.`),
    check(
      'Duplicates are harmless',
      twice,
      duplicatesSkipped > 0
        ? `The consumer saw ${duplicatesSkipped} duplicate deliveries and skipped every one.`
        : 'No event took effect twice at the consumer.',
    ),
  ]);
}
