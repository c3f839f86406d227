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

  it('keeps a wrapped sentence that begins "5. Look…" as a sentence with its number', () => {
    const blocks = parseMarkdown('notifications is still at 12 and its lag is\n5. Look at what the group still has.');
    expect(blocks).toEqual([
      {
        type: 'p',
        children: [{ type: 'text', text: 'notifications is still at 12 and its lag is 5. Look at what the group still has.' }],
      },
    ]);
    // The real L02 prose, as the page renders it.
    expect(JSON.stringify(parseMarkdown('its lag is\n5. Look at it.'))).toContain('its lag is 5. Look at it.');
  });

  it('numbers a list from where its text starts', () => {
    expect(parseMarkdown('3. third\n4. fourth')).toEqual([
      { type: 'ol', start: 3, items: [[{ type: 'text', text: 'third' }], [{ type: 'text', text: 'fourth' }]] },
    ]);
    expect(parseMarkdown('Steps:\n1. one\n2. two')[1]).toEqual({
      type: 'ol',
      items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]],
    });
  });
});
