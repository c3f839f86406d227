/**
 * The import-cycle rule must be able to fail: two files in simulator/ that import each other are
 * reported, a type-only import back is not, and the same pair outside simulator/ is not checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });
const dir = path.join('simulator', 'core', `.cycle-fixture-${process.pid}`);

async function messages(file: string): Promise<string[]> {
  const [result] = await eslint.lintText(fs.readFileSync(file, 'utf8'), { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('simulator import-cycle rule', () => {
  beforeAll(() => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.ts';\nexport const a = (): number => b() + 1;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = (): number => (a ? 1 : 0);\n");
    fs.writeFileSync(path.join(dir, 'c.ts'), "import { d } from './d.ts';\nexport const c = (): number => d + 1;\n");
    fs.writeFileSync(
      path.join(dir, 'd.ts'),
      "import type { c } from './c.ts';\nexport const d = 1;\nexport type C = typeof c;\n",
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports two files that import each other, naming the chain', async () => {
    const found = await messages(path.join(dir, 'a.ts'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^local\/no-import-cycle: Import cycle: .*a\.ts → .*b\.ts → .*a\.ts/);
    expect(await messages(path.join(dir, 'b.ts'))).toHaveLength(1);
  });

  it('lets a type-only import point back (erased at compile time)', async () => {
    expect(await messages(path.join(dir, 'c.ts'))).toEqual([]);
    expect(await messages(path.join(dir, 'd.ts'))).toEqual([]);
  });

  it('passes on the simulator as it is', async () => {
    const results = await eslint.lintFiles(['simulator/kafka/*.ts', 'simulator/core/*.ts']);
    const cycles = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'local/no-import-cycle'));
    expect(cycles.map((m) => m.message)).toEqual([]);
  });
});
