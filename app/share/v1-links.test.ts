/**
 * Share links of format v1, recorded from the playground as it was before links carried a model
 * id (v2). Each fixture is a real link text and the moment it opened to: cursor, commands, virtual
 * time, trace length, and a hash of the trace entries' sentences and the nodes' statuses. Every v1
 * link must keep opening to exactly that moment.
 *
 * They were recorded once, by the playground of that time; v1 links are only ever read now.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openV1Moment, type V1Fixture } from './v1-fixture-driver.ts';

const file = new URL('./v1-links.json', import.meta.url);
const fixtures = JSON.parse(readFileSync(file, 'utf8')) as V1Fixture[];

const hash = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('v1 share links keep opening at the same moment', () => {
  it('has fixtures for several scenarios, cursors and a forked future, all of format v1', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    expect(new Set(fixtures.map((f) => f.what)).size).toBe(fixtures.length);
    for (const f of fixtures) expect(f.link.startsWith('v1:')).toBe(true);
  });
  for (const f of fixtures) {
    it(f.what, () => {
      const m = openV1Moment(f.link);
      expect(m.ok, m.ok ? '' : m.message).toBe(true);
      if (!m.ok) return;
      const got = {
        cursor: m.cursor,
        commands: m.commands,
        nowMs: m.nowMs,
        traceLength: m.traceLength,
        sha256: hash([m.sentences, m.statuses]),
      };
      expect(got).toEqual(f.expected);
    });
  }
});
