// Type-aware lint: floating promises, exhaustive switches, and the module boundaries of
// docs/ARCHITECTURE.md (routes and views never import the database; only repositories run SQL).
import tseslint from 'typescript-eslint';

const noDatabase = [
  { group: ['**/db/client.js'], importNames: ['openDatabase'], message: 'Modules receive deps; they never open the database.' },
  { group: ['drizzle-orm', 'drizzle-orm/*'], allowTypeImports: true, message: 'Only repositories (and *.tables.ts) use drizzle.' },
];

export default tseslint.config(
  { ignores: ['.dependency-cruiser.cjs', 'node_modules/**', 'data/**', '.test-data/**', 'public/**', 'src/db/migrations/**', 'coverage/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      // Modules add their error codes by `interface ModuleErrorCodes extends Record<…> {}` (ADR 0011).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/only-throw-error': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
    },
  },
  // Module boundaries. Flat config replaces a rule's options per matching block, so each block
  // lists every pattern that applies to its files (the pure block repeats the drizzle ban).
  {
    files: ['src/modules/**/*.ts', 'src/modules/**/*.tsx'],
    ignores: ['src/modules/**/*.repository.ts', 'src/modules/**/*.tables.ts', 'src/modules/**/*.test.ts', 'src/modules/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noDatabase] }] },
  },
  {
    files: ['src/modules/**/*.views.tsx', 'src/modules/**/*.pages.tsx', 'src/modules/**/*.policy.ts', 'src/modules/**/*.presenter.ts', 'src/modules/**/*.forms.ts'],
    ignores: ['src/modules/**/*.test.ts', 'src/modules/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...noDatabase, { group: ['**/*.repository.js', '**/db/*'], allowTypeImports: true, message: 'Views, pages, forms, policies and presenters are pure: they get data from services, never a repository.' }] }] },
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
