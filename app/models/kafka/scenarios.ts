/**
 * The built-in Kafka scenarios the playground offers: the documented examples in docs/examples,
 * bundled at build time (so the playground works offline and from a static host). Each is still
 * validated when opened, so a bad edit to an example shows an error instead of a broken page.
 */
import type { BuiltInScenario } from '../types.ts';

const files = import.meta.glob<unknown>('../../../docs/examples/*.json', { eager: true, import: 'default' });

const first = 'fan-out-three-groups';

export const kafkaScenarios: BuiltInScenario[] = Object.entries(files)
  .map(([path, raw]) => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const name = typeof raw === 'object' && raw !== null && 'name' in raw ? String((raw as { name: unknown }).name) : id;
    return { id, title: name, raw };
  })
  // The fan-out example first (the playground's default), the rest by id.
  .sort((a, b) => (a.id === first ? -1 : b.id === first ? 1 : a.id.localeCompare(b.id)));
