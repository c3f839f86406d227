/**
 * Speaker notes: each written lesson's notes.md, one `## <step-id>` section per step (and, if the
 * teacher wants them, `## intro`, `## recap`, `## challenge`, `## simplifies`). A step's section
 * says three things, each on a line of its own that starts with its label in bold:
 *
 *   **Point at:** what on the projected picture to show the room
 *   **Ask the room:** the question to ask before or after the step plays
 *   **Misconception:** the wrong idea this step is there to correct
 *
 * The notes are read through the lesson's catalogue entry (`notes`), so content.md — what learners
 * read, checked by the lesson's claims — is never touched for a teacher's sake.
 */
import { parseContent } from '../../../lessons/format/content.ts';

export const noteLabels = [
  { key: 'point', label: 'Point at' },
  { key: 'ask', label: 'Ask the room' },
  { key: 'misconception', label: 'Misconception' },
] as const;

export type NoteKey = (typeof noteLabels)[number]['key'];

export interface PartNotes {
  /** The labelled parts, when present. */
  point?: string;
  ask?: string;
  misconception?: string;
  /** The whole section as written, for parts written freely (intro, recap). */
  body: string;
}

const labelLine = /^\*\*(Point at|Ask the room|Misconception):\*\*\s*(.*)$/;

/** Parses notes.md into sections by part id. Never throws; unknown text stays in `body`. */
export function parseNotes(markdown: string): Map<string, PartNotes> {
  const out = new Map<string, PartNotes>();
  for (const section of parseContent(markdown).sections) {
    if (section.name === '') continue;
    const notes: PartNotes = { body: section.body };
    let key: NoteKey | null = null;
    for (const line of section.body.split('\n')) {
      const m = labelLine.exec(line.trim());
      if (m) {
        key = noteLabels.find((l) => l.label === m[1])!.key;
        notes[key] = m[2]!.trim();
      } else if (key !== null && line.trim() !== '') {
        // A label's text may wrap onto following lines.
        notes[key] = `${notes[key]} ${line.trim()}`;
      } else if (line.trim() === '') key = null;
    }
    out.set(section.name, notes);
  }
  return out;
}

/** What is wrong with a lesson's notes: a step without notes or missing a part, a section for no step. */
export function notesProblems(stepIds: readonly string[], notes: ReadonlyMap<string, PartNotes>): string[] {
  const problems: string[] = [];
  const known = new Set([...stepIds, 'intro', 'recap', 'challenge', 'simplifies']);
  for (const id of stepIds) {
    const n = notes.get(id);
    if (!n) {
      problems.push(`step "${id}" has no notes`);
      continue;
    }
    for (const { key, label } of noteLabels) if (!n[key]) problems.push(`step "${id}" has no "${label}" line`);
  }
  for (const id of notes.keys()) if (!known.has(id)) problems.push(`notes for "${id}", which is not a part of the lesson`);
  return problems;
}
