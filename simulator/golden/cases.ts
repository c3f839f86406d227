/**
 * Fault-heavy command lists for every model, used by the golden-trace test: the same list over five
 * seeds must give byte-identical traces before and after any change that claims to keep behaviour.
 *
 * Each case names a model, how to start it and the commands to apply. The lists mix the models'
 * faults (crashes, restarts, cut links, slow consumers, business refusals) with clock commands, so
 * a change in scheduling, ids or trace wording shows up as a different hash.
 */
import fanOut from '../../docs/examples/fan-out-three-groups.json' with { type: 'json' };

export const goldenSeeds = [1, 7, 42, 1234, 99991] as const;

/** Kafka: a fan-out scenario with every fault the model offers, then a replay. */
export const kafkaGolden = {
  scenario: { ...fanOut, trace: { mode: 'full' } } as unknown,
  commands: [
    { type: 'advance', untilMs: 800 },
    { type: 'crash-broker', broker: 2 },
    { type: 'step' },
    { type: 'step' },
    { type: 'slow-consumer', consumer: 'billing-c1', processingMs: 400 },
    { type: 'advance', untilMs: 2500 },
    { type: 'crash-consumer', consumer: 'shipping-c1' },
    { type: 'cut-link', from: 'analytics-c1', to: 'broker-1' },
    { type: 'advance', untilMs: 5000 },
    { type: 'restart-broker', broker: 2 },
    { type: 'heal-link', from: 'analytics-c1', to: 'broker-1' },
    { type: 'add-consumer', group: 'billing' },
    { type: 'produce', topic: 'orders', key: 'order-x' },
    { type: 'advance', untilMs: 8000 },
    { type: 'restart-consumer', consumer: 'shipping-c1' },
    { type: 'remove-consumer', consumer: 'billing-c2' },
    { type: 'reset-offsets', group: 'analytics', topic: 'orders', to: 'earliest' },
    { type: 'run-until-idle' },
  ] as unknown[],
};

/** The event-sourced bank: accounts, a refused withdrawal, temporal loads, snapshots, projections. */
export const bankGolden = {
  scenario: { snapshotEveryEvents: 0 } as unknown,
  commands: [
    { type: 'open-account', stream: 'account-42', owner: 'Ada' },
    { type: 'deposit', stream: 'account-42', amountCents: 100000 },
    { type: 'withdraw', stream: 'account-42', amountCents: 20000 },
    { type: 'withdraw', stream: 'account-42', amountCents: 5000 },
    { type: 'withdraw', stream: 'account-42', amountCents: 9999999 },
    { type: 'advance', untilMs: 1000 },
    { type: 'load', stream: 'account-42', asOf: { revision: 1 } },
    { type: 'seed-busy-account', stream: 'account-7', deposits: 300 },
    { type: 'enable-snapshots', stream: 'account-7', everyEvents: 50 },
    { type: 'load', stream: 'account-7' },
    { type: 'add-projection', id: 'balances', projector: 'balances' },
    { type: 'next-entry' },
    { type: 'next-entry' },
    { type: 'run-until-idle' },
    { type: 'deposit', stream: 'account-7', amountCents: 500 },
    { type: 'load-ignoring-snapshots', stream: 'account-7' },
    { type: 'rebuild-projection', id: 'balances' },
    { type: 'run-until-idle' },
  ] as unknown[],
};

const placeThree = [
  { type: 'place-order', orderId: 'order-1' },
  { type: 'place-order', orderId: 'order-2', qty: 2, amountCents: 4200 },
  { type: 'place-order', orderId: 'order-3' },
];

