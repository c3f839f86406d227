/**
 * Runs an AMQP lock-step script (simulator/amqp/script.ts) on a real RabbitMQ with amqplib and
 * reports what each consumer and queue got, in the same shape as the model's report.
 *
 * `runAmqpScriptOnBroker` is deliberately self-contained — it uses only its parameters and
 * globals, never an import — because the "run this on a real RabbitMQ" generator
 * (standalone-script.ts) embeds its source text verbatim in the script it writes. The
 * differential test runs this very function, so the generated script is the tested code.
 *
 * Lock-step: after each step the harness waits for publisher confirms and then until no delivery
 * has arrived for `quietMs`, so the next step starts from a settled broker.
 */
import type * as Amqplib from 'amqplib';
import type { AmqpScript, AmqpScriptReport } from '../../simulator/amqp/script.ts';

export interface BrokerRunOptions {
  /** How long the broker must stay silent before a step counts as settled. */
  quietMs?: number;
}

export async function runAmqpScriptOnBroker(
  amqp: typeof Amqplib,
  url: string,
  script: AmqpScript,
  options: BrokerRunOptions = {},
): Promise<AmqpScriptReport> {
  const quietMs = options.quietMs ?? 60;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // Same reading of a message as the model's receivedMessage(): body, redelivered, x-death
  // without its wall-clock `time`, the x-first-death-* headers, and x-delivery-count.
  const view = (m: Amqplib.Message) => {
    const h = (m.properties.headers ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown> = { body: m.content.toString('utf8'), redelivered: m.fields.redelivered === true };
    if (Array.isArray(h['x-death'])) {
      out.deaths = (h['x-death'] as Array<Record<string, unknown>>).map((d) => {
        const r: Record<string, unknown> = {
          count: Number(d.count),
          reason: String(d.reason),
          queue: String(d.queue),
          exchange: String(d.exchange),
          routingKeys: (d['routing-keys'] as unknown[]).map(String),
        };
        if (d['original-expiration'] !== undefined) r.originalExpiration = String(d['original-expiration']);
        return r;
      });
      out.firstDeath = {
        reason: h['x-first-death-reason'],
        queue: h['x-first-death-queue'],
        exchange: h['x-first-death-exchange'],
      };
    }
    if (h['x-delivery-count'] !== undefined) out.deliveryCount = Number(h['x-delivery-count']);
    return out;
  };

  const conn = await amqp.connect(url);
  let lastActivity = Date.now();
  const settle = async () => {
    await sleep(quietMs);
    for (let i = 0; i < 100 && Date.now() - lastActivity < quietMs; i++) await sleep(quietMs / 2);
  };
  try {
    const admin = await conn.createChannel();
    const cleanup = async () => {
      for (const q of script.queues ?? []) await admin.deleteQueue(q.name);
      for (const x of script.exchanges ?? []) await admin.deleteExchange(x.name);
    };
    await cleanup();
    for (const x of script.exchanges ?? []) {
      const opts: Record<string, unknown> = { durable: x.durable ?? true, internal: x.internal ?? false };
      if (x.alternateExchange !== undefined) opts.alternateExchange = x.alternateExchange;
      await admin.assertExchange(x.name, x.type, opts);
    }
    for (const q of script.queues ?? [])
      await admin.assertQueue(q.name, { durable: q.durable ?? true, arguments: q.arguments ?? {} });
    for (const b of script.bindings ?? []) {
      if ((b.destinationType ?? 'queue') === 'queue')
        await admin.bindQueue(b.destination, b.source, b.routingKey ?? '', b.arguments ?? {});
      else await admin.bindExchange(b.destination, b.source, b.routingKey ?? '', b.arguments ?? {});
    }

    // Null-prototype maps: a consumer or queue may be called __proto__.
    const report: AmqpScriptReport = { returned: [], consumers: Object.create(null), queues: Object.create(null) };
    const pub = await conn.createConfirmChannel();
    pub.on('return', (m: Amqplib.Message) => {
      lastActivity = Date.now();
      report.returned.push(m.content.toString('utf8'));
    });
    const consumers: Record<string, { ch: Amqplib.Channel; held: Amqplib.Message[] }> = Object.create(null);
    for (const step of script.steps) {
      if (step.do === 'publish') {
        const opts: Record<string, unknown> = { mandatory: step.mandatory ?? false, persistent: step.persistent ?? false };
        if (step.headers !== undefined) opts.headers = step.headers;
        if (step.expirationMs !== undefined) opts.expiration = String(step.expirationMs);
        if (step.priority !== undefined) opts.priority = step.priority;
        pub.publish(step.exchange, step.routingKey, Buffer.from(step.body, 'utf8'), opts);
        await pub.waitForConfirms();
      } else if (step.do === 'consume') {
        const ch = await conn.createChannel();
        if ((step.prefetch ?? 0) > 0) await ch.prefetch(step.prefetch ?? 0);
        const entry = { ch, held: [] as Amqplib.Message[] };
        consumers[step.consumer] = entry;
        report.consumers[step.consumer] = [];
        const ackAfterMs = step.ackAfterMs;
        await ch.consume(
          step.queue,
          (m) => {
            if (m === null) return;
            lastActivity = Date.now();
            report.consumers[step.consumer]!.push(view(m) as never);
            if (step.noAck === true) return;
            if (ackAfterMs === undefined) entry.held.push(m);
            else
              setTimeout(() => {
                // The channel may have closed meanwhile (end of run): then the ack has nothing to do.
                try {
                  ch.ack(m);
                } catch {
                  /* channel closed */
                }
              }, ackAfterMs);
          },
          { noAck: step.noAck === true },
        );
      } else if (step.do === 'ack' || step.do === 'nack' || step.do === 'reject') {
        const c = consumers[step.consumer];
        const holds = () => (c === undefined ? -1 : c.held.findIndex((m) => m.content.toString('utf8') === step.body));
        // The script says this consumer holds the message by now; a quorum queue's redelivery
        // goes through a Raft round first and may take longer than the quiet window.
        for (let t = 0; t < 100 && holds() < 0; t++) await sleep(50);
        const i = holds();
        if (c === undefined || i < 0) throw new Error(`${step.consumer} holds no unacknowledged "${step.body}"`);
        const [m] = c.held.splice(i, 1);
        if (step.do === 'ack') c.ch.ack(m!);
        else if (step.do === 'nack') c.ch.nack(m!, false, step.requeue ?? false);
        else c.ch.reject(m!, step.requeue ?? false);
      } else if (step.do === 'close') {
        const c = consumers[step.consumer];
        if (c === undefined) throw new Error(`no consumer ${step.consumer}`);
        await c.ch.close();
        c.held = [];
      } else if (step.do === 'wait') {
        await sleep(step.ms);
      }
      await settle();
    }
    // Dead-lettering into a queue nobody consumes makes no client-visible noise, so before
    // draining wait until every queue's message count has stopped moving.
    let counts = '';
    for (let stable = 0, t = 0; stable < 3 && t < 100; t++) {
      const now: number[] = [];
      for (const q of script.queues ?? []) now.push((await admin.checkQueue(q.name)).messageCount);
      stable = now.join() === counts ? stable + 1 : 0;
      counts = now.join();
      await sleep(quietMs / 2);
    }
    for (const q of script.queues ?? []) {
      report.queues[q.name] = [];
      for (let n = 0; n < 100000; n++) {
        const m = await admin.get(q.name, { noAck: true });
        if (m === false) break;
        report.queues[q.name]!.push(view(m) as never);
      }
    }
    for (const c of Object.values(consumers)) await c.ch.close().catch(() => undefined);
    await cleanup();
    return report;
  } finally {
    await conn.close().catch(() => undefined);
  }
}
