// Folder boundaries are the architecture: core is plain TypeScript, git is the only simple-git user,
// ui (and the composition root) the only vscode users.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'Only src/ui and src/extension.ts may import vscode.' };
const noSimpleGit = { name: 'simple-git', message: 'Only src/git may import simple-git.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', '*.mjs', 'test/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'NewExpression[callee.name="Promise"] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]', message: 'Never new Promise(async ...).' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noVscode, noSimpleGit],
        patterns: [{ group: ['**/git/**', '**/ui/**', '**/cli/**', '**/extension', '**/cli'], message: 'src/core depends on nothing else in src.' }],
      }],
    },
  },
  {
    files: ['src/git/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/ui/**', '**/cli/**', '**/extension'], message: 'src/git depends only on src/core.' }],
      }],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/extension.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noSimpleGit] }],
    },
  },
  {
    files: ['src/cli.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noVscode, noSimpleGit],
        patterns: [{ group: ['**/ui/**'], message: 'The CLI never loads the VS Code layer.' }],
      }],
    },
  },
  {
    files: ['test/unit/**/*.ts', 'test/git/**/*.ts', 'test/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [noVscode] }],
    },
  },
);
