/**
 * Builds mermaid sequence-diagram text from a list of messages between participants.
 *
 * Names and labels come from scenarios, share links and record keys, so they are untrusted: a
 * name must never be able to inject mermaid syntax (a `%%{init}%%` directive, a `;` that starts a
 * new statement, a `<br>` or a link). Participants therefore get generated ids (p1, p2, …), and
 * every character of a label outside a small safe set is written as a mermaid entity code
 * (`#60;` for `<`), which mermaid renders as that character, as text.
 */

export interface SequenceMessage {
  from: string;
  to: string;
  text: string;
  /** Dashed arrow for replies and acknowledgements. */
  reply?: boolean;
  /** A note over the sender instead of an arrow, e.g. "crashed". */
  note?: boolean;
}

const safeChar = /[A-Za-z0-9 _.,()/=+-]/;

/** Encodes a label so mermaid shows it literally. */
export function mermaidText(label: string): string {
  let out = '';
  for (const ch of label.replace(/[\r\n\t]+/g, ' ')) {
    out += safeChar.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out.trim() || '#160;';
}

/** The mermaid source of a sequence diagram; participants appear in order of first mention. */
export function sequenceDiagramText(messages: readonly SequenceMessage[], participantsFirst: readonly string[] = []): string {
  const ids = new Map<string, string>();
  const lines = ['sequenceDiagram'];
  const idOf = (name: string): string => {
    let id = ids.get(name);
    if (id === undefined) {
      id = `p${ids.size + 1}`;
      ids.set(name, id);
      lines.push(`  participant ${id} as ${mermaidText(name)}`);
    }
    return id;
  };
  participantsFirst.forEach(idOf);
  for (const m of messages) {
    const from = idOf(m.from);
    if (m.note) {
      lines.push(`  Note over ${from}: ${mermaidText(m.text)}`);
      continue;
    }
    const to = idOf(m.to);
    lines.push(`  ${from}${m.reply ? '-->>' : '->>'}${to}: ${mermaidText(m.text)}`);
  }
  return lines.join('\n');
}
