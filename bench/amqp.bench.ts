/**
 * AMQP model benchmarks (not tests). Run with `npm run bench -- amqp`.
 *
 * Topic routing: one topic exchange with 10,000 bindings (three-word keys over a small
 * vocabulary, one in fifty with `*` and one in two hundred with `#`, as a busy event bus has), routed
 * through the model's trie and, in the same run, through a naive matcher that tests every binding
 * key word by word; the figure is messages routed per second and the ratio between the two.
 *
 * Drain: a classic queue holding 1,000,000 messages, 10 consumers with prefetch 10 and 1 ms of
 * processing each, no network delay, trace in summary mode keeping nothing; the figure is
 * deliveries (each acked) per second of wall time while the queue drains.
 */
import { nextInt, seedRng } from '../simulator/core/rng.ts';
import { enqueue } from '../simulator/amqp/broker.ts';
import { startConsumer } from '../simulator/amqp/consumers.ts';
import { dictGet } from '../simulator/amqp/dict.ts';
import { route } from '../simulator/amqp/routing.ts';
import { naiveTopicMatchesWords, splitTopicKey } from '../simulator/amqp/topic-trie.ts';
import { applyAmqpCommand, createAmqpWorld } from '../simulator/amqp/world.ts';
import type { AmqpMessage, AmqpWorld } from '../simulator/amqp/types.ts';
import type { Report } from './report.ts';

const BINDINGS = 10_000;
const ROUTED = 2_000_000;
const NAIVE_ROUTED = 20_000;
const DRAIN = 1_000_000;

/** CPU time (user + system) of this process in ms: on a shared, loaded machine wall time
 * overstates the cost, so each rate is also reported per second of CPU time. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function mustWorld(r: ReturnType<typeof createAmqpWorld>): AmqpWorld {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function topicBench(report: Report): void {
  const rng = seedRng(42);
  const word = (kind: string, n: number) => `${kind}${nextInt(rng, n)}`;
  // Every region.service.event combination once (20 × 50 × 10 = 10,000 keys); one in fifty has
  // its event replaced by `*` and one in two hundred by `#`, so most messages reach a few queues.
  const keys: string[] = [];
  for (let r = 0; r < 20; r++)
    for (let s = 0; s < 50; s++)
      for (let e = 0; e < 10; e++) {
        const roll = nextInt(rng, 200);
        keys.push(`region${r}.service${s}.${roll === 0 ? '#' : roll < 4 ? '*' : `event${e}`}`);
      }
  const queues = Array.from({ length: 1000 }, (_, i) => ({ name: `q${i}` }));
  const w = mustWorld(
    createAmqpWorld(
      {
        exchanges: [{ name: 'bus', type: 'topic' }],
        queues,
        bindings: keys.map((routingKey, i) => ({ source: 'bus', destination: `q${i % 1000}`, routingKey })),
      },
      1,
    ),
  );
  const messages = Array.from({ length: 4096 }, () => `${word('region', 21)}.${word('service', 51)}.${word('event', 11)}`);
  let reached = 0;
  route(w, 'bus', messages[0]!, null, false); // builds the trie once, outside the timing
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let i = 0; i < ROUTED; i++) reached += route(w, 'bus', messages[i & 4095]!, null, false).queues.length;
  const trieMs = performance.now() - t0;
  const trieCpuMs = cpuMs() - c0;
  const t1 = performance.now();
  let naiveReached = 0;
  // The baseline gets its binding keys pre-split too, so it pays only for matching.
  const split = keys.map(splitTopicKey);
  const dests = keys.map((_, b) => `q${b % 1000}`);
  for (let i = 0; i < NAIVE_ROUTED; i++) {
    const words = splitTopicKey(messages[i & 4095]!);
    const set = new Set<string>();
    for (let b = 0; b < BINDINGS; b++) if (naiveTopicMatchesWords(split[b]!, words)) set.add(dests[b]!);
    naiveReached += [...set].sort().length;
  }
  const naiveMs = performance.now() - t1;
  const triePerS = ROUTED / (trieMs / 1000);
  const naivePerS = NAIVE_ROUTED / (naiveMs / 1000);
  report('amqp.topic_10k_bindings_routed_per_s', Math.round(triePerS), 'msg/s');
  report('amqp.topic_10k_bindings_routed_per_cpu_s', Math.round(ROUTED / (trieCpuMs / 1000)), 'msg/cpu-s');
  report('amqp.topic_10k_naive_routed_per_s', Math.round(naivePerS), 'msg/s');
  report('amqp.topic_trie_vs_naive_ratio', triePerS / naivePerS, 'x');
  report('amqp.topic_mean_queues_reached', reached / ROUTED, 'queues');
  if (Math.abs(reached / ROUTED - naiveReached / NAIVE_ROUTED) > 1)
    console.log('# warning: trie and naive disagree on average fan-out');
}

function drainBench(report: Report): void {
  const w = mustWorld(
    createAmqpWorld({ networkDelayMs: 0, queues: [{ name: 'q' }], tasksMaxPerCommand: 100_000_000 }, 1, {
      traceMode: 'summary',
      traceKeepLast: 0,
    }),
  );
  const q = dictGet(w.queues, 'q')!;
  for (let i = 0; i < DRAIN; i++) {
    const msg: AmqpMessage = {
      id: `m-${i + 1}`,
      body: 'job',
      exchange: '',
      routingKeys: ['q'],
      headers: null,
      expirationMs: null,
      priority: null,
      persistent: false,
      publisher: null,
      correlationId: `m-${i + 1}`,
    };
    enqueue(w, q, msg);
  }
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let c = 0; c < 10; c++) startConsumer(w, { name: `c${c}`, queue: 'q', prefetch: 10, processingMs: 1 });
  const r = applyAmqpCommand(w, { type: 'run-until-idle' });
  const ms = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const delivered = w.trace.counts['message-delivered'] ?? 0;
  if (!r.ok || delivered !== DRAIN || q.readyCount !== 0) throw new Error(`drain did not finish: ${delivered} delivered`);
  report('amqp.drain_1m_10_consumers_prefetch_10_deliveries_per_s', Math.round(DRAIN / (ms / 1000)), 'deliveries/s');
  report('amqp.drain_1m_deliveries_per_cpu_s', Math.round(DRAIN / (cpu / 1000)), 'deliveries/cpu-s');
  report('amqp.drain_1m_virtual_ms', w.nowMs, 'ms');
}

export default async function run(report: Report): Promise<void> {
  topicBench(report);
  drainBench(report);
}
