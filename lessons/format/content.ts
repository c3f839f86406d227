/**
 * Reading a lesson's content.md: its sections, and the numbers its prose states.
 *
 * A lesson's prose is markdown with one `## name` section per part of the arc. Splitting it here,
 * once, means the UI shows exactly the text the tests checked. The number rule lives here too,
 * beside the parser, because both the prose-numbers test and the lesson format's own validation
 * apply it and a rule stated twice drifts.
 */

/** The fixed section names of the arc, in the order they must appear (steps go after `learn`). */
export const SECTION = {
  learn: 'what you will learn',
  /** The predict-then-observe question, placed just before the step it asks about. */
  predict: 'predict',
  recap: 'recap',
  challenge: 'challenge',
  solution: 'solution',
  simplifies: 'what this simulation simplifies',
} as const;

export interface ContentSection {
  /** The heading text after `## `, trimmed and lower-cased (step ids are lower-case already). */
  name: string;
  /** The markdown body under the heading, trimmed. */
  body: string;
}

export interface ParsedContent {
  /** The `# ` title line, if the file has one. */
  title: string | null;
  sections: ContentSection[];
}

/**
 * Splits markdown into its `## ` sections. Text before the first `## ` (other than the `# ` title)
 * is kept under the name `''` so that a validator can complain about it rather than lose it.
 */
export function parseContent(markdown: string): ParsedContent {
  let title: string | null = null;
  const sections: ContentSection[] = [];
  let current: { name: string; lines: string[] } = { name: '', lines: [] };
  const flush = (): void => {
    const body = current.lines.join('\n').trim();
    if (current.name !== '' || body !== '') sections.push({ name: current.name, body });
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const h2 = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (h2 !== null && !line.startsWith('###')) {
      flush();
      current = { name: h2[1]!.trim().toLowerCase(), lines: [] };
    } else if (title === null && current.name === '' && /^#\s+/.test(line)) {
      title = line.replace(/^#\s+/, '').trim();
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return { title, sections };
}

/**
 * The numbers a piece of prose states, normalised (`10,000` → `10000`, `25.00` → `25`).
 *
 * The rule, precisely:
 * - Heading lines (`#` …), the targets of markdown links `](…)` and ordered-list markers (`1. ` at
 *   the start of a line) are not prose and are skipped.
 * - A number is a run of digits, optionally grouped in thousands with commas (`10,000`) and
 *   optionally with a decimal part (`7.50`). A comma or full stop right after it that is not
 *   followed by a digit is punctuation, not part of the number.
 * - Digits glued to a name are part of an identifier, not a quantity, and are skipped: a digit run
 *   preceded by a letter, digit or `_` (`L13`, `v2`), preceded by `-` that follows a letter or
 *   digit (`account-42`, `order-3`), or followed directly by a letter or `_` (`3PC`, `2nd`).
 * - A bare four-digit number from 1900 to 2099 (no thousands comma) is a year and is skipped; write
 *   quantities of that size with a comma (`2,000`), as the house style does anyway.
 * - A sign is not part of the number: `-1` states `1`.
 */
export function extractNumbers(prose: string): string[] {
  const text = prose
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .map((line) => line.replace(/^(\s*)\d+\.\s/, '$1'))
    .join('\n')
    .replace(/\]\([^)]*\)/g, ']');
  const out: string[] = [];
  const re = /\d[\d,]*(?:\.\d+)?/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let raw = m[0];
    const start = m.index;
    // Trailing commas are punctuation ("750, and then").
    while (raw.endsWith(',')) raw = raw.slice(0, -1);
    const end = start + raw.length;
    const before = text[start - 1] ?? '';
    const beforeThat = text[start - 2] ?? '';
    let after = text[end] ?? '';
    if (after === '.' && !/\d/.test(text[end + 1] ?? '')) after = text[end + 1] ?? '';
    if (/[\p{L}\p{N}_]/u.test(before)) continue;
    if (before === '-' && /[\p{L}\p{N}]/u.test(beforeThat)) continue;
    if (/[\p{L}_]/u.test(after)) continue;
    const parts = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw) ? [raw.replace(/,/g, '')] : raw.split(',').filter((p) => p !== '');
    for (const p of parts) {
      if (/^(19|20)\d\d$/.test(p) && !raw.includes(',')) continue;
      out.push(normaliseNumber(p));
    }
  }
  return out;
}

/** One canonical spelling per number, so `25.00`, `25` and `025` compare equal. */
export function normaliseNumber(digits: string): string {
  const n = Number(digits);
  return Number.isFinite(n) ? String(n) : digits;
}

/** Markdown emphasis and code marks removed, whitespace collapsed, lower-cased: for "does the prose say this". */
export function plainText(markdown: string): string {
  return markdown.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The predict section's parts: the question, the options (`- a: text`), and `### Why`. */
export interface PredictProse {
  question: string;
  options: Array<{ id: string; text: string }>;
  explanation: string;
  /** What is wrong with the section's shape; empty when well formed. */
  problems: string[];
}

/**
 * Reads a `## predict` section:
 *
 * ```md
 * The question, in one or more paragraphs.
 *
 * - a: the first option
 * - b: the second option
 *
 * ### Why
 *
 * The explanation shown once the learner has answered.
 * ```
 */
export function parsePredict(body: string): PredictProse {
  const problems: string[] = [];
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const why = lines.findIndex((l) => /^###\s+why\s*$/i.test(l));
  const head = why < 0 ? lines : lines.slice(0, why);
  const explanation =
    why < 0
      ? ''
      : lines
          .slice(why + 1)
          .join('\n')
          .trim();
  const options: PredictProse['options'] = [];
  const question: string[] = [];
  for (const line of head) {
    const m = /^-\s+([a-z0-9]+):\s+(.+)$/.exec(line);
    if (m) options.push({ id: m[1]!, text: m[2]!.trim() });
    else if (options.length === 0) question.push(line);
    else if (line.trim() !== '')
      problems.push(`predict: text after the options is neither an option nor "### Why": "${line.trim()}"`);
  }
  if (why < 0) problems.push('predict: the "### Why" explanation is missing');
  if (question.join('').trim() === '') problems.push('predict: the question is missing');
  if (explanation === '' && why >= 0) problems.push('predict: the "### Why" explanation is empty');
  return { question: question.join('\n').trim(), options, explanation, problems };
}
