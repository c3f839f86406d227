import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

describe('lesson markdown', () => {
  it('parses paragraphs, lists and inline marks', () => {
    const blocks = parseMarkdown('The **lag** is `5`,\nnot *zero*.\n\n- one\n- two\n  continued\n\n1. first\n2. second');
    expect(blocks).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'The ' },
          { type: 'strong', children: [{ type: 'text', text: 'lag' }] },
          { type: 'text', text: ' is ' },
          { type: 'code', text: '5' },
          { type: 'text', text: ', not ' },
          { type: 'em', children: [{ type: 'text', text: 'zero' }] },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'ul', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two continued' }]] },
      { type: 'ol', items: [[{ type: 'text', text: 'first' }], [{ type: 'text', text: 'second' }]] },
    ]);
  });

  it('keeps HTML as text and only links to web and in-app addresses', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
    const bad = parseInline('[bad](javascript:alert(1))');
    expect(bad.some((n) => n.type === 'link')).toBe(false);
    expect(bad[0]).toEqual({ type: 'text', text: 'bad' });
    expect(parseInline('[L07](#/lessons/L07)')).toEqual([
      { type: 'link', href: '#/lessons/L07', children: [{ type: 'text', text: 'L07' }] },
    ]);
  });
});
