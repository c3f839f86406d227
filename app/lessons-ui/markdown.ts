/**
 * A small Markdown subset → a tree of plain data, for lesson prose: paragraphs, bullet and
 * numbered lists, `code`, **bold**, *italic* and [links](url). Lesson text is rendered as React
 * elements from this tree, never as HTML, so nothing in it can inject markup; only http(s) and
 * in-app hash links become links.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'p'; children: Inline[] }
  | { type: 'ul'; items: Inline[][] }
  | { type: 'ol'; items: Inline[][]; start?: number }
  | { type: 'h'; level: 3 | 4; children: Inline[] }
  | { type: 'quote'; children: Inline[] };

const inlinePattern = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|_([^_\s][^_]*?)_|\[([^\]]+)\]\(([^)\s]+)\)/;

/** Safe link targets: web links and the app's own hash routes. */
export function safeHref(href: string): string | null {
  return /^(https?:\/\/|#\/)/.test(href) ? href : null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const m = inlinePattern.exec(rest);
    if (!m) {
      out.push({ type: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ type: 'text', text: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) out.push({ type: 'strong', children: parseInline(m[2]) });
    else if (m[3] !== undefined || m[4] !== undefined) out.push({ type: 'em', children: parseInline((m[3] ?? m[4])!) });
    else {
      const href = safeHref(m[6]!);
      out.push(href ? { type: 'link', href, children: parseInline(m[5]!) } : { type: 'text', text: m[5]! });
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/** Parses Markdown text into blocks. Unknown syntax stays visible as text. */
export function parseMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: { type: 'ul' | 'ol'; items: string[]; start: number } | null = null;
  const listBlock = (l: { type: 'ul' | 'ol'; items: string[]; start: number }): Block =>
    l.type === 'ul'
      ? { type: 'ul', items: l.items.map(parseInline) }
      : { type: 'ol', items: l.items.map(parseInline), ...(l.start !== 1 ? { start: l.start } : {}) };
  const flush = (): void => {
    if (para.length) blocks.push({ type: 'p', children: parseInline(para.join(' ')) });
    para = [];
    if (list) blocks.push(listBlock(list));
    list = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*(\d+)[.)]\s+(.*)$/.exec(line);
    // As in CommonMark, only "1." may start a list in the middle of a paragraph: a wrapped
    // sentence whose line begins "5. Look…" is still that sentence, number and all.
    const startsList = bullet !== null || (numbered !== null && (para.length === 0 || list !== null || numbered[1] === '1'));
    const heading = /^(#{3,4})\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ type: 'h', level: heading[1]!.length as 3 | 4, children: parseInline(heading[2]!) });
    } else if (startsList) {
      const type = bullet ? 'ul' : 'ol';
      if (para.length) {
        blocks.push({ type: 'p', children: parseInline(para.join(' ')) });
        para = [];
      }
      if (!list || list.type !== type) {
        if (list) blocks.push(listBlock(list));
        list = { type, items: [], start: numbered ? Number(numbered[1]) : 1 };
      }
      list.items.push(bullet ? bullet[1]! : numbered![2]!);
    } else if (list && /^\s{2,}\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else if (/^>\s?/.test(line)) {
      flush();
      blocks.push({ type: 'quote', children: parseInline(line.replace(/^>\s?/, '')) });
    } else {
      if (list) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}
