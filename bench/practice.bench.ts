/**
 * Practice graders (issue 17): time to grade each exercise's designs (goal ≤ 2 s each, in the
 * browser's worker; Node runs the same code). For each exercise, every design in its folder —
 * the solution and each wrong one — is graded once cold (the first grade of that exercise in this
 * process, as a worker's first check) and then three times; `practice.grade_ms.<id>` is the
 * slowest design's median, `practice.grade_cold_ms.<id>` the first grade's time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentiles, type Report } from './report.ts';
import { gradeDesign, parseDesign, type Design } from '../simulator/index.ts';
import { exerciseDefinitions, folderOf } from '../lessons/exercises/catalog.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'lessons', 'exercises');

function timeMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export default async function practiceBench(report: Report): Promise<void> {
  for (const x of exerciseDefinitions) {
    const folder = join(root, folderOf(x));
    const designs: Design[] = readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const d = parseDesign(readFileSync(join(folder, f), 'utf8'));
        if (!d.ok) throw new Error(`${f}: ${d.error.message}`);
        return d.value;
      });
    const cold = timeMs(() => gradeDesign(designs[0]!));
    let worst = 0;
    for (const d of designs) worst = Math.max(worst, percentiles([0, 1, 2].map(() => timeMs(() => gradeDesign(d)))).median);
    report(`practice.grade_cold_ms.${x.id}`, Math.round(cold), 'ms');
    report(`practice.grade_ms.${x.id}`, Math.round(worst), 'ms');
  }
}
