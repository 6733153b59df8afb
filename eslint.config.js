import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// For each folder, `**/dir/*` and `../dir/*`: an import of anything in it, from anywhere.
const folders = (...dirs) => dirs.flatMap((dir) => [`**/${dir}/*`, `../${dir}/*`]);
const ENTRY_POINTS = folders('app', 'cli', 'seed');
const ABOVE_SERVICES = [...ENTRY_POINTS, ...folders('features', 'web')];
const ABOVE_NATIONAL = [...ABOVE_SERVICES, ...folders('services', 'intake')];
const ABOVE_DATA = [...ABOVE_NATIONAL, ...folders('national')];
const ABOVE_CORE = [...ABOVE_DATA, ...folders('data'), '**/config.ts'];

/**
 * Files under `folder` may not import `patterns` (a wrong-way import fails `npm run lint`); each
 * of `more` is a further `{ group, message }` for that folder.
 */
function layer(folder, message, patterns, ...more) {
  const groups = [{ group: patterns, message }, ...more].map((group) => ({ ...group, allowTypeImports: true }));
  return {
    files: [`${folder}/**/*.ts`],
    ignores: [`${folder}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: groups }] },
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
  // Type-aware rules: a promise is awaited, returned or explicitly `void`ed, and never passed where a callback's result is ignored.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
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
  layer('src/data', 'data/ (schema, migrations, repositories) is below everything but core/', ABOVE_DATA),
  layer('src/national', 'national/ is the national library and its readers: core/ only', ABOVE_NATIONAL.concat(folders('data'))),
  layer('src/services', 'services/ is shared by features: it may not use a feature, the web layer or an entry point', [
    ...ABOVE_SERVICES,
    ...folders('intake'),
  ]),
  layer('src/intake', 'intake/ (figures coming in) is used by features: it may not use one, nor the web layer', ABOVE_SERVICES),
  layer('src/features', 'a feature may not use the app assembly (app/), the CLI or the seeds', ENTRY_POINTS, {
    group: ['../*/routes.ts', '../*/*-routes.ts', '../*/views/*'],
    message: 'a feature uses another through its service or schemas, never its routes or views (shared web helpers belong in web/)',
  }),
  layer('src/web', 'web/ is the toolkit features use: the app assembly (app/) alone knows the features', [
    ...ENTRY_POINTS,
    ...folders('features'),
  ]),
);
