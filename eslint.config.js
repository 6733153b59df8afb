import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders above data/ (and so above core/). */
const ABOVE_DATA = ['features', 'web', 'services', 'national', 'seed', 'cli', 'imports'].flatMap((dir) => [`**/${dir}/*`, `../${dir}/*`]);
const ABOVE_CORE = [...ABOVE_DATA, '**/data/*', '../data/*', '**/config.ts'];

/** Files under `folder` may not import `patterns` (a wrong-way import fails `npm run lint`). */
function layer(folder, message, patterns) {
  return {
    files: [`${folder}/**/*.ts`],
    ignores: [`${folder}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'public/build/', 'data/', 'test-results/', 'playwright-report/', 'tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        performance: 'readonly',
        crypto: 'readonly',
        Blob: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The layers (README "Layout", decision 0012): each imports only from the layers below it.
  layer('src/core', 'core/ holds pure rules: no database, web, application code or I/O libraries', [
    ...ABOVE_CORE,
    'kysely',
    'pg',
    '@electric-sql/*',
    'fastify',
    '@fastify/*',
    'node:fs',
    'node:child_process',
  ]),
  layer('src/data', 'data/ (schema, migrations, repositories) is below every feature, service and the web layer', ABOVE_DATA),
);
