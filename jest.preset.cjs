// Shared jest settings: SWC transpiles TypeScript (with Nest's decorator metadata) and
// workspace packages resolve to their sources so tests never need a prior build.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        react: { runtime: 'automatic' },
      },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const packages = path.join(__dirname, 'packages');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@tidewatch/(core|triggers|api-client)$': `${packages}/$1/src/index.ts`,
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
