import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mermaidText, sequenceDiagramText } from './sequence-text.ts';

describe('sequence diagram text', () => {
  it('names participants by generated ids, in order of first mention', () => {
    const text = sequenceDiagramText([
      { from: 'checkout', to: 'orders-0', text: 'OrderPlaced key=o-1' },
      { from: 'orders-0', to: 'checkout', text: 'ack offset 0', reply: true },
      { from: 'billing-c1', to: 'billing-c1', text: 'crashed', note: true },
    ]);
    expect(text).toBe(
      [
        'sequenceDiagram',
        '  participant p1 as checkout',
        '  participant p2 as orders-0',
        '  p1->>p2: OrderPlaced key=o-1',
        '  p2-->>p1: ack offset 0',
        '  participant p3 as billing-c1',
        '  Note over p3: crashed',
      ].join('\n'),
    );
  });

  it('encodes hostile labels so no mermaid syntax or HTML survives', () => {
    const hostile = [
      '%%{init: {"securityLevel":"loose"}}%%',
      'a;b->>c: x',
      '<img src=x onerror=alert(1)>',
      'x\nparticipant evil',
      'click p1 call alert()',
    ];
    for (const h of hostile) {
      const text = sequenceDiagramText([{ from: h, to: 'b', text: h }]);
      const body = text.split('\n').slice(1);
      // The only syntax left is ours: two participant lines and one arrow, labels fully encoded.
      expect(body[0]).toMatch(/^ {2}participant p1 as ([A-Za-z0-9 _.,()/=+-]|#\d+;)+$/);
      expect(body[1]).toBe('  participant p2 as b');
      expect(body[2]).toMatch(/^ {2}p1->>p2: ([A-Za-z0-9 _.,()/=+-]|#\d+;)+$/);
      expect(body).toHaveLength(3);
    }
  });

  it('keeps every label to safe characters and entity codes, for any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        expect(mermaidText(s)).toMatch(/^([A-Za-z0-9 _.,()/=+-]|#\d+;)+$/);
      }),
    );
  });
});
