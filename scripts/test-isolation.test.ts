/**
 * Unit tests share one module graph per worker (vite.config.ts: isolate false), so a test that
 * replaces a module with vi.mock would hand its fake to every file after it. Each such file must
 * be listed in `mockingTests`, which runs it isolated: this finds them all and compares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mockingTests } from '../vite.config.ts';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('test isolation', () => {
  it('runs every test that mocks a module in the isolated project, and only those', () => {
    const mocking = ['simulator', 'app', 'lessons', 'scripts']
      .flatMap(testFiles)
      .filter((f) => /\bvi\.(do)?mock\(/.test(readFileSync(f, 'utf8')))
      .sort();
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking).toEqual([...mockingTests].sort());
  });
});
