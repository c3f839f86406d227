/**
 * Issue #12, case 5, in the page: a topic named `__proto__` with a group subscribed to it showed
 * "Something went wrong on this page". Opened in the workbench from a scenario file, a topic,
 * group, consumer and producer called after an Object.prototype member run like any other: the
 * records are produced and consumed, and the panels and the diagram show them under that name.
 */
import { describe, expect, it } from 'vitest';
import { modelUiById } from '../index.ts';
import { openModel } from '../open.ts';
import type { KafkaPanelsView } from './kafka-view-types.ts';

const poison = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('the Kafka workbench with names that are Object.prototype members', () => {
  for (const name of poison) {
    it(`"${name}" as topic, group, consumer and producer`, () => {
      const ui = modelUiById('kafka');
      if (!ui.ok) throw new Error(ui.error.message);
      const raw = {
        version: 1,
        name: 'poison',
        seed: 2,
        brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
        topics: [{ name, partitions: 2, replicationFactor: 3 }],
        producers: [{ id: name, topic: name, ratePerSec: 50, count: 20, keys: { type: 'uniform', keys: 4 } }],
        groups: [{ id: name, topics: [name], consumers: 1, consumerIds: [name], autoOffsetReset: 'earliest' }],
      };
      const loaded = ui.value.model.loadScenario(JSON.parse(JSON.stringify(raw)));
      if (!loaded.ok) throw new Error(loaded.error.message);
      const store = openModel(ui.value, loaded.value, { seed: 2 });
      store.getState().runToEnd();
      const s = store.getState();
      expect(s.error).toBeNull();
      const panels = s.view.model as unknown as KafkaPanelsView;
      const parts = panels.partitions.filter((p) => p.topic === name);
      expect(parts.map((p) => p.id)).toEqual([`${name}-0`, `${name}-1`]);
      expect(parts.reduce((n, p) => n + p.logEndOffset, 0)).toBe(20);
      const group = panels.groups.find((g) => g.id === name);
      expect(group?.members.map((m) => m.consumer)).toEqual([name]);
      expect(group?.lag).toBe(0);
      expect(JSON.stringify(s.topology.nodes)).toContain(JSON.stringify(name));
    });
  }
});
