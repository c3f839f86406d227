/**
 * The Kafka model plugged into the workbench. Besides the simulator's own commands it adds one
 * for the transport: `next-happening` runs scheduled tasks until something observable happens, so
 * "step" never looks like it did nothing (heartbeats and timers are tasks too, but not news).
 */
import { ErrorCode, fail, ok, type Result } from '../../simulator/core/errors.ts';
import type { ScenarioSpec, SimCommand } from '../../simulator/scenario/types.ts';
import type { NodeAction, SimAdapter } from '../workbench/adapter.ts';
import { topologyFromScenario } from '../workbench/topology.ts';
import { createKafkaSim, heapPeek, type KafkaState } from './kafka-api.ts';
import { cutOffFrom, kafkaView } from './kafka-view.ts';

export type KafkaAppCommand = SimCommand | { type: 'next-happening' };

/** Tasks one `next-happening` may run before giving up (a quiet stretch of heartbeats). */
export const happeningTasksMax = 100_000;

/** How far End runs past a scenario's end, in virtual ms. */
export const runOnMs = 10_000;

/** Processing time a "slow down" action sets, per record. */
export const slowProcessingMs = 2000;

function groupSpecOf(s: KafkaState, scenario: ScenarioSpec, groupId: string) {
  return scenario.groups?.find((g) => g.id === groupId) ?? s.k.groups.find((g) => g.id === groupId);
}

export function kafkaAdapter(scenario: ScenarioSpec): SimAdapter<KafkaState, KafkaAppCommand> {
  const sim = createKafkaSim({ seed: scenario.seed ?? 1, scenario });
  const simFor = new Map<number, ReturnType<typeof createKafkaSim>>();
  const simOf = (seed: number) => {
    let x = simFor.get(seed);
    if (!x) {
      x = createKafkaSim({ seed, scenario });
      simFor.set(seed, x);
    }
    return x;
  };

  // Before the scenario's end, time is live even when only background tasks (heartbeats, timers)
  // are queued: a producer's next tick or a session timeout is still to come. After it, the run
  // is over once no foreground work is left.
  const live = (s: KafkaState): boolean =>
    s.queue.length > 0 && (s.k.fg > 0 || (scenario.durationMs !== undefined && s.nowMs < scenario.durationMs));

  const nextHappening = (s: KafkaState): Result<unknown> => {
    const before = s.trace.nextId;
    for (let i = 0; i < happeningTasksMax; i++) {
      if (!live(s)) break;
      const r = sim.apply(s, { type: 'step' });
      if (!r.ok) return r;
      if (s.trace.nextId !== before) return ok(null);
    }
    return ok(null);
  };

  return {
    init: (seed) => simOf(seed).init(),
    apply(s, c) {
      if (c.type === 'next-happening') return nextHappening(s);
      return sim.apply(s, c);
    },
    clone: (s) => sim.clone(s),
    topology(s) {
      // Groups and consumers added by commands appear in the picture too.
      const groups = s.k.groups.map((g) => {
        const spec = groupSpecOf(s, scenario, g.id);
        const consumerIds = s.k.consumers.filter((c) => s.k.groups[c.group] === g).map((c) => c.id);
        return {
          id: g.id,
          topics: g.topics.map((t) => s.k.topics[t]!.name),
          consumers: consumerIds.length,
          consumerIds,
          assignor: g.assignor,
          ...(spec && 'commit' in spec && spec.commit ? { commit: spec.commit } : {}),
        };
      });
      return topologyFromScenario({ ...scenario, groups });
    },
    view: kafkaView,
    nowMs: (s) => s.nowMs,
    nextAtMs: (s) => (live(s) ? heapPeek(s.queue)?.atMs : undefined),
    traceLength: (s) => s.trace.nextId,
    runToEndCommand(s) {
      // To the scenario's end; past it (or without one), another stretch of virtual time.
      const end = scenario.durationMs !== undefined && scenario.durationMs > s.nowMs ? scenario.durationMs : s.nowMs + runOnMs;
      return { type: 'advance', untilMs: end };
    },
    stepCommand: { type: 'next-happening' },
    nodeActions(s, nodeId) {
      const [kind, name = ''] = splitNodeId(nodeId);
      const actions: Array<NodeAction<KafkaAppCommand>> = [];
      if (kind === 'broker') {
        const b = s.k.brokers.find((x) => String(x.id) === name);
        if (b) {
          actions.push(
            b.alive
              ? { label: 'Crash broker', command: { type: 'crash-broker', broker: b.id } }
              : { label: 'Restart broker', command: { type: 'restart-broker', broker: b.id } },
          );
          actions.push(...linkActions(s, b.node));
        }
      } else if (kind === 'consumer') {
        const c = s.k.consumers.find((x) => x.id === name);
        if (!c || c.phase === 'left') return actions;
        if (!c.alive) actions.push({ label: 'Restart consumer', command: { type: 'restart-consumer', consumer: c.id } });
        else {
          actions.push({ label: 'Crash consumer', command: { type: 'crash-consumer', consumer: c.id } });
          const group = s.k.groups[c.group]!;
          actions.push(
            c.processingMs >= slowProcessingMs
              ? { label: 'Speed up', command: { type: 'slow-consumer', consumer: c.id, processingMs: group.processingMs } }
              : { label: 'Slow down', command: { type: 'slow-consumer', consumer: c.id, processingMs: slowProcessingMs } },
          );
          actions.push({ label: 'Leave group', command: { type: 'remove-consumer', consumer: c.id } });
          actions.push(...linkActions(s, c.id));
        }
      } else if (kind === 'group') {
        const g = s.k.groups.find((x) => x.id === name);
        if (g) {
          actions.push({ label: 'Add consumer', command: { type: 'add-consumer', group: g.id } });
          for (const t of g.topics) {
            actions.push({
              label: `Replay ${s.k.topics[t]!.name} from the start`,
              command: { type: 'reset-offsets', group: g.id, topic: s.k.topics[t]!.name, to: 'earliest' },
            });
          }
        }
      } else if (kind === 'topic') {
        actions.push({
          label: 'Produce a record',
          command: { type: 'produce', topic: name, key: `key-${s.k.counters.produced + 1}` },
        });
        actions.push({
          label: 'Add a consumer group',
          command: { type: 'add-group', group: { id: freeGroupId(s), topics: [name], consumers: 1 } },
        });
      } else if (kind === 'producer') {
        const p = s.k.producers.find((x) => x.id === name);
        if (p) actions.push(...linkActions(s, p.node));
      }
      return actions;
    },
  };
}

