/**
 * The differential test: every lock-step script runs on the model and on a real RabbitMQ, and
 * the reports (what each consumer got and what each queue held, in order, with redelivered flags,
 * x-death and x-delivery-count) must be equal.
 *
 * It needs a broker: `scripts/rabbitmq.sh start` prints the AMQP_URL to export. Without AMQP_URL
 * on a laptop it says how to run it and skips; with CI=true it never skips — a missing broker
 * fails the run, so CI cannot pass without having compared the model with RabbitMQ.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { DIFFERENTIAL_SCRIPTS, TIMED_SCRIPT } from '../../simulator/amqp/differential-scenarios.ts';
import { runAmqpScriptOnModel, type AmqpScriptReport } from '../../simulator/amqp/script.ts';
import { runAmqpScriptOnBroker } from './broker-harness.ts';
import { amqpScriptToNodeProgram } from './standalone-script.ts';

const inCi = process.env.CI === 'true';
const url = process.env.AMQP_URL ?? (inCi ? 'amqp://guest:guest@127.0.0.1:5672' : undefined);

// JSON round trip: the model's reports hold null-prototype objects, the broker's plain ones.
const plain = (r: AmqpScriptReport) => JSON.parse(JSON.stringify(r)) as AmqpScriptReport;

if (url === undefined) {
  describe('AMQP model vs RabbitMQ', () => {
    it.skip('needs a broker: run `eval "$(scripts/rabbitmq.sh start)"` then `npx vitest run scripts/amqp` (stop it with `scripts/rabbitmq.sh stop`)', () => {});
  });
  console.log(
    'AMQP differential test skipped: AMQP_URL is not set. To run it against RabbitMQ:\n' +
      '  apt-get install -y --no-install-recommends rabbitmq-server   # once\n' +
      '  eval "$(scripts/rabbitmq.sh start)" && npx vitest run scripts/amqp; scripts/rabbitmq.sh stop',
  );
} else {
  const brokerUrl = url;
  describe('AMQP model vs RabbitMQ', () => {
    it('the broker answers', async () => {
      const conn = await amqp.connect(brokerUrl).catch((e: unknown) => {
        throw new Error(`no RabbitMQ answers at ${brokerUrl} (${String(e)}); start one with scripts/rabbitmq.sh start`);
      });
      expect(conn.connection.serverProperties.product).toBe('RabbitMQ');
      await conn.close();
    });

    for (const script of DIFFERENTIAL_SCRIPTS) {
      it(`agrees: ${script.name}`, async () => {
        const broker = await runAmqpScriptOnBroker(amqp, brokerUrl, script);
        expect(plain(runAmqpScriptOnModel(script))).toEqual(broker);
      });
    }

    // Who gets which message depends on when each ack reaches the broker (timers, scheduling on a
    // shared machine), so only what holds for any timing is compared: every message delivered
    // exactly once and never redelivered, each consumer sees them in queue order, the first two
    // go one to each consumer in subscription order, and the fast consumer gets more.
    it(`agrees on what is deterministic: ${TIMED_SCRIPT.name}`, async () => {
      const reports = [plain(runAmqpScriptOnModel(TIMED_SCRIPT)), await runAmqpScriptOnBroker(amqp, brokerUrl, TIMED_SCRIPT)];
      for (const r of reports) {
        const fast = r.consumers.fast!.map((m) => m.body);
        const slow = r.consumers.slow!.map((m) => m.body);
        const n = (b: string) => Number(b.slice(1));
        expect([...fast, ...slow].sort((a, b) => n(a) - n(b))).toEqual(Array.from({ length: 12 }, (_, i) => `t${i + 1}`));
        expect(fast.map(n)).toEqual([...fast.map(n)].sort((a, b) => a - b));
        expect(slow.map(n)).toEqual([...slow.map(n)].sort((a, b) => a - b));
        expect([fast[0], slow[0]]).toEqual(['t1', 't2']);
        expect(fast.length).toBeGreaterThan(slow.length);
        expect([...r.consumers.fast!, ...r.consumers.slow!].every((m) => !m.redelivered)).toBe(true);
        expect(r.queues['dt.timed']).toEqual([]);
      }
    });

    it('the generated standalone script prints the same report as the model', () => {
      const script = DIFFERENTIAL_SCRIPTS.find((s) => s.name.startsWith('rejected messages'))!;
      // Under node_modules so the program's `import 'amqplib'` resolves to this project's copy.
      const dir = join(process.cwd(), 'node_modules', '.cache', 'eda-lab');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `amqp-standalone-${process.pid}.mjs`);
      writeFileSync(file, amqpScriptToNodeProgram(script));
      const run = spawnSync(process.execPath, [file], {
        env: { ...process.env, AMQP_URL: brokerUrl },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(plain(runAmqpScriptOnModel(script)));
    });
  });
}
