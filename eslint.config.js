import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    languageOptions: { globals: globals.browser },
    rules: {
      // The page talks to the kiosk only through the typed API (src/kiosk); it must never reach
      // Electron or Node directly.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The page reaches the kiosk only through src/kiosk.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The page runs in a browser sandbox: no Node modules.' },
            {
              group: ['**/electron/**'],
              message: 'The page reaches the kiosk only through src/kiosk.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vue', 'pinia', 'vue-i18n', 'electron'],
          patterns: [{ group: ['node:*', '**/*.vue'], message: 'src/domain is plain TypeScript.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      // The kiosk never opens anything outside itself: links reach visitors as QR codes.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['shell'],
              message: 'The kiosk never hands a link to the system (shell.openExternal).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      'vue/multi-word-component-names': 'off',
    },
  },
  prettier,
);
