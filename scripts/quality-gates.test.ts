/**
 * The purity rule must be able to fail: lint snippets as if they lived in simulator/ and check
 * each impurity is reported, and that the same code is allowed in app/ and in simulator tests.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('simulator purity rule', () => {
  const impure: Array<[string, string]> = [
    ['Math.random', 'export const x = Math.random();'],
    ['Date.now', 'export const x = Date.now();'],
    ['new Date', 'export const x = new Date();'],
    ['setTimeout', 'setTimeout(() => 1, 5);'],
    ['setInterval', 'setInterval(() => 1, 5);'],
    ['window', 'export const w = window.location;'],
    ['document', 'export const d = document.title;'],
    ['react', "import { useState } from 'react';\nexport const u = useState;"],
    ['zustand', "import { create } from 'zustand';\nexport const c = create;"],
    ['@xyflow/react', "import { ReactFlow } from '@xyflow/react';\nexport const r = ReactFlow;"],
    ['mermaid', "import mermaid from 'mermaid';\nexport const m = mermaid;"],
    ['an app/ module', "import { routes } from '../../app/routes.tsx';\nexport const r = routes;"],
  ];

  for (const [what, code] of impure) {
    it(`rejects ${what} in simulator/`, async () => {
      const ids = await ruleIds(code, 'simulator/kafka/example.ts');
      expect(ids.some((id) => id.startsWith('no-restricted'))).toBe(true);
    });
  }

  it('allows the same calls in tests and in app/', async () => {
    expect(await ruleIds('export const x = Math.random() + Date.now();\n', 'simulator/kafka/example.test.ts')).toEqual([]);
    expect(await ruleIds('export const x = Math.random() + Date.now();\n', 'app/example.ts')).toEqual([]);
  });

  it('accepts pure simulator code', async () => {
    expect(await ruleIds('export const add = (a: number, b: number): number => a + b;\n', 'simulator/core/example.ts')).toEqual(
      [],
    );
  });
});

describe('simulator import boundary', () => {
  const deep = "import { readLog } from '../../simulator/kafka/replication.ts';\nexport const r = readLog;\n";
  it('rejects an app or lesson module reaching past simulator/index.ts', async () => {
    for (const file of ['app/models/kafka/example.ts', 'app/pages/Example.tsx', 'lessons/99-example/lesson.ts']) {
      const ids = await ruleIds(deep.replace('../../', file.split('/').length === 4 ? '../../../' : '../../'), file);
      expect(ids, file).toContain('no-restricted-imports');
    }
    expect(
      await ruleIds(
        "import type { KafkaState } from '../../simulator/kafka/state.ts';\nexport type S = KafkaState;\n",
        'app/models/x.ts',
      ),
    ).toContain('no-restricted-imports');
  });
  it('allows the public surface, and simulator/ itself keeps its own folders', async () => {
    expect(
      await ruleIds("import { kafkaModel } from '../../simulator/index.ts';\nexport const m = kafkaModel;\n", 'app/pages/x.ts'),
    ).toEqual([]);
    expect(
      await ruleIds("import { readLog } from './replication.ts';\nexport const r = readLog;\n", 'simulator/kafka/x.ts'),
    ).toEqual([]);
  });
});

describe('typecheck coverage', () => {
  it('the one tsconfig that `npm run typecheck` uses includes every source folder', async () => {
    const ts = (await import('typescript')).default;
    const parsed = ts.getParsedCommandLineOfConfigFile(
      'tsconfig.json',
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(String(d.messageText));
        },
      },
    );
    const files = (parsed?.fileNames ?? []).map((f) => f.slice(process.cwd().length + 1));
    for (const folder of ['app/', 'simulator/', 'lessons/', 'e2e/', 'scripts/', 'bench/']) {
      expect(
        files.some((f) => f.startsWith(folder)),
        folder,
      ).toBe(true);
    }
    expect(parsed?.options.strict).toBe(true);
    expect(parsed?.options.noEmit).toBe(true);
  });
});
