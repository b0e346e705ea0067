// One lint configuration for the server, the panel, the portal, tests, scripts and benchmarks.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.strapi/**', 'build/**', '.tmp/**', 'node_modules/**', 'public/**', 'tests/artifacts/**', 'types/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Plain CommonJS: scripts, benchmarks, migrations, test helpers written in JS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
  {
    files: ['plugins/segnalazioni/admin/src/**/*.{ts,tsx}', 'src/admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['portal/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain decides: pure TypeScript, no framework, no database, no adapter. A capability's
    // domain folder may import its own files and other capabilities' domain folders, nothing else.
    files: ['plugins/segnalazioni/server/src/**/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@strapi/*',
                'knex',
                'koa',
                'koa-*',
                'pg',
                'better-sqlite3',
                'mysql2',
                'nodemailer',
                'sharp',
                'fs',
                'fs/*',
                'http',
                'https',
                'child_process',
              ],
              message: 'The domain is pure TypeScript: no framework, database or I/O library.',
            },
            {
              regex: '^(?!\\./[^/]+$)(?!(?:\\.\\./)+(?:[\\w-]+/)*domain/[^/]+$)\\.',
              message: 'The domain must not depend on its adapters: import only from a domain folder.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },
  prettier,
);
