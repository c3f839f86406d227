/**
 * What a learner reads under each step is the prose's own sentences, never a check's raw value:
 * no lesson, at any step, renders "(checked: false)", "(checked: -1)" or "owns nothing (checked: )".
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/catalog.ts';
import { loadLesson } from '../../lessons/index.ts';
import { playScript } from '../../lessons/format/play-script.ts';
import { ClaimsList } from './ClaimsList.tsx';

describe.each(lessons.filter((l) => l.ready).map((l) => [l.id]))('%s claims as the page shows them', (id) => {
  it('say what the prose says, with no developer text', async () => {
    const lesson = (await loadLesson(id))!;
    for (let i = 0; i < lesson.steps.length; i++) {
      const claims = playScript(lesson, i)!.claims;
      const html = renderToStaticMarkup(<ClaimsList claims={claims} />);
      expect(html).not.toMatch(/checked:|expected:|\(checked|simulation disagrees/);
      for (const c of claims)
        expect(html).toContain(
          c.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/</g, '&lt;'),
        );
      expect(html.match(/claim-holds/g)?.length ?? 0).toBe(claims.length);
    }
  });
});

describe('a failing claim', () => {
  it('says so in words, not only with a mark', () => {
    const html = renderToStaticMarkup(<ClaimsList claims={[{ id: 'x', text: 'lag is 5', expected: 5, actual: 7 }]} />);
    expect(html).toContain('the simulation disagrees: it gives 7');
  });
});
