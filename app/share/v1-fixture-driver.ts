/**
 * Records and opens v1 share links for the fixture test (v1-links.test.ts). Recording drives the
 * playground's store as a learner would — steps, a step back, a crash, a produce — and keeps the
 * link the playground writes. Opening goes through the same path the playground uses for `?s=`.
 */
import { loadCommand } from '../../simulator/scenario/loader.ts';
import { ok, type Result } from '../../simulator/core/errors.ts';
import { isNextHappening, kafkaAdapter, type KafkaAppCommand } from '../kafka/kafka-adapter.ts';
import { scenarioById } from '../kafka/scenarios.ts';
import { createWorkbenchStore, type WorkbenchStore } from '../workbench/store.ts';
import { decodeShareState, encodeShareState } from './share-link.ts';

export interface V1Fixture {
  what: string;
  link: string;
  expected?: unknown;
}

export type V1Moment =
  | { ok: false; message: string }
  | {
      ok: true;
      cursor: number;
      commands: number;
      nowMs: number;
      traceLength: number;
      sentences: string[];
      statuses: string[];
    };

const validate = (input: unknown): Result<KafkaAppCommand> => (isNextHappening(input) ? ok(input) : loadCommand(input));

/** Opens a v1 link as the playground does and reads the moment on screen. */
export function openV1Moment(link: string): V1Moment {
  const decoded = decodeShareState<KafkaAppCommand>(link, validate);
  if (!decoded.ok) return { ok: false, message: decoded.error.message };
  const st = decoded.value;
  const spec = 'id' in st.scenario ? scenarioById(st.scenario.id) : ok(st.scenario.spec);
  if (!spec.ok) return { ok: false, message: spec.error.message };
  const store = createWorkbenchStore(kafkaAdapter(spec.value), { seed: st.seed, commands: st.commands, cursor: st.cursor });
  const s = store.getState();
  return {
    ok: true,
    cursor: s.cursor,
    commands: s.length,
    nowMs: s.view.nowMs,
    traceLength: s.view.happenings.at(-1)?.id ?? -1,
    sentences: s.view.happenings.map((h) => h.text),
    statuses: s.view.nodes.map((n) => `${n.id}=${n.status}:${n.detail}`),
  };
}

function linkOf(scenario: { id: string } | { spec: never }, store: WorkbenchStore<KafkaAppCommand>) {
  const s = store.getState();
  return encodeShareState({ scenario, seed: s.seed, commands: [...s.commands()], cursor: s.cursor });
}

/** Drives the playground's store and keeps the links it would write. */
export function recordV1Links(): V1Fixture[] {
  const out: V1Fixture[] = [];
  const ids = [
    'fan-out-three-groups',
    'busy-cluster',
    'hot-key-lag',
    'broker-crash-acks',
    'commit-order-crash',
    'consumer-crash-cooperative-sticky',
  ];
  for (const id of ids) {
    const spec = scenarioById(id);
    if (!spec.ok) throw new Error(spec.error.message);
    const store = createWorkbenchStore(kafkaAdapter(spec.value), { seed: spec.value.seed ?? 1 });
    for (let i = 0; i < 25; i++) store.getState().stepForward();
    out.push({ what: `${id} after 25 steps`, link: linkOf({ id }, store) });
    store.getState().seek(10);
    out.push({ what: `${id} scrubbed back to 10 of 25`, link: linkOf({ id }, store) });
  }
  // Learner commands after a step back: the future forks.
  const spec = scenarioById('fan-out-three-groups');
  if (!spec.ok) throw new Error(spec.error.message);
  const store = createWorkbenchStore(kafkaAdapter(spec.value), { seed: 7 });
  for (let i = 0; i < 40; i++) store.getState().stepForward();
  store.getState().stepBack();
  store.getState().stepBack();
  store.getState().dispatch({ type: 'crash-consumer', consumer: 'billing-c1' });
  store.getState().dispatch({ type: 'produce', topic: 'orders', key: 'order-7' });
  for (let i = 0; i < 10; i++) store.getState().stepForward();
  out.push({
    what: 'fan-out with a crash and a produce after stepping back',
    link: linkOf({ id: 'fan-out-three-groups' }, store),
  });
  store.getState().runToEnd();
  out.push({ what: 'fan-out forked, then run to the end', link: linkOf({ id: 'fan-out-three-groups' }, store) });
  // An inline scenario, as a learner's own file would travel.
  const inline = {
    version: 1 as const,
    name: 'two groups inline',
    brokers: [{ id: 1 }],
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 1 }],
    producers: [{ id: 'p1', topic: 'orders', ratePerSec: 20, count: 30, keys: { type: 'uniform', keys: 10, prefix: 'k-' } }],
    groups: [{ id: 'billing', topics: ['orders'], consumers: 2 }],
  };
  const s2 = createWorkbenchStore(kafkaAdapter(inline as never), { seed: 3 });
  for (let i = 0; i < 30; i++) s2.getState().stepForward();
  out.push({ what: 'an inline scenario after 30 steps', link: linkOf({ spec: inline as never }, s2) });
  return out;
}
