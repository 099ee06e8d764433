// @ts-check
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Modules that do I/O or belong to a framework: the pure domain may not import them.
const ioAndFrameworks = [
  '@nestjs/*', 'react', 'react-dom', 'dockerode', 'typeorm', 'better-sqlite3', 'pg', 'undici',
  'nodemailer', 'mqtt', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http',
  'https', 'node:https', 'net', 'node:net', 'child_process', 'node:child_process',
];

const NODE_IO = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net', 'dgram', 'node:dgram', 'dns', 'node:dns', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.nx/**', '**/*.cjs', '**/*.mjs', '**/*.d.ts', 'test/artifacts/**'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ioAndFrameworks },
            { sourceTag: 'type:triggers', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: ['@nestjs/*', 'react', 'react-dom', 'dockerode', 'typeorm'] },
            { sourceTag: 'type:client', onlyDependOnLibsWithTags: [], bannedExternalImports: ['@nestjs/*', 'react', 'dockerode', 'typeorm'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:triggers', 'type:client'], bannedExternalImports: ['react', 'react-dom'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:client', 'type:domain'], bannedExternalImports: ['@nestjs/*', 'dockerode', 'typeorm', 'better-sqlite3'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:client', 'type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // Tests may use loose jest matchers (expect.any etc. are typed as any).
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.integration-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Integration and e2e tests use the shared real test environment in test/env.
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  {
    // The pure domain does no I/O: Node's I/O modules are banned there too (the Nx rule covers packages).
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_IO.map((name) => ({ name, message: 'packages/core is pure domain logic: no I/O.' })) }],
    },
  },
  prettier,
);
