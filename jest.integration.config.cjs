// Integration tier: *.integration-spec.ts, one real dependency each (engine, registry, SMTP, DB file).
const preset = require('./jest.preset.cjs');

module.exports = {
  ...preset,
  rootDir: __dirname,
  roots: ['<rootDir>/packages', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.integration-spec.ts'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/env/jest-global-setup.ts',
  globalTeardown: '<rootDir>/test/env/jest-global-teardown.ts',
};
