// ESLint for the playground: typescript-eslint's recommended rules, React's hook rules, and the layer rule
// (imports point down: components -> state -> worker -> analysis -> model/genome; Node-only code stays in the
// Node folders). Run from the repository root: `npm run lint`.

import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Folders each folder must not import from (relative imports of `src/<folder>/...`). */
const FORBIDDEN = {
  genome: [
    'model',
    'analysis',
    'eval',
    'bench',
    'score',
    'fewshot',
    'worker',
    'state',
    'components',
    'cli',
    'node',
    'share',
    'render',
    'gallery',
  ],
  model: [
    'analysis',
    'eval',
    'bench',
    'score',
    'fewshot',
    'worker',
    'state',
    'components',
    'cli',
    'node',
    'share',
    'render',
    'gallery',
  ],
  analysis: ['eval', 'bench', 'score', 'worker', 'state', 'components', 'cli', 'node', 'render', 'gallery'],
  fewshot: ['worker', 'state', 'components', 'cli', 'node', 'render'],
  render: ['state', 'worker', 'components', 'cli', 'node'],
  share: ['state', 'worker', 'components', 'cli', 'node'],
  worker: ['state', 'components', 'cli', 'node'],
  state: ['components', 'cli', 'node'],
};
const BROWSER = [
  'genome',
  'model',
  'analysis',
  'fewshot',
  'render',
  'share',
  'worker',
  'state',
  'components',
  'export',
  'gallery',
];

const layerRules = Object.entries(FORBIDDEN).map(([folder, banned]) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  ignores: ['**/*.test.ts', '**/test*.ts'], // tests and their helpers (testSupport.ts, testFixtures.ts) run in Node
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...banned.map((b) => ({
            group: [`**/${b}/*`, `../${b}`, `../../${b}`],
            message: `src/${folder} sits below src/${b}: imports point down the layers (docs/architecture.md).`,
            allowTypeImports: false,
          })),
          ...(BROWSER.includes(folder)
            ? [{ group: ['node:*'], message: 'browser code: Node modules belong in src/node or src/cli.' }]
            : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'tools/**',
      '.cache/**',
      'public/**',
      'test-results/**',
      'training/**',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'test/**/*.ts', '*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  // hooks live in the page's components (elsewhere a use- name is no hook: useNodeBackend starts a backend)
  {
    files: ['src/components/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layerRules,
);
