/**
 * The lessons' demo domain: bank accounts (`account-42`) stored as events.
 *
 * It exists so every event-sourcing idea has one concrete, small example: the balance is a fold
 * of AccountOpened / Deposited / Withdrawn / AccountClosed; withdrawing more than the balance is a
 * business refusal decided on the loaded state; two tellers working from the same revision show
 * WrongExpectedVersion; a busy account with thousands of deposits shows what snapshots save; a
 * read model of all balances lags behind and can be rebuilt; and `Deposited` has a v1 schema
 * (whole units in `amount`) that an upcaster lifts to v2 (`amountCents`).
 *
 * The buggy projector ignores withdrawals — the classic read-model bug — so a lesson can fix it,
 * reset the projection, and watch the rebuilt balances agree with the aggregates.
 */
import { createUpcasterRegistry } from './upcasters.ts';
import {
  defineEsModel,
  esAppend,
  esExecute,
  esRun,
  foldAppended,
  type CommandIds,
  type EsWorld,
  type ExecuteOutcome,
} from './world.ts';
import { loadAggregate, type AggregateDefinition, type LoadedAggregate } from './aggregates.ts';
import type { ProjectorDefinition } from './subscriptions.ts';
import type { RecordedEvent } from './types.ts';
import { getName, setName } from '../core/name-index.ts';

export interface Account {
  id: string;
  opened: boolean;
  closed: boolean;
  owner: string | null;
  balanceCents: number;
  /** Deposits and withdrawals applied. */
  movements: number;
}

function cents(e: RecordedEvent): number {
  return (e.data as { amountCents: number }).amountCents;
}

/**
 * A new account state. Built as a literal on purpose: `{ ...state, balanceCents }` takes V8's slow
 * path when it overrides existing keys (about 1 µs here, 20× a literal), and a 100,000-event replay
 * is exactly the loop where that shows.
 */
function account(
  s: Account,
  balanceCents: number,
  movements: number,
  opened = s.opened,
  closed = s.closed,
  owner = s.owner,
): Account {
  return { id: s.id, opened, closed, owner, balanceCents, movements };
}

/** The account aggregate: a pure fold. */
export const accountAggregate: AggregateDefinition<Account> = {
  category: 'account',
  initial: (stream) => ({ id: stream, opened: false, closed: false, owner: null, balanceCents: 0, movements: 0 }),
  apply(state, e) {
    switch (e.type) {
      case 'AccountOpened':
        return account(state, state.balanceCents, state.movements, true, state.closed, (e.data as { owner: string }).owner);
      case 'Deposited':
        return account(state, state.balanceCents + cents(e), state.movements + 1);
      case 'Withdrawn':
        return account(state, state.balanceCents - cents(e), state.movements + 1);
      case 'AccountClosed':
        return account(state, state.balanceCents, state.movements, state.opened, true);
      default:
        return state;
    }
  },
};

/** `Deposited` v1 held whole currency units in `amount`; v2 holds `amountCents`. */
export const bankUpcasters = createUpcasterRegistry([
  { type: 'Deposited', fromVersion: 1, up: (d) => ({ amountCents: (d as { amount: number }).amount * 100 }) },
]);

/** Read model of every account's balance. */
export interface BalancesView {
  balances: Record<string, number>;
  totalCents: number;
}

function balancesProjector(countWithdrawals: boolean): ProjectorDefinition<BalancesView> {
  return {
    initial: () => ({ balances: {}, totalCents: 0 }),
    apply(model, e) {
      if (!e.stream.startsWith('account-')) return model;
      const delta = e.type === 'Deposited' ? cents(e) : e.type === 'Withdrawn' && countWithdrawals ? -cents(e) : 0;
      if (e.type === 'AccountOpened') setName(model.balances, e.stream, 0);
      if (delta !== 0) {
        setName(model.balances, e.stream, (getName(model.balances, e.stream) ?? 0) + delta);
        model.totalCents += delta;
      }
      return model;
    },
  };
}

