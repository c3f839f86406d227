/**
 * The built-in Kafka scenarios the playground offers: the documented examples in docs/examples,
 * bundled at build time (so the playground works offline and from a static host). Each is still
 * validated on load, so a bad edit to an example shows an error instead of a broken page.
 */
import { loadScenario } from '../../simulator/scenario/loader.ts';
import type { ScenarioSpec } from '../../simulator/scenario/types.ts';
import type { Result } from '../../simulator/core/errors.ts';
import { unknownScenario } from './kafka-adapter.ts';

const files = import.meta.glob<unknown>('../../docs/examples/*.json', { eager: true, import: 'default' });

export interface BuiltInScenario {
  id: string;
  title: string;
  raw: unknown;
}

export const builtInScenarios: BuiltInScenario[] = Object.entries(files)
  .map(([path, raw]) => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const name = typeof raw === 'object' && raw !== null && 'name' in raw ? String((raw as { name: unknown }).name) : id;
    return { id, title: name, raw };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

export const defaultScenarioId = builtInScenarios.some((s) => s.id === 'fan-out-three-groups')
  ? 'fan-out-three-groups'
  : (builtInScenarios[0]?.id ?? '');

/** A built-in scenario by id, validated. */
export function scenarioById(id: string): Result<ScenarioSpec> {
  const found = builtInScenarios.find((s) => s.id === id);
  return found ? loadScenario(found.raw) : unknownScenario(id);
}
