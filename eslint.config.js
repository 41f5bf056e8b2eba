// Type-aware lint: floating promises, exhaustive switches, and the module boundaries of
// docs/ARCHITECTURE.md (routes and views never import the database; only repositories run SQL).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '.test-data/**', 'public/**', 'src/db/migrations/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
    },
  },
  {
    files: ['src/modules/**/*.routes.ts', 'src/modules/**/*.routes.tsx', 'src/modules/**/*.pages.tsx', 'src/modules/**/*.views.tsx', 'src/modules/**/*.service.ts', 'src/modules/**/*.policy.ts', 'src/modules/**/*.presenter.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/client.js'], importNames: ['openDatabase'], message: 'Modules receive deps; they never open the database.' }, { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Only repositories (and *.tables.ts) use drizzle.' }] }],
    },
  },
  {
    files: ['src/modules/**/*.views.tsx', 'src/modules/**/*.policy.ts', 'src/modules/**/*.presenter.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/*.repository.js', '**/db/*'], message: 'Views, policies and presenters are pure: no data access.' }] }],
    },
  },
  {
    files: ['src/config.ts', 'tests/**', 'bench/**', 'vitest.config.ts', 'drizzle.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['tests/**', 'bench/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-unsafe-member-access': 'off', '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off', '@typescript-eslint/no-unsafe-call': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
