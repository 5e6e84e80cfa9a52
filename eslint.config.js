// @ts-check
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers (STYLE.md §1): what each may import. Violations are errors. */
const zones = [
  // shared is pure: no Node, no DOM, no other layer.
  { target: './shared', from: ['./electron', './renderer', './cloud', './tests'], message: 'shared/ imports nothing but shared/.' },
  // renderer runs in the browser: only shared/ from the other layers.
  { target: './renderer', from: ['./electron', './cloud', './tests'], message: 'renderer/ may import shared/ only.' },
  // the core is plain Node and never reaches into the Electron shell or the UI.
  { target: './electron/core', from: ['./electron/main', './electron/preload', './electron/console', './renderer', './cloud'], message: 'electron/core is plain Node: no shell, no UI.' },
  { target: './electron/console', from: ['./electron/main', './electron/preload', './renderer', './cloud'], message: 'the console host serves the core, it does not need the Electron shell.' },
  { target: './electron/preload', from: ['./electron/core', './electron/console', './electron/main', './renderer', './cloud'], message: 'preload exposes the contract only.' },
  { target: './cloud', from: ['./electron', './renderer'], message: 'cloud/ imports shared/ only.' },
];

/** @type {import('eslint').Linter.RulesRecord} */
const noElectron = {
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }] },
  ],
};

export default defineConfig(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', '.tools/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Sources import './x.js' for './x.ts' (ESM style): resolve those to the .ts files, or the layer zones
      // below would silently skip every import they cannot resolve.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  { files: ['shared/**', 'electron/core/**', 'electron/console/**', 'renderer/**', 'cloud/**', 'tests/**', 'bench/**'], rules: noElectron },
  { files: ['shared/**'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'react', 'react-dom'], message: 'shared/ is pure: no Node and no DOM libraries.' }], paths: [{ name: 'electron', message: 'no electron in shared/' }] }] } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'renderer/ runs in a browser.' }], paths: [{ name: 'electron', message: 'the renderer talks to the core through lib/api.ts only' }] }],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'tests/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // The lint config itself is plain JS outside every tsconfig: lint it without type information.
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
