/**
 * Every exercise folder, graded: its solution passes, each wrong design fails for the reason its
 * definition states (the named check breaks and its detail says why), a broken check carries a
 * run to open and its seed, and the prose has its five parts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gradeDesign,
  gradedExerciseIds,
  parseDesign,
  x03LagBound,
  x03ProcessingMs,
  x03RatePerSec,
} from '../../simulator/index.ts';
import { exerciseDefinitions, folderOf } from './catalog.ts';
import { parseExerciseContent } from './content.ts';

const dir = import.meta.dirname;
const readJson = (folder: string, file: string): unknown => JSON.parse(readFileSync(join(dir, folder, file), 'utf8'));

describe('exercise folders', () => {
  it('every graded exercise has a folder, and every folder a definition', () => {
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual(exerciseDefinitions.map(folderOf).sort());
    expect(exerciseDefinitions.map((x) => x.id).sort()).toEqual([...gradedExerciseIds].sort());
  });

  for (const x of exerciseDefinitions) {
    const folder = folderOf(x);
    describe(folder, () => {
      it('has a problem, three hints and a model answer', () => {
        const c = parseExerciseContent(readFileSync(join(dir, folder, 'content.md'), 'utf8'));
        expect(c.problem.length).toBeGreaterThan(200);
        expect(c.hints.every((h) => h.length > 40)).toBe(true);
        expect(c.answer.length).toBeGreaterThan(300);
      });

      it('solution.json passes every check', () => {
        const d = parseDesign(readJson(folder, 'solution.json'), x.id);
        expect(d.ok).toBe(true);
        if (!d.ok) return;
        const v = gradeDesign(d.value);
        expect(v.checks.filter((c) => !c.held).map((c) => `${c.name}: ${c.detail}`)).toEqual([]);
        expect(v.passed).toBe(true);
      });

      const wrongFiles = readdirSync(join(dir, folder)).filter((f) => /^wrong-.*\.json$/.test(f));
      it('has at least two wrong designs, each described in the definition', () => {
        expect(wrongFiles.length).toBeGreaterThanOrEqual(2);
        expect(wrongFiles.sort()).toEqual(Object.keys(x.wrong).sort());
      });

      for (const file of wrongFiles) {
        it(`${file} fails for its stated reason`, () => {
          const want = x.wrong[file]!;
          const d = parseDesign(readJson(folder, file), x.id);
          expect(d.ok).toBe(true);
          if (!d.ok) return;
          const v = gradeDesign(d.value);
          expect(v.passed).toBe(false);
          const check = v.checks.find((c) => c.name === want.check);
          expect(check?.held).toBe(false);
          expect(check?.detail).toContain(want.mentions);
          // A simulated failure can be opened in the workbench; X01 is an answer key, with no run.
          if (x.id !== 'X01') {
            expect(check?.run?.commands.length).toBeGreaterThan(0);
            expect(check?.run?.cursor).toBeGreaterThan(0);
            expect(check?.seed).toBeTypeOf('number');
          }
        });
      }
    });
  }

  it("X03's prose states the grader's own numbers", () => {
    const text = readFileSync(join(dir, 'X03-size-for-lag', 'content.md'), 'utf8');
    for (const n of [x03RatePerSec, x03ProcessingMs, x03LagBound, 1000 / x03ProcessingMs]) expect(text).toContain(String(n));
  });
});