/** Cut (or heal) the network link between a node and each broker: one action per broker. */
function linkActions(s: KafkaState, netId: string): Array<NodeAction<KafkaAppCommand>> {
  const cut = cutOffFrom(s, netId);
  return s.k.brokers
    .filter((b) => b.node !== netId)
    .map((b) =>
      cut.includes(b.id)
        ? { label: `Heal link to broker ${b.id}`, command: { type: 'heal-link', from: netId, to: b.node } }
        : { label: `Cut link to broker ${b.id}`, command: { type: 'cut-link', from: netId, to: b.node } },
    );
}

/** The first `group-N` not taken by a group or by its first consumer. */
function freeGroupId(s: KafkaState): string {
  for (let n = s.k.groups.length + 1; ; n++) {
    const id = `group-${n}`;
    if (s.k.groupIndex[id] === undefined && s.k.consumerIndex[`${id}-c1`] === undefined) return id;
  }
}

function splitNodeId(id: string): [string, string | undefined] {
  const i = id.indexOf(':');
  return i < 0 ? [id, undefined] : [id.slice(0, i), id.slice(i + 1)];
}

/** Validates an app-level command from a share link: the simulator's commands plus next-happening. */
export function isNextHappening(c: unknown): c is { type: 'next-happening' } {
  return (
    typeof c === 'object' && c !== null && (c as { type?: unknown }).type === 'next-happening' && Object.keys(c).length === 1
  );
}

export const unknownScenario = (id: string) => fail(ErrorCode.ScenarioInvalid, `There is no built-in scenario called “${id}”.`);
