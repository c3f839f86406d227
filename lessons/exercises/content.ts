/**
 * An exercise's prose, split into the parts the page shows: the problem, three hints (each more
 * specific), and the model answer. `content.md` uses one `## ` heading per part, in that order:
 * `## Problem`, `## Hint 1`, `## Hint 2`, `## Hint 3`, `## Model answer`.
 */

export interface ExerciseContent {
  problem: string;
  hints: [string, string, string];
  answer: string;
}

const headings = ['Problem', 'Hint 1', 'Hint 2', 'Hint 3', 'Model answer'] as const;

/** Splits content.md into its parts; throws on a malformed file (content is checked by tests). */
export function parseExerciseContent(md: string): ExerciseContent {
  const parts = new Map<string, string>();
  let current: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (current !== null) parts.set(current, body.join('\n').trim());
  };
  for (const line of md.split('\n')) {
    const m = /^## (.+)$/.exec(line);
    if (m) {
      flush();
      current = m[1]!.trim();
      body = [];
    } else body.push(line);
  }
  flush();
  for (const h of headings) if (!parts.get(h)) throw new Error(`content.md needs a non-empty "## ${h}" section`);
  return {
    problem: parts.get('Problem')!,
    hints: [parts.get('Hint 1')!, parts.get('Hint 2')!, parts.get('Hint 3')!],
    answer: parts.get('Model answer')!,
  };
}

const raw = import.meta.glob<string>('./*/content.md', { query: '?raw', import: 'default' });

/** Loads an exercise's prose on demand (the list page loads none). */
export async function loadExerciseContent(folder: string): Promise<ExerciseContent> {
  const load = raw[`./${folder}/content.md`];
  if (!load) throw new Error(`no content for ${folder}`);
  return parseExerciseContent(await load());
}
