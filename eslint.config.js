// ESLint: TypeScript rules everywhere, React hooks rules in app/, and the rule that keeps
// simulator/ pure — no UI libraries, no app/ modules, no wall clock, no unseeded randomness,
// no timers and no DOM — so the same seed gives the same run in Node, a tab or a worker.
// simulator/ also has no import cycles (scripts/eslint-no-import-cycle.js), so its layers stay one-way.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import localRules from './scripts/eslint-no-import-cycle.js';

const impureSyntax = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'simulator/ is deterministic: use the seeded rng in core/rng.ts, not Math.random.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'simulator/ runs on virtual time: use world.nowMs, not Date.now.',
  },
  { selector: "NewExpression[callee.name='Date']", message: 'simulator/ runs on virtual time: no new Date().' },
  {
    selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
    message: 'simulator/ runs on virtual time: no performance.now.',
  },
];

export default defineConfig([
  globalIgnores(['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e/screenshots/']),
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The app and the lessons read the simulator only through its one public surface, so folders
    // behind simulator/index.ts can move without touching them (DESIGN.md: one public surface).
    files: ['app/**/*.{ts,tsx}', 'lessons/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/simulator/**', '!**/simulator/index.ts'],
              message: 'Read the simulator through simulator/index.ts only (add what you need to its exports).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['simulator/**/*.ts'],
    ignores: ['simulator/**/*.test.ts', 'simulator/**/*.bench.ts', 'simulator/kafka/scenario/cli.ts'],
    languageOptions: { globals: {} },
    plugins: { local: localRules },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'zustand',
                'zustand/*',
                '@xyflow/*',
                'mermaid',
                'mermaid/*',
              ],
              message: 'simulator/ is framework-free: no UI libraries.',
            },
            { group: ['**/app/**', '../app/*', '../../app/*'], message: 'simulator/ must not import from app/.' },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'simulator/ runs in the browser too: no Node built-ins outside the CLI.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...impureSyntax],
      'local/no-import-cycle': 'error',
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'queueMicrotask'].map((name) => ({
          name,
          message: 'simulator/ schedules on its own virtual clock: no timers.',
        })),
        ...['window', 'document', 'localStorage', 'navigator', 'fetch'].map((name) => ({
          name,
          message: 'simulator/ is pure: no browser globals.',
        })),
      ],
    },
  },
]);
