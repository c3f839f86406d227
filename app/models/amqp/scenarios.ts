/**
 * The RabbitMQ scenarios the playground offers: a topic exchange routing alerts by severity and
 * service; competing consumers with prefetch 1, one of them slow, and a poison message rejected to
 * a dead-letter exchange; a headers exchange with x-match all and any. Each is validated when opened.
 */
import type { BuiltInScenario } from '../types.ts';

export const amqpScenarios: BuiltInScenario[] = [
  {
    id: 'topic-alerts',
    title: 'Topic exchange: alerts routed by severity and service',
    raw: {
      exchanges: [{ name: 'alerts', type: 'topic' }],
      queues: [{ name: 'pager' }, { name: 'payments-team' }, { name: 'audit-log' }],
      bindings: [
        { source: 'alerts', destination: 'pager', routingKey: 'critical.#' },
        { source: 'alerts', destination: 'payments-team', routingKey: '*.payments.*' },
        { source: 'alerts', destination: 'audit-log', routingKey: '#' },
      ],
      consumers: [
        { name: 'on-call', queue: 'pager', processingMs: 40 },
        { name: 'payments-dev', queue: 'payments-team', processingMs: 60 },
        { name: 'archiver', queue: 'audit-log', processingMs: 20 },
      ],
      publishes: [
        { atMs: 100, publisher: 'monitor', exchange: 'alerts', routingKey: 'critical.payments.timeout', body: 'gateway timeout' },
        { atMs: 300, publisher: 'monitor', exchange: 'alerts', routingKey: 'warning.payments.slow', body: 'slow refunds' },
        { atMs: 500, publisher: 'monitor', exchange: 'alerts', routingKey: 'info.shipping.label', body: 'label printed' },
        { atMs: 700, publisher: 'monitor', exchange: 'alerts', routingKey: 'critical.db', body: 'disk full' },
      ],
    },
  },
  {
    id: 'work-queue-dead-letters',
    title: 'Competing consumers with prefetch 1, and a poison message dead-lettered',
    raw: {
      exchanges: [
        { name: 'jobs', type: 'direct' },
        { name: 'jobs.dlx', type: 'fanout' },
      ],
      queues: [
        { name: 'work', arguments: { 'x-dead-letter-exchange': 'jobs.dlx' } },
        { name: 'work.dead', arguments: {} },
      ],
      bindings: [
        { source: 'jobs', destination: 'work', routingKey: 'resize' },
        { source: 'jobs.dlx', destination: 'work.dead', routingKey: '' },
      ],
      consumers: [
        {
          name: 'fast-worker',
          queue: 'work',
          prefetch: 1,
          processingMs: 50,
          poison: { bodies: ['broken.png'], action: 'reject' },
        },
        {
          name: 'slow-worker',
          queue: 'work',
          prefetch: 1,
          processingMs: 400,
          poison: { bodies: ['broken.png'], action: 'reject' },
        },
      ],
      publishes: [
        { atMs: 0, publisher: 'uploader', exchange: 'jobs', routingKey: 'resize', body: 'photo', count: 8, everyMs: 60 },
        { atMs: 200, publisher: 'uploader', exchange: 'jobs', routingKey: 'resize', body: 'broken.png' },
      ],
    },
  },
  {
    id: 'you-ack',
    title: 'You are the consumer: ack, nack and requeue, or reject to the dead-letter queue',
    raw: {
      exchanges: [
        { name: 'orders', type: 'direct' },
        { name: 'orders.dlx', type: 'fanout' },
      ],
      queues: [
        { name: 'to-ship', arguments: { 'x-dead-letter-exchange': 'orders.dlx' } },
        { name: 'to-ship.dead', arguments: {} },
      ],
      bindings: [
        { source: 'orders', destination: 'to-ship', routingKey: 'paid' },
        { source: 'orders.dlx', destination: 'to-ship.dead', routingKey: '' },
      ],
      consumers: [{ name: 'you', queue: 'to-ship', prefetch: 2, onMessage: 'manual' }],
      publishes: [{ atMs: 0, publisher: 'shop', exchange: 'orders', routingKey: 'paid', body: 'order', count: 4, everyMs: 50 }],
    },
  },
  {
    id: 'headers-match',
    title: 'Headers exchange: x-match all and any',
    raw: {
      exchanges: [{ name: 'documents', type: 'headers' }],
      queues: [{ name: 'pdf-reports' }, { name: 'anything-urgent' }],
      bindings: [
        { source: 'documents', destination: 'pdf-reports', arguments: { 'x-match': 'all', format: 'pdf', type: 'report' } },
        { source: 'documents', destination: 'anything-urgent', arguments: { 'x-match': 'any', urgent: true, priority: 'high' } },
      ],
      consumers: [
        { name: 'reporter', queue: 'pdf-reports', processingMs: 30 },
        { name: 'triage', queue: 'anything-urgent', processingMs: 30 },
      ],
      publishes: [
        { atMs: 100, publisher: 'scanner', exchange: 'documents', body: 'Q3 report', headers: { format: 'pdf', type: 'report' } },
        { atMs: 300, publisher: 'scanner', exchange: 'documents', body: 'draft', headers: { format: 'pdf', type: 'draft' } },
        { atMs: 500, publisher: 'scanner', exchange: 'documents', body: 'outage note', headers: { urgent: true } },
      ],
    },
  },
];
