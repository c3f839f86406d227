/**
 * Building the choreography from the page: a service starts or stops reacting to an event. In
 * choreography the flow is nothing but these reactions (on event X, service S runs action A and
 * announces Y, or Z when it refuses), so adding and removing one is how a learner changes the flow.
 *
 * Each is a command, so it steps back, forks and travels in links. A new reaction subscribes its
 * service to the event on the bus: it gets the events published from then on (a subscription made
 * later does not see the log's past, as a new consumer group starting at the latest offset would
 * not). A removed reaction unsubscribes the service when it has no other reaction to that event; a
 * delivery already on its way is acknowledged and ignored. The world keeps its own table from the
 * first change (until then it reads REACTIONS), so runs without edits are unchanged.
 */
import { ErrorCode, fail, type Result } from '../core/errors.ts';
import type { BusMessageName } from './event-bus.ts';
import { REACTIONS, type ChoreographyWorld, type Reaction } from './choreography-types.ts';
import { ACTIONS } from './services.ts';
import { emit, nothingRan, type RunReport } from './world-kit.ts';

/** Every name a message can carry, for the command schema and the forms. */
export const BUS_MESSAGE_NAMES: readonly BusMessageName[] = [
  'PlaceOrder',
  'OrderPlaced',
  'PaymentCharged',
  'PaymentFailed',
  'InventoryReserved',
  'InventoryReservationFailed',
  'ShipmentCreated',
  'ShippingFailed',
  'InventoryReleased',
  'PaymentRefunded',
  'OrderCancelled',
  'OrderApproved',
];

/** The reactions in force now. */
export function reactionsOf(w: Pick<ChoreographyWorld, 'reactions'>): readonly Reaction[] {
  return w.reactions ?? REACTIONS;
}

/** The reaction `service` has to `on`, if any. */
export function reactionTo(w: Pick<ChoreographyWorld, 'reactions'>, on: BusMessageName, service: string): Reaction | undefined {
  return reactionsOf(w).find((r) => r.on === on && r.service === service);
}

const words = (r: Reaction): string =>
  `on ${r.on}, ${r.service} runs ${r.action} and announces ${r.ok}${r.rejected ? ` (or ${r.rejected} when it refuses)` : ''}`;

/** A service starts reacting to an event. */
export function addReaction(w: ChoreographyWorld, r: Reaction): Result<RunReport> {
  if (!Object.hasOwn(ACTIONS, r.action)) return fail(ErrorCode.InvalidCommand, `unknown action "${r.action}"`, 'reaction.action');
  if (ACTIONS[r.action] !== r.service)
    return fail(
      ErrorCode.InvalidCommand,
      `${r.action} is the ${ACTIONS[r.action]} service's action; the ${r.service} service cannot run it`,
      'reaction.action',
    );
  if (reactionTo(w, r.on, r.service) !== undefined)
    return fail(
      ErrorCode.InvalidCommand,
      `the ${r.service} service reacts to ${r.on} already; remove that reaction first`,
      'reaction.on',
    );
  if (r.ok === r.on || r.rejected === r.on)
    return fail(ErrorCode.InvalidCommand, `a reaction to ${r.on} cannot announce ${r.on} again: it would loop`, 'reaction.ok');
  const reaction: Reaction = {
    on: r.on,
    service: r.service,
    action: r.action,
    ok: r.ok,
    ...(r.rejected ? { rejected: r.rejected } : {}),
  };
  w.reactions = [...reactionsOf(w), reaction];
  const subs = w.bus.subscriptions[r.on] ?? [];
  if (!subs.includes(r.service)) w.bus.subscriptions[r.on] = [...subs, r.service];
  emit(w, { type: 'reactions-changed', change: 'added', on: r.on, service: r.service, text: `From now on ${words(reaction)}.` });
  return nothingRan();
}

/** A service stops reacting to an event. */
export function removeReaction(w: ChoreographyWorld, on: BusMessageName, service: string): Result<RunReport> {
  const r = reactionTo(w, on, service);
  if (r === undefined) return fail(ErrorCode.InvalidCommand, `the ${service} service does not react to ${on}`, 'on');
  w.reactions = reactionsOf(w).filter((x) => x !== r);
  if (!w.reactions.some((x) => x.on === on && x.service === r.service))
    w.bus.subscriptions[on] = (w.bus.subscriptions[on] ?? []).filter((s) => s !== r.service);
  emit(w, {
    type: 'reactions-changed',
    change: 'removed',
    on,
    service: r.service,
    text: `From now on the ${r.service} service ignores ${on} (it ran ${r.action}).`,
  });
  return nothingRan();
}