/** The orchestrated saga: a business refusal, a transient fault, a crash mid-compensation. */
export const sagaGolden = {
  scenario: {} as unknown,
  commands: [
    { type: 'inject-fault', fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' } },
    { type: 'inject-fault', fault: { service: 'inventory', action: 'reserve-inventory', kind: 'transient', times: 2 } },
    ...placeThree,
    { type: 'step' },
    { type: 'step' },
    { type: 'advance', untilMs: 300 },
    { type: 'crash-service', service: 'inventory', restartAfterMs: 2000 },
    { type: 'advance', untilMs: 1500 },
    { type: 'restart-service', service: 'inventory' },
    { type: 'run-until-idle' },
  ] as unknown[],
};

/** Choreography (on the small bus and over Kafka): the same orders and faults. */
export const choreographyGolden = {
  scenario: {} as unknown,
  commands: [
    { type: 'inject-fault', fault: { service: 'payment', action: 'charge-payment', kind: 'business', reason: 'card declined' } },
    ...placeThree,
    { type: 'step' },
    { type: 'advance', untilMs: 400 },
    { type: 'crash-service', service: 'shipping', restartAfterMs: 1500 },
    { type: 'advance', untilMs: 3000 },
    { type: 'run-until-idle' },
  ] as unknown[],
};

/** Two-phase commit: a NO vote, a coordinator crash after the votes, a participant crash. */
export const tpcGolden = {
  scenario: {} as unknown,
  commands: [
    { type: 'begin', txId: 'tx-1' },
    { type: 'run-until-idle' },
    { type: 'plant-no-vote', participant: 'payments-db', reason: 'insufficient funds' },
    { type: 'begin', txId: 'tx-2' },
    { type: 'run-until-idle' },
    { type: 'arm-coordinator-crash', when: 'before-decision', recoverAfterMs: 5000 },
    { type: 'begin', txId: 'tx-3' },
    { type: 'step' },
    { type: 'advance', untilMs: 2000 },
    { type: 'crash-participant', participant: 'orders-db', recoverAfterMs: 1000 },
    { type: 'run-until-idle' },
  ] as unknown[],
};

/** The outbox in each mode with the crash that hurts it. */
export const outboxGolden = (mode: string): { scenario: unknown; commands: unknown[] } => ({
  scenario: { mode } as unknown,
  commands: [
    { type: 'plant-fault', fault: { kind: 'service-crash-between-writes' } },
    { type: 'place-order', orderId: 'order-1' },
    { type: 'place-order', orderId: 'order-2' },
    { type: 'step' },
    { type: 'advance', untilMs: 500 },
    { type: 'plant-fault', fault: { kind: 'relay-crash-after-publish' } },
    { type: 'plant-fault', fault: { kind: 'consumer-crash-before-commit' } },
    { type: 'place-order', orderId: 'order-3' },
    { type: 'crash', node: 'relay', restartAfterMs: 300 },
    { type: 'run-until-idle' },
  ],
});

/** The idempotent consumer with and without its dedup store, before and after its retention period. */
export const idempotentGolden = (dedup: boolean): { scenario: unknown; commands: unknown[] } => ({
  scenario: { dedup, retentionMs: 5000 } as unknown,
  commands: [
    { type: 'deliver', eventId: 'evt-1', customerId: 'c-1' },
    { type: 'redeliver', eventId: 'evt-1' },
    { type: 'deliver', eventId: 'evt-2' },
    { type: 'step' },
    { type: 'advance', untilMs: 10_000 },
    { type: 'redeliver', eventId: 'evt-1' },
    { type: 'run-until-idle' },
  ],
});

/** The CQRS feed, merged read path: posts, reads before and after the projector, a slowed projector. */
export const feedGolden = {
  scenario: { readPath: 'feed-merged-with-own-posts', projectionLagMs: 400, projectionJitterMs: 200 } as unknown,
  commands: [
    { type: 'post', author: 'ana' },
    { type: 'read', user: 'ana' },
    { type: 'read', user: 'ben' },
    { type: 'slow-projection', projectionLagMs: 900 },
    { type: 'post', author: 'ben' },
    { type: 'step' },
    { type: 'read', user: 'chloe' },
    { type: 'advance', untilMs: 2_000 },
    { type: 'read', user: 'chloe' },
    { type: 'run-until-idle' },
  ],
};

/** RabbitMQ: a work queue with a dead-letter exchange, a manual consumer, crashes of a consumer and the broker. */
export const amqpGolden = {
  scenario: {
    exchanges: [
      { name: 'jobs', type: 'direct', durable: true },
      { name: 'jobs.dlx', type: 'fanout', durable: true },
      { name: 'alerts', type: 'topic' },
    ],
    queues: [
      { name: 'work', durable: true, arguments: { 'x-dead-letter-exchange': 'jobs.dlx', 'x-message-ttl': 5000 } },
      { name: 'work.dead', durable: true },
      { name: 'pager', arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 2 } },
    ],
    bindings: [
      { source: 'jobs', destination: 'work', routingKey: 'resize' },
      { source: 'jobs.dlx', destination: 'work.dead' },
      { source: 'alerts', destination: 'pager', routingKey: 'critical.#' },
    ],
    consumers: [
      { name: 'fast', queue: 'work', prefetch: 1, processingMs: 20, poison: { bodies: ['bad'], action: 'reject' } },
      { name: 'slow', queue: 'work', prefetch: 2, processingMs: 150 },
      { name: 'you', queue: 'pager', prefetch: 3, onMessage: 'manual' },
    ],
    publishes: [
      {
        atMs: 0,
        publisher: 'uploader',
        exchange: 'jobs',
        routingKey: 'resize',
        body: 'photo',
        count: 6,
        everyMs: 30,
        persistent: true,
      },
      { atMs: 50, publisher: 'uploader', exchange: 'jobs', routingKey: 'resize', body: 'bad' },
      { atMs: 60, publisher: 'monitor', exchange: 'alerts', routingKey: 'critical.db', body: 'disk full', count: 2 },
    ],
  } as unknown,
  commands: [
    { type: 'advance', untilMs: 100 },
    { type: 'next-entry' },
    { type: 'crash-consumer', consumer: 'slow', restartAfterMs: 200 },
    { type: 'advance', untilMs: 200 },
    { type: 'nack', consumer: 'you', deliveryTag: 1, requeue: true },
    { type: 'reject', consumer: 'you', deliveryTag: 2, requeue: false },
    { type: 'publish', exchange: 'alerts', routingKey: 'info.db', body: 'nobody hears this', mandatory: true },
    { type: 'crash-broker', restartAfterMs: 300 },
    { type: 'advance', untilMs: 700 },
    { type: 'step' },
    { type: 'run-until-idle' },
  ] as unknown[],
};
