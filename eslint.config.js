// ESLint flat config. (Biome would do, but this workplace's registry lacks its binaries for other platforms,
// which leaves a lockfile that `npm ci` refuses; ESLint and Prettier are plain JavaScript.)
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'test/artifacts/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      'no-console': 'error',
      // Named exports only: one name per concept, greppable, and refactor-safe.
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use a named export.' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    plugins: { vitest },
    rules: {
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      'vitest/expect-expect': 'off',
    },
  },
  {
    // Tests pass on any date (CI runs them a year ahead too): time comes from the code's Clock port, or for a
    // runtime that reads the system clock itself, from test/support/real-clock.ts, never read here and there.
    files: ['test/**/*.ts'],
    ignores: ['test/support/real-clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use a named export.' },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'No real clock in tests: use the Clock port (movableClock), or realNow() from test/support/real-clock.ts for a runtime that reads the system clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'No real clock in tests: performance.now() for timeouts, randomUUID() for unique names, the Clock port or realNow() for dates.',
        },
      ],
    },
  },
  { files: ['infra/local/**', 'bench/**'], rules: { 'no-console': 'off' } },
  {
    // Tools that require a default export of their config or module shape.
    files: [
      'eslint.config.js',
      'vitest.config.ts',
      'vitest.browser.config.ts',
      'vitest.e2e.config.ts',
      'test/setup/**',
      '**/*.d.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', exports: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
