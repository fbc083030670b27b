import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // app/ and lib/ reach the sandbox over HTTP only.
    files: ['app/**', 'components/**', 'lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/sandbox/**', '@/sandbox/*'] }] },
  },
  { ignores: ['.next/**', 'generated/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