/** The bank's model: the account aggregate, a correct and a buggy balances projector, the upcaster. */
export const bankModel = defineEsModel({
  aggregates: { account: accountAggregate },
  projectors: { balances: balancesProjector(true), 'balances-buggy': balancesProjector(false) },
  upcasters: bankUpcasters,
});

/** Opens an account (refused if it is already open). */
export function openAccount(w: EsWorld, stream: string, owner: string, ids: CommandIds = {}): ExecuteOutcome<Account> {
  return esExecute<Account>(
    w,
    bankModel,
    stream,
    (s) => (s.opened ? { refused: 'already-open' } : { events: [{ type: 'AccountOpened', data: { owner } }] }),
    ids,
  );
}

/** Deposits money (refused on a closed or unopened account, or a non-positive amount). */
export function deposit(w: EsWorld, stream: string, amountCents: number, ids: CommandIds = {}): ExecuteOutcome<Account> {
  return esExecute<Account>(
    w,
    bankModel,
    stream,
    (s) => {
      if (!s.opened || s.closed) return { refused: 'account-not-open' };
      if (!(amountCents > 0)) return { refused: 'invalid-amount' };
      return { events: [{ type: 'Deposited', data: { amountCents }, schemaVersion: 2 }] };
    },
    ids,
  );
}

/** Withdraws money; refused when the balance would go below zero. */
export function withdraw(w: EsWorld, stream: string, amountCents: number, ids: CommandIds = {}): ExecuteOutcome<Account> {
  return esExecute<Account>(
    w,
    bankModel,
    stream,
    (s) => {
      if (!s.opened || s.closed) return { refused: 'account-not-open' };
      if (!(amountCents > 0)) return { refused: 'invalid-amount' };
      if (s.balanceCents < amountCents) return { refused: 'insufficient-funds' };
      return { events: [{ type: 'Withdrawn', data: { amountCents } }] };
    },
    ids,
  );
}

/** Closes an account; refused while money is still in it. */
export function closeAccount(w: EsWorld, stream: string, ids: CommandIds = {}): ExecuteOutcome<Account> {
  return esExecute<Account>(
    w,
    bankModel,
    stream,
    (s) => {
      if (!s.opened || s.closed) return { refused: 'account-not-open' };
      if (s.balanceCents !== 0) return { refused: 'balance-not-zero' };
      return { events: [{ type: 'AccountClosed', data: {} }] };
    },
    ids,
  );
}

/**
 * The snapshot lesson's busy account: opened, then `deposits` deposits of 1..100 cents (a fixed
 * pattern, no randomness needed), `stepMs` of virtual time apart. Each deposit is appended with
 * the revision it was decided on and folded in, and the world's snapshot policy applies — the
 * same path as `deposit`, without reloading the account each time (that reload is what a lesson
 * measures, not what seeding should spend its time on).
 *
 * With `from` > 0 the seeding resumes an account already opened and given deposits 0..from-1 by
 * this function (the account is folded from its stream, without a traced load): seeding to `a`,
 * then from `a` to `b`, ends exactly like seeding to `b` at once, so the lesson player can show
 * the stream grow in pieces.
 */
export function seedBusyAccount(w: EsWorld, stream: string, deposits: number, stepMs = 1, from = 0): Account {
  let acc: LoadedAggregate<Account> =
    from > 0
      ? loadAggregate<Account>(w.store, accountAggregate, stream, { upcasters: bankModel.upcasters })
      : openAccount(w, stream, 'busy').after;
  for (let i = from; i < deposits; i++) {
    esRun(w, bankModel, { untilMs: w.nowMs + stepMs, tasksMax: 1_000_000 });
    const report = esAppend(w, stream, acc.revision, [
      { type: 'Deposited', data: { amountCents: 1 + (i % 100) }, schemaVersion: 2 },
    ]);
    acc = foldAppended(w, bankModel, acc, report);
  }
  return acc.state;
}
