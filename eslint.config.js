// Lint rules, and the layer rules of ARCHITECTURE.md written as import bans per folder: who may
// import whom is checked by this file on every `npm test`, not left to goodwill.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Bans a set of import paths (exact names) and patterns in one folder. */
function layer(files, { paths = [], patterns = [], message }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: paths.map((name) => ({ name, message })),
          patterns: patterns.map((group) => ({ ...group, message: group.message ?? message })),
        },
      ],
    },
  };
}

/**
 * solver/ is pure computation: plain data in and out. Each LP library lives behind its adapter in
 * solver/lp/ (javascript-lp-solver in js-lp-solver.ts, HiGHS in highs.ts) and nowhere else.
 */
function solverLayer() {
  const always = ['electron', 'sqlite3', 'react', 'react-dom', ...nodeBuiltins];
  const engines = ['javascript-lp-solver', 'highs'];
  const patterns = [{ group: ['**/data/**', '**/electron/**', '**/renderer/**'] }];
  const message = 'solver/ is pure computation: plain data in and out; each LP library lives behind its adapter in solver/lp/.';
  return [
    layer(['solver/**'], { paths: [...always, ...engines], patterns, message }),
    layer(['solver/lp/js-lp-solver.ts'], { paths: [...always, 'highs'], patterns, message }),
    layer(['solver/lp/highs.ts'], { paths: [...always, 'javascript-lp-solver'], patterns, message }),
  ];
}

/**
 * The backend is plain Node shared by both hosts. Its heavy file libraries each live behind one
 * module (exceljs in transfer/xlsx.ts, the csv packages in transfer/csv.ts), so every other backend
 * file is banned from them, and those two files from everything else the backend may not use.
 */
function backendLayer() {
  const hostAndUi = { group: ['**/main/**', '**/preload/**', '**/serve/**', '**/renderer/**'] };
  const message = 'The backend is plain Node shared by both hosts: no electron, no host code, no UI; SQL goes through data/; file formats through transfer/xlsx.ts and transfer/csv.ts.';
  const always = ['electron', 'react', 'react-dom', 'sqlite3', 'javascript-lp-solver', 'highs', 'selfsigned'];
  const excel = ['exceljs'];
  const csv = ['csv-parse', 'csv-parse/sync', 'csv-stringify', 'csv-stringify/sync'];
  return [
    layer(['electron/backend/**'], { paths: [...always, ...excel, ...csv], patterns: [hostAndUi], message }),
    layer(['electron/backend/transfer/xlsx.ts'], { paths: [...always, ...csv], patterns: [hostAndUi], message }),
    layer(['electron/backend/transfer/csv.ts'], { paths: [...always, ...excel], patterns: [hostAndUi], message }),
  ];
}

/**
 * The renderer talks to window.api and nothing else; it may import the contract's types only.
 * ag-grid lives in the *Grid.tsx components and recharts in the *Chart.tsx ones.
 */
function rendererLayer() {
  const always = ['electron', 'sqlite3', 'javascript-lp-solver', 'highs', 'exceljs', 'selfsigned', ...nodeBuiltins];
  const grid = ['ag-grid-community', 'ag-grid-react', '@ag-grid-community/locale'];
  const charts = ['recharts'];
  const patterns = [
    { group: ['**/data/**', '**/solver/**', '**/backend/**', '**/main/**', '**/preload/**', '**/serve/**'] },
    { group: ['**/electron/contract/**'], allowTypeImports: true, message: "The renderer may import the contract's types only." },
  ];
  const message = 'The renderer talks to window.api and nothing else; ag-grid only in *Grid.tsx, recharts only in *Chart.tsx.';
  return [
    layer(['renderer/**'], { paths: [...always, ...grid, ...charts], patterns, message }),
    layer(['renderer/src/**/*Grid.tsx'], { paths: [...always, ...charts], patterns, message }),
    layer(['renderer/src/**/*Chart.tsx'], { paths: [...always, ...grid], patterns, message }),
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/fixtures/**', 'test-results/**', 'playwright-report/**', '.shot.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
    },
  },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // Hooks called in order and effects that name what they read: a missed dependency is a stale view.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  ...solverLayer(),
  layer(['data/**'], {
    paths: ['electron', 'react', 'react-dom', 'javascript-lp-solver', 'sqlite3'],
    patterns: [{ group: ['**/solver/**', '**/electron/**', '**/renderer/**'] }],
    message: 'sqlite3 lives behind data/connection.ts; data/ imports nothing of ours outside data/.',
  }),
  { files: ['data/connection.ts'], rules: { 'no-restricted-imports': 'off' } },
  layer(['electron/contract/**'], {
    paths: ['electron', 'sqlite3', 'react', ...nodeBuiltins],
    patterns: [{ group: ['**/data/**', '**/solver/**', '**/backend/**', '**/main/**', '**/preload/**', '**/serve/**', '**/renderer/**'] }],
    message: 'The contract is shared with the renderer: pure types and validation only.',
  }),
  ...backendLayer(),
  layer(['electron/serve/**'], {
    paths: ['electron', 'react', 'react-dom', 'sqlite3', 'selfsigned'],
    patterns: [{ group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/data/**'] }],
    message: 'The browser host uses the backend only; it must run where Electron is absent; selfsigned lives in serve/sharing.ts.',
  }),
  layer(['electron/serve/sharing.ts'], {
    paths: ['electron', 'react', 'react-dom', 'sqlite3'],
    patterns: [{ group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/data/**'] }],
    message: 'The browser host uses the backend only; it must run where Electron is absent.',
  }),
  // Main shares the data over the network with the browser host's own listener (serve/http-api.ts,
  // serve/sharing.ts): one request handler for both hosts rather than a second copy in main.
  layer(['electron/main/**'], {
    paths: ['react', 'react-dom', 'sqlite3', 'selfsigned'],
    patterns: [{ group: ['**/renderer/**', '**/data/**'] }],
    message: 'The desktop host stays thin: it composes the backend, the contract and the browser host\'s listener.',
  }),
  layer(['electron/preload/**'], {
    paths: ['react', 'react-dom', 'sqlite3', 'selfsigned'],
    patterns: [{ group: ['**/renderer/**', '**/data/**', '**/serve/**'] }],
    message: 'The preload is one generic bridge: the contract and electron only.',
  }),
  ...rendererLayer(),
);
