/** Renders lesson Markdown (see markdown.ts) as React elements: text stays text. */
import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';

function inline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} {...(n.href.startsWith('http') ? { rel: 'noreferrer', target: '_blank' } : {})}>
            {inline(n.children)}
          </a>
        );
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case 'p':
      return <p key={i}>{inline(b.children)}</p>;
    case 'quote':
      return <blockquote key={i}>{inline(b.children)}</blockquote>;
    case 'h':
      return b.level === 3 ? <h3 key={i}>{inline(b.children)}</h3> : <h4 key={i}>{inline(b.children)}</h4>;
    case 'ul':
    case 'ol': {
      const items = b.items.map((it, j) => <li key={j}>{inline(it)}</li>);
      return b.type === 'ul' ? (
        <ul key={i}>{items}</ul>
      ) : (
        <ol key={i} start={b.start}>
          {items}
        </ol>
      );
    }
  }
}

export function Markdown({ text }: { text: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <>{blocks.map(block)}</>;
}
