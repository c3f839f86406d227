import { describe, expect, it } from 'vitest';
import { OwnLinks } from './own-links.ts';

describe('own links', () => {
  it('knows the link the page opened with', () => {
    expect(new OwnLinks('v1:a').isOwn('v1:a')).toBe(true);
    expect(new OwnLinks(null).isOwn(null)).toBe(true);
  });

  it('takes the late report of an older write for its own, even after a newer write', () => {
    const own = new OwnLinks(null);
    own.wrote('v1:a');
    own.wrote('v1:b');
    expect(own.isOwn('v1:a')).toBe(true);
    expect(own.isOwn('v1:b')).toBe(true);
  });

  it('takes a link from elsewhere for foreign, then for its own', () => {
    const own = new OwnLinks('v1:a');
    own.wrote('v1:b');
    expect(own.isOwn('v1:pasted')).toBe(false);
    expect(own.isOwn('v1:pasted')).toBe(true);
    // What was written before the pasted link no longer counts as the page's.
    expect(own.isOwn('v1:b')).toBe(false);
  });

  it('remembers a bounded number of writes', () => {
    const own = new OwnLinks(null, 4);
    for (let i = 0; i < 10; i++) own.wrote(`v1:${i}`);
    expect(own.isOwn('v1:9')).toBe(true);
    expect(new OwnLinks(null, 4).isOwn('v1:0')).toBe(false);
  });
});
