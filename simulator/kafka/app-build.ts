/**
 * Setting up a group's application: the retry and dead-letter topics its error policy needs (made
 * beside the source topic, with its partitions and replication, as Spring Kafka's retry-topic
 * support creates them), the group subscribing to its retry topics, and the application state.
 * A scenario without handlers passes through unchanged.
 */
import type { AppState } from './app-state.ts';
import { lookup, nameIndex, setName } from './names.ts';
import { createProducer } from './producer.ts';
import { deadLetterTopicName, retryTopicName } from './scenario/handler-schema.ts';
import type { GroupSpec, KafkaScenario, TopicSpec } from './scenario/types.ts';
import type { KafkaState } from './state.ts';

/** The topics a handler's error policy writes to, for a group's source topic. */
function derivedTopics(g: GroupSpec, source: string): { retries: string[]; dlt: string | null } {
  const e = g.handler?.onError;
  if (e === undefined) return { retries: [], dlt: null };
  const retries = e.type === 'retry-topics' ? e.delaysMs.map((d) => retryTopicName(source, d)) : [];
  return { retries, dlt: e.deadLetter === true ? deadLetterTopicName(source) : null };
}

/** The scenario with every retry and dead-letter topic a handler needs, and groups subscribed to their retry topics. */
export function withHandlerTopics(sc: KafkaScenario): KafkaScenario {
  if (!(sc.groups ?? []).some((g) => g.handler?.onError !== undefined)) return sc;
  const topics: TopicSpec[] = [...sc.topics];
  const known = new Set(topics.map((t) => t.name));
  const groups = (sc.groups ?? []).map((g) => {
    if (g.handler?.onError === undefined) return g;
    const subscribed = [...g.topics];
    for (const source of g.topics) {
      const t = sc.topics.find((x) => x.name === source);
      if (t === undefined) continue;
      const { retries, dlt } = derivedTopics(g, source);
      for (const name of [...retries, ...(dlt === null ? [] : [dlt])]) {
        if (known.has(name)) continue;
        known.add(name);
        topics.push({
          name,
          partitions: t.partitions,
          replicationFactor: t.replicationFactor,
          ...(t.minInsyncReplicas === undefined ? {} : { minInsyncReplicas: t.minInsyncReplicas }),
        });
      }
      for (const r of retries) if (!subscribed.includes(r)) subscribed.push(r);
    }
    return { ...g, topics: subscribed };
  });
  return { ...sc, topics, groups };
}

/** The topics a handler needs that the world lacks (add-group cannot create topics). */
export function missingHandlerTopics(s: KafkaState, g: GroupSpec): string[] {
  const out: string[] = [];
  for (const source of g.topics) {
    const { retries, dlt } = derivedTopics(g, source);
    for (const name of [...retries, ...(dlt === null ? [] : [dlt])])
      if (lookup(s.k.topicIndex, name) === undefined) out.push(name);
  }
  return out;
}

/** The application state of a group with a handler (its producer is `<group>-app`). */
export function createApp(s: KafkaState, spec: GroupSpec): AppState | null {
  const h = spec.handler;
  if (h === undefined) return null;
  const k = s.k;
  const prodId = `${spec.id}-app`;
  let prod = lookup(k.producerIndex, prodId);
  if (prod === undefined) {
    prod = k.producers.length;
    setName(k.producerIndex, prodId, prod);
    k.producers.push(
      createProducer(
        { id: prodId, topic: '', ratePerSec: 0, keys: { type: 'none' }, acks: 'all' },
        -1,
        k.parts.length,
        k.topics.length,
      ),
    );
  }
  const n = k.topics.length;
  const app: AppState = {
    steps: h.steps.map((x) => ({ ...x })),
    onError: h.onError ?? { type: 'skip' },
    prod,
    retryTopics: new Array<number[] | null>(n).fill(null),
    dlt: new Array<number>(n).fill(-1),
    retryIndex: new Array<number>(n).fill(-1),
    store: nameIndex(),
    calls: nameIndex(),
    effects: nameIndex(),
    attempts: nameIndex(),
    lastDone: nameIndex(),
    overtaken: [],
    dedup: nameIndex(),
    deduped: 0,
    skipped: nameIndex(),
    failures: 0,
    retriedInPlace: 0,
    sentToRetryTopic: 0,
    deadLettered: 0,
    dropped: 0,
  };
  for (const source of spec.topics) {
    const ti = lookup(k.topicIndex, source);
    if (ti === undefined) continue;
    const { retries, dlt } = derivedTopics(spec, source);
    const rts = retries.map((r) => lookup(k.topicIndex, r)).filter((x) => x !== undefined);
    if (rts.length !== retries.length) continue; // a retry topic itself, or topics missing
    app.retryTopics[ti] = rts;
    rts.forEach((rt, i) => {
      app.retryIndex[rt] = i;
      app.dlt[rt] = dlt === null ? -1 : (lookup(k.topicIndex, dlt) ?? -1);
    });
    app.dlt[ti] = dlt === null ? -1 : (lookup(k.topicIndex, dlt) ?? -1);
  }
  return app;
}
