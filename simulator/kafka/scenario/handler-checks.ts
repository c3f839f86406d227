/**
 * Cross-field rules of a group's handler: a `produce` step names a topic the scenario has, a
 * `record` failure names a partition the topic has, retry delays are distinct (each is a topic),
 * and a handler does not produce into its own input, which would loop for ever.
 */
import { missing } from '../../core/messages.ts';
import type { GroupSpec, TopicSpec } from './types.ts';

export interface HandlerProblem {
  path: Array<string | number>;
  message: string;
}

export function handlerProblems(g: GroupSpec, topics: ReadonlyMap<string, TopicSpec>): HandlerProblem[] {
  const out: HandlerProblem[] = [];
  const h = g.handler;
  if (h === undefined) return out;
  h.steps.forEach((step, i) => {
    if (step.type === 'produce') {
      if (!topics.has(step.topic))
        out.push({ path: ['steps', i, 'topic'], message: missing('topic', step.topic, topics.keys(), 'topics') });
      else if (g.topics.includes(step.topic))
        out.push({
          path: ['steps', i, 'topic'],
          message: `group "${g.id}" reads "${step.topic}", so producing every record back into it would never end`,
        });
    }
    if (step.type === 'fail' && step.when.type === 'record') {
      const name = step.when.topic ?? g.topics[0] ?? '';
      const t = topics.get(name);
      if (step.when.topic !== undefined && !g.topics.includes(step.when.topic))
        out.push({ path: ['steps', i, 'when', 'topic'], message: `group "${g.id}" does not read topic "${step.when.topic}"` });
      else if (t !== undefined && step.when.partition >= t.partitions)
        out.push({
          path: ['steps', i, 'when', 'partition'],
          message: `topic "${name}" has partitions 0..${t.partitions - 1}, got ${step.when.partition}`,
        });
    }
  });
  const e = h.onError;
  if (e?.type === 'retry-topics' && new Set(e.delaysMs).size !== e.delaysMs.length)
    out.push({ path: ['onError', 'delaysMs'], message: 'each retry delay is its own topic, so no delay may be listed twice' });
  return out;
}
